"""Load time: how long customers wait, per page role, at the 75th percentile, rated on Google's thresholds.

A lab run is one load per page on this machine, an estimate of what field data (real customers) shows;
the evidence says so. Scores follow Lighthouse's log-normal curves and weights (Speed Index, which we do
not measure, is left out and the remaining weights renormalised)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict

from auditor.browser.guard import open_guarded_context
from auditor.checkspec import CheckSpec, SiteContext
from auditor.findings import (
    CheckOutcome,
    CxImpact,
    Dimension,
    Finding,
    FindingTemplate,
    Measurement,
    Rating,
    Severity,
    Status,
    make_finding,
)
from auditor.scoring import log_normal_score, percentile
from auditor.slots import CRAWL
from auditor.snapshot import THROTTLING, LoadSettings, PageLoadFailure, PageSnapshot, begin_load, finish_load

CHECK_ID = "load-time"
KEY_ROLES = ("home", "product", "checkout", "category", "search", "cart")
JOURNEY_ROLES = ("home", "product", "cart", "checkout", "search", "category")
LAB_NOTE = ("Lab measurement: one load per page from the audit machine. Field data from real customers "
            "(Chrome UX Report) can differ; treat these values as an estimate.")
# A slow first byte seen while the audit machine is busy (its own browser loading several pages, a loaded CI runner)
# is measured again, once, by a plain request after the crawl: the faster of the two says what the server can do.
RECHECK_ABOVE_MS = 500.0
RECHECK_PAGES = 5
RECHECK_BUDGET_S = 8.0
# Paint times suffer the same way; a page painting slowly is loaded once more in the browser after the crawl,
# alone in its loading slot and in a fresh context (a cold cache, as on the first visit), and the faster counts.
REPAINT_FCP_ABOVE_MS = 1500.0
REPAINT_LCP_ABOVE_MS = 2000.0
# main-thread blocking, like a paint, is the machine's as much as the page's: a busy audit machine runs the page's
# scripts slower, so a page over the good mark is loaded once more too
REPAINT_TBT_ABOVE_MS = 200.0
REPAINT_PAGES = 3
REPAINT_BUDGET_S = 12.0  # with the TTFB recheck and the last load's quiet window, within the check's 30 s


class LoadThresholds(BaseModel):
    """Good / poor boundaries from Google web.dev (LCP, CLS, FCP, TTFB) and Lighthouse (TBT)."""

    model_config = ConfigDict(extra="forbid")
    lcp_good_ms: float = 2500
    lcp_poor_ms: float = 4000
    fcp_good_ms: float = 1800
    fcp_poor_ms: float = 3000
    ttfb_good_ms: float = 800
    ttfb_poor_ms: float = 1800
    cls_good: float = 0.1
    cls_poor: float = 0.25
    tbt_good_ms: float = 200
    tbt_poor_ms: float = 600
    heavy_page_bytes: int = 3_000_000
    percentile: float = 75


# Lighthouse v10+ control points (p10, median) per device, and weights without Speed Index.
CURVES: dict[str, dict[str, tuple[float, float]]] = {
    "mobile": {"fcp_ms": (1800, 3000), "lcp_ms": (2500, 4000), "tbt_ms": (200, 600), "cls": (0.1, 0.25)},
    "desktop": {"fcp_ms": (934, 1600), "lcp_ms": (1200, 2400), "tbt_ms": (150, 350), "cls": (0.1, 0.25)},
}
WEIGHTS = {"fcp_ms": 10, "lcp_ms": 25, "tbt_ms": 30, "cls": 25}

FINDINGS: dict[str, FindingTemplate] = {
    "slow-lcp": FindingTemplate(
        Severity.HIGH, "The main content appears slowly",
        CxImpact("Customers judge a page by when its main content shows. Google rates a largest contentful paint "
                 "over 2.5 s as needing improvement and over 4 s as poor, and in Google's mobile benchmark the "
                 "chance of a bounce rose by 90% as load time went from 1 s to 5 s.",
                 Dimension.SPEED, ("google-cwv-thresholds-2020", "thinkwithgoogle-mobile-benchmarks-2018")),
        "Find the LCP element named in the evidence and make it arrive first: serve it from the HTML (not from "
        "script), preload it, size and compress the image, and cut render-blocking CSS and JavaScript."),
    "slow-server": FindingTemplate(
        Severity.MEDIUM, "The server is slow to answer",
        CxImpact("Every other delay stacks on top of the server's first byte. Google's rough guide calls a time "
                 "to first byte over 0.8 s needing improvement and over 1.8 s poor.",
                 Dimension.SPEED, ("google-ttfb-2023",)),
        "Cache rendered pages (or use a CDN in front of them), look for slow database queries on these page "
        "types, and keep redirects out of the path."),
    "slow-first-paint": FindingTemplate(
        Severity.MEDIUM, "Customers stare at a blank screen",
        CxImpact("Until the first content paints, customers cannot tell whether the site works. Google rates a "
                 "first contentful paint over 1.8 s as needing improvement and over 3 s as poor.",
                 Dimension.SPEED, ("google-fcp-2023",)),
        "Inline the critical CSS, defer non-essential scripts and fonts, and shorten the server response."),
    "layout-shift": FindingTemplate(
        Severity.MEDIUM, "The page jumps while customers read or tap",
        CxImpact("Content that moves makes people lose their place or tap the wrong thing. Google rates a "
                 "cumulative layout shift over 0.1 as needing improvement and over 0.25 as poor.",
                 Dimension.USABILITY, ("google-cls-2023",)),
        "Give images, embeds and ad slots explicit width and height, reserve space for banners before they "
        "load, and avoid inserting content above what is already on screen."),
    "main-thread-blocking": FindingTemplate(
        Severity.MEDIUM, "The page is busy and slow to respond to taps",
        CxImpact("While scripts block the main thread, taps and clicks wait; Nielsen's research puts the limit "
                 "for an instant-feeling response at 0.1 s. Lighthouse rates a total blocking time over 200 ms as "
                 "needing improvement.",
                 Dimension.SPEED, ("lighthouse-scoring", "nielsen-response-times-1993")),
        "Split long JavaScript tasks, load third-party tags after the page is usable, and remove unused code."),
    "heavy-page": FindingTemplate(
        Severity.LOW, "The page is heavy to download",
        CxImpact("Large pages load slowly on mobile networks and cost customers data. In Deloitte's study for "
                 "Google, a 0.1 s faster mobile site was associated with 8.4% more retail conversions.",
                 Dimension.SPEED, ("deloitte-milliseconds-2020",)),
        "Compress and resize images (WebP/AVIF), lazy-load what is below the fold, and drop unused scripts."),
    "js-errors": FindingTemplate(
        Severity.MEDIUM, "JavaScript errors on pages customers shop on",
        CxImpact("A script error can silently break a button, a filter or the basket. In Baymard's survey, 17% of "
                 "US shoppers who abandoned a checkout said the site had errors or crashed.",
                 Dimension.SALES_PROCESS, ("baymard-cart-abandonment-2024",)),
        "Open the page with the browser console open, fix the errors listed in the evidence, and monitor "
        "front-end errors in production."),
}

METRIC_FINDING = {"lcp_ms": "slow-lcp", "ttfb_ms": "slow-server", "fcp_ms": "slow-first-paint", "cls": "layout-shift",
                  "tbt_ms": "main-thread-blocking"}
METRIC_LABEL = {"lcp_ms": "LCP", "ttfb_ms": "TTFB", "fcp_ms": "FCP", "cls": "CLS", "tbt_ms": "TBT"}


@dataclass(frozen=True)
class PageTiming:
    url: str
    role: str
    ttfb_ms: float | None
    fcp_ms: float | None
    lcp_ms: float | None
    cls: float | None
    cls_total: float | None
    tbt_ms: float | None
    load_ms: float | None
    lcp_element: str | None
    transfer_bytes: int
    requests: int
    js_errors: list[str] = field(default_factory=list)  # exceptions thrown by the site's code
    # resources the audit machine could not fetch (DNS failure, outside the scope, HTTP errors): environment noise
    # as often as the site's fault, so reported apart and never called JavaScript errors
    failed_resources: list[str] = field(default_factory=list)
    score: int | None = None
    ttfb_recheck_ms: float | None = None  # a second, plain request after the crawl, for a page whose TTFB was slow
    fcp_recheck_ms: float | None = None  # a second load after the crawl, for a page that painted slowly
    lcp_recheck_ms: float | None = None
    tbt_recheck_ms: float | None = None


@dataclass(frozen=True)
class LoadEvidence:
    pages_measured: int
    p75: dict[str, float | None]
    device: str
    throttling: str
    per_role: dict[str, dict[str, float | None]]
    pages: list[PageTiming]
    lab_note: str = LAB_NOTE


METRICS = ("ttfb_ms", "fcp_ms", "lcp_ms", "cls", "tbt_ms")


RECHECKED = {"ttfb_ms": "ttfb_recheck_ms", "fcp_ms": "fcp_recheck_ms", "lcp_ms": "lcp_recheck_ms",
             "tbt_ms": "tbt_recheck_ms"}


def metric_of(page: PageTiming, metric: str) -> float | None:
    """A page's value for a metric; where it was measured twice (TTFB, FCP, LCP), the faster of the two."""
    value: float | None = getattr(page, metric)
    again = getattr(page, RECHECKED[metric]) if metric in RECHECKED else None
    if again is not None and value is not None:
        return min(value, again)
    return value


