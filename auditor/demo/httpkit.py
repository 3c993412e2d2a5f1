"""A tiny routing layer over the standard library's threaded HTTP server.

The demo shop and the test fixture sites need real HTTP (real sockets, cookies, redirects, slow
responses) but no framework: keeping it in the standard library keeps `make audit` light."""

from __future__ import annotations

import base64
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    form: dict[str, list[str]]
    headers: dict[str, str]
    cookies: dict[str, str]
    body: bytes
    params: dict[str, str] = field(default_factory=dict)
    session: dict[str, Any] = field(default_factory=dict)

    def arg(self, name: str, default: str = "") -> str:
        values = self.query.get(name) or self.form.get(name)
        return values[0] if values else default

    def field(self, name: str, default: str = "") -> str:
        values = self.form.get(name)
        return values[0] if values else default


@dataclass
class Response:
    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)
    delay_s: float = 0.0
    chunks: Iterator[bytes] | None = None

    @classmethod
    def redirect(cls, location: str, status: int = 303) -> Response:
        return cls(status=status, headers=[("Location", location)], body=b"")

    @classmethod
    def json(cls, text: str, status: int = 200) -> Response:
        return cls(body=text, status=status, content_type="application/json")


Handler = Callable[[Request], Response]
Gatekeeper = Callable[[Request], "Response | None"]


class App:
    """Routes by method and a path regex with named groups; keeps a cookie session per visitor."""

    def __init__(self) -> None:
        self._routes: list[tuple[frozenset[str], re.Pattern[str], Handler]] = []
        self.sessions: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, str]] = []
        self.request_headers: list[dict[str, str]] = []  # what each request carried, for tests of what leaks where
        self.default_delay_s = 0.0
        self._lock = threading.Lock()
        self.gatekeeper: Gatekeeper | None = None
        self.delay_for: Callable[[str], float] | None = None  # per-path server think time, for benchmarks  # answers instead of the routes when it returns non-None

    def protect_with_basic_auth(self, user: str, password: str) -> None:
        """Staging-style protection: every request needs these credentials."""
        expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

        def check(request: Request) -> Response | None:
            if request.headers.get("authorization") == expected:
                return None
            return Response("authentication required", status=401, content_type="text/plain",
                            headers=[("WWW-Authenticate", 'Basic realm="staging"')])

        self.gatekeeper = check

    def protect_with_header(self, name: str, value: str) -> None:
        """Preview-style protection: every request needs this header (as Vercel's or Netlify's bypass tokens)."""

        def check(request: Request) -> Response | None:
            if request.headers.get(name.lower()) == value:
                return None
            return Response("preview token missing", status=403, content_type="text/plain")

        self.gatekeeper = check

    def route(self, pattern: str, methods: tuple[str, ...] = ("GET",)) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self._routes.append((frozenset(m.upper() for m in methods), re.compile(f"^{pattern}$"), handler))
            return handler

        return register

    def add(self, pattern: str, handler: Handler, methods: tuple[str, ...] = ("GET",)) -> None:
        self.route(pattern, methods)(handler)

    def dispatch(self, request: Request) -> Response:
        with self._lock:
            self.requests.append((request.method, request.path))
            self.request_headers.append({"path": request.path, **request.headers})
        if self.gatekeeper is not None:
            denied = self.gatekeeper(request)
            if denied is not None:
                return denied
        allowed_elsewhere = False
        for methods, regex, handler in self._routes:
            match = regex.match(request.path)
            if not match:
                continue
            if request.method not in methods and not (request.method == "HEAD" and "GET" in methods):
                allowed_elsewhere = True
                continue
            request.params = match.groupdict()
            return handler(request)
        if allowed_elsewhere:
            return Response("method not allowed", status=405, content_type="text/plain")
        return self.not_found(request)

    def not_found(self, request: Request) -> Response:
        return Response("<!doctype html><title>Not found</title><h1>Page not found</h1>", status=404)


class _Handler(BaseHTTPRequestHandler):
    app: App
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests and demos read their own output
        return

    def _serve(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        ctype = self.headers.get("Content-Type", "")
        form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True) if "urlencoded" in ctype else {}
        cookies = {k: m.value for k, m in SimpleCookie(self.headers.get("Cookie", "")).items()}
        sid = cookies.get("sid")
        new_sid = None
        if not sid or sid not in self.app.sessions:
            sid = new_sid = secrets.token_hex(8)
            self.app.sessions[sid] = {}
        request = Request(
            method=self.command, path=parts.path, query=parse_qs(parts.query, keep_blank_values=True), form=form,
            headers={k.lower(): v for k, v in self.headers.items()}, cookies=cookies, body=body,
            session=self.app.sessions[sid],
        )
        try:
            response = self.app.dispatch(request)
        except Exception as exc:  # a fixture bug should show as a 500, as on a real site
            response = Response(f"server error: {type(exc).__name__}", status=500, content_type="text/plain")
        delay = response.delay_s or self.app.default_delay_s or (self.app.delay_for(request.path) if self.app.delay_for else 0)
        if delay:
            time.sleep(delay)
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            if new_sid:
                self.send_header("Set-Cookie", f"sid={new_sid}; Path=/; HttpOnly; SameSite=Lax")
            for name, value in response.headers:
                self.send_header(name, value)
            if response.chunks is not None:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for chunk in response.chunks:
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    self.wfile.flush()
                self.wfile.write(b"0\r\n\r\n")
                return
            data = response.body.encode("utf-8") if isinstance(response.body, str) else response.body
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            return

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = _serve


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Browsers drop connections all the time; that is not worth a traceback."""
        return


class LocalServer:
    """Serves an App on 127.0.0.1 on a free port in a background thread."""

    def __init__(self, app: App, port: int = 0, host: str = "127.0.0.1") -> None:
        handler = type("BoundHandler", (_Handler,), {"app": app})
        self.app = app
        self.httpd = _QuietServer((host, port), handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/"

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def serve(app: App) -> Iterator[LocalServer]:
    with LocalServer(app) as server:
        yield server
