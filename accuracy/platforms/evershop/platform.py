"""EverShop (npm @evershop/evershop): React SSR storefront + AJAX cart/checkout on Node/Express, PostgreSQL.

Everything lives in ~/.cache/cxaudit-accuracy/evershop:
  app/      npm project (pinned @evershop/evershop), .env, config/, build output (.evershop/)
  pg/data   a private PostgreSQL cluster owned by the unprivileged user `cxaudit-pg`
  pgsock/   its unix-socket dir; it also listens on 127.0.0.1:<54700 + crc32(cache dir) % 200>
PostgreSQL refuses to run as root, so it is run through `setpriv` as `cxaudit-pg` (created with useradd
when missing); the cache's ancestors get o+x so that user can reach the data dir.

The catalogue comes from EverShop's own seeder (`evershop seed`: attributes, categories, collections,
15 colour-variant products, the About Us page) run from an offline copy whose image URLs are stripped
(the stock seeder downloads pictures from GitHub, which is neither reachable nor allowed here), then
from EverShop's admin REST API (JWT): a shipping zone + flat-rate method, one simple product without
variants, Contact and Shipping & Returns CMS pages, header/footer menus and a home-page product
collection widget. Cash on delivery is enabled in config/default.json (system.cod.status = 1).
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import stat
import subprocess
import time
import urllib.error
import urllib.request
import zlib
from pathlib import Path

from accuracy.platform import Platform, ServerCommand, free_port, wait_http
from auditor.processes import spawn, stop_group

VERSION = "2.2.1"
EXTRA_DEPS = {"concat-stream": "2.0.0"}   # imported by evershop 2.2.1's cms module but not declared
PG_PORT_BASE = 54700                       # private cluster port: 54700 + crc32(cache dir) % 200
PG_USER = "cxaudit-pg"
DB_NAME = "evershop"
ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "Admin12345"
READY_MARK = f"ready-{VERSION}-v2"


def _pg_bindir() -> Path:
    base = Path("/usr/lib/postgresql")
    for d in sorted(base.glob("*/bin"), key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
                    reverse=True):
        if (d / "postgres").exists():
            return d
    raise RuntimeError("PostgreSQL binaries not found under /usr/lib/postgresql")


def _editor(rid: str, blocks: list[dict]) -> list[dict]:
    """EverShop's rich-text format (EditorJS rows/columns)."""
    return [{"id": f"r_{rid}", "size": 1, "columns": [{"id": f"c_{rid}", "size": 1, "data": {
        "time": 1729900000000, "version": "2.31.0",
        "blocks": [{"id": f"{rid}_{i}", **b} for i, b in enumerate(blocks)]}}]}]


def _p(text: str) -> dict:
    return {"type": "paragraph", "data": {"text": text}}


def _h(text: str) -> dict:
    return {"type": "header", "data": {"text": text, "level": 2}}


