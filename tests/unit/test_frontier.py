from auditor.crawl.frontier import Frontier, priority_of
from auditor.crawl.robots import RobotsPolicy, parse_robots
from auditor.crawl.urls import Scope

BASE = "https://shop.example/"


def make(max_pages: int = 30, robots: RobotsPolicy | None = None) -> Frontier:
    return Frontier(Scope(BASE), robots or RobotsPolicy("absent"), "cxaudit-test", max_pages=max_pages)


def drain(f: Frontier) -> list[str]:
    out = []
    while (item := f.pop()) is not None:
        out.append(item[0])
    return out


def test_journey_pages_jump_the_queue_but_start_page_comes_first() -> None:
    f = make()
    f.add(BASE, 0)
    f.add(BASE + "about-us", 1)
    f.add(BASE + "blog/post-1", 1)
    f.add(BASE + "contact", 1)
    f.add(BASE + "product/kettle", 2)
    order = drain(f)
    assert order[0] == BASE
    assert order[1] == BASE + "contact"
    assert order.index(BASE + "product/kettle") < order.index(BASE + "about-us")


def test_duplicates_fold_after_normalisation() -> None:
    f = make()
    assert f.add(BASE + "a?x=1&y=2", 1)
    assert not f.add(BASE + "a?y=2&x=1#top", 1)
    assert not f.add(BASE + "a?x=1&y=2&utm_source=mail", 1)
    assert drain(f) == [BASE + "a?x=1&y=2"]


def test_out_of_scope_and_downloads_are_skipped() -> None:
    f = make()
    assert not f.add("https://other.example/", 1)
    assert not f.add(BASE + "catalogue.pdf", 1)
    assert f.skipped["out_of_scope"] == 1
    assert f.skipped["not_a_page"] == 1


def test_calendar_trap_is_capped_per_url_shape() -> None:
    f = make(max_pages=1000)
    added = sum(f.add(f"{BASE}events?month={m}&year={2000 + y}", 1) for y in range(10) for m in range(1, 13))
    assert added <= 5
    assert f.skipped["calendar_trap"] > 100


def test_ever_deeper_paths_are_skipped() -> None:
    f = make()
    assert not f.add(BASE + "a/a/a/x", 1)
    assert not f.add(BASE + "/".join(f"s{i}" for i in range(12)), 1)


def test_budget_stops_the_frontier() -> None:
    f = make(max_pages=3)
    for i in range(10):
        f.add(f"{BASE}p{i}", 1)
    assert len(drain(f)) == 3


def test_robots_disallow_is_honoured() -> None:
    robots = parse_robots("User-agent: *\nDisallow: /private/\nSitemap: /sm.xml\n", BASE)
    f = make(robots=robots)
    assert not f.add(BASE + "private/x", 1)
    assert f.add(BASE + "public", 1)
    assert robots.sitemaps == [BASE + "sm.xml"]
    ignored = parse_robots("User-agent: *\nDisallow: /\n", BASE, ignored=True)
    assert ignored.allows(BASE + "private/x", "x")


def test_priority_reads_link_text_too() -> None:
    assert priority_of(BASE + "page/123", "Customer service") == 0
    assert priority_of(BASE + "page/123", "Our story") == 3


def test_links_that_act_instead_of_show_are_never_crawled() -> None:
    f = make()
    for link in ("?add-to-cart=12", "cart/add?id=3", "account/logout", "?remove_item=abc", "wishlist/add/9"):
        assert not f.add(BASE + link, 1), link
    assert f.skipped["action_link"] == 5
    assert f.add(BASE + "cart", 1)



def test_a_journey_is_told_when_the_crawl_will_never_load_the_page_it_waits_for() -> None:
    f = make(max_pages=2, robots=parse_robots("User-agent: *\nDisallow: /private", BASE))
    f.add(BASE, 0)
    f.add(BASE + "private/page", 1)  # refused by robots.txt
    f.add(BASE + "product/a", 1)
    f.add(BASE + "about-us", 1)
    assert f.pop() == (BASE, 0)
    assert f.will_load(BASE)  # handed out: its page is (or will be) in
    assert not f.will_load(BASE + "private/page")
    assert not f.will_load(BASE + "never-linked")
    assert f.will_load(BASE + "about-us")  # waiting, and budget is left
    assert f.pop() == (BASE + "product/a", 1)
    assert not f.will_load(BASE + "about-us")  # the page budget is spent
    assert f.will_load(BASE + "product/a")
