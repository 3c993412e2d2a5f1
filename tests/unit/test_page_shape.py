"""Product detail vs product listing from content: a listing is never taken for a product."""

from auditor.page_roles import guess_role
from auditor.page_shape import page_shape

CARD = "<article class='product_pod'><h3><a href='/catalogue/mug_{n}/'>Mug {n}</a></h3><p class='price_color'>£{n}.00</p>" \
       "<form action='/basket/add/{n}/' method='post'><button type='submit'>Add to basket</button></form></article>"


def listing(cards: int) -> tuple[str, str]:
    html = "<html><body><h1>All products</h1>" + "".join(CARD.format(n=n) for n in range(1, cards + 1)) + "</body></html>"
    text = "All products\n" + "\n".join(f"Mug {n}\n£{n}.00\nAdd to basket" for n in range(1, cards + 1))
    return html, text


def test_a_catalogue_listing_with_a_buy_button_per_card_is_a_listing() -> None:
    html, text = listing(5)
    assert page_shape(html, "http://s/catalogue/", text).kind == "product_listing"
    assert guess_role("http://s/catalogue/", "All products", html, text, []) == "category"
    assert guess_role("http://s/products/", "All products", html, text, []) == "category"


def test_a_product_declared_once_in_json_ld_is_a_product_detail_page() -> None:
    html = ("<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
            "\"name\":\"Enamel Camping Mug\"}</script></head><body><h1>Enamel Camping Mug</h1><p>£9.99</p>"
            "<button>Add to basket</button></body></html>")
    shape = page_shape(html, "http://s/catalogue/mug_3/", "Enamel Camping Mug\n£9.99\nAdd to basket")
    assert shape.kind == "product_detail"
    assert guess_role("http://s/catalogue/mug_3/", "Mug", html, "Enamel Camping Mug £9.99 Add to basket", []) == "product"


def test_many_products_declared_is_a_listing_even_under_a_product_url() -> None:
    items = ",".join(f"{{\"@type\":\"Product\",\"name\":\"P{n}\"}}" for n in range(3))
    html = f"<html><head><script type='application/ld+json'>[{items}]</script></head><body></body></html>"
    assert guess_role("http://s/products/all", "Shop", html, "", []) == "category"


def test_one_buy_button_next_to_a_price_without_markup_is_a_product() -> None:
    html = "<html><body><h1>Walnut Board</h1><p class='price'>€32.00</p><button>In den Warenkorb</button></body></html>"
    assert page_shape(html, "http://s/?product=12", "Walnut Board\n€32.00\nIn den Warenkorb").kind == "product_detail"


def test_og_type_product_marks_a_product_page() -> None:
    html = "<html><head><meta property='og:type' content='product'></head><body><h1>Mug</h1></body></html>"
    assert page_shape(html, "http://s/x", "Mug").kind == "product_detail"


def test_a_buy_box_is_found_by_its_form_whatever_its_label_says() -> None:
    # Mezzanine/Cartridge: <input type=submit value="Buy"> in form#add-cart, no schema.org, no og:type
    html = ("<html><body><h1>Canvas Tote Bag</h1><p class='price'>$15.00</p><form method='post' id='add-cart' "
            "class='shop-form'><input type='submit' name='add_cart' value='Buy'></form></body></html>")
    assert page_shape(html, "http://s/shop/product/canvas-tote-bag/", "Canvas Tote Bag\n$15.00").kind == "product_detail"


def test_a_listing_of_add_to_cart_links_is_a_listing() -> None:
    cards = "".join(f"<li><a href='/?p={n}'>P{n}</a> €{n}.00 <a href='/?add-to-cart={n}' class='button'>Kaufen</a></li>"
                    for n in range(4))
    assert page_shape(f"<ul>{cards}</ul>", "http://s/shop/", "P0 €0.00 Kaufen").kind == "product_listing"



def test_price_written_after_the_amount_as_in_german_shops_makes_a_product_page() -> None:
    # django-oscar in German: "12,00 €" and "In Warenkorb legen", the only buy box posting to /basket/add/
    html = ("<html lang='de'><body><h1>Kaffeebecher</h1><p class='price_color'>12,00 €</p>"
            "<form method='post' action='/de/basket/add/3/'><button type='submit'>In Warenkorb legen</button></form>"
            "</body></html>")
    assert page_shape(html, "http://s/de/catalogue/becher_3/", "Kaffeebecher\n12,00 €\nIn Warenkorb legen").kind == \
        "product_detail"
