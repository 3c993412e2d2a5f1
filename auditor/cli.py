"""The command line. The only place that prints errors or exits: everything below raises `CxauditError`s,
which become one line on stderr (`cxaudit: error: ...`) and the contract's exit code."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from auditor import __version__
from auditor.access import SiteAccess, parse_cookie, parse_header
from auditor.config import (
    AuditConfig,
    GateConfig,
    IgnoreRule,
    Override,
    build_config,
    find_config_file,
    load_toml,
)
from auditor.crawl.urls import validate_start_url
from auditor.errors import EXIT_NOTHING_AUDITED, EXIT_USAGE, CxauditError, UsageError
from auditor.redact import Redactor, activate, redact

SEVERITIES = ["critical", "high", "medium", "low", "never"]


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"cxaudit: error: {redact(message)}", err=True)
    sys.exit(code)


def _guard(debug: bool, fn: Callable[[], int]) -> NoReturn:
    try:
        code = fn()
    except CxauditError as exc:
        if debug:
            raise
        _fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as exc:
        if debug:
            raise
        _fail(f"unexpected {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} "
              "(run again with --debug for details, and please report it)", EXIT_NOTHING_AUDITED)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="cxaudit")
def cli() -> None:
    """Audit a website the way a customer experiences it.

    cxaudit drives a real Chromium through a site: it measures load time, walks site search, the checkout
    (never placing an order), looks for the support contact and the payment options, and writes a report
    that ties every finding to its customer-experience impact.

    \b
    Exit codes: 0 gate passed, 1 gate failed, 2 usage or config error, 3 nothing could be audited.
    """


def _read_urls_file(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read the URL list {path}: {exc.strerror}") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _overrides(opts: dict[str, Any]) -> dict[str, Any]:
    """CLI flags that were given, shaped like the config file."""
    o: dict[str, Any] = {}
    crawl: dict[str, Any] = {}
    gate: dict[str, Any] = {}
    brand: dict[str, Any] = {}
    simple = {"out": "out", "device": "device", "baseline": "baseline", "browser_path": "browser_path",
              "browser_endpoint": "browser_endpoint", "throttle": "throttle", "site_timeout": "site_timeout_s",
              "journey_timeout": "journey_timeout_s", "journeys_beside_crawl": "journeys_beside_crawl"}
    for flag, key in simple.items():
        if opts.get(flag) is not None:
            o[key] = opts[flag]
    if opts.get("site_concurrency") is not None:
        o["site_concurrency"] = opts["site_concurrency"]
    for flag in ("max_pages", "max_depth", "delay_ms", "concurrency", "user_agent"):
        if opts.get(flag) is not None:
            crawl[flag] = opts[flag]
    if opts.get("ignore_robots"):
        crawl["ignore_robots"] = True
    if opts.get("allow_host"):
        crawl["allow_hosts"] = list(opts["allow_host"])
    if opts.get("fail_on"):
        gate["fail_on"] = opts["fail_on"]
    if opts.get("fail_on_new"):
        gate["fail_on_new"] = True
    if opts.get("checks"):
        o["checks"] = [c.strip() for c in opts["checks"].split(",") if c.strip()]
    if opts.get("formats"):
        o["formats"] = [f.strip() for f in opts["formats"].split(",") if f.strip()]
    if opts.get("no_checkout"):
        o["checkout"] = {"enabled": False}
    for flag, key in (("brand_name", "name"), ("brand_logo", "logo"), ("brand_color", "color")):
        if opts.get(flag) is not None:
            brand[key] = opts[flag]
    if opts.get("no_screenshots"):
        o["screenshots"] = False
    if opts.get("auth"):
        o["auth"] = opts["auth"]
    if opts.get("header"):
        o["headers"] = dict(parse_header(h) for h in opts["header"])
    if opts.get("cookie"):
        o["cookies"] = dict(parse_cookie(c) for c in opts["cookie"])
    if opts.get("storage_state"):
        o["storage_state"] = opts["storage_state"]
    if opts.get("locale"):
        o["locale"] = opts["locale"]
    market = {k: opts[k] for k in ("timezone", "geolocation", "country", "currency", "accept_language") if opts.get(k)}
    if market:
        o["market"] = market
    for key, value in (("crawl", crawl), ("gate", gate), ("brand", brand)):
        if value:
            o[key] = value
    return o


def resolve_config(urls: tuple[str, ...], opts: dict[str, Any]) -> AuditConfig:
    if opts.get("config"):
        path = Path(opts["config"])
        data = load_toml(path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("cxaudit", {})
        found: tuple[dict[str, Any], str] | None = (data, str(path))
    else:
        found = find_config_file(Path.cwd())
    file_data, source = found if found else ({}, "")
    overrides = _overrides(opts)
    all_urls = list(urls)
    if opts.get("urls_file"):
        all_urls += _read_urls_file(Path(opts["urls_file"]))
    if all_urls:
        overrides["urls"] = all_urls
    config = build_config(file_data, source, overrides)
    if opts.get("shard"):
        from auditor.combine import parse_shard, shard

        index, total = parse_shard(opts["shard"])
        if not config.urls:
            raise UsageError("--shard needs the URL list (arguments, --urls-file or urls in the config)")
        config.urls = [validate_start_url(u) for u in config.urls]
        config.urls = shard(config.urls, index, total)
        return config
    if not config.urls:
        raise UsageError("no URL given; pass one or more site addresses, e.g. `cxaudit audit https://shop.example`")
    config.urls = [validate_start_url(u) for u in config.urls]
    if config.baseline is not None and not config.baseline.is_file():
        raise UsageError(f"baseline file {config.baseline} does not exist")
    return config


def run_audit(config: AuditConfig, *, quiet: bool = False) -> int:
    """Runs the audit, writes every report (also the partial one on interrupt) and returns the exit code."""
    from auditor.progress import make_progress
    from auditor.results import AuditResult
    from auditor.runner import Auditor
    from checks import all_checks

    access = SiteAccess.from_config(config)
    redactor = Redactor(access.secrets())
    activate(redactor)
    progress = make_progress(quiet)
    auditor = Auditor(config, all_checks(), progress, access=access)
    started = time.perf_counter()
    loop = asyncio.new_event_loop()
    main_task = loop.create_task(auditor.run())
    interrupted = False

    def on_signal() -> None:
        nonlocal interrupted
        interrupted = True
        main_task.cancel()

    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, on_signal)
    try:
        result = loop.run_until_complete(main_task)
    except asyncio.CancelledError:
        result = AuditResult(started_at="", duration_ms=round((time.perf_counter() - started) * 1000),
                             config=config.public_dict(), sites=auditor.partial, incomplete=True)
    finally:
        progress.close()
        loop.close()
    doc = redactor.doc(result.to_json())
    return publish(doc, out=config.out, formats=config.formats, brand=config.brand.model_dump(mode="json"),
                   gate=config.gate, ignore=config.ignore, baseline=config.baseline, browser_path=config.browser_path,
                   interrupted=interrupted, overrides=config.overrides)


def publish(doc: dict[str, Any], *, out: Path, formats: list[str], brand: dict[str, Any], gate: GateConfig,
            ignore: list[IgnoreRule], baseline: Path | None, browser_path: str | None = None,
            interrupted: bool = False, overrides: list[Override] | None = None) -> int:
    """Diffs, gates and writes one result document in every asked format (plus one report per site when there
    are several), says where it went, and returns the exit code. Shared by `audit` and `merge-reports`."""
    from auditor.baseline import diff
    from auditor.combine import site_documents
    from auditor.gate import decide_exit_code, evaluate_gate
    from auditor.ignore import apply_ignores
    from auditor.results import load_result
    from reports import write_reports

    if baseline is not None:
        doc["baseline"] = diff(doc, load_result(baseline))
    apply_ignores(doc, ignore)
    doc["gate"] = evaluate_gate(doc, gate, overrides)
    if interrupted:
        reason = "the audit was interrupted before it finished"
        doc["gate"]["passed"] = False
        doc["gate"]["reasons"].append(reason)
        doc["gate"]["rules"].append({"rule": "audit completed", "site": "", "passed": False, "reasons": [reason]})
    write_reports(doc, out, formats, brand)
    if len(doc["sites"]) > 1:
        for slug, site_doc in site_documents(doc):
            site_doc["gate"] = evaluate_gate(site_doc, gate, overrides)
            write_reports(site_doc, out / "sites" / slug, [f for f in formats if f != "pdf"], brand,
                          assets_dir=out, step_summary=False)
    if "pdf" in formats:
        from reports.pdf_report import render_pdf

        render_pdf(out / "report.html", out / "report.pdf", browser_path)
    html = out / "report.html"
    click.echo(f"cxaudit: report written to {html.resolve() if html.exists() else out.resolve()}", err=True)
    for site in doc["sites"]:
        if site.get("error"):
            message = str(site["error"]["message"])
            where = "" if message.startswith(str(site["start_url"])) else f"{site['start_url']}: "
            click.echo(redact(f"cxaudit: error: {where}{message}"), err=True)
    code = decide_exit_code(doc)
    if interrupted:
        return 130
    if code == 1:
        click.echo(redact(f"cxaudit: gate failed: {len(doc['gate']['reasons'])} reason(s), first: {doc['gate']['reasons'][0]}"), err=True)
    return code


def _common_audit_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--config", "config", type=click.Path(dir_okay=False), help="Config file (default: ./cxaudit.toml or [tool.cxaudit] in ./pyproject.toml)."),
        click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output directory (default ./cxaudit-report)."),
        click.option("--max-pages", type=click.IntRange(1, 10000), help="Pages to crawl per site (default 30)."),
        click.option("--max-depth", type=click.IntRange(0, 50), help="Link depth from the start page (default 5)."),
        click.option("--device", type=click.Choice(["desktop", "mobile", "both"]),
                     help="Device profile (default desktop); both audits every site on desktop and on mobile."),
        click.option("--throttle", type=click.Choice(["none", "fast-4g", "slow-4g"]), help="Network and CPU throttling."),
        click.option("--checks", help="Comma-separated check ids to run (default: all)."),
        click.option("--fail-on", type=click.Choice(SEVERITIES), help="Fail the gate on findings at or above this severity (default high)."),
        click.option("--fail-on-new", is_flag=True, help="With --baseline: fail only on findings that are new."),
        click.option("--baseline", type=click.Path(path_type=Path), help="An earlier report.json to diff against."),
        click.option("--format", "formats", help="Comma-separated: html,json,junit,markdown,pdf."),
        click.option("--concurrency", type=click.IntRange(1, 16), help="Pages loaded at once per site (default 2)."),
        click.option("--site-concurrency", type=click.IntRange(1, 16), help="Sites audited at once (default 2)."),
        click.option("--allow-host", multiple=True, help="Another host the crawl may visit (repeatable)."),
        click.option("--ignore-robots", is_flag=True, help="Crawl pages robots.txt disallows (reported in the result)."),
        click.option("--delay-ms", type=click.IntRange(0, 60000), help="Pause between page loads, for politeness."),
        click.option("--user-agent", help="User-Agent header (default: Chrome's, plus cxaudit/<version>)."),
        click.option("--browser-path", help="Chrome or Chromium binary to use (also CXAUDIT_BROWSER)."),
        click.option("--browser-endpoint", help="Connect to a remote browser (ws:// Playwright server or http:// CDP)."),
        click.option("--site-timeout", type=click.IntRange(10, 7200), help="Time budget per site in seconds (default 600)."),
        click.option("--journey-timeout", type=click.IntRange(5, 3600), help="Time budget per journey check in seconds."),
        click.option("--journeys-beside-crawl", is_flag=True, default=None,
                     help="Start journeys while the crawl still runs (faster on many cores; page timings may suffer)."),
        click.option("--no-checkout", is_flag=True, help="Skip the checkout journey entirely."),
        click.option("--no-screenshots", is_flag=True, help="Do not take screenshots."),
        click.option("--brand-name", help="Agency name shown on the report."),
        click.option("--brand-logo", type=click.Path(dir_okay=False), help="Logo (PNG/JPEG) embedded in the report."),
        click.option("--brand-color", help="Report accent colour, e.g. #0a7cff."),
        click.option("--auth", envvar="CXAUDIT_AUTH", help="HTTP basic auth user:password for the audited site (also CXAUDIT_AUTH); never written anywhere."),
        click.option("--header", multiple=True, help="Extra request header 'Name: value' sent only to the audited site (repeatable)."),
        click.option("--cookie", multiple=True, help="Cookie name=value set for the audited site only (repeatable)."),
        click.option("--storage-state", type=click.Path(dir_okay=False, path_type=Path), help="Playwright storage_state JSON (cookies, localStorage) to start from; filtered to the site."),
        click.option("--locale", help="Browser locale and Accept-Language, e.g. de-DE (default en-US)."),
        click.option("--timezone", help="Browser time zone, e.g. Europe/Berlin."),
        click.option("--geolocation", help="Browser geolocation 'latitude,longitude' (permission granted)."),
        click.option("--accept-language", help="Accept-Language header, when it should differ from --locale."),
        click.option("--country", help="The market's country (ISO code, e.g. NL), used by the payment and delivery checks."),
        click.option("--currency", help="The market's currency (ISO code, e.g. EUR), used by the payment and delivery checks."),
        click.option("--quiet", is_flag=True, help="No progress output."),
        click.option("--debug", is_flag=True, help="Show tracebacks and debug logs."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("--urls-file", type=click.Path(dir_okay=False), help="A file with one URL per line.")
@click.option("--shard", help="Audit only share i of n of the URL list (e.g. 2/4), for parallel CI jobs; see merge-reports.")
@_common_audit_options
def audit(urls: tuple[str, ...], **opts: Any) -> None:
    """Audit one or more sites: cxaudit audit https://shop.example [URL ...]"""
    debug = bool(opts.get("debug"))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(name)s: %(message)s")

    def go() -> int:
        config = resolve_config(urls, opts)
        if not config.urls:  # more shards than sites: this one has nothing to do, and says so in its report
            from auditor.results import AuditResult
            from reports import write_reports

            click.echo(f"cxaudit: shard {opts['shard']} has no URL to audit", err=True)
            write_reports(AuditResult(started_at="", duration_ms=0, config=config.public_dict(), sites=[]).to_json(),
                          config.out, ["json"])
            return 0
        return run_audit(config, quiet=bool(opts.get("quiet")))

    _guard(debug, go)


