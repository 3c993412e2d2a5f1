"""Small sites that exercise the crawler: scope, robots.txt, sitemaps, traps and downloads."""

from __future__ import annotations

from auditor.demo.httpkit import App, Request, Response


def html(body: str, title: str = "Page") -> Response:
    return Response(f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>{body}</body></html>")


def crawl_site(third_party_url: str) -> App:
    app = App()
    app.add("/", lambda r: html(
        f"<a href='/a'>A</a> <a href='/a?utm_source=x#top'>A again</a> <a href='/secret/plans'>Secret</a>"
        f"<a href='/brochure.pdf'>Brochure</a> <a href='/logo.png'>Logo</a> <a href='{third_party_url}elsewhere'>Partner</a>"
        "<a href='/calendar/2024/1'>Events</a>", "Home"))
    app.add("/a", lambda r: html("<a href='/'>Home</a> <a href='/b'>B</a>", "A"))
    app.add("/b", lambda r: html("<a href='/a'>A</a>", "B"))
    app.add("/orphan", lambda r: html("<p>Only in the sitemap</p>", "Orphan"))
    app.add("/secret/plans", lambda r: html("secret", "Secret"))
    app.add("/brochure.pdf", lambda r: Response(b"%PDF-1.4 fake", content_type="application/pdf"))
    app.add("/logo.png", lambda r: Response(b"\x89PNG fake", content_type="image/png"))

    def calendar(r: Request) -> Response:
        year, month = int(r.params["y"]), int(r.params["m"])
        nxt = (year + (month == 12), month % 12 + 1)
        return html(f"<a href='/calendar/{nxt[0]}/{nxt[1]}'>Next month</a>", f"Events {year}-{month}")

    app.add("/calendar/(?P<y>\\d+)/(?P<m>\\d+)", calendar)
    app.add("/robots.txt", lambda r: Response("User-agent: *\nDisallow: /secret/\nSitemap: /sitemap_index.xml\n",
                                              content_type="text/plain"))

    def sitemap_index(r: Request) -> Response:
        host = r.headers["host"]
        return Response(f"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                        f"<sitemap><loc>http://{host}/sitemap-pages.xml</loc></sitemap></sitemapindex>",
                        content_type="application/xml")

    def sitemap_pages(r: Request) -> Response:
        host = r.headers["host"]
        return Response(f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                        f"<url><loc>http://{host}/orphan</loc></url><url><loc>http://{host}/a</loc></url></urlset>",
                        content_type="application/xml")

    app.add("/sitemap_index.xml", sitemap_index)
    app.add("/sitemap-pages.xml", sitemap_pages)
    return app


def third_party() -> App:
    app = App()
    app.add("/elsewhere", lambda r: html("third party", "Elsewhere"))
    return app
