"""site-search against the search patterns real shops use, evidence asserted field by field."""

from collections.abc import Callable
from typing import Any

import pytest

from auditor.demo.httpkit import App, LocalServer
from tests.sites.search_sites import (
    collapsed_menu_search_site,
    redirecting_search_site,
    url_only_search_site,
    whole_word_suggest_site,
)

pytestmark = pytest.mark.browser


async def search_check(run_audit: Callable, url: str, pages: int = 10) -> Any:
    result = await run_audit(url, checks=["site-search"], crawl={"max_pages": pages})
    return next(c for c in result.sites[0].checks if c.id == "site-search")


def by_kind(check: Any) -> dict[str, dict]:
    return {q["kind"]: q for q in check.evidence["queries"]}


def codes(check: Any) -> set[str]:
    return {f.code.removeprefix("site-search/") for f in check.findings}


async def test_server_rendered_get_search(demo_shop: Callable, run_audit: Callable) -> None:
    shop, url = demo_shop()
    # every product crawled, so the product searched for is the same whichever pages a smaller budget would reach
    check = await search_check(run_audit, url, pages=40)
    ev, q = check.evidence, by_kind(check)
    assert ev["product_used"] == "Desk Lamp"  # the shortest two-word name of all
    assert ev["search_input_found"] and ev["visible_without_click"] and ev["via"] == "input"
    assert ev["input_width_chars"] >= 27
    assert ev["pages_with_search"] == ev["pages_checked"] >= 30
    assert q["known_product"]["results_count"] >= 1 and q["known_product"]["relevant_results"] >= 1
    assert q["product_type"]["relevant_results"] >= 1 and q["partial"]["relevant_results"] >= 1
    assert q["misspelled"]["results_count"] == 0 and q["misspelled"]["relevant_results"] == 0
    assert q["nonsense"]["results_count"] == 0 and q["nonsense"]["zero_results_help"] is True
    assert ev["autocomplete"] is False
    assert codes(check) == {"misspelling-not-tolerated", "no-autocomplete"}
    assert all(step["screenshot"] for step in (s.to_json() for s in check.journey))
    # typing queries never submitted any other form: only GETs to the search page were made
    assert not [p for m, p in shop.app.requests if m == "POST"]
    assert shop.orders.placed == 0


async def test_a_search_its_server_answers_slowly_is_waited_for_not_taken_as_dead(
        demo_shop: Callable, run_audit: Callable) -> None:
    shop, url = demo_shop()
    searches: list[str] = []

    def first_search_slow(path: str) -> float:
        if path != "/search":
            return 0.0
        searches.append(path)
        return 3.5 if len(searches) == 1 else 0.0

    # longer than the 2 s after which an action that asked the network for nothing is taken as dead
    shop.app.delay_for = first_search_slow
    check = await search_check(run_audit, url)
    known = by_kind(check)["known_product"]
    assert known["results_count"] >= 1 and known["time_ms"] >= 3500
    first = next(s.to_json() for s in check.journey if s.action.startswith("Search for"))
    assert [(c["label"], c["result"]) for c in first["candidates"]] == [("Enter", "chosen")]