class EverShop(Platform):
    name = "evershop"
    ecosystem = "node"
    architecture = ("React SSR storefront hydrated in the browser; AJAX cart and a one-page checkout "
                    "(contact, address, shipping, payment sections) driven by GraphQL/REST")
    version = VERSION
    start_path = "/"
    ready_timeout_s = 180.0

    # ---------- paths ----------
    @property
    def app(self) -> Path:
        return self.home() / "app"

    @property
    def pgdata(self) -> Path:
        return self.home() / "pg" / "data"

    @property
    def pgsock(self) -> Path:
        return self.home() / "pgsock"

    @property
    def pg_port(self) -> int:
        """Deterministic per cache dir, so two caches (or helpers) never fight over one port."""
        return PG_PORT_BASE + zlib.crc32(str(self.home()).encode()) % 200

    # ---------- harness interface ----------
    def services(self) -> list[ServerCommand]:
        return [ServerCommand(argv=self._postgres_argv(), cwd=self.home())]

    def server(self, port: int) -> ServerCommand:
        return ServerCommand(
            argv=["node", str(self.app / "node_modules/@evershop/evershop/dist/bin/start/index.js")],
            cwd=self.app, env=self._server_env(port))

    def count_orders(self) -> int:
        out = self._psql('SELECT count(*) FROM "order"', db=DB_NAME)
        return int(out.strip())

    def install(self) -> None:
        if (self.home() / READY_MARK).exists():
            return
        try:
            self._install()
        except RuntimeError:
            raise
        except Exception as e:  # one line for the harness
            raise RuntimeError(f"evershop install failed: {type(e).__name__}: {e}".splitlines()[0]) from e

    # ---------- install ----------
    def _install(self) -> None:
        self.home().mkdir(parents=True, exist_ok=True)
        self._ensure_pg_binaries()
        self._ensure_pg_user()
        self._npm_install()
        self._write_config()
        self._build()
        pg = self._start_bg(self._postgres_argv(), self.home(), {}, self.home() / "pg.log")
        srv = None
        try:
            self._wait_pg()
            self._psql(f"DROP DATABASE IF EXISTS {DB_NAME}")          # a half-done earlier run starts over
            self._psql(f"CREATE DATABASE {DB_NAME}")
            port = free_port()
            # first start runs EverShop's migrations (all tables, default categories)
            srv = self._start_bg(self.server(port).argv, self.app, self.server(port).env,
                                 self.home() / "install-server.log")
            wait_http(f"http://127.0.0.1:{port}/", 240)
            self._seed()
            self._run(["node", self._evershop_js(), "user:create", "--email", ADMIN_EMAIL,
                       "--password", ADMIN_PASSWORD, "--name", "Admin"], "user:create")
            self._api_setup(f"http://127.0.0.1:{port}")
        finally:
            if srv:
                self._stop(srv)
            self._stop(pg)
        (self.home() / READY_MARK).write_text(time.strftime("%Y-%m-%dT%H:%M:%S\n"))

    def _ensure_pg_binaries(self) -> None:
        try:
            _pg_bindir()
        except RuntimeError:
            r = subprocess.run(["apt-get", "install", "-y", "postgresql"], capture_output=True, text=True,
                               env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
            if r.returncode:
                last = (r.stderr.strip().splitlines() or ["?"])[-1]
                raise RuntimeError(f"apt-get install postgresql failed: {last}") from None
            _pg_bindir()

    def _ensure_pg_user(self) -> None:
        try:
            pwd.getpwnam(PG_USER)
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
                           check=True, capture_output=True)
        pw = pwd.getpwnam(PG_USER)
        # the unprivileged user must be able to traverse down to the cache dir
        for d in [self.home(), *self.home().parents]:
            mode = d.stat().st_mode
            if not mode & stat.S_IXOTH:
                os.chmod(d, mode | stat.S_IXOTH)
        for d in (self.home() / "pg", self.pgsock):
            d.mkdir(parents=True, exist_ok=True)
            os.chown(d, pw.pw_uid, pw.pw_gid)
        if not (self.pgdata / "PG_VERSION").exists():
            if self.pgdata.exists():
                shutil.rmtree(self.pgdata)
            r = subprocess.run(self._as_pg([str(_pg_bindir() / "initdb"), "-D", str(self.pgdata), "-U", "postgres",
                                            "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                               capture_output=True, text=True, cwd="/")
            if r.returncode:
                raise RuntimeError("initdb failed: " + (r.stderr.strip().splitlines() or ["?"])[-1])

    def _npm_install(self) -> None:
        self.app.mkdir(parents=True, exist_ok=True)
        pkg = {"name": "cxaudit-evershop", "version": "1.0.0", "private": True,
               "dependencies": {"@evershop/evershop": VERSION, **EXTRA_DEPS}}
        pj = self.app / "package.json"
        want = json.dumps(pkg, indent=2)
        marker = self.app / "node_modules/@evershop/evershop/package.json"
        if pj.exists() and pj.read_text() == want and marker.exists() and \
                json.loads(marker.read_text()).get("version") == VERSION:
            return
        pj.write_text(want)
        self._run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], "npm install", timeout=1800)

    def _write_config(self) -> None:
        env = self.app / ".env"
        old = dict(line.split("=", 1) for line in env.read_text().splitlines() if "=" in line) if env.exists() else {}
        jwt = old.get("JWT_ADMIN_SECRET") or f'"{secrets.token_hex(32)}"'
        jwt_r = old.get("JWT_ADMIN_REFRESH_SECRET") or f'"{secrets.token_hex(32)}"'
        env.write_text(
            f'DB_HOST="127.0.0.1"\nDB_PORT="{self.pg_port}"\nDB_NAME="{DB_NAME}"\nDB_USER="postgres"\n'
            f'DB_PASSWORD=""\nDB_SSLMODE="disable"\n'
            f'JWT_ADMIN_SECRET={jwt}\nJWT_ADMIN_REFRESH_SECRET={jwt_r}\n')
        (self.app / "config").mkdir(exist_ok=True)
        (self.app / "config/default.json").write_text(json.dumps({"system": {"cod": {"status": 1}}}, indent=2))
        for d in ("media", "public"):
            (self.app / d).mkdir(exist_ok=True)
        # EverShop calls server.listen(port): bind it to loopback only
        (self.app / "bind-loopback.cjs").write_text(
            "const net = require('net');\n"
            "const orig = net.Server.prototype.listen;\n"
            "net.Server.prototype.listen = function (...a) {\n"
            "  if (/^\\d+$/.test(String(a[0])) && (a.length === 1 || typeof a[1] === 'function')) a.splice(1, 0, '127.0.0.1');\n"
            "  return orig.apply(this, a);\n};\n")

    def _patch_offline(self) -> None:
        """@stripe/stripe-js's main entry injects <script src=https://js.stripe.com/v3> as a side effect of being
        imported, so every checkout page would reach out to Stripe even with Stripe disabled. Point its entry at
        the package's own side-effect-free `pure` build (loadStripe still works if Stripe were enabled)."""
        dist = self.app / "node_modules/@stripe/stripe-js/dist"
        for ext in ("js", "mjs"):
            pure, main = dist / f"pure.{ext}", dist / f"index.{ext}"
            if pure.exists() and main.read_bytes() != pure.read_bytes():
                shutil.copyfile(pure, main)

    def _build(self) -> None:
        self._patch_offline()
        stamp = self.app / ".evershop" / "cxaudit-build-ok"
        if stamp.exists() and stamp.read_text() == VERSION + "+stripe-pure":
            return
        self._run(["node", self._evershop_js(), "build"], "evershop build", timeout=1800)
        stamp.parent.mkdir(exist_ok=True)
        stamp.write_text(VERSION + "+stripe-pure")

    def _seed(self) -> None:
        """Run EverShop's own seeder from a copy with remote image URLs removed (no outside traffic)."""
        bindir = self.app / "node_modules/@evershop/evershop/dist/bin"
        off = bindir / "seed_offline"
        if off.exists():
            shutil.rmtree(off)
        shutil.copytree(bindir / "seed", off)
        prod = json.loads((off / "data/products.json").read_text())
        for p in prod:
            p.pop("images", None)
        (off / "data/products.json").write_text(json.dumps(prod))
        # --pages is not used: the stock page seeder inserts rows without a url_rewrite, so /page/about-us
        # 404s; its About Us page is created through the admin API instead (see _api_setup)
        self._run(["node", str(off / "index.js"), "--attributes", "--categories", "--collections",
                   "--products"], "evershop seed")

    def _api_setup(self, base: str) -> None:
        tok = self._api(base, "POST", "/api/user/tokens",
                        {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})["data"]["accessToken"]

        def call(method: str, path: str, body: dict) -> dict:
            return self._api(base, method, path, body, tok)["data"]

        zone = call("POST", "/api/shippingZones", {"name": "United States", "countries": ["US"]})
        meth = call("POST", "/api/shippingProviders/core/methods", {"name": "Standard Shipping", "is_enabled": True})
        call("POST", "/api/shippingProviders/core/rates",
             {"method_id": meth["uuid"], "zone_id": zone["uuid"], "is_enabled": True, "cost": 5})
        cat_id = int(self._psql("SELECT category_description_category_id FROM category_description "
                                "WHERE url_key = 'accessories'", db=DB_NAME).strip())
        group_id = int(self._psql("SELECT attribute_group_id FROM attribute_group ORDER BY attribute_group_id DESC "
                                  "LIMIT 1", db=DB_NAME).strip())
        package_id = int(self._psql("SELECT package_id FROM package ORDER BY package_id DESC LIMIT 1",
                                    db=DB_NAME).strip())
        call("POST", "/api/products", {
            "type": "simple", "name": "Canvas Tote Bag", "sku": "TOTE-100", "url_key": "canvas-tote-bag",
            "price": 22, "weight": 400, "qty": 50, "manage_stock": 1, "stock_availability": 1, "status": 1,
            "visibility": 1, "group_id": group_id, "package_id": package_id, "category_id": cat_id,
            "meta_title": "Canvas Tote Bag", "meta_description": "Sturdy natural canvas tote bag",
            "description": _editor("tote", [_p("A sturdy natural canvas tote bag for groceries and books. "
                                               "One size, no options.")])})
        call("POST", "/api/pages", {
            "name": "Contact Us", "url_key": "contact-us", "status": 1, "meta_title": "Contact Us",
            "content": _editor("contact", [
                _h("Contact Us"),
                _p("Email: support@evershop-demo.example"),
                _p("Phone: +1 555 010 0200 (Mon-Fri, 9am-5pm)"),
                _p("Address: 100 Demo Street, Springfield, IL 62701, United States")])})
        call("POST", "/api/pages", {
            "name": "Shipping & Returns", "url_key": "shipping-returns", "status": 1,
            "meta_title": "Shipping & Returns",
            "content": _editor("shipret", [
                _h("Shipping"),
                _p("We ship within the United States only. Standard Shipping costs $5.00 per order and "
                   "takes 3-5 business days."),
                _h("Returns & refunds"),
                _p("Unused items can be returned within 30 days of delivery for a full refund. "
                   "Contact us to get a return label.")])})
        about = json.loads((self.app / "node_modules/@evershop/evershop/dist/bin/seed/data/pages.json")
                           .read_text())[0]
        for row in about.get("content", []):
            for col in row.get("columns", []):
                col["data"]["blocks"] = [b for b in col["data"].get("blocks", []) if b.get("type") != "image"]
        call("POST", "/api/pages", {k: about[k] for k in ("name", "url_key", "content", "meta_title")
                                    if k in about} | {"status": 1})
        menu = [
            {"id": "m1", "name": "Shop", "url": "/accessories", "type": "custom", "children": []},
            {"id": "m2", "name": "About Us", "url": "/page/about-us", "type": "custom", "children": []},
            {"id": "m3", "name": "Contact", "url": "/page/contact-us", "type": "custom", "children": []},
        ]
        call("POST", "/api/widgets", {"name": "Main menu", "type": "basic_menu", "status": 1,
                                       "route": ["all"], "area": ["headerMiddleCenter"], "sort_order": 1,
                                       "settings": {"menus": menu, "isMain": True}})
        call("POST", "/api/widgets", {"name": "Footer menu", "type": "footer_menu", "status": 1,
                                       "route": ["all"], "area": ["footerTop"], "sort_order": 1,
                                       "settings": {"columns": [
                                           {"id": "col-1", "title": "Shop", "links": [
                                               {"id": "l1", "label": "Accessories", "url": "/accessories"}]},
                                           {"id": "col-2", "title": "Help", "links": [
                                               {"id": "l2", "label": "Shipping & Returns",
                                                "url": "/page/shipping-returns"},
                                               {"id": "l3", "label": "Contact Us", "url": "/page/contact-us"},
                                               {"id": "l4", "label": "About Us", "url": "/page/about-us"}]}]}})
        call("POST", "/api/widgets", {"name": "Featured products", "type": "collection_products", "status": 1,
                                       "route": ["homepage"], "area": ["content"], "sort_order": 1,
                                       "settings": {"collection": "homepage", "count": 8, "countPerRow": 4}})

    # ---------- helpers ----------
    def _evershop_js(self) -> str:
        return str(self.app / "node_modules/@evershop/evershop/dist/bin/evershop.js")

    def _server_env(self, port: int) -> dict[str, str]:
        return {"PORT": str(port), "DB_HOST": "127.0.0.1", "DB_PORT": str(self.pg_port), "EVERSHOP_HOME_URL": f"http://127.0.0.1:{port}",
                "NODE_OPTIONS": f"--require {self.app / 'bind-loopback.cjs'}"}

    def _as_pg(self, argv: list[str]) -> list[str]:
        return ["setpriv", f"--reuid={PG_USER}", f"--regid={PG_USER}", "--init-groups", "--", *argv]

    def _postgres_argv(self) -> list[str]:
        return self._as_pg([str(_pg_bindir() / "postgres"), "-D", str(self.pgdata), "-k", str(self.pgsock),
                            "-p", str(self.pg_port), "-h", "127.0.0.1"])

    def _psql(self, sql: str, db: str = "postgres") -> str:
        psql = shutil.which("psql") or str(_pg_bindir() / "psql")
        r = subprocess.run([psql, "-h", str(self.pgsock), "-p", str(self.pg_port), "-U", "postgres", "-d", db,
                            "-v", "ON_ERROR_STOP=1", "-Atc", sql], capture_output=True, text=True, timeout=60)
        if r.returncode:
            raise RuntimeError(f"psql failed ({sql[:40]}): " + (r.stderr.strip().splitlines() or ["?"])[-1])
        return r.stdout

    def _wait_pg(self, timeout: float = 60) -> None:
        end = time.time() + timeout
        while time.time() < end:
            try:
                self._psql("SELECT 1")
                return
            except RuntimeError:
                time.sleep(0.5)
        raise RuntimeError("private PostgreSQL did not start (see pg.log in the cache)")

    def _run(self, argv: list[str], what: str, timeout: float = 600) -> None:
        log = self.home() / f"{what.replace(' ', '-').replace(':', '-')}.log"
        with open(log, "w") as fh:
            r = subprocess.run(argv, cwd=self.app, stdout=fh, stderr=subprocess.STDOUT, timeout=timeout,
                               env={**os.environ, "NO_COLOR": "1"})
        if r.returncode:
            tail = log.read_text(errors="replace").strip().splitlines()[-1:] or ["?"]
            raise RuntimeError(f"{what} failed (exit {r.returncode}): {tail[0][:200]}")

    def _start_bg(self, argv: list[str], cwd: Path, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        with log.open("w") as fh:  # the child keeps its own copy of the descriptor
            return spawn(argv, cwd=cwd, env={**os.environ, **env}, stdout=fh, stderr=subprocess.STDOUT)

    @staticmethod
    def _stop(proc: subprocess.Popen[bytes]) -> None:
        stop_group(proc, timeout_s=30)

    @staticmethod
    def _api(base: str, method: str, path: str, body: dict, token: str | None = None) -> dict:
        req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode(),
                                     headers={"content-type": "application/json",
                                              **({"authorization": f"Bearer {token}"} if token else {})})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read())
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"EverShop API {method} {path} -> {e.code}: {e.read()[:200]!r}") from None


PLATFORM = EverShop()
