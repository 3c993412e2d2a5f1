"""URL normalisation and site scope. Pure functions over untrusted strings: they never raise on odd input,
because every link on an audited page passes through them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from auditor.errors import UsageError

TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|gclid|fbclid|msclkid|dclid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ref_src|srsltid)$", re.I
)
SESSION_PARAMS = re.compile(r"^(phpsessid|jsessionid|sid|sessionid|session_id|oscsid|zenid|cfid|cftoken)$", re.I)
SESSION_IN_PATH = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.I)
DEFAULT_PORTS = {"http": 80, "https": 443}
NON_PAGE_EXTENSIONS = frozenset(
    ["pdf", "zip", "gz", "tgz", "rar", "7z", "exe", "dmg", "msi", "apk", "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff", "mp3", "mp4", "m4a", "wav", "ogg", "webm", "mov", "avi", "css", "js", "mjs", "json", "xml", "rss", "atom", "txt", "csv", "xls", "xlsx", "doc", "docx", "ppt", "pptx", "woff", "woff2", "ttf", "eot"]
)


def validate_start_url(raw: str) -> str:
    """Accepts what a user would type for a site and returns an absolute http(s) URL, or says what is wrong."""
    text = raw.strip()
    if not text:
        raise UsageError("empty URL; give a site address such as https://shop.example")
    if "://" not in text and not text.startswith(("javascript:", "file:", "data:", "mailto:")):
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise UsageError(f"'{raw}' is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise UsageError(f"'{raw}' uses the unsupported scheme '{parts.scheme}:'; only http and https sites can be audited")
    host = parts.hostname or ""
    if not host or not re.fullmatch(r"[A-Za-z0-9\-._~%\[\]:\u00a0-\uffff]+", host) or ".." in host:
        raise UsageError(f"'{raw}' is not a valid URL: it has no valid host name; give a site address such as https://shop.example")
    if "." not in host and host != "localhost" and not host.startswith("["):
        raise UsageError(f"'{raw}' is not a valid URL: '{host}' is not a full host name (did you mean {host}.com?)")
    del port
    return normalize_url(text) or text


def _idna(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return host.lower()


def normalize_url(url: str, base: str | None = None) -> str | None:
    """The canonical form used for de-duplication; None for links that are not web pages to visit.

    Fragments, default ports, tracking and session parameters go; query parameters are sorted; an empty
    path becomes '/'. The trailing slash is kept, since sites treat /a and /a/ differently."""
    try:
        absolute = urljoin(base, url.strip()) if base else url.strip()
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            return None
        host = _idna(parts.hostname or "")
        if not host:
            return None
        port = parts.port
    except ValueError:
        return None
    netloc = host if port in (None, DEFAULT_PORTS[parts.scheme]) else f"{host}:{port}"
    path = SESSION_IN_PATH.sub("", parts.path) or "/"
    path = re.sub(r"/{2,}", "/", path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING_PARAMS.match(k) and not SESSION_PARAMS.match(k)]
    return urlunsplit((parts.scheme, netloc, path, urlencode(sorted(query)), ""))


def site_key(host: str) -> str:
    """`www.` and the apex are one site, as customers see them."""
    host = _idna(host)
    return host[4:] if host.startswith("www.") else host


def looks_like_page(url: str) -> bool:
    """False for links to files a customer downloads rather than pages they browse (PDF, images, ...)."""
    path = urlsplit(url).path.lower()
    last = path.rsplit("/", 1)[-1]
    return "." not in last or last.rsplit(".", 1)[-1] not in NON_PAGE_EXTENSIONS


@dataclass(frozen=True)
class Scope:
    """The hosts an audit may navigate to: the start site plus any `--allow-host`."""

    start_url: str
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)

    @property
    def site(self) -> str:
        return origin_key(self.start_url) or ""

    def contains(self, url: str) -> bool:
        key = origin_key(url)
        if key is None:
            return False
        if key == self.site:
            return True
        allowed = {origin_key(h if "://" in h else f"http://{h}") for h in self.allowed_hosts}
        return key in allowed or key.split(":")[0] in {a.split(":")[0] for a in allowed if a and ":" not in a}


def origin_key(url: str) -> str | None:
    """The site a URL belongs to: host without `www.`, plus the port when it is not the default one.

    The scheme is left out so that an http start URL that redirects to https stays one site."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    key = site_key(host)
    return key if port in (None, 80, 443) else f"{key}:{port}"