def rechecked(page: PageTiming, metric: str) -> bool:
    return metric in RECHECKED and getattr(page, RECHECKED[metric]) is not None


def p75_of(pages: list[PageTiming], pct: float = 75) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for metric in METRICS:
        value = percentile([v for p in pages if (v := metric_of(p, metric)) is not None], pct)
        out[metric] = None if value is None else round(value, 4 if metric == "cls" else 0)
    return out


async def recheck_ttfb(urls: Iterable[str], headers: dict[str, str]) -> dict[str, float]:
    """Milliseconds to the response headers of one plain GET per page, one page at a time, within RECHECK_BUDGET_S.
    A redirect or an error answers nothing about the page's own first byte and is left out."""
    out: dict[str, float] = {}
    deadline = time.perf_counter() + RECHECK_BUDGET_S
    async with httpx.AsyncClient(headers=headers, follow_redirects=False) as client:
        for url in urls:
            remaining = deadline - time.perf_counter()
            if remaining < 0.2:
                break
            started = time.perf_counter()
            try:
                async with client.stream("GET", url, timeout=remaining) as response:
                    if response.status_code < 300:
                        out[url] = round((time.perf_counter() - started) * 1000)
            except httpx.HTTPError:
                continue
    return out


async def repaint(ctx: SiteContext, urls: list[str]) -> dict[str, tuple[float | None, float | None, float | None]]:
    """(FCP, LCP, TBT) of one more load per page, one at a time within REPAINT_BUDGET_S; a page that fails is left
    out."""
    out: dict[str, tuple[float | None, float | None, float | None]] = {}
    deadline = time.perf_counter() + REPAINT_BUDGET_S
    context = await open_guarded_context(ctx.session, ctx.context_options, ctx.scope, ctx.guard_log)
    try:
        for url in urls:
            remaining_ms = int((deadline - time.perf_counter()) * 1000)
            if remaining_ms < 2000:
                break
            settings = LoadSettings(throttle=THROTTLING[ctx.config.throttle], timeout_ms=remaining_ms,
                                    settle_limit_ms=min(6000, remaining_ms), close_consent=False)
            async with ctx.load_slots.slot(CRAWL) if ctx.load_slots is not None else contextlib.nullcontext():
                loading = await begin_load(context, url, settings)  # the slot is held while loading, as in the crawl
            if isinstance(loading, PageLoadFailure):
                continue
            snap = await finish_load(loading, settings)
            if isinstance(snap, PageSnapshot) and snap.status is not None and snap.status < 400:
                out[url] = (snap.timings.fcp_ms, snap.timings.lcp_ms, snap.timings.tbt_ms)
    finally:
        with contextlib.suppress(Exception):
            await context.close()
    return out


