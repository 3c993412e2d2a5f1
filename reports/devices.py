"""Mobile next to desktop: with `--device both` a site carries `devices` {"desktop": {"checks", "score"},
"mobile": {...}} (report.json, schema_version 2). This puts the two profiles side by side for each journey:
did the customer get through, in how many steps, how long the site took, the score; and the findings seen on
one profile only (by finding code), such as a search box hidden behind an icon on mobile alone.

Pure and format-free, like reports/glance.py. A profile whose check could not be verified (inconclusive, not
measured, not run) is never read as a difference: its missing findings are not absences, so that check's
findings are not compared and the row says why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reports.cards import SEVERITY_ORDER
from reports.glance import format_ms

# the journeys a customer walks; any other check that recorded journey steps on either profile joins them
JOURNEY_CHECKS = ("site-search", "checkout-journey", "support-contact", "delivery-returns", "journey-accessibility")
# a time difference is worth telling only when it is both this large and this large a share of the slower one
TIME_DIFF_MIN_MS = 500
TIME_DIFF_MIN_SHARE = 0.2


@dataclass(frozen=True)
class Profile:
    """One journey check on one profile."""

    status: str | None  # passed, failed, not_applicable, not_measured; None: not run on this profile
    outcome: str | None  # reached, blocked, inconclusive; None in version-1 documents
    steps: int | None
    time_ms: float | None  # the sum of the journey's step times, else the check's duration
    score: int | None

    @property
    def ran(self) -> bool:
        return self.status is not None

    @property
    def verified(self) -> bool:
        """Its findings can be read as what the site does: it ran, applied and reached a conclusion."""
        return self.status in ("passed", "failed") and self.outcome != "inconclusive"

    @property
    def result(self) -> str:
        """The status in a client's words."""
        if not self.ran:
            return "not run"
        if self.outcome == "inconclusive" or self.status == "not_measured":
            return "could not be verified"
        if self.status == "not_applicable":
            return "not applicable"
        text = str(self.status).replace("_", " ")
        return f"{text} · {self.outcome}" if self.outcome else text

    @property
    def time_text(self) -> str:
        return format_ms(self.time_ms)


@dataclass(frozen=True)
class DeviceRow:
    check_id: str
    title: str
    desktop: Profile
    mobile: Profile
    differences: list[str]  # what differs, in a client's words; empty when the profiles agree

    @property
    def summary(self) -> str:
        return "; ".join(self.differences) if self.differences else "same on both"


@dataclass(frozen=True)
class FindingDifference:
    """A finding code seen on one profile only."""

    only_on: str  # desktop or mobile
    check_id: str
    check_title: str
    code: str
    severity: str
    title: str
    observed: str
    page_url: str | None
    count: int  # how many findings with this code on that profile (one per page)


@dataclass(frozen=True)
class DeviceComparison:
    desktop_score: int | None
    mobile_score: int | None
    rows: list[DeviceRow]
    differences: list[FindingDifference]  # mobile-only first, then desktop-only; worst first within each

    def only_on(self, profile: str) -> list[FindingDifference]:
        return [d for d in self.differences if d.only_on == profile]


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _int(value: Any) -> int | None:
    number = _number(value)
    return None if number is None else int(number)


def journey_time_ms(check: dict[str, Any]) -> float | None:
    """How long the site made the customer wait along the journey: the sum of its steps' times, or the check's
    duration when it recorded no timed steps."""
    times = [t for t in (_number(s.get("ms")) for s in check.get("journey") or []) if t is not None]
    return sum(times) if times else _number(check.get("duration_ms"))


