from dataclasses import replace

import pytest

from auditor.findings import Rating, Severity, Status
from auditor.scoring import log_normal_score, percentile
from auditor.snapshot import session_window_cls, total_blocking_time
from checks.load_time import LoadEvidence, LoadThresholds, PageTiming, assess, p75_of, rate

T = LoadThresholds()


@pytest.mark.parametrize(("metric", "value", "rating"), [
    ("lcp_ms", 2500, Rating.GOOD), ("lcp_ms", 2501, Rating.NEEDS_IMPROVEMENT), ("lcp_ms", 4000, Rating.NEEDS_IMPROVEMENT),
    ("lcp_ms", 4001, Rating.POOR), ("fcp_ms", 1800, Rating.GOOD), ("fcp_ms", 3001, Rating.POOR),
    ("ttfb_ms", 800, Rating.GOOD), ("ttfb_ms", 1800, Rating.NEEDS_IMPROVEMENT), ("ttfb_ms", 1801, Rating.POOR),
    ("cls", 0.1, Rating.GOOD), ("cls", 0.11, Rating.NEEDS_IMPROVEMENT), ("cls", 0.26, Rating.POOR),
    ("tbt_ms", 200, Rating.GOOD), ("tbt_ms", 600, Rating.NEEDS_IMPROVEMENT), ("tbt_ms", 601, Rating.POOR),
])
def test_rating_boundaries_follow_published_thresholds(metric: str, value: float, rating: Rating) -> None:
    assert rate(metric, value, T) is rating


def test_percentile_interpolates_like_numpy() -> None:
    assert percentile([1, 2, 3, 4], 75) == pytest.approx(3.25)
    assert percentile([5], 75) == 5
    assert percentile([], 75) is None


def test_log_normal_curve_hits_its_control_points() -> None:
    assert log_normal_score(3000, 1800, 3000) == pytest.approx(0.5, abs=1e-6)
    assert log_normal_score(1800, 1800, 3000) == pytest.approx(0.9, abs=1e-3)
    assert log_normal_score(0, 1800, 3000) == 1.0
    assert log_normal_score(60000, 1800, 3000) < 0.01


def test_cls_takes_the_largest_session_window_and_keeps_the_strict_sum() -> None:
    shifts = [(100, 0.05), (400, 0.05), (3000, 0.08), (3500, 0.02)]
    assert session_window_cls(shifts) == pytest.approx(0.10)
    assert sum(v for _, v in shifts) == pytest.approx(0.20)


def test_tbt_counts_only_the_blocking_part_after_fcp() -> None:
    assert total_blocking_time([(0, 300), (500, 120), (900, 40)], fcp_ms=100) == pytest.approx(150 + 70)


def page(role: str, **metrics: float) -> PageTiming:
    base = {"ttfb_ms": 100.0, "fcp_ms": 500.0, "lcp_ms": 900.0, "cls": 0.0, "tbt_ms": 0.0}
    base.update(metrics)
    return PageTiming(url=f"https://s.example/{role}", role=role, cls_total=base["cls"], load_ms=1000.0, lcp_element="img",
                      transfer_bytes=100_000, requests=10, **base)  # type: ignore[arg-type]


def evidence(*pages: PageTiming) -> LoadEvidence:
    by_role: dict[str, list[PageTiming]] = {}
    for p in pages:
        by_role.setdefault(p.role, []).append(p)
    return LoadEvidence(len(pages), p75_of(list(pages)), "desktop", "none",
                        {r: p75_of(v) for r, v in by_role.items()}, list(pages))


def test_fast_site_passes_with_strengths() -> None:
    outcome = assess(evidence(page("home"), page("product")), T)
    assert outcome.status is Status.PASSED
    assert not outcome.findings
    assert any("LCP" in s for s in outcome.strengths)
    assert outcome.score is not None and outcome.score >= 90


def test_poor_lcp_on_a_key_page_is_high_and_names_page_value_threshold() -> None:
    outcome = assess(evidence(page("home"), page("product", lcp_ms=5200)), T)
    [finding] = outcome.findings
    assert finding.code == "load-time/slow-lcp"
    assert finding.severity is Severity.HIGH
    assert finding.page_url == "https://s.example/product"
    assert finding.measurement and finding.measurement.value == 5200 and finding.measurement.threshold == 2500
    assert finding.measurement.rating is Rating.POOR
    assert outcome.status is Status.FAILED


def test_needs_improvement_lcp_is_one_level_lower_and_lower_again_off_key_pages() -> None:
    assert assess(evidence(page("product", lcp_ms=3000)), T).findings[0].severity is Severity.MEDIUM
    assert assess(evidence(page("policy", lcp_ms=3000)), T).findings[0].severity is Severity.LOW


def test_each_metric_has_its_finding() -> None:
    codes = {f.code for f in assess(evidence(page("home", ttfb_ms=2000, cls=0.3, tbt_ms=700, fcp_ms=3500, lcp_ms=3600)), T).findings}
    assert codes == {"load-time/slow-server", "load-time/layout-shift", "load-time/main-thread-blocking",
                     "load-time/slow-first-paint", "load-time/slow-lcp"}


def test_js_errors_on_shopping_pages_are_reported_but_not_on_policy_pages() -> None:
    bad = PageTiming("https://s.example/p", "product", 1, 1, 1, 0, 0, 0, 1, None, 1, 1, js_errors=["TypeError: x"])
    assert [f.code for f in assess(evidence(bad), T).findings] == ["load-time/js-errors"]
    quiet = PageTiming("https://s.example/t", "policy", 1, 1, 1, 0, 0, 0, 1, None, 1, 1, js_errors=["TypeError: x"])
    assert assess(evidence(quiet), T).findings == []


def test_no_pages_is_not_measured() -> None:
    assert assess(LoadEvidence(0, {}, "desktop", "none", {}, []), T).status is Status.NOT_MEASURED


def test_a_slow_first_byte_the_recheck_answers_quickly_is_no_slow_server() -> None:
    """The browser saw 2 s while the audit machine was busy; a plain request after the crawl got 90 ms: the server
    can answer quickly, so the faster measurement counts and no finding blames the shop."""
    busy = replace(page("product", ttfb_ms=2000), ttfb_recheck_ms=90.0)
    assert "load-time/slow-server" not in {f.code for f in assess(evidence(busy), T).findings}
    slow = replace(page("product", ttfb_ms=2000), ttfb_recheck_ms=1900.0)
    finding = next(f for f in assess(evidence(slow), T).findings if f.code == "load-time/slow-server")
    assert "1.90 s" in finding.observed and "Measured twice" in finding.observed
    assert replace(page("home", ttfb_ms=300), ttfb_recheck_ms=900.0).ttfb_recheck_ms == 900.0
    assert p75_of([replace(page("home", ttfb_ms=300), ttfb_recheck_ms=900.0)])["ttfb_ms"] == 300, "the faster counts"


def test_a_slow_paint_that_a_second_load_does_not_repeat_is_not_reported() -> None:
    busy = replace(page("product", fcp_ms=3000, lcp_ms=3200), fcp_recheck_ms=700.0, lcp_recheck_ms=800.0)
    codes = {f.code for f in assess(evidence(busy), T).findings}
    assert not codes & {"load-time/slow-first-paint", "load-time/slow-lcp"}
    slow = replace(page("product", fcp_ms=3000, lcp_ms=4200), fcp_recheck_ms=2900.0, lcp_recheck_ms=4500.0)
    lcp = next(f for f in assess(evidence(slow), T).findings if f.code == "load-time/slow-lcp")
    assert "4.20 s" in lcp.observed and "Measured twice" in lcp.observed
