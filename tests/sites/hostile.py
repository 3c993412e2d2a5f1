"""A hostile site: every way a real site can misbehave at an auditor, on one server.

Each route is one case of the reliability suite; the home page links to all of them so one audit meets them
all. `other_host` is where the out-of-scope redirect points (a second server the tests watch)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from auditor.demo.httpkit import App, Request, Response

# What a hostile shop puts wherever the report might show it: titles, product names, links, error URLs.
INJECT = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"
PAGE = "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>"


def page(title: str, body: str, status: int = 200) -> Response:
    return Response(PAGE.format(title=title, body=body), status=status)


class HostileSite:
    def __init__(self, other_host: str = "http://localhost:9/", on_crash: Callable[[], None] | None = None,
                 home_links: list[str] | None = None) -> None:
        self.home_links = home_links
        self.app = App()
        self.other_host = other_host
        self.on_crash = on_crash
        self.limited_hits = 0
        self._lock = threading.Lock()
        a = self.app
        a.add("/", self.home)
        a.add("/ok/(?P<n>[0-9]+)", lambda r: page(f"Fine page {r.params['n']}", "<h1>Fine</h1><p>Nothing odd here.</p>"))
        a.add("/error500", lambda r: page("Server error", "<h1>Oops</h1>", status=500))
        a.add("/missing", lambda r: page("Not found", "<h1>404</h1>", status=404))
        a.add("/redirect-out", lambda r: Response.redirect(self.other_host + "landing", 302))
        a.add("/redirect-loop", lambda r: Response.redirect("/redirect-loop-b", 302))
        a.add("/redirect-loop-b", lambda r: Response.redirect("/redirect-loop", 302))
        a.add("/limited", self.limited)
        a.add("/limited-forever", lambda r: Response("slow down", status=429, content_type="text/plain",
                                                     headers=[("Retry-After", "3600")]))
        a.add("/hang-image", lambda r: page("Hanging image", "<h1>Almost there</h1><img src='/never.png' alt=''>"))
        a.add("/never.png", lambda r: Response(b"", content_type="image/png", delay_s=30))
        a.add("/no-answer", lambda r: Response("late", delay_s=30))
        a.add("/calendar/(?P<y>[0-9]+)/(?P<m>[0-9]+)", self.calendar)
        a.add("/deep/(?P<path>.*)", self.deep)
        a.add("/sessions", self.sessions)
        a.add("/dialogs", lambda r: page("Dialogs", "<h1>Hello</h1><script>"
                                         "let n=0;const t=setInterval(()=>{n++;if(n%3==0)alert('a'+n);else if(n%3==1)confirm('c'+n);"
                                         "else prompt('p'+n);if(n>60)clearInterval(t)},5);"
                                         "window.addEventListener('beforeunload',e=>{e.preventDefault();e.returnValue='stay'});"
                                         "for(let i=0;i<5;i++)window.open('/ok/9','_blank');</script>"))
        a.add("/huge-dom", lambda r: page("Huge DOM", "<h1>Many nodes</h1>" + "<div><span>x</span></div>" * 50000))
        a.add("/big", lambda r: page("Big page", "<h1>Big</h1>" + ("<p>" + "lorem ipsum " * 8 + "</p>") * 200_000))
        a.add("/big-text", lambda r: page("One huge paragraph", "<h1>Big</h1><p>" + "lorem ipsum " * 1_750_000 + "</p>"))
        a.add("/infinite", lambda r: page("Infinite", "<h1>Feed</h1><ul id='f'></ul><script>let i=0;const f=document.getElementById('f');"
                                          "function more(){for(let k=0;k<50;k++){const li=document.createElement('li');li.textContent='item '+(i++);"
                                          "li.style.height='40px';f.appendChild(li)}}more();"
                                          "new IntersectionObserver(es=>{if(es.some(e=>e.isIntersecting))more()})"
                                          ".observe(document.body.appendChild(document.createElement('div')));"
                                          "setInterval(()=>{if(i<200000)more()},50);</script>"))
        a.add("/bad-encoding", lambda r: Response(b"<!doctype html><meta charset='utf-8'><title>Caf\xe9 \xff\xfe</title>"
                                                  b"<h1>Broken \xc3\x28 bytes \xed\xa0\x80</h1>", content_type="text/html; charset=utf-8"))
        a.add("/latin1", lambda r: Response("<!doctype html><title>Crème brûlée</title><h1>Déjà vu</h1>".encode("latin-1"),
                                            content_type="text/html; charset=utf-8"))
        # a page that keeps its tab busy for 6 s as the tab leaves it, before (beforeunload) or after (pagehide)
        # the next page is asked for: the next page in that tab cannot show meanwhile, through no fault of its own
        for event in ("beforeunload", "pagehide"):
            a.add(f"/busy-on-{event}", lambda r, e=event: page(
                "Busy on leaving", f"<h1>Bye</h1><script>addEventListener('{e}',()=>{{const t=Date.now();"
                                   "while(Date.now()-t<6000){}})</script>"))
        a.add("/crash", self.crash)
        a.add("/inject", self.inject)
        a.add("/shop/(?P<name>.*)", lambda r: page(INJECT + r.params["name"], f"<h1>{INJECT}</h1><p class='price'>€ 10</p>"))
        a.add("/doc.pdf", lambda r: Response(b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"))
        a.add("/data.json", lambda r: Response.json('{"not": "a page"}'))
        a.add("/logo.png", lambda r: Response(b"\x89PNG\r\n\x1a\n", content_type="image/png"))
        a.add("/plain", lambda r: Response("<h1>HTML sent as text</h1>", content_type="text/plain"))

    def home(self, r: Request) -> Response:
        links = ["/ok/1", "/ok/2", "/error500", "/missing", "/redirect-out", "/redirect-loop", "/limited",
                 "/limited-forever", "/hang-image", "/no-answer", "/calendar/2026/1", "/deep/a/", "/sessions?sid=1",
                 "/dialogs", "/huge-dom", "/big", "/big-text", "/infinite", "/bad-encoding", "/latin1"]
        links = self.home_links or links
        return page("Hostile home", "<h1>Welcome</h1><nav>" + "".join(f"<a href='{h}'>{h}</a> " for h in links) + "</nav>")

    def limited(self, r: Request) -> Response:
        with self._lock:
            self.limited_hits += 1
            first = self.limited_hits == 1
        if first:
            return Response("slow down", status=429, content_type="text/plain", headers=[("Retry-After", "1")])
        return page("Limited but fine", "<h1>Thanks for waiting</h1>")

    def calendar(self, r: Request) -> Response:
        y, m = int(r.params["y"]), int(r.params["m"])
        ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
        return page(f"Events {y}-{m}", f"<h1>{y}-{m}</h1><a href='/calendar/{ny}/{nm}'>Next month</a>")

    def deep(self, r: Request) -> Response:
        return page("Deeper", f"<h1>Deeper</h1><a href='/deep/{r.params['path']}a/'>Go deeper</a>")

    def sessions(self, r: Request) -> Response:
        n = int(r.arg("sid", "1") or 1)
        return page("Session page", f"<h1>Session</h1><a href='/sessions?sid={n + 1}&page=x'>Next</a>"
                                    f"<a href='/ok/{n % 3 + 1}?sid={time.time_ns()}'>Fine</a>")

    def inject(self, r: Request) -> Response:
        long_name = "Product " + "ünïcödé-" * 20000
        body = (f"<h1>{INJECT}</h1><nav><a href=\"javascript:window.__pwned=3\">Contact us</a>"
                f"<a href='/missing?q=%22%3E%3Cscript%3Ewindow.__pwned%3D4%3C/script%3E'>Returns</a>"
                f"<a href='mailto:x@example.com?subject=%3Cscript%3E'>Email {INJECT}</a>"
                f"<a href='/shop/{'%3Cscript%3Ewindow.__pwned=6%3C/script%3E'}'>Shop</a></nav>"
                f"<div class='product'><h2>{long_name}</h2><img src=x onerror=\"window.__pwned=5\" alt='{INJECT}'></div>"
                f"<footer><img alt='Visa {INJECT}' src='/logo.png'> Pay with PayPal</footer>")
        return page(INJECT + "x" * 5000, body)

    def crash(self, r: Request) -> Response:
        assert self.on_crash is not None
        self.on_crash()
        return page("After the crash", "<h1>Still here</h1>")
