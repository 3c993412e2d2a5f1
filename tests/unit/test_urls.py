import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.crawl.urls import Scope, looks_like_page, normalize_url, validate_start_url
from auditor.errors import UsageError


@pytest.mark.parametrize(("raw", "expected"), [
    ("http://Shop.Example:80/a?b=2&a=1#frag", "http://shop.example/a?a=1&b=2"),
    ("https://shop.example:443", "https://shop.example/"),
    ("https://shop.example/p?utm_source=x&id=3&gclid=y", "https://shop.example/p?id=3"),
    ("https://shop.example/p;jsessionid=ABC123?x=1", "https://shop.example/p?x=1"),
    ("https://shop.example/p?PHPSESSID=abc", "https://shop.example/p"),
    ("https://shop.example//a//b/", "https://shop.example/a/b/"),
])
def test_normalize_folds_equivalent_urls(raw: str, expected: str) -> None:
    assert normalize_url(raw) == expected


@pytest.mark.parametrize("raw", ["mailto:a@b.c", "javascript:alert(1)", "tel:+123", "ftp://x.example/", "http://[bad"])
def test_normalize_rejects_non_web_links(raw: str) -> None:
    assert normalize_url(raw) is None


def test_relative_links_resolve_against_the_page() -> None:
    assert normalize_url("../c?q=1", "https://s.example/a/b/") == "https://s.example/a/c?q=1"


def test_scope_treats_www_and_apex_as_one_site_and_ports_as_different_sites() -> None:
    scope = Scope("https://shop.example/")
    assert scope.contains("https://www.shop.example/cart")
    assert scope.contains("http://shop.example/x")
    assert not scope.contains("https://evil.example/")
    assert not scope.contains("https://shop.example.evil.example/")
    local = Scope("http://127.0.0.1:8000/")
    assert local.contains("http://127.0.0.1:8000/a")
    assert not local.contains("http://127.0.0.1:9000/a")


def test_allow_host_extends_scope() -> None:
    scope = Scope("https://shop.example/", frozenset({"checkout.shop-payments.example"}))
    assert scope.contains("https://checkout.shop-payments.example/pay")


@pytest.mark.parametrize("url", ["https://s.example/file.pdf", "https://s.example/img/a.PNG", "https://s.example/x.zip"])
def test_downloads_are_not_pages(url: str) -> None:
    assert not looks_like_page(url)


def test_pages_with_dots_in_odd_places_are_still_pages() -> None:
    assert looks_like_page("https://s.example/product/v1.2-widget")
    assert looks_like_page("https://s.example/index.html")


@pytest.mark.parametrize("raw", ["not a url", "ftp://files.example/", "javascript:alert(1)", "file:///etc/passwd", "http://", "http://nohost"])
def test_bad_start_urls_are_usage_errors(raw: str) -> None:
    with pytest.raises(UsageError):
        validate_start_url(raw)


def test_start_url_without_scheme_gets_https_and_idn_hosts_are_encoded() -> None:
    assert validate_start_url("shop.example") == "https://shop.example/"
    assert validate_start_url("https://bücher.example/") == "https://xn--bcher-kva.example/"


@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=50)))
def test_normalize_never_raises(raw: str, base: str | None) -> None:
    result = normalize_url(raw, base)
    assert result is None or result.startswith(("http://", "https://"))


@given(st.text(max_size=200))
def test_scope_never_raises(raw: str) -> None:
    assert Scope("https://shop.example/").contains(raw) in (True, False)