def _profile(check: dict[str, Any] | None) -> Profile:
    if check is None:
        return Profile(None, None, None, None, None)
    journey = check.get("journey") or []
    return Profile(str(check.get("status") or "not_measured"), check.get("outcome"), len(journey) if journey else None,
                   journey_time_ms(check), _int(check.get("score")))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _row_differences(desktop: Profile, mobile: Profile) -> list[str]:
    missing = [name for name, p in (("desktop", desktop), ("mobile", mobile)) if not p.ran]
    if missing:
        return [f"not run on {' or '.join(missing)}"]
    unverified = [(name, p) for name, p in (("desktop", desktop), ("mobile", mobile)) if not p.verified]
    if len(unverified) == 2:
        return ["not compared: neither profile could be verified"]
    if unverified:
        name, p = unverified[0]
        why = "was not applicable" if p.status == "not_applicable" else "could not be verified"
        return [f"not compared: {name} {why}"]
    out = []
    if desktop.result != mobile.result:
        out.append(f"mobile {mobile.result}, desktop {desktop.result}")
    if desktop.steps is not None and mobile.steps is not None and desktop.steps != mobile.steps:
        more = mobile.steps - desktop.steps
        out.append(f"mobile takes {_plural(abs(more), 'step')} {'more' if more > 0 else 'fewer'}")
    if desktop.time_ms is not None and mobile.time_ms is not None:
        gap = mobile.time_ms - desktop.time_ms
        if abs(gap) >= TIME_DIFF_MIN_MS and abs(gap) >= TIME_DIFF_MIN_SHARE * max(desktop.time_ms, mobile.time_ms):
            out.append(f"mobile {format_ms(abs(gap))} {'slower' if gap > 0 else 'faster'}")
    if desktop.score is not None and mobile.score is not None and desktop.score != mobile.score:
        gap = mobile.score - desktop.score
        out.append(f"mobile scores {abs(gap)} {'higher' if gap > 0 else 'lower'}")
    return out


def profile_checks(site: dict[str, Any], profile: str) -> list[dict[str, Any]] | None:
    """A profile's checks; desktop falls back on the site's own checks (they are the desktop ones)."""
    devices = site.get("devices")
    if not isinstance(devices, dict):
        return None
    entry = devices.get(profile)
    if isinstance(entry, dict) and isinstance(entry.get("checks"), list):
        return [c for c in entry["checks"] if isinstance(c, dict)]
    if profile == "desktop" and isinstance(site.get("checks"), list) and isinstance(devices.get("mobile"), dict):
        return [c for c in site["checks"] if isinstance(c, dict)]
    return None


def _profile_score(site: dict[str, Any], profile: str) -> int | None:
    entry = (site.get("devices") or {}).get(profile)
    if isinstance(entry, dict) and "score" in entry:
        return _int(entry.get("score"))
    return _int(site.get("score")) if profile == "desktop" else None


def _is_journey(check: dict[str, Any] | None) -> bool:
    return check is not None and (check.get("id") in JOURNEY_CHECKS or bool(check.get("journey")))


def _findings_by_code(check: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for finding in check.get("findings") or []:
        if isinstance(finding, dict) and not finding.get("ignored"):
            groups.setdefault(str(finding.get("code")), []).append(finding)
    return groups


def _worst(findings: list[dict[str, Any]]) -> dict[str, Any]:
    return min(findings, key=lambda f: SEVERITY_ORDER.get(str(f.get("severity")), 9))


def device_comparison(site: dict[str, Any]) -> DeviceComparison | None:
    """Desktop next to mobile for one site, or None when the site was not audited on both profiles."""
    if site.get("error"):
        return None
    desktop_checks, mobile_checks = profile_checks(site, "desktop"), profile_checks(site, "mobile")
    if desktop_checks is None or mobile_checks is None:
        return None
    desktop = {str(c.get("id")): c for c in desktop_checks}
    mobile = {str(c.get("id")): c for c in mobile_checks}
    ids = list(dict.fromkeys([*desktop, *mobile]))  # the desktop order, then checks run on mobile only
    rows, differences = [], []
    for check_id in ids:
        d, m = desktop.get(check_id), mobile.get(check_id)
        title = str((d or m or {}).get("title") or check_id)
        pd, pm = _profile(d), _profile(m)
        if _is_journey(d) or _is_journey(m):
            rows.append(DeviceRow(check_id, title, pd, pm, _row_differences(pd, pm)))
        if d is None or m is None or not (pd.verified and pm.verified):
            continue  # an absence on a profile that was not verified is not a difference
        on = {"desktop": _findings_by_code(d), "mobile": _findings_by_code(m)}
        for profile, other in (("mobile", "desktop"), ("desktop", "mobile")):
            for code, found in on[profile].items():
                if code in on[other]:
                    continue
                lead = _worst(found)
                differences.append(FindingDifference(
                    only_on=profile, check_id=check_id, check_title=title, code=code,
                    severity=str(lead.get("severity") or "info"), title=str(lead.get("title") or code),
                    observed=str(lead.get("observed") or ""), page_url=lead.get("page_url"), count=len(found)))
    differences.sort(key=lambda f: (f.only_on != "mobile", SEVERITY_ORDER.get(f.severity, 9)))
    return DeviceComparison(_profile_score(site, "desktop"), _profile_score(site, "mobile"), rows, differences)
