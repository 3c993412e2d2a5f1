"""What the vocabulary holds: its languages, its keys, and which catalogue entries say each key.

Read by the runtime API (`auditor.vocabulary`) and by the generator (`auditor.vocabulary.build`).
"""

from __future__ import annotations

LANGUAGES = ("da", "de", "en", "es", "fr", "it", "nl", "pl", "sv")

# Which catalogue entries say each thing. Dawn and Shopware entries are message keys; Oscar and Magento
# are gettext-style catalogues keyed by their English source text (which is also their English wording).
MAPPING: dict[str, dict[str, tuple[str, ...]]] = {
    "add_to_cart": {
        "dawn": ("products.product.add_to_cart",),
        "shopware": ("detail.addProduct", "listing.boxAddProduct"),
        "oscar": ("Add to basket",),
        "magento": ("Add to Cart",),
    },
    "added_to_cart": {
        "dawn": ("general.cart.item_added",),
        "shopware": ("checkout.addToCartSuccess",),
        "oscar": ("'%s' has been added to your basket",),
        "magento": ("You added %1 to your shopping cart.",),
    },
    "cart": {
        "dawn": ("templates.cart.cart", "sections.cart.title"),
        "shopware": ("checkout.cartTitle",),
        "oscar": ("Basket", "Your basket"),
        "magento": ("Shopping Cart", "My Cart"),
    },
    "view_cart": {
        "dawn": ("general.cart.view_empty_cart",),
        "shopware": ("checkout.proceedToCart",),
        "oscar": ("View basket",),
        "magento": ("View and Edit Cart", "View Cart"),
    },
    "empty_cart": {
        "dawn": ("sections.cart.empty",),
        "shopware": ("checkout.cartEmpty",),
        "oscar": ("Your basket is empty.",),
        "magento": ("You have no items in your shopping cart.",),
    },
    "checkout": {
        "dawn": ("sections.cart.checkout",),
        "shopware": ("checkout.proceedToCheckout",),
        "oscar": ("Checkout", "Proceed to checkout", "Checkout now"),
        "magento": ("Proceed to Checkout", "Go to Checkout", "Checkout"),
    },
    "continue": {
        "dawn": ("customer.login_page.guest_continue",),
        "shopware": ("account.registerSubmit", "general.next"),
        "oscar": ("Continue",),
        "magento": ("Continue", "Next"),
    },
    "continue_shopping": {
        "dawn": ("general.continue_shopping",),
        "shopware": ("checkout.continueShopping",),
        "oscar": ("Continue shopping",),
        "magento": ("Continue Shopping",),
    },
    "place_order": {
        "shopware": ("checkout.confirmSubmit", "checkout.confirmHeader"),
        "oscar": ("Place order",),
        "magento": ("Place Order", "Buy Now"),
    },
    "guest": {
        "dawn": ("customer.login_page.guest_title",),
        "shopware": ("checkout.registerGuestmodeLabel",),
        "oscar": ("I am a new customer and want to checkout as a guest",),
        "magento": ("Checkout as Guest", "Guest"),
    },
    "sign_in": {
        "dawn": ("customer.log_in", "customer.login_page.sign_in"),
        "shopware": ("account.loginSubmit",),
        "oscar": ("Log In", "Login", "Login or register"),
        "magento": ("Sign In",),
    },
    "create_account": {
        "dawn": ("customer.login_page.create_account",),
        "shopware": ("account.registerTitle", "checkout.registerCustomermodeLabel"),
        "oscar": ("Register",),
        "magento": ("Create an Account", "Create New Customer Account"),
    },
    "search": {
        "dawn": ("general.search.search", "templates.search.title"),
        "shopware": ("header.searchButton",),
        "oscar": ("Search",),
        "magento": ("Search",),
    },
    "no_results": {
        "dawn": ("sections.collection_template.empty",),
        "shopware": ("header.searchNoResult", "listing.emptyResultMessage"),
        "oscar": ("No results found.", "No products found."),
        "magento": ("Your search returned no results.",),
    },
    "contact": {
        "dawn": ("templates.contact.form.title",),
        "shopware": ("contact.headline",),
        "oscar": ("Contact",),
        "magento": ("Contact Us",),
    },
    "returns": {
        "dawn": ("customer.order.total_refunded",),
        "shopware": ("checkout.confirmRevocationNotice#link",),
        "oscar": ("Amount Refunded",),
        "magento": ("Orders and Returns", "My Returns"),
    },
    "shipping": {
        "dawn": ("customer.order.shipping",),
        "shopware": ("checkout.summaryShipping", "checkout.shippingMethod"),
        "oscar": ("Shipping", "Shipping method"),
        "magento": ("Shipping", "Shipping Method", "Shipping & Handling"),
    },
    "delivery": {
        "dawn": ("customer.order.shipping_address",),
        "shopware": ("checkout.lineItemDeliveryDate", "general.deliveryShippingFree"),
        "oscar": ("Delivery", "Delivery address"),
        "magento": ("Delivery", "Shipping Address"),
    },
    "payment": {
        "dawn": ("sections.footer.payment",),
        "shopware": ("checkout.paymentMethod",),
        "oscar": ("Payment", "Payment method", "Payment details"),
        "magento": ("Payment Method", "Payment Information"),
    },
    "out_of_stock": {
        "dawn": ("products.product.sold_out", "products.product.inventory_out_of_stock"),
        "shopware": ("detail.soldOut", "wishlist.currentlyNotAvailable"),
        "oscar": ("Unavailable", "Not available anymore"),
        "magento": ("Out of stock",),
    },
    "notify_me": {
        "oscar": ("Notify me", "You can get an email alert when this product is back in stock."),
        "magento": ("Notify me when this product is in stock",),
    },
    "required_field": {
        "shopware": ("general.requiredFields", "error.VIOLATION::IS_BLANK_ERROR"),
        "oscar": ("This field is required",),
        "magento": ("This is a required field.",),
    },
    "select_option": {
        "dawn": ("products.product.choose_options",),
        "oscar": ("Please select a valid product",),
        "magento": ("Please select an option.", "Please select"),
    },
    "quantity": {
        "dawn": ("products.product.quantity.label",),
        "shopware": ("detail.dataColumnQuantity",),
        "oscar": ("Quantity",),
        "magento": ("Qty", "Quantity"),
    },
    "subtotal": {
        "dawn": ("customer.order.subtotal",),
        "shopware": ("checkout.subtotalAmount",),
        "oscar": ("Basket total",),
        "magento": ("Subtotal", "Cart Subtotal"),
    },
    "total": {
        "dawn": ("sections.cart.headings.total", "sections.cart.estimated_total"),
        "shopware": ("checkout.summaryTotalPrice",),
        "oscar": ("Total", "Order total"),
        "magento": ("Grand Total", "Order Total"),
    },
    "newsletter": {
        "dawn": ("newsletter.button_label",),
        "shopware": ("newsletter.headline", "footer.newsletterHeadline"),
        "oscar": (),
        "magento": ("Newsletter", "Sign Up for Our Newsletter:", "Subscribe"),
    },
}
KEYS = tuple(sorted(MAPPING))
