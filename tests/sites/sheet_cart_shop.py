"""EverShop 2.2's cart, as `make accuracy` met it, for the pricing reader: "Add to cart" posts in the background and
opens a mini-cart sheet over the product page (a Radix dialog with `ul.item__summary__list` items: a picture, the
name and the line total in unnamed Tailwind divs, and a `minicart__summary` row "Subtotal:"); its "Checkout" goes
straight to a one-page checkout that asks for the payment method, beside the same item list and a
`cart__total__summary` whose "Sub total" row has no class; on a phone that summary is hidden and a collapsed
"Order summary $35.00" bar shows the total. No line or summary markup a platform names, no cart page
on the way: the prices must be read by structure. Like EverShop, the checkout's "Shipping Method" section says its
methods "will appear once you provide your address details": its country is an ARIA combobox whose choice re-renders
the postcode field and adds a province combobox; once the address is complete it fetches the rates and shows an
unchosen ARIA radio "Standard Shipping $5.00"; choosing it adds the shipping row and raises the total.
Every order placed is counted (the audit must leave it at 0)."""

from __future__ import annotations

from auditor.demo.httpkit import App, Request, Response

NAME = "Stainless Steel Thermos"
PRICE = "$35.00"
SHIPPING = "$5.00"
TOTAL_SHIPPED = "$40.00"
THUMB = "<svg class='w-16 h-16' viewBox='0 0 10 10'><rect width='10' height='10'/></svg>"


def page(title: str, body: str) -> Response:
    return Response(f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head><body>"
                    f"<header><a href='/'>Thermo</a> <a href='/contact'>Contact</a></header><main class='content'>{body}"
                    f"</main><footer><a href='/contact'>Contact</a></footer>"
                    f"<div id='portal'></div></body></html>")


def items(qty: int) -> str:
    return (f"<ul class='item__summary__list divide-y divide-border'><li class='flex items-start py-3'>"
            f"<div class='relative mr-4 self-center'>{THUMB}<span class='absolute rounded-full'>{qty}</span></div>"
            f"<div class='flex-1 min-w-0 items-start align-top'><div class='text-sm font-medium'>{NAME}</div></div>"
            f"<div class='ml-auto text-right self-center'><div class='text-sm font-medium tabular-nums'>{PRICE}</div>"
            f"</div></li></ul>")


SHEET = ("<div role='dialog' data-state='open' class='fixed inset-y-0 right-0 w-full md:w-1/3 bg-white border-border'>"
         "<div class='border-b border-border'><h2 class='font-medium text-xl'>Your Cart</h2></div>"
         "<div class='minicart__items__container flex flex-col px-5 justify-between h-full'>"
         "<div class='overflow-y-auto mb-8'>{items}</div><div><div class='minicart__summary flex justify-between'>"
         "<span class='font-medium'>Subtotal:</span><span class='font-semibold text-lg'>" + PRICE + "</span></div>"
         "<button type='button' class='minicart__viewcart__button w-full'>View Cart (1)</button>"
         "<button type='button' class='minicart__checkout__button w-full' onclick=\"location.href='/checkout'\">"
         "Checkout</button></div></div></div>")


POSTCODE = "<label id='postcode-field'>Postcode <input name='postcode' required></label>"
# Base UI selects: a button role=combobox whose options stay in the page, hidden, once the list closes
COUNTRY = ("<label for='country'>Country *</label><button type='button' role='combobox' id='country' "
           "aria-haspopup='listbox' data-placeholder>Country</button><div role='listbox' id='country-list' hidden>"
           "<div role='option' aria-disabled='true'>Country</div><div role='option'>United States</div></div>"
           "<div id='province-slot'></div>")
PROVINCE = ("<label for='province'>Province *</label><button type='button' role='combobox' id='province' "
            "aria-haspopup='listbox' data-placeholder>Province</button><div role='listbox' id='province-list' hidden>"
            "<div role='option' aria-disabled='true'>Province</div><div role='option'>Alabama</div>"
            "<div role='option'>California</div><div role='option'>Illinois</div></div>")
# choosing the country re-renders the postcode field and adds the province; once the address is complete (on a
# field's change event, which fires when it loses focus, or a choice) the rates are fetched and listed, unchosen
CHECKOUT_SCRIPT = r"""
const form = document.getElementById('checkoutForm');
const combo = (id, chosen) => {
  const button = document.getElementById(id), list = document.getElementById(id + '-list');
  button.onclick = () => { list.hidden = false; };
  list.querySelectorAll('[role=option]:not([aria-disabled])').forEach(o => o.onclick = () => {
    button.textContent = o.textContent; button.removeAttribute('data-placeholder'); list.hidden = true; chosen(); });
};
const rates = async () => {
  const ready = ['address', 'city', 'postcode'].every(n => form.elements[n].value.trim()) &&
    document.getElementById('province') && !document.getElementById('province').hasAttribute('data-placeholder');
  if (!ready || document.getElementById('rate')) return;
  const offered = await (await fetch('/api/shipping-methods?postcode=' + form.elements.postcode.value)).json();
  document.getElementById('methods').innerHTML = "<label class='flex items-center' id='shipping-method-1'>" +
    "<span role='radio' aria-checked='false' tabindex='0' id='rate' style='display:inline-block;width:16px;" +
    "height:16px;border:1px solid'></span> " + offered[0].name + ' <span>' + offered[0].cost + '</span></label>';
  document.getElementById('rate').onclick = (e) => {
    e.target.setAttribute('aria-checked', 'true');
    document.getElementById('ship-cost').textContent = '""" + SHIPPING + r"""';
    document.querySelectorAll('.grand-total-value, .bar-total').forEach(t => t.textContent = '""" + TOTAL_SHIPPED + r"""');
  };
};
combo('country', () => {
  const old = document.getElementById('postcode-field');
  old.outerHTML = old.outerHTML;  // a fresh element, as a framework renders it for the new country
  document.getElementById('province-slot').innerHTML = """ + repr(PROVINCE) + r""";
  combo('province', rates);
});
form.addEventListener('change', rates);
"""