async def gather(ctx: SiteContext) -> LoadEvidence:
    device = ctx.context_options.device
    pages = [
        PageTiming(
            url=s.final_url, role=s.role, ttfb_ms=s.timings.ttfb_ms, fcp_ms=s.timings.fcp_ms, lcp_ms=s.timings.lcp_ms,
            cls=s.timings.cls, cls_total=s.timings.cls_total, tbt_ms=s.timings.tbt_ms, load_ms=s.timings.load_ms,
            lcp_element=s.timings.lcp_element, transfer_bytes=s.timings.transfer_bytes, requests=s.timings.requests,
            js_errors=list(s.exceptions)[:10], failed_resources=list(s.failed_requests)[:10],
        )
        for s in ctx.snapshots
    ]
    slow = sorted((p for p in pages if (p.ttfb_ms or 0) > RECHECK_ABOVE_MS and ctx.scope.contains(p.url)),
                  key=lambda p: -(p.ttfb_ms or 0))[:RECHECK_PAGES]
    if slow:
        options = ctx.context_options
        headers = {**(options.extra_headers or {}), **({"User-Agent": options.user_agent} if options.user_agent else {})}
        again = await recheck_ttfb(dict.fromkeys(p.url for p in slow), headers)
        pages = [replace(p, ttfb_recheck_ms=again.get(p.url)) if p.url in again else p for p in pages]
    painting = sorted((p for p in pages if ((p.fcp_ms or 0) > REPAINT_FCP_ABOVE_MS or (p.lcp_ms or 0) > REPAINT_LCP_ABOVE_MS
                                            or (p.tbt_ms or 0) > REPAINT_TBT_ABOVE_MS) and ctx.scope.contains(p.url)),
                      key=lambda p: -max((p.fcp_ms or 0) / REPAINT_FCP_ABOVE_MS, (p.lcp_ms or 0) / REPAINT_LCP_ABOVE_MS,
                                         (p.tbt_ms or 0) / REPAINT_TBT_ABOVE_MS))[:REPAINT_PAGES]
    if painting:
        painted = await repaint(ctx, list(dict.fromkeys(p.url for p in painting)))
        pages = [replace(p, fcp_recheck_ms=painted[p.url][0], lcp_recheck_ms=painted[p.url][1],
                         tbt_recheck_ms=painted[p.url][2]) if p.url in painted else p for p in pages]
    pages = [replace(p, score=page_score({m: metric_of(p, m) for m in METRICS}, device)) for p in pages]
    by_role: dict[str, list[PageTiming]] = {}
    for p in pages:
        by_role.setdefault(p.role, []).append(p)
    return LoadEvidence(
        pages_measured=len(pages), p75=p75_of(pages), device=device, throttling=ctx.config.throttle,
        per_role={role: p75_of(items) for role, items in sorted(by_role.items())}, pages=pages,
    )


