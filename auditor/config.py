"""The one validated configuration: defaults < `cxaudit.toml` or `[tool.cxaudit]` in pyproject.toml < CLI flags.

Unknown keys are errors that name the key's path, so a typo in a CI config fails loudly instead of
silently gating nothing."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from auditor.errors import ConfigError

CHECK_IDS = ("load-time", "site-search", "checkout-journey", "support-contact", "delivery-returns", "payment-options")
CHECK_ALIASES = {"checkout": "checkout-journey", "search": "site-search", "contact": "support-contact",
                 "payment": "payment-options", "payments": "payment-options", "delivery": "delivery-returns",
                 "speed": "load-time", "load": "load-time"}
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


class Bound(Strict):
    max: float | None = None
    min: float | None = None


class GateConfig(Strict):
    fail_on: SeverityName = "high"
    fail_on_new: bool = False
    rules: dict[str, dict[str, Bound]] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _collect_rules(cls, data: Any) -> Any:
        """`[gate] checkout.steps_to_payment.max = 4` arrives as nested tables; gather them under `rules`."""
        if not isinstance(data, dict):
            return data
        known = {"fail_on", "fail_on_new", "rules"}
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
    phone: str = "+44 20 7946 0000"
    street: str = "1 Test Street"
    city: str = "Testville"
    postcode: str = "1011 AB"
    country: str | None = None


class AuditConfig(Strict):
    urls: list[str] = Field(default_factory=list)
    out: Path = Path("cxaudit-report")
    device: Literal["desktop", "mobile"] = "desktop"
    throttle: Literal["none", "fast-4g", "slow-4g"] = "none"
    checks: list[str] = Field(default_factory=lambda: list(CHECK_IDS))
    formats: list[str] = Field(default_factory=lambda: ["html", "json", "junit", "markdown"])
    baseline: Path | None = None
    browser_path: str | None = None
    browser_endpoint: str | None = None
    site_timeout_s: int = Field(600, ge=10, le=7200)
    site_concurrency: int = Field(2, ge=1, le=16)
    locale: str = "en-US"
    screenshots: bool = True
    crawl: CrawlConfig = Field(default_factory=lambda: CrawlConfig())
    gate: GateConfig = Field(default_factory=lambda: GateConfig())
    thresholds: dict[str, dict[str, Any]] = Field(default_factory=dict)
    ignore: list[IgnoreRule] = Field(default_factory=list)
    brand: BrandConfig = Field(default_factory=lambda: BrandConfig())
    checkout: CheckoutConfig = Field(default_factory=lambda: CheckoutConfig())

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
        """The effective config as written to report.json."""
        return self.model_dump(mode="json", exclude={"browser_path"})


def _format_validation_error(exc: ValidationError, source: str) -> str:
    parts = []
    for err in exc.errors()[:3]:
        path = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        parts.append(f"{path}: {msg}")
    return f"invalid configuration in {source}: " + "; ".join(parts)


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
