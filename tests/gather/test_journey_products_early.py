"""A journey that starts from products takes the first product pages among the home page's own links. Once the
crawl has handed out its last page, it gets them at once: a home link the crawl never reached (a category link
ranked behind every product, beyond the page budget) is passed over, not waited for until the crawl ends."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from pydantic import BaseModel

from auditor.browser.session import BrowserSession
from auditor.checkspec import CheckSpec, SiteContext
from auditor.config import AuditConfig
from auditor.demo.httpkit import App, LocalServer, Response
from auditor.findings import CheckOutcome, outcome_from_findings
from auditor.runner import Auditor

pytestmark = pytest.mark.browser


@dataclass
class ProductsKnown:
    products: list[str]
    crawl_over: bool


async def products_then(ctx: SiteContext) -> ProductsKnown:
    products = await ctx.products_for_journey()
    return ProductsKnown([p.final_url.rsplit("/", 1)[-1] for p in products], ctx.crawl_done.is_set())


class NoThresholds(BaseModel):
    pass


def assess_nothing(_evidence: Any, _thresholds: Any) -> CheckOutcome:
    return outcome_from_findings([])


# under a real check's id (the config accepts only known checks): a journey that notes when its products came
PROBE = CheckSpec("checkout-journey", "When the products are known", "journey", products_then, assess_nothing,
                  NoThresholds, {}, starts_on="products")

PRODUCT = """<title>{name}</title><main><h1>{name}</h1><p class="price">€10.00</p>
<form method="post" action="/cart/add"><button type="submit" name="add">Add to cart</button></form></main>"""


def shop_with_a_category_first(serve_app: Callable[[App], LocalServer]) -> str:
    app = App()
    main = '<a href="/category/mugs">Mugs</a>' + "".join(f'<a href="/product/p{i}">Mug {i}</a>' for i in range(1, 4))
    footer = ("".join(f'<a href="/product/q{i}">Cup {i}</a>' for i in range(20))
              + "".join(f'<a href="/info/{i}">Info {i}</a>' for i in range(20)))
    app.add("/", lambda r: Response(f"<title>Shop</title><main><h1>Shop</h1>{main}</main><footer>{footer}</footer>"))
    app.add(r"/product/(?P<slug>\w+)", lambda r: Response(PRODUCT.format(name=f"Mug {r.params['slug']}")))
    app.add("/category/mugs", lambda r: Response("<title>Mugs</title><main><h1>Mugs</h1></main>"))
    app.add(r"/info/\d+", lambda r: Response("<title>Info</title><main><h1>Info</h1><p>Words.</p></main>"))
    return serve_app(app).url


async def test_products_of_the_home_page_are_known_before_the_crawl_ends(
        browser_session: BrowserSession, serve_app: Callable[[App], LocalServer], tmp_path: Any) -> None:
    url = shop_with_a_category_first(serve_app)
    config = AuditConfig.model_validate({"urls": [url], "out": str(tmp_path / "out"), "checks": ["checkout-journey"],
                                         "crawl": {"max_pages": 16}, "screenshots": False})
    result = await Auditor(config, [PROBE]).run(browser_session)
    probe = next(c for c in result.sites[0].checks if c.id == "checkout-journey")
    assert probe.evidence, probe.reason
    assert probe.evidence["products"] == ["p1", "p2", "p3"]  # the home page's own products, in its order
    assert probe.evidence["crawl_over"] is False
