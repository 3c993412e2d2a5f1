"""How the auditor gets into a protected site (staging behind basic auth, previews behind a token header,
logged-in sessions), scoped so that no credential ever goes to another host.

Basic auth uses Playwright's origin-bound credentials; headers are added per request by the guard, and
only for requests inside the audit's scope; cookies and storage state are filtered to the site's hosts."""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from auditor.config import AuditConfig
from auditor.crawl.urls import Scope
from auditor.errors import ConfigError
from auditor.redact import Redactor

ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def expand_env(value: str, where: str, environ: Mapping[str, str]) -> str:
    """`${NAME}` in a header or cookie value reads the environment, so config files hold no secrets."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in environ:
            raise ConfigError(f"{where} refers to ${{{name}}}, which is not set in the environment")
        return environ[name]

    return ENV_REFERENCE.sub(one, value)


def parse_header(raw: str) -> tuple[str, str]:
    name, sep, value = raw.partition(":")
    if not sep or not name.strip():
        raise ConfigError(f"--header '{raw.split(':')[0][:40]}...' must look like 'Name: value'")
    return name.strip(), value.strip()


def parse_cookie(raw: str) -> tuple[str, str]:
    name, sep, value = raw.partition("=")
    if not sep or not name.strip():
        raise ConfigError(f"--cookie '{name[:40]}' must look like 'name=value'")
    return name.strip(), value.strip()


def _load_storage_state(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"storage state file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"storage state file {path} cannot be read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"storage state file {path} is not valid JSON (line {exc.lineno}); "
                          "create one with Playwright's context.storage_state(path=...)") from None
    if not isinstance(data, dict) or not isinstance(data.get("cookies", []), list) or not isinstance(data.get("origins", []), list):
        raise ConfigError(f"storage state file {path} is not a Playwright storage state (expected cookies and origins lists)")
    return data


def _cookie_host_in_scope(domain: str, scope: Scope) -> bool:
    host = domain.lstrip(".")
    return bool(host) and (scope.contains(f"http://{host}/") or any(
        scope.contains(f"http://{host}:{port}/") for port in _scope_ports(scope)))


def _scope_ports(scope: Scope) -> set[int]:
    try:
        port = urlsplit(scope.start_url).port
    except ValueError:
        return set()
    return {port} if port else set()


@dataclass(frozen=True)
class SiteAccess:
    username: str | None = None
    password: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    storage_state: dict[str, Any] | None = None
    login_values: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: AuditConfig, environ: Mapping[str, str] | None = None) -> SiteAccess:
        env = os.environ if environ is None else environ
        username = password = None
        if config.auth is not None:
            username, _, password = config.auth.get_secret_value().partition(":")
        headers = {k: expand_env(v, f"header {k}", env) for k, v in config.headers.items()}
        cookies = {k: expand_env(v, f"cookie {k}", env) for k, v in config.cookies.items()}
        state = _load_storage_state(config.storage_state) if config.storage_state else None
        login_values: list[str] = []
        if config.login:
            for f in config.login.fields:
                if f.value_env is not None:
                    if f.value_env not in env:
                        raise ConfigError(f"login field {f.label or f.selector}: environment variable {f.value_env} is not set")
                    login_values.append(env[f.value_env])
                else:
                    login_values.append(f.value or "")
        return cls(username, password, headers, cookies, state, tuple(login_values))

    @property
    def has_credentials(self) -> bool:
        return self.username is not None or bool(self.headers or self.cookies or self.storage_state)

    def secrets(self) -> list[str]:
        values: list[str] = []
        if self.username is not None and self.password is not None:
            values += Redactor.for_basic_auth(self.username, self.password)
        values += list(self.headers.values()) + list(self.cookies.values()) + list(self.login_values)
        if self.storage_state:
            values += [str(c.get("value", "")) for c in self.storage_state.get("cookies", []) if isinstance(c, dict)]
            for origin in self.storage_state.get("origins", []):
                if isinstance(origin, dict):
                    values += [str(i.get("value", "")) for i in origin.get("localStorage", []) if isinstance(i, dict)]
        return values

    def describe(self) -> dict[str, Any]:
        """What the report says about access: the kinds and names, never a value."""
        return {"auth": "basic (redacted)" if self.username is not None else None, "headers": sorted(self.headers),
                "cookies": sorted(self.cookies), "storage_state": self.storage_state is not None,
                "login": bool(self.login_values)}

    def http_credentials(self, start_url: str) -> dict[str, Any] | None:
        if self.username is None:
            return None
        parts = urlsplit(start_url)
        return {"username": self.username, "password": self.password or "", "origin": f"{parts.scheme}://{parts.netloc}"}

    def context_state(self, scope: Scope, start_url: str, extra: dict[str, Any] | None = None) -> dict[str, Any] | None:
        """Storage state for a new browser context: only the site's own cookies and origins."""
        if not (self.cookies or self.storage_state or extra):
            return None
        host = urlsplit(start_url).hostname or ""
        cookies: list[dict[str, Any]] = []
        origins: list[dict[str, Any]] = []
        for state in (self.storage_state, extra):
            if not state:
                continue
            cookies += [c for c in state.get("cookies", []) if isinstance(c, dict) and _cookie_host_in_scope(str(c.get("domain", "")), scope)]
            origins += [o for o in state.get("origins", []) if isinstance(o, dict) and scope.contains(str(o.get("origin", "")))]
        for name, value in self.cookies.items():
            cookies.append({"name": name, "value": value, "domain": host, "path": "/", "expires": -1,
                            "httpOnly": False, "secure": start_url.startswith("https:"), "sameSite": "Lax"})
        return {"cookies": cookies, "origins": origins}

    def httpx_auth(self, scope: Scope) -> httpx.Auth:
        return _ScopedAuth(self, scope)


class _ScopedAuth(httpx.Auth):
    """Adds credentials, headers and cookies to the auditor's plain HTTP requests (preflight, robots.txt,
    sitemaps) only while they stay on the site; httpx runs this for every redirect hop too."""

    def __init__(self, access: SiteAccess, scope: Scope) -> None:
        self.access = access
        self.scope = scope

    def auth_flow(self, request: httpx.Request) -> Any:
        if self.scope.contains(str(request.url)):
            a = self.access
            if a.username is not None:
                pair = f"{a.username}:{a.password or ''}".encode()
                request.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
            for name, value in a.headers.items():
                request.headers[name] = value
            if a.cookies:
                request.headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in a.cookies.items())
        else:
            for name in ("Authorization", "Cookie", *self.access.headers):
                request.headers.pop(name, None)
        yield request
