"""Which pages count as the shop's own when support-contact asks whether every page carries the contact link."""

from auditor.snapshot import Link, PageSnapshot, Timings
from checks.support_contact import contact_link_regions, shares_site_chrome, site_chrome

SHOP = "https://shop.example"


def page(*links: tuple[str, str, str]) -> PageSnapshot:
    return PageSnapshot(url=SHOP, final_url=SHOP, status=200, content_type="text/html", title="", html="", text="",
                        lang="en", links=[Link(SHOP + href, text, region, True) for href, text, region in links],
                        forms=[], timings=Timings())


HOME = page(("/", "Home", "header"), ("/shop/", "Shop", "nav"), ("/blog/", "Blog", "nav"), ("/contact/", "Contact", "nav"),
            ("/about/", "About", "footer"), ("/legals/", "Legals", "footer"), ("/contact/", "Contact us", "footer"))


def test_site_chrome_is_where_header_nav_and_footer_lead_without_the_contact_links() -> None:
    assert site_chrome(HOME) == {f"{SHOP}/", f"{SHOP}/shop/", f"{SHOP}/blog/", f"{SHOP}/about/", f"{SHOP}/legals/"}


def test_a_shop_page_that_lost_only_its_contact_link_still_wears_the_shop_frame() -> None:
    legals = page(("/", "Home", "header"), ("/shop/", "Shop", "nav"), ("/blog/", "Blog", "nav"),
                  ("/about/", "About", "footer"), ("/legals/", "Legals", "footer"))
    assert shares_site_chrome(legals, site_chrome(HOME))


def test_an_admin_login_with_its_own_layout_is_not_a_shop_page() -> None:
    admin = page(("/admin/", "Django administration", "main"), ("/", "View site", "main"))
    assert not shares_site_chrome(admin, site_chrome(HOME))


def test_a_page_sharing_fewer_than_half_of_the_home_frame_targets_is_not_a_shop_page() -> None:
    checkout = page(("/", "Home", "header"), ("/legals/", "Legals", "footer"))  # 2 of 5
    assert not shares_site_chrome(checkout, site_chrome(HOME))
    assert shares_site_chrome(page(("/", "Home", "header"), ("/shop/", "Shop", "nav"), ("/legals/", "Legals", "footer")),
                              site_chrome(HOME))


def test_without_a_home_frame_any_page_with_a_header_or_footer_link_counts() -> None:
    assert shares_site_chrome(page(("/x", "X", "footer")), frozenset())
    assert not shares_site_chrome(page(("/x", "X", "main")), frozenset())  # a feed or a bare page has no frame


def test_a_contact_link_folded_into_a_phones_header_menu_is_in_the_header_but_a_hidden_footer_one_is_not() -> None:
    phone = PageSnapshot(url=SHOP, final_url=SHOP, status=200, content_type="text/html", title="", html="", text="",
                         lang="en", links=[Link(SHOP + "/contact/", "Contact", "nav", False),
                                           Link(SHOP + "/contact/", "Contact us", "footer", False)],
                         forms=[], timings=Timings())
    assert contact_link_regions(phone) == {"header"}
