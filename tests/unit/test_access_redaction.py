"""Access to protected sites and redaction: pure logic, no browser."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from auditor.access import SiteAccess, expand_env, parse_cookie, parse_header
from auditor.config import AuditConfig
from auditor.crawl.urls import Scope
from auditor.errors import ConfigError
from auditor.redact import MARK, Redactor

SITE = "http://127.0.0.1:8123/"


def test_redactor_replaces_secret_and_its_url_and_base64_forms() -> None:
    r = Redactor([*Redactor.for_basic_auth("stage", "s3cr3t p@ss"), "tok-123456"])
    text = ("user stage pw s3cr3t p@ss quoted s3cr3t%20p%40ss plus s3cr3t+p%40ss basic "
            + base64.b64encode(b"stage:s3cr3t p@ss").decode() + " header tok-123456")
    out = r.text(text)
    assert "s3cr3t" not in out and "tok-123456" not in out and "stage" not in out
    assert out.count(MARK) >= 5


def test_redactor_walks_json_documents_including_keys() -> None:
    r = Redactor(["tok-123456"])
    doc = {"a": ["x tok-123456 y", {"tok-123456": 3}], "n": 5, "b": None}
    assert r.doc(doc) == {"a": [f"x {MARK} y", {MARK: 3}], "n": 5, "b": None}


def test_redactor_ignores_values_too_short_to_redact_safely() -> None:
    assert Redactor(["ab", ""]).text("ab cd") == "ab cd"


def test_env_references_in_header_values_read_the_environment() -> None:
    assert expand_env("Bearer ${TOKEN}", "header X", {"TOKEN": "abc"}) == "Bearer abc"
    with pytest.raises(ConfigError, match=r"\$\{MISSING\}, which is not set"):
        expand_env("${MISSING}", "header X", {})


@pytest.mark.parametrize("raw", ["no-colon", ": value"])
def test_malformed_header_flags_are_config_errors(raw: str) -> None:
    with pytest.raises(ConfigError):
        parse_header(raw)


def test_header_and_cookie_flags_parse_name_and_value() -> None:
    assert parse_header("X-Preview-Token:  abc:def ") == ("X-Preview-Token", "abc:def")
    assert parse_cookie("session=a=b") == ("session", "a=b")
    with pytest.raises(ConfigError):
        parse_cookie("novalue")


def test_storage_state_keeps_only_the_sites_cookies_and_origins(tmp_path: Path) -> None:
    state = {"cookies": [
        {"name": "mine", "value": "v1", "domain": "127.0.0.1", "path": "/", "expires": -1, "httpOnly": False,
         "secure": False, "sameSite": "Lax"},
        {"name": "tracker", "value": "v2", "domain": ".ads.example", "path": "/", "expires": -1, "httpOnly": False,
         "secure": False, "sameSite": "Lax"}],
        "origins": [{"origin": "http://127.0.0.1:8123", "localStorage": [{"name": "k", "value": "ls-secret"}]},
                    {"origin": "https://ads.example", "localStorage": [{"name": "k", "value": "x"}]}]}
    path = tmp_path / "state.json"
    path.write_text(json.dumps(state))
    cfg = AuditConfig(urls=[SITE], storage_state=path, cookies={"preview": "c-secret"})
    access = SiteAccess.from_config(cfg, environ={})
    out = access.context_state(Scope(SITE), SITE)
    assert out is not None
    assert {c["name"] for c in out["cookies"]} == {"mine", "preview"}
    assert [o["origin"] for o in out["origins"]] == ["http://127.0.0.1:8123"]
    assert {"v1", "v2", "ls-secret", "c-secret"} <= set(access.secrets())


def test_a_storage_state_file_that_is_not_json_is_a_one_line_config_error(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{nope")
    with pytest.raises(ConfigError, match="not valid JSON"):
        SiteAccess.from_config(AuditConfig(urls=[SITE], storage_state=path), environ={})


def test_basic_auth_credentials_are_bound_to_the_sites_origin() -> None:
    access = SiteAccess.from_config(AuditConfig(urls=[SITE], auth="u:p-secret"), environ={})
    assert access.http_credentials("https://shop.example/x") == {"username": "u", "password": "p-secret",
                                                                 "origin": "https://shop.example"}
    assert access.describe()["auth"] == "basic (redacted)"


def test_login_values_come_from_the_environment_and_a_missing_one_is_named() -> None:
    login = {"url": "/login", "fields": [{"label": "Email", "value_env": "SHOP_USER"},
                                         {"selector": "#pw", "value_env": "SHOP_PASS"}]}
    cfg = AuditConfig(urls=[SITE], login=login)
    assert SiteAccess.from_config(cfg, environ={"SHOP_USER": "me@x", "SHOP_PASS": "pw-secret"}).login_values == ("me@x", "pw-secret")
    with pytest.raises(ConfigError, match="SHOP_PASS is not set"):
        SiteAccess.from_config(cfg, environ={"SHOP_USER": "me@x"})


def test_public_config_names_access_but_never_shows_a_value() -> None:
    cfg = AuditConfig(urls=[SITE], auth="u:p-secret", headers={"X-Token": "h-secret"}, cookies={"c": "c-secret"},
                      login={"url": "/login", "fields": [{"label": "Password", "value": "lit-secret"}]})
    text = json.dumps(cfg.public_dict())
    assert "secret" not in text
    assert '"auth": "basic (redacted)"' in text and "X-Token" in text


@pytest.mark.parametrize(("field", "value", "message"), [
    ("auth", "nocolon", "user:password"), ("headers", {"Bad Name": "x"}, "not a valid HTTP header name"),
    ("market", {"geolocation": "200,1"}, "latitude"), ("market", {"country": "NLD"}, "two-letter"),
    ("market", {"currency": "EURO"}, "three-letter"),
    ("login", {"url": "/l", "fields": [{"label": "E"}]}, "exactly one of value_env"),
])
def test_access_and_market_settings_are_validated(field: str, value: object, message: str) -> None:
    from auditor.config import build_config

    with pytest.raises(ConfigError, match=message):
        build_config({"urls": [SITE], field: value}, "cxaudit.toml", {})