class SheetCartShop:
    def __init__(self) -> None:
        self.orders = 0
        self.app = App()
        a = self.app
        a.add("/", lambda r: page("Thermo", f"<h1>Thermo</h1><a href='/accessories/thermos'>{NAME}</a>"))
        a.add("/accessories/thermos", self.product)
        a.add("/api/cart/items", self.add, methods=("POST",))
        a.add("/checkout", self.checkout)
        a.add("/api/orders", self.place, methods=("POST",))
        a.add("/api/shipping-methods", self.rates)
        a.add("/contact", lambda r: page("Contact", "<h1>Contact</h1><p>help@thermo.example</p>"))

    def product(self, r: Request) -> Response:
        sheet = SHEET.replace("{items}", items(1)).replace("'", "\\'")
        script = ("<script>document.getElementById('add').onclick = async () => {"
                  "await fetch('/api/cart/items', {method: 'POST', body: 'qty=1'});"
                  f"document.getElementById('portal').innerHTML = '{sheet}';"
                  "};</script>")
        return page(NAME, f"<div class='product__single'><h1 class='product-single-name'>{NAME}</h1>"
                          f"<div class='product__single__price'><span class='sale-price'>{PRICE}</span></div>"
                          "<label>Quantity <input name='qty' value='1'></label>"
                          "<button type='button' id='add' class='button primary'>Add to cart</button></div>" + script)

    def add(self, r: Request) -> Response:
        r.session["cart"] = 1
        return Response.json('{"data": {"count": 1}}')

    def checkout(self, r: Request) -> Response:
        if not r.session.get("cart"):
            return page("Checkout", "<h1>Your cart is empty</h1>")
        fields = "".join(f"<label>{label} <input name='{name}' required></label>" for name, label in (
            ("email", "Email"), ("full_name", "Full name"), ("address", "Address"), ("city", "City"))) + POSTCODE + COUNTRY
        summary = (f"<div class='checkout-summary'>{items(1)}<div class='cart__total__summary text-sm'>"
                   f"<div class='flex justify-between gap-7 py-1.5'><div class='text-muted-foreground'>Sub total</div>"
                   f"<span class='text-right'>{PRICE}</span></div>"
                   f"<div class='flex justify-between gap-7 py-1.5'><div class='text-muted-foreground'>Shipping</div>"
                   f"<span class='text-right' id='ship-cost'>Select shipping method</span></div>"
                   f"<div class='summary__row grand-total flex justify-between'><span class='font-bold'>Total</span>"
                   f"<span class='grand-total-value'>{PRICE}</span></div></div></div>")
        form = (f"<form id='checkoutForm' method='post' action='/api/orders' novalidate><h2>Contact information</h2>"
                f"{fields}<h3>Shipping Method</h3><div id='methods'><p>Available shipping methods will appear once you "
                "provide your address details</p></div>"
                "<h2>Payment method</h2><label><input type='radio' name='method' value='cod' checked> Cash on delivery"
                "</label><button type='submit' class='button primary'>Place Order</button></form>")
        # below 1024 px the summary rail is hidden and a sticky disclosure bar shows only its label and the total
        bar = ("<style>.checkout-mobile-summary{display:none}@media (max-width: 1023px){.checkout-mobile-summary{display:block}"
               ".checkout-summary{display:none}}</style><div class='checkout-mobile-summary sticky top-0'>"
               "<button type='button' class='group flex w-full justify-between' aria-expanded='false' aria-controls='ms'>"
               f"<span>Order summary <svg aria-hidden='true' width='8' height='8'></svg></span><span class='bar-total'>{PRICE}"
               "</span></button>"
               f"<div id='ms' hidden>{items(1)}</div></div>")
        return page("Checkout", f"<h1>Checkout</h1>{bar}<div class='checkout-page grid'>{form}{summary}</div>"
                                f"<script>{CHECKOUT_SCRIPT}</script>")

    def rates(self, r: Request) -> Response:
        if not r.session.get("cart"):
            return Response.json("[]")
        return Response.json('[{"name": "Standard Shipping", "cost": "' + SHIPPING + '"}]')

    def place(self, r: Request) -> Response:
        self.orders += 1
        return page("Thank you", "<h1>Thank you for your order</h1>")
