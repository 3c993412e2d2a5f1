from dataclasses import replace

import pytest

from auditor.findings import Severity, Status
from checks.search_queries import (
    choose_product,
    count_results,
    head_noun,
    is_relevant,
    misspell,
    misspelled_query,
    partial_query,
    plan_queries,
    stem,
    zero_results_help,
)
from checks.site_search import (
    QueryResult,
    SearchEvidence,
    SearchThresholds,
    assess,
    fill_template,
    product_shape,
)


def q(kind: str, count: int | None = 3, relevant: int | None = 2, ms: int | None = 300, help_: bool | None = None) -> QueryResult:
    return QueryResult(f"{kind} query", kind, "Copper Kettle", count, relevant, ms, help_, "https://s.example/search")


GOOD = SearchEvidence(
    search_input_found=True, search_input_selector="input#q", visible_without_click=True, reveal_control=None,
    input_width_chars=30, via="input", search_url_template=None, opensearch=False, product_used="Copper Kettle",
    product_source_url="https://s.example/products/copper-kettle", queries=[q("known_product"), q("product_type"), q("misspelled"), q("partial"), q("nonsense", 0, 0, help_=True)],
    autocomplete=True)


def codes(ev: SearchEvidence) -> set[str]:
    return {f.code.removeprefix("site-search/") for f in assess(ev, SearchThresholds()).findings}


def with_query(kind: str, **change: object) -> SearchEvidence:
    return replace(GOOD, queries=[replace(x, **change) if x.kind == kind else x for x in GOOD.queries])


def test_good_search_passes_with_strengths() -> None:
    out = assess(GOOD, SearchThresholds())
    assert out.status is Status.PASSED and not out.findings and len(out.strengths) >= 4


@pytest.mark.parametrize(("ev", "expected"), [
    (replace(GOOD, via=None, search_input_found=False, queries=[], autocomplete=None), {"no-search"}),
    (replace(GOOD, visible_without_click=False, reveal_control="Search"), {"search-hidden"}),
    (replace(GOOD, via="url_template", search_url_template="https://s.example/find?q={q}"), {"search-hidden"}),
    (replace(GOOD, input_width_chars=18), {"search-narrow"}),
    (replace(GOOD, input_width_chars=27), set()),
    (with_query("known_product", relevant_results=0), {"known-product-not-found"}),
    (with_query("misspelled", relevant_results=0, results_count=0), {"misspelling-not-tolerated"}),
    (with_query("product_type", relevant_results=0), {"product-type-fails"}),
    (with_query("partial", relevant_results=0, results_count=5), {"results-not-relevant"}),
    (with_query("partial", relevant_results=0, results_count=0), {"partial-name-fails"}),
    (with_query("nonsense", zero_results_help=False), {"zero-results-dead-end"}),
    (replace(GOOD, queries=[replace(x, time_ms=2001) for x in GOOD.queries]), {"slow-results"}),
    (replace(GOOD, queries=[replace(x, time_ms=2000) for x in GOOD.queries]), set()),
    (replace(GOOD, autocomplete=False), {"no-autocomplete"}),
    (replace(GOOD, autocomplete=None), set()),
    (with_query("known_product", error="timeout", relevant_results=None), set()),
])
def test_each_search_failure_has_its_finding(ev: SearchEvidence, expected: set[str]) -> None:
    assert codes(ev) == expected


def test_known_product_not_found_is_critical() -> None:
    [finding] = assess(with_query("known_product", relevant_results=0), SearchThresholds()).findings
    assert finding.severity is Severity.CRITICAL


@pytest.mark.parametrize(("name", "noun", "partial"), [
    ("Copper Kettle", "kettle", "copper"), ("Merino Wool Sweater", "sweater", "merino wool"),
    ("Noise Cancelling Headphones", "headphones", "noise cancelling"), ("Kettle", "kettle", "kett"),
])
def test_queries_are_derived_from_the_product_name(name: str, noun: str, partial: str) -> None:
    assert head_noun(name) == noun
    assert partial_query(name) == partial


def test_misspelling_is_one_edit_away() -> None:
    assert misspell("kettle") == "ketle"
    assert misspell("knife") == "kinfe"
    assert misspelled_query("Chef Knife") == "chef kinfe"


def test_plan_covers_every_query_kind_once() -> None:
    kinds = [p.kind for p in plan_queries("Copper Kettle")]
    assert kinds == ["known_product", "product_type", "misspelled", "partial", "nonsense"]
    assert [p.kind for p in plan_queries("Kettle")] == ["known_product", "misspelled", "partial", "nonsense"]


def test_choose_product_prefers_ordinary_names() -> None:
    assert choose_product(["X", "Copper Kettle", "The Ultimate Deluxe Professional Edition Kitchen Knife Block Set 24 pcs"]) == "Copper Kettle"
    assert choose_product([]) is None


