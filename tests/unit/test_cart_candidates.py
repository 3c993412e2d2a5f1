"""Which control a customer takes to the cart after adding, read from the page's controls (pure ranking)."""

from __future__ import annotations

from typing import Any

from auditor.journeys.candidates import go_to_cart
from auditor.journeys.page import StepView


def control(i: int, text: str, region: str = "header", **more: Any) -> dict[str, Any]:
    return {"i": i, "tag": "a", "text": text, "href": "#", "aria": "", "id": "", "name": "", "disabled": False,
            "type": "", "formaction": "", "cls": "", "form_id": "", "form_cls": "", "form_product": False,
            "overlay": False, "pressed": "", "badge": None, "region": region, "marks": "", **more}


def view(*controls: dict[str, Any]) -> StepView:
    return StepView("https://shop.example/product/mug", "Mug", [], list(controls), [], [], [], "", True)


def test_a_phone_header_cart_known_only_by_its_icon_and_parent_is_the_way_to_the_cart() -> None:
    # Shuup's navbar on a phone: the word "Cart" is hidden-xs, what shows is "(1)" beside fa-shopping-cart
    cart = control(1, "(1)", region="nav", cls="dropdown-toggle", badge=1,
                   marks="dropdown cart menu-icon fa fa-shopping-cart dropdown-icon fa fa-angle-down")
    ranked = go_to_cart(view(control(0, "Menu", region="nav", marks="navbar-toggle"), cart))
    assert [c.control["i"] for c in ranked] == [1]
    assert "cart link with its item count" in ranked[0].why


def test_an_icon_in_the_page_body_does_not_make_a_cart_link() -> None:
    # a product card's "add to bag" icon in the main area is not the way to the cart
    assert go_to_cart(view(control(0, "Tote", region="main", marks="icon icon-bag"))) == []