def rate(metric: str, value: float, t: LoadThresholds) -> Rating:
    prefix = metric.removesuffix("_ms")
    suffix = "_ms" if metric.endswith("_ms") else ""
    good = getattr(t, f"{prefix}_good{suffix}")
    poor = getattr(t, f"{prefix}_poor{suffix}")
    if value <= good:
        return Rating.GOOD
    if value <= poor:
        return Rating.NEEDS_IMPROVEMENT
    return Rating.POOR


def page_score(page: PageTiming | dict[str, Any], device: str) -> int | None:
    values = page if isinstance(page, dict) else {m: getattr(page, m) for m in METRICS}
    curves = CURVES.get(device, CURVES["desktop"])
    total = weight = 0.0
    for metric, w in WEIGHTS.items():
        value = values.get(metric)
        if value is None:
            continue
        p10, median = curves[metric]
        total += log_normal_score(float(value), p10, median) * w
        weight += w
    return round(100 * total / weight) if weight else None


def _fmt(metric: str, value: float) -> str:
    return f"{value:.3f}" if metric == "cls" else f"{value / 1000:.2f} s"


def assess(ev: LoadEvidence, t: LoadThresholds) -> CheckOutcome:
    if ev.pages_measured == 0:
        return CheckOutcome(Status.NOT_MEASURED, None, reason="no page could be measured")
    findings: list[Finding] = []
    strengths: list[str] = []
    roles_by_page = {p.url: p for p in ev.pages}
    for metric in METRICS:
        flagged_roles: list[tuple[str, float, Rating]] = []
        for role, values in ev.per_role.items():
            value = values.get(metric)
            if value is None:
                continue
            rating = rate(metric, value, t)
            if rating is not Rating.GOOD:
                flagged_roles.append((role, value, rating))
        for role, value, rating in flagged_roles:
            members = [p for p in ev.pages if p.role == role and metric_of(p, metric) is not None]
            worst = max(members, key=lambda p: metric_of(p, metric) or 0.0)
            key_page = role in KEY_ROLES
            base = FINDINGS[METRIC_FINDING[metric]].severity
            severity = base if rating is Rating.POOR else Severity(_one_lower(base))
            if not key_page:
                severity = Severity(_one_lower(severity))
            threshold = getattr(t, f"{metric.removesuffix('_ms')}_good{'_ms' if metric.endswith('_ms') else ''}")
            extra = f" The largest element was {worst.lcp_element}." if metric == "lcp_ms" and worst.lcp_element else ""
            observed = (f"On {role} pages the {int(t.percentile)}th-percentile {METRIC_LABEL[metric]} is {_fmt(metric, value)} "
                        f"({rating.value.replace('-', ' ')}; good is at most {_fmt(metric, threshold)}). "
                        f"Slowest: {worst.url} at {_fmt(metric, metric_of(worst, metric) or 0.0)}.{extra}"
                        + (" Measured twice (during the crawl, then once more after it); the faster counts."
                           if rechecked(worst, metric) else ""))
            findings.append(make_finding(
                CHECK_ID, METRIC_FINDING[metric], FINDINGS, observed, page_url=worst.url, severity=severity,
                measurement=Measurement(METRIC_LABEL[metric], round(value, 4), "" if metric == "cls" else "ms", threshold, rating)))
        overall = ev.p75.get(metric)
        if overall is not None and not flagged_roles and rate(metric, overall, t) is Rating.GOOD:
            strengths.append(f"{METRIC_LABEL[metric]} is good on every page type (p75 {_fmt(metric, overall)}).")
    heavy = [p for p in ev.pages if p.transfer_bytes > t.heavy_page_bytes]
    if heavy:
        worst = max(heavy, key=lambda p: p.transfer_bytes)
        findings.append(make_finding(
            CHECK_ID, "heavy-page", FINDINGS,
            f"{len(heavy)} page(s) transfer more than {t.heavy_page_bytes / 1e6:.1f} MB; the heaviest, {worst.url}, "
            f"is {worst.transfer_bytes / 1e6:.1f} MB in {worst.requests} requests.",
            page_url=worst.url, measurement=Measurement("transfer size", worst.transfer_bytes, "bytes", t.heavy_page_bytes)))
    erroring = [p for p in ev.pages if p.js_errors and p.role in JOURNEY_ROLES]
    if erroring:
        first = erroring[0]
        findings.append(make_finding(
            CHECK_ID, "js-errors", FINDINGS,
            f"{len(erroring)} page(s) customers shop on logged JavaScript errors, e.g. {first.url}: "
            f"“{first.js_errors[0][:160]}”.", page_url=first.url))
    del roles_by_page
    scores = [s for s in (p.score if p.score is not None else page_score(p, ev.device) for p in ev.pages) if s is not None]
    score = round(sum(scores) / len(scores)) if scores else None
    worst_sev = max((f.severity.rank for f in findings), default=-1)
    status = Status.FAILED if worst_sev >= Severity.MEDIUM.rank else Status.PASSED
    return CheckOutcome(status, score, findings, strengths)


def _one_lower(severity: Severity) -> str:
    order = ["critical", "high", "medium", "low", "info"]
    return order[min(order.index(severity.value) + 1, len(order) - 1)]


CHECK = CheckSpec(id=CHECK_ID, title="Load time", kind="page", gather=gather, assess=assess,
                  thresholds=LoadThresholds, findings=FINDINGS, weight=1.0, timeout_s=30)