@pytest.mark.parametrize(("word", "stemmed"), [("kettles", "kettle"), ("boxes", "box"), ("batteries", "battery"),
                                               ("glass", "glass"), ("dishes", "dish"), ("gas", "gas")])
def test_plural_folding(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_relevance_and_counts() -> None:
    assert is_relevant("Copper Kettle – 1.7 l", "Copper Kettle", "coper kettle")
    assert is_relevant("Electric kettles", "", "kettle")
    assert not is_relevant("Cast Iron Skillet", "Copper Kettle", "copper kettle")
    assert count_results("No results for “zzz”. Popular products:", [{"href": "a"}]) == 0
    assert count_results("12 results for kettle", []) == 12
    assert count_results("Search", [{"href": "a"}, {"href": "b"}]) == 2
    assert zero_results_help("Did you mean kettle?", 0, [])
    assert zero_results_help("Nothing here", 0, ["Browse all categories"])
    assert not zero_results_help("No results found.", 0, ["Privacy"])


def test_templates_and_product_shapes() -> None:
    assert fill_template("https://s.example/find?term={search_term_string}", "red widget") == "https://s.example/find?term=red%20widget"
    assert product_shape(["https://s.example/product/a", "https://s.example/p/b", "https://s.example/solo"]) == "^/(p|product)/"
    assert product_shape([]) == ""


# Premises checked before conclusions: the auditor's guesses never become the site's failures.
@pytest.mark.parametrize("ev", [
    pytest.param(replace(GOOD, product_source_url=None), id="name-not-from-a-verified-product-page"),
    pytest.param(replace(GOOD, product_used="All products", product_source_url=None), id="a-listing-title"),
])
def test_search_findings_need_a_name_from_a_verified_product_page(ev: SearchEvidence) -> None:
    failing = replace(ev, queries=[replace(x, relevant_results=0) for x in ev.queries])
    out = assess(failing, SearchThresholds())
    assert not {f.code for f in out.findings} & {"site-search/known-product-not-found", "site-search/product-type-fails",
                                                  "site-search/partial-name-fails", "site-search/misspelling-not-tolerated"}
    assert any("verified product" in u.reason for u in out.unverified)


def test_a_results_page_that_could_not_be_read_is_unverified_not_a_miss() -> None:
    out = assess(with_query("known_product", results_count=None, relevant_results=None), SearchThresholds())
    assert "site-search/known-product-not-found" not in {f.code for f in out.findings}
    assert any("known_product query" in u.what for u in out.unverified)


def test_query_findings_state_their_premise() -> None:
    finding = assess(with_query("known_product", relevant_results=0), SearchThresholds()).findings[0]
    assert finding.premise and "copper-kettle" in finding.premise


@pytest.mark.parametrize(("text", "expected"), [
    ("Shop 0 items in cart: $0.00 Wishlist contains 0 items Showing 1 to 1 of 1 results for Django Pony", 1),
    ("Wishlist contains 0 items No results were found", 0),
    ("Your basket (0 items) 12 products found", 12),
])
def test_header_cart_and_wishlist_counts_are_not_result_counts(text: str, expected: int) -> None:
    assert count_results(text, []) == expected


def test_a_search_field_that_stayed_hidden_is_inconclusive_not_a_missing_search() -> None:
    from auditor.findings import Outcome
    from auditor.journey import JourneyStep
    ev = replace(GOOD, via=None, visible_without_click=False, queries=[], autocomplete=None,
                 journey_steps=[JourneyStep("Open the home page", "https://s.example/", 300, "screenshots/site1-search-01.png")])
    out = assess(ev, SearchThresholds())
    assert out.findings == [] and out.status is Status.NOT_MEASURED and out.outcome is Outcome.INCONCLUSIVE
    assert "input#q" in (out.reason or "") and "stayed hidden" in (out.reason or "")
    assert out.unverified[0].screenshot == "screenshots/site1-search-01.png"


def test_slow_results_follow_the_typical_search_not_one_that_met_a_busy_moment() -> None:
    one_spike = with_query("known_product", time_ms=4000)  # the other searches answered quickly
    assert "site-search/slow-results" not in {f.code for f in assess(one_spike, SearchThresholds()).findings}
    slow = replace(GOOD, queries=[replace(q, time_ms=2600 + 100 * i) for i, q in enumerate(GOOD.queries)])
    finding = next(f for f in assess(slow, SearchThresholds()).findings if f.code == "site-search/slow-results")
    assert finding.measurement is not None and finding.measurement.value > 2000
    assert f"of {len(GOOD.queries)} searches" in finding.observed