@cli.command("merge-reports")
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("cxaudit-report"), show_default=True,
              help="Where the combined report goes.")
@click.option("--format", "formats", help="Comma-separated: html,json,junit,markdown,pdf (default: all but pdf).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Gate severity (default: the one the shards used).")
@click.option("--fail-on-new", is_flag=True, help="With --baseline: fail only on new findings.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="An earlier report.json to diff against.")
@click.option("--brand-name", help="Agency name shown on the report.")
@click.option("--brand-logo", type=click.Path(dir_okay=False), help="Logo (PNG/JPEG) embedded in the report.")
@click.option("--brand-color", help="Report accent colour, e.g. #0a7cff.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def merge_reports(inputs: tuple[Path, ...], **opts: Any) -> None:
    """Combine the report.json files of sharded runs (their --out directories) into one report in every format."""
    debug = bool(opts.get("debug"))

    def go() -> int:
        from auditor.combine import merge_documents
        from auditor.config import FORMATS, BrandConfig

        out: Path = opts["out"]
        doc = merge_documents(list(inputs), out)
        stored = doc.get("config", {})
        gate_data = {k: v for k, v in (stored.get("gate") or {}).items() if k in ("fail_on", "fail_on_new", "rules")}
        if opts.get("fail_on"):
            gate_data["fail_on"] = opts["fail_on"]
        if opts.get("fail_on_new"):
            gate_data["fail_on_new"] = True
        formats = [f.strip() for f in (opts.get("formats") or "html,json,junit,markdown").split(",") if f.strip()]
        unknown = [f for f in formats if f not in FORMATS]
        if unknown:
            raise UsageError(f"unknown format '{unknown[0]}' (known: {', '.join(FORMATS)})")
        try:
            gate = GateConfig.model_validate(gate_data)
            ignore = [IgnoreRule.model_validate(r) for r in stored.get("ignore") or []]
            overrides = [Override.model_validate(o) for o in stored.get("overrides") or []]
            stored_brand = {k: v for k, v in (stored.get("brand") or {}).items()
                            if k in ("name", "color") or (k == "logo" and v and Path(v).is_file())}
            brand = BrandConfig.model_validate({**stored_brand, **{k.removeprefix("brand_"): v for k, v in opts.items()
                                                                   if k.startswith("brand_") and v is not None}})
        except ValueError as exc:
            raise UsageError(f"invalid merge settings: {str(exc).splitlines()[0]}") from None
        if opts.get("baseline") is not None and not opts["baseline"].is_file():
            raise UsageError(f"baseline file {opts['baseline']} does not exist")
        return publish(doc, out=out, formats=formats, brand=brand.model_dump(mode="json"), gate=gate, ignore=ignore,
                       baseline=opts.get("baseline"), overrides=overrides)

    _guard(debug, go)


@cli.command()
@_common_audit_options
@click.option("--compare", is_flag=True,
              help="Also serve a competitor's demo shop and audit both: the report shows the sites side by side.")
def demo(**opts: Any) -> None:
    """Serve the bundled demo shop on a free 127.0.0.1 port and audit it."""
    from auditor.demo.httpkit import LocalServer
    from auditor.demo.shop import COMPETITOR, DemoShop

    debug = bool(opts.get("debug"))
    compare = bool(opts.pop("compare", False))

    def go() -> int:
        shops = [DemoShop()] + ([DemoShop(COMPETITOR)] if compare else [])
        with contextlib.ExitStack() as stack:
            urls = tuple(stack.enter_context(LocalServer(shop.app)).url for shop in shops)
            for shop, url in zip(shops, urls, strict=True):
                click.echo(f"cxaudit: demo shop “{shop.options.name}” running at {url}", err=True)
            code = run_audit(resolve_config(urls, opts), quiet=bool(opts.get("quiet")))
        placed = sum(shop.orders.placed for shop in shops)
        click.echo(f"cxaudit: orders placed on the demo shop{'s' if len(shops) > 1 else ''} during the audit: {placed}",
                   err=True)
        return code

    _guard(debug, go)


@cli.command("demo-shop")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def demo_shop(port: int) -> None:
    """Only serve the demo shop, for trying things by hand (Ctrl-C stops it)."""
    from auditor.demo.httpkit import LocalServer
    from auditor.demo.shop import DemoShop

    try:
        server = LocalServer(DemoShop().app, port=port)
    except OSError as exc:
        _fail(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}; choose another --port", EXIT_USAGE)
    click.echo(f"Demo shop at {server.url} (Ctrl-C to stop)")
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        server.httpd.server_close()


def main() -> None:
    cli(prog_name="cxaudit")