async def test_post_search_under_another_field_name(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(search="post", typo_tolerant=True)
    check = await search_check(run_audit, url)
    q = by_kind(check)
    assert check.evidence["search_input_selector"].endswith("[name=keywords]")
    assert q["known_product"]["relevant_results"] >= 1
    assert q["misspelled"]["relevant_results"] >= 1
    assert "misspelling-not-tolerated" not in codes(check)


async def test_js_only_search_updates_the_page_in_place(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(search="js")
    check = await search_check(run_audit, url)
    q = by_kind(check)
    assert check.evidence["via"] == "input"
    assert q["known_product"]["relevant_results"] >= 1 and q["known_product"]["results_count"] >= 1
    assert q["nonsense"]["results_count"] == 0 and q["nonsense"]["zero_results_help"] is False
    assert "zero-results-dead-end" in codes(check)
    assert q["known_product"]["time_ms"] < 2000


async def test_search_in_an_overlay_behind_an_icon(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(search="overlay", search_param="term")
    check = await search_check(run_audit, url)
    ev = check.evidence
    assert ev["search_input_found"] and not ev["visible_without_click"]
    assert ev["reveal_control"] == "Open search"
    assert by_kind(check)["known_product"]["relevant_results"] >= 1
    assert "search-hidden" in codes(check)


async def test_site_without_search(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(search="none")
    check = await search_check(run_audit, url)
    assert check.evidence["search_input_found"] is False and check.evidence["via"] is None
    assert check.evidence["queries"] == []
    assert codes(check) == {"no-search"}


async def test_broken_search_misses_a_known_product(demo_shop: Callable, run_audit: Callable) -> None:
    _shop, url = demo_shop(search_broken=True, autocomplete=True, zero_results_help=False)
    check = await search_check(run_audit, url)
    q = by_kind(check)
    assert q["known_product"]["results_count"] == 0
    assert {"known-product-not-found", "product-type-fails", "zero-results-dead-end"} <= codes(check)
    assert check.evidence["autocomplete"] is True
    # typed in a second tab while the queries ran, and told after them
    last = check.journey[-1]
    assert last.action.endswith("suggestions appear") and "search-suggest" in (last.screenshot or "")
    assert [s.action for s in check.journey].index(last.action) > max(
        i for i, s in enumerate(check.journey) if s.action.startswith("Search for"))
    assert next(f for f in check.findings if f.code.endswith("known-product-not-found")).severity.value == "critical"


async def test_search_only_through_an_advertised_url(serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    url = serve_app(url_only_search_site()).url
    check = await search_check(run_audit, url)
    ev = check.evidence
    assert ev["search_input_found"] is False and ev["via"] == "url_template"
    assert ev["search_url_template"].endswith("find?term={search_term_string}")
    assert by_kind(check)["known_product"]["relevant_results"] == 1
    assert "search-hidden" in codes(check)


async def test_search_behind_a_summary_icon_submitted_by_its_button_and_redirected_to_the_product(
        serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    url = serve_app(redirecting_search_site()).url
    check = await search_check(run_audit, url)
    ev, q = check.evidence, by_kind(check)
    assert ev["search_input_found"] and not ev["visible_without_click"] and ev["reveal_control"] == "Zoeken"
    known = q["known_product"]
    slug = ev["product_used"].lower().replace(" ", "-")
    assert (known["results_count"], known["relevant_results"]) == (1, 1)
    assert known["results_url"].endswith(f"/item/{slug}") and known["top_results"] == [ev["product_used"]]
    assert q["product_type"]["relevant_results"] == 2
    assert q["nonsense"]["results_count"] == 0
    assert "known-product-not-found" not in codes(check) and "product-type-fails" not in codes(check)
    steps = [s.to_json() for s in check.journey]
    reveal = next(s for s in steps if s["action"].startswith("Click “Zoeken” to open search"))
    assert reveal["candidates"][0]["result"] == "chosen"
    first_query = next(s for s in steps if s["action"].startswith("Search for"))
    assert [(c["label"], c["result"]) for c in first_query["candidates"]] == [("Enter", "no_change")]
    button = steps[steps.index(first_query) + 1]
    assert button["candidates"][0]["label"] == "Zoeken" and button["candidates"][0]["result"] == "chosen"
    # once Enter proved dead, later queries go straight to the button
    later = [s for s in steps[steps.index(button) + 1:] if s["action"].startswith("Search for")]
    assert later and all(c["label"] != "Enter" for s in later for c in s["candidates"])
    assert any("straight to the product page" in m for s in steps for m in s["messages"])


async def test_suggestions_that_need_a_whole_word_in_an_unnamed_panel_count_as_autocomplete(
        serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    url = serve_app(whole_word_suggest_site()).url
    check = await search_check(run_audit, url)
    assert check.evidence["product_used"] == "Canvas Tote"
    assert check.evidence["autocomplete"] is True
    assert "no-autocomplete" not in codes(check)
    assert check.journey[-1].action == "Type “Canvas”: suggestions appear"  # "Canv" was answered "No results found"


async def test_a_panel_that_only_says_no_results_is_no_autocomplete(
        serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    url = serve_app(whole_word_suggest_site(suggests=False)).url
    check = await search_check(run_audit, url)
    assert check.evidence["autocomplete"] is False
    assert "no-autocomplete" in codes(check)
    assert check.journey[-1].action == "Type “Canvas”: no suggestions"


@pytest.mark.parametrize("bootstrap", [4, 3])
async def test_on_a_phone_search_folded_into_the_collapsed_menu_is_reached_through_the_menu_button(
        serve_app: Callable[[App], LocalServer], run_audit: Callable, bootstrap: int) -> None:
    """make accuracy on a phone: Oscar and Cartridge fold their search into the navbar's menu; the journey saw a
    hidden field, found no search icon and reported no search at all (high). A customer opens the menu."""
    app = collapsed_menu_search_site(bootstrap)
    url = serve_app(app).url
    result = await run_audit(url, checks=["site-search"], device="mobile", crawl={"max_pages": 5})
    assert app.facet_visits == []  # a results page's facet link runs a search; it is no way to the search field
    check = next(c for c in result.sites[0].checks if c.id == "site-search")
    ev = check.evidence
    assert ev["via"] == "input" and ev["visible_without_click"] is False
    assert ev["reveal_control"] == ("Toggle navigation" if bootstrap == 4 else "Toggle Navigation")
    assert by_kind(check)["known_product"]["relevant_results"] == 1
    assert [q["error"] for q in ev["queries"]] == [None] * len(ev["queries"])  # every query reopened the menu
    assert "search-hidden" in codes(check) and "no-search" not in codes(check)
    opened = next(s.to_json() for s in check.journey if s.action.startswith("Open the menu"))
    assert opened["candidates"][-1]["result"] == "chosen"


async def test_a_menus_browse_link_is_no_suggestion_on_a_zero_results_page_without_main(
        serve_app: Callable[[App], LocalServer], run_audit: Callable) -> None:
    """Oscar's results page has no <main>: the page's words were read from the whole body, so the navbar's
    "Browse store" passed for a suggestion on the desktop and hid a dead end the phone then reported."""
    check = await search_check(run_audit, serve_app(collapsed_menu_search_site(4)).url)
    assert by_kind(check)["nonsense"]["results_count"] == 0 and by_kind(check)["nonsense"]["zero_results_help"] is False
    assert "zero-results-dead-end" in codes(check)
