"""The one validated configuration: defaults < `cxaudit.toml` or `[tool.cxaudit]` in pyproject.toml < CLI flags.

Unknown keys are errors that name the key's path, so a typo in a CI config fails loudly instead of
silently gating nothing."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from auditor.errors import ConfigError

CHECK_IDS = ("load-time", "site-search", "checkout-journey", "support-contact", "delivery-returns", "payment-options",
             "consent-banner", "reviews-feedback", "journey-accessibility", "pricing-fairness")
CHECK_ALIASES = {"checkout": "checkout-journey", "search": "site-search", "contact": "support-contact",
                 "payment": "payment-options", "payments": "payment-options", "delivery": "delivery-returns",
                 "speed": "load-time", "load": "load-time",
                 "consent": "consent-banner", "cookies": "consent-banner", "reviews": "reviews-feedback",
                 "accessibility": "journey-accessibility", "a11y": "journey-accessibility",
                 "pricing": "pricing-fairness", "prices": "pricing-fairness"}
SeverityName = Literal["critical", "high", "medium", "low", "info", "never"]
FORMATS = ("html", "json", "junit", "markdown", "pdf")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class CrawlConfig(Strict):
    max_pages: int = Field(30, ge=1, le=10000)
    max_depth: int = Field(5, ge=0, le=50)
    delay_ms: int = Field(0, ge=0, le=60000)
    concurrency: int = Field(2, ge=1, le=16)
    ignore_robots: bool = False
    allow_hosts: list[str] = Field(default_factory=list)
    user_agent: str | None = None
    page_timeout_ms: int = Field(30000, ge=1000, le=300000)
    use_sitemaps: bool = True
    max_page_mb: float = Field(10.0, gt=0, le=500)  # pages whose HTML is larger are reported, not loaded


class Bound(Strict):
    max: float | None = None
    min: float | None = None


class GateConfig(Strict):
    fail_on: SeverityName = "high"
    fail_on_new: bool = False
    count_likely: bool = False  # likely findings (inferred from absence) fail the gate too
    rules: dict[str, dict[str, Bound]] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _collect_rules(cls, data: Any) -> Any:
        """`[gate] checkout.steps_to_payment.max = 4` arrives as nested tables; gather them under `rules`."""
        if not isinstance(data, dict):
            return data
        known = {"fail_on", "fail_on_new", "count_likely", "rules"}
        rules = dict(data.get("rules") or {})
        out = {k: v for k, v in data.items() if k in known}
        for key, value in data.items():
            if key in known:
                continue
            check = CHECK_ALIASES.get(key, key)
            if check not in CHECK_IDS:
                raise ValueError(f"unknown check '{key}' in gate rules (known: {', '.join(CHECK_IDS)})")
            if not isinstance(value, dict):
                raise ValueError(f"gate rule '{key}' must be a table like {key}.<metric>.max = <number>")
            rules[check] = {**rules.get(check, {}), **value}
        out["rules"] = rules
        return out


class GateOverride(GateConfig):
    fail_on: SeverityName | None = None  # type: ignore[assignment]


class Override(Strict):
    """`[[overrides]]`: other thresholds or gate rules for the sites whose start URL matches a glob pattern
    (e.g. a staging host that is known to be slower, or a market whose checkout has an extra legal step)."""

    url_pattern: str = Field(min_length=1)
    thresholds: dict[str, dict[str, Any]] = Field(default_factory=dict)
    gate: GateOverride = Field(default_factory=lambda: GateOverride())

    def matches(self, url: str) -> bool:
        from fnmatch import fnmatchcase

        return fnmatchcase(url, self.url_pattern) or fnmatchcase(url.rstrip("/"), self.url_pattern.rstrip("/"))


def effective_gate(gate: GateConfig, overrides: list[Override], url: str) -> GateConfig:
    fail_on, rules = gate.fail_on, {k: dict(v) for k, v in gate.rules.items()}
    for o in overrides:
        if o.matches(url):
            fail_on = o.gate.fail_on or fail_on
            for check, metrics in o.gate.rules.items():
                rules.setdefault(check, {}).update(metrics)
    return GateConfig(fail_on=fail_on, fail_on_new=gate.fail_on_new, count_likely=gate.count_likely, rules=rules)


def effective_thresholds(thresholds: dict[str, dict[str, Any]], overrides: list[Override], url: str) -> dict[str, dict[str, Any]]:
    out = {k: dict(v) for k, v in thresholds.items()}
    for o in overrides:
        if o.matches(url):
            for check, values in o.thresholds.items():
                out.setdefault(CHECK_ALIASES.get(check, check), {}).update(values)
    return out


class BrandConfig(Strict):
    name: str | None = None
    logo: Path | None = None
    color: str = "#1c5d99"

    @field_validator("color")
    @classmethod
    def _hex(cls, v: str) -> str:
        if not re.fullmatch(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}", v):
            raise ValueError("must be a hex colour such as #1c5d99")
        return v


class IgnoreRule(Strict):
    code: str
    reason: str = Field(min_length=1)
    url_pattern: str | None = None


class CheckoutConfig(Strict):
    enabled: bool = True
    name: str = "Test Customer"
    email: str = "cxaudit-test@example.invalid"
    # phone, city and postcode default to the test customer's, valid for the checkout's country (journeys/customer.py)
    phone: str | None = None
    street: str = "1 Test Street"
    city: str | None = None
    postcode: str | None = None
    country: str | None = None


class LoginField(Strict):
    """One field of a scripted login: found by CSS selector or label, filled from an environment variable."""

    selector: str | None = None
    label: str | None = None
    value_env: str | None = None
    value: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> LoginField:
        if not (self.selector or self.label):
            raise ValueError("a login field needs a selector or a label")
        if (self.value_env is None) == (self.value is None):
            raise ValueError("a login field needs exactly one of value_env (the environment variable holding it) or value")
        return self


class LoginConfig(Strict):
    """`[login]`: signs in once before the audit; every check then runs as that customer."""

    url: str
    fields: list[LoginField] = Field(min_length=1)
    submit: str | None = None  # a CSS selector or the button's text; default: press Enter in the last field
    success_url_contains: str | None = None
    success_text: str | None = None
    success_selector: str | None = None


class MarketConfig(Strict):
    """The market the audit shops in: recorded in the result and used by the payment and delivery checks."""

    timezone: str | None = None
    geolocation: str | None = None  # "latitude,longitude"
    accept_language: str | None = None
    country: str | None = None
    currency: str | None = None

    @field_validator("geolocation")
    @classmethod
    def _geo(cls, v: str | None) -> str | None:
        if v is None:
            return v
        try:
            lat, lon = (float(x) for x in v.split(","))
        except ValueError:
            raise ValueError("must be 'latitude,longitude', e.g. 52.37,4.89") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError("latitude must be within ±90 and longitude within ±180")
        return f"{lat},{lon}"

    @property
    def coordinates(self) -> dict[str, float] | None:
        """The geolocation as the browser takes it."""
        if not self.geolocation:
            return None
        lat, lon = (float(x) for x in self.geolocation.split(","))
        return {"latitude": lat, "longitude": lon}

    @field_validator("country")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[A-Za-z]{2}", v):
            raise ValueError("must be a two-letter ISO country code such as NL")
        return v.upper() if v else v

    @field_validator("currency")
    @classmethod
    def _currency(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[A-Za-z]{3}", v):
            raise ValueError("must be a three-letter ISO currency code such as EUR")
        return v.upper() if v else v


class AuditConfig(Strict):
    urls: list[str] = Field(default_factory=list)
    out: Path = Path("cxaudit-report")
    device: Literal["desktop", "mobile", "both"] = "desktop"  # both: every site audited once per profile
    throttle: Literal["none", "fast-4g", "slow-4g"] = "none"
    checks: list[str] = Field(default_factory=lambda: list(CHECK_IDS))
    formats: list[str] = Field(default_factory=lambda: ["html", "json", "junit", "markdown"])
    baseline: Path | None = None
    browser_path: str | None = None
    browser_endpoint: str | None = None
    site_timeout_s: int = Field(600, ge=10, le=7200)
    journey_timeout_s: int | None = Field(None, ge=5, le=3600)  # caps each journey check's own budget
    site_concurrency: int = Field(2, ge=1, le=16)
    journey_concurrency: int = Field(3, ge=1, le=8)  # journey checks of one site running side by side
    # journeys start while the crawl still runs (CheckSpec.starts_on). Off by default: on a 2-core machine it saved
    # 2-3 s at crawl concurrency 1 and nothing at 4, where the journeys' CPU (axe, screenshots) bent the crawl's
    # timings (LCP p75 +24%) and pushed slow pages towards their timeout
    journeys_beside_crawl: bool = False
    locale: str = "en-US"
    screenshots: bool = True
    crawl: CrawlConfig = Field(default_factory=lambda: CrawlConfig())
    gate: GateConfig = Field(default_factory=lambda: GateConfig())
    thresholds: dict[str, dict[str, Any]] = Field(default_factory=dict)
    ignore: list[IgnoreRule] = Field(default_factory=list)
    overrides: list[Override] = Field(default_factory=list)
    brand: BrandConfig = Field(default_factory=lambda: BrandConfig())
    checkout: CheckoutConfig = Field(default_factory=lambda: CheckoutConfig())
    market: MarketConfig = Field(default_factory=lambda: MarketConfig())
    # access to protected sites: values are secrets, redacted from every output
    auth: SecretStr | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    cookies: dict[str, str] = Field(default_factory=dict)
    storage_state: Path | None = None
    login: LoginConfig | None = None

    @field_validator("auth")
    @classmethod
    def _user_password(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and ":" not in v.get_secret_value():
            raise ValueError("must be user:password")
        return v

    @field_validator("headers")
    @classmethod
    def _header_names(cls, v: dict[str, str]) -> dict[str, str]:
        for name in v:
            if not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name):
                raise ValueError(f"'{name}' is not a valid HTTP header name")
            if name.lower() in ("host", "content-length", "transfer-encoding", "connection"):
                raise ValueError(f"the header '{name}' cannot be set")
        return v

    @field_validator("checks")
    @classmethod
    def _known_checks(cls, v: list[str]) -> list[str]:
        out = []
        for item in v:
            check = CHECK_ALIASES.get(item.strip(), item.strip())
            if check not in CHECK_IDS:
                raise ValueError(f"unknown check '{item}' (known: {', '.join(CHECK_IDS)})")
            out.append(check)
        return list(dict.fromkeys(out))

    @field_validator("formats")
    @classmethod
    def _known_formats(cls, v: list[str]) -> list[str]:
        for item in v:
            if item not in FORMATS:
                raise ValueError(f"unknown format '{item}' (known: {', '.join(FORMATS)})")
        return list(dict.fromkeys(v))

    @field_validator("thresholds")
    @classmethod
    def _threshold_checks(cls, v: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        out = {}
        for key, value in v.items():
            check = CHECK_ALIASES.get(key, key)
            if check not in CHECK_IDS:
                raise ValueError(f"unknown check '{key}' in thresholds")
            out[check] = value
        return out

    def public_dict(self) -> dict[str, Any]:
        """The effective config as written to report.json: how the site was accessed, never the secrets."""
        doc = self.model_dump(mode="json", exclude={"browser_path", "auth", "headers", "cookies", "login"})
        doc["auth"] = "basic (redacted)" if self.auth else None
        doc["headers"] = dict.fromkeys(self.headers, "[redacted]")
        doc["cookies"] = dict.fromkeys(self.cookies, "[redacted]")
        if self.login:
            doc["login"] = {"url": self.login.url, "fields": [
                {"selector": f.selector, "label": f.label, "value_env": f.value_env} for f in self.login.fields]}
        return doc


def _format_validation_error(exc: ValidationError, source: str) -> str:
    parts = []
    for err in exc.errors()[:3]:
        path = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        parts.append(f"{_printable(path)}: {_printable(msg)}")
    return f"invalid configuration in {source}: " + "; ".join(parts)


def _printable(text: str) -> str:
    """Keys and values from a config file may hold newlines or control characters; the error stays one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def find_config_file(cwd: Path) -> tuple[dict[str, Any], str] | None:
    """Looks for `cxaudit.toml`, then `[tool.cxaudit]` in pyproject.toml, in the working directory."""
    own = cwd / "cxaudit.toml"
    if own.is_file():
        return load_toml(own), str(own)
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        data = load_toml(pyproject)
        section = data.get("tool", {}).get("cxaudit")
        if isinstance(section, dict):
            return section, f"{pyproject} [tool.cxaudit]"
    return None


def load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"config file {path} cannot be read: {exc.strerror}") from None


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def build_config(file_data: dict[str, Any] | None, source: str, overrides: dict[str, Any]) -> AuditConfig:
    """Merges file and CLI values (CLI wins) and validates once, so errors name the key either came from."""
    merged = _deep_merge(file_data or {}, overrides)
    try:
        return AuditConfig.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(exc, source if file_data else "command-line options")) from None
