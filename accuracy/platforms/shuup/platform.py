"""Shuup 3.1.0: a Django e-commerce platform with its own Jinja2 storefront (xtheme "Classic Gray").

What it exercises that Oscar and Cartridge do not: the header search is a magnifier button opening a Bootstrap
modal with the search form (the input is not visible until clicked), an AJAX basket (add-to-cart posts with
jQuery and updates the navbar mini-basket, no page change), product listings filled by an AJAX product filter,
CMS pages (simple_cms) linked in the header menu and in a footer "Pages" plugin, and a multi-phase checkout
(addresses -> shipping & payment methods -> confirm) with offline payment methods (custom payment processor).

install() builds, under self.home():
  venv/        a private virtualenv with shuup 3.1.0 and the pinned set below (installed with --no-deps)
  shop/        a minimal Django project (shopsite/) reusing shuup_workbench's settings, as Shuup's docs do
  db.sqlite3   the SQLite database: migrated, `shuup_init`, then the demo catalogue (catalogue.py, ORM only)

Shuup 3.1.0 (2021) pins libraries that no longer import on Python 3.11; see NOTES.md for each fix.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time
from pathlib import Path

from accuracy.platform import Platform, ServerCommand

SHUUP_VERSION = "3.1.0"
# Installed with --no-deps: shuup 3.1.0's metadata has a malformed specifier ("toml<1pytz>=2015.4,>=0.10.0")
# that newer pips refuse, and four of its exact pins must be overridden for Python 3.11 (marked).
PINS = [
    f"shuup=={SHUUP_VERSION}",
    "Django==2.2.28",
    "Jinja2==2.11.3",            # shuup pins 2.8.1: re.compile(r'\w+(?u)') is an error on Python 3.11
    "MarkupSafe==2.0.1",         # Jinja2 2.x needs soft_unicode (gone in MarkupSafe 2.1)
    "Babel==2.9.1",              # shuup pins 2.5.3: `from collections import MutableMapping`
    "bleach==3.3.1",             # shuup pins 3.1.5: vendored html5lib imports collections.Mapping
    "django-enumfields==2.1.1",  # shuup pins <2.1; both fail on 3.11's enum, see the shim in settings
    "django-bootstrap3==11.0.0", "django-countries==6.1.3", "django-filer==1.7.1", "django-filter==2.2.0",
    "django-jinja==2.5.0", "django-js-asset==2.0.0", "django-mptt==0.9.1", "django-parler==2.0.1",
    "django-polymorphic==2.1.2", "django-registration-redux==2.7", "django-reversion==3.0.5",
    "django-timezone-field==3.1", "djangorestframework==3.11.0", "easy-thumbnails==2.9", "et_xmlfile==2.0.0",
    "factory-boy==2.7.0", "fake-factory==0.5.3", "jsonfield==2.1.1", "keyring==25.7.0", "keyrings.alt==5.0.2",
    "jaraco.classes==3.4.0", "jaraco.context==6.1.2", "jaraco.functools==4.6.0", "backports.tarfile==1.2.0",
    "importlib_metadata==10.2.0", "zipp==4.1.2", "more-itertools==11.2.1", "jeepney==0.9.0",
    "SecretStorage==3.5.0", "cryptography==3.4.8", "cffi==2.1.1", "pycparser==3.12", "lazy-importer==0.1.0",
    "lxml==4.9.4", "Markdown==3.11.3", "openpyxl==3.1.5", "packaging==26.4", "pillow==13.0.0",
    "python-dateutil==4.0.0", "pytz==2026.6", "requests==2.34.2", "certifi==2026.10.19.post1",
    "charset-normalizer==3.5.3", "idna==3.20", "urllib3==2.8.0", "shuup-mirage-field==2.2.0", "six==1.17.0",
    "sqlparse==0.6.1", "toml==0.10.2", "tzdata==2026.6", "unicodecsv==0.14.1", "Unidecode==1.1.2",
    "webencodings==0.6.1", "xlrd==2.0.2",
]
STAMP = f"ready-shuup-{SHUUP_VERSION}-v1"

SETTINGS = r'''
"""Minimal Shuup project: shuup_workbench's settings (Shuup's reference project) plus local overrides."""
import collections
import collections.abc
import inspect
import os
from pathlib import Path

# Python 3.10 removed the ABC aliases from `collections`; django-bootstrap3 11.0 (pinned by Shuup 3.1.0)
# still does `from collections import Mapping`. Restore them before anything imports it.
for _n in ("Mapping", "MutableMapping", "Sequence", "MutableSequence", "Iterable", "Iterator", "Callable",
           "Hashable", "Set", "MutableSet"):
    setattr(collections, _n, getattr(collections.abc, _n))

# Python 3.11: an enum class namespace's _member_names became a dict; django-enumfields 2.x calls
# list.remove('Labels') on it. Same metaclass logic, dict-aware.
import enumfields.enums as _ef  # noqa: E402


def _enum_meta_new(mcs, name, bases, attrs):
    Labels = attrs.get("Labels")
    if Labels is not None and inspect.isclass(Labels):
        del attrs["Labels"]
        members = getattr(attrs, "_member_names", None)
        if isinstance(members, dict):
            members.pop("Labels", None)
        elif members is not None:
            members.remove("Labels")
    attrs._cls_name = name
    obj = _ef.BaseEnumMeta.__new__(mcs, name, bases, attrs)
    for m in obj:
        try:
            m.label = getattr(Labels, m.name)
        except AttributeError:
            m.label = m.name.replace("_", " ").title()
    return obj


_ef.EnumMeta.__new__ = _enum_meta_new

PROJECT = Path(__file__).resolve().parent.parent
HOME = PROJECT.parent
os.environ["SHUUP_WORKBENCH_BASE_DIR"] = str(PROJECT)
from shuup_workbench.settings import *  # noqa: E402,F401,F403

DEBUG = False                       # runserver --insecure serves the static files
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECRET_KEY = "cxaudit-accuracy-not-secret"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(HOME / "db.sqlite3")}}
ROOT_URLCONF = "shopsite.urls"
SHUUP_TELEMETRY_ENABLED = False     # no calls to telemetry.shuup.com
LANGUAGES = [("en", "English")]     # one storefront language (the workbench lists ten in a header switcher)
PARLER_LANGUAGES = {None: [{"code": "en"}], "default": {"hide_untranslated": False}}
'''

URLS = '''from shuup_workbench.urls import urlpatterns  # noqa: F401  (admin at /sa/, storefront at /)
'''

MANAGE = '''import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopsite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
'''

# What a merchant sets up in Shuup's admin (shop, categories, products with price and stock, a shipping
# method with a fixed cost, two offline payment methods, three CMS pages), done through the same models.
CATALOGUE = r'''
import os
import sys

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopsite.settings")
import django  # noqa: E402

django.setup()

from decimal import Decimal  # noqa: E402

from shuup.core.models import (  # noqa: E402
    Category, CategoryStatus, CategoryVisibility, CustomCarrier, CustomPaymentProcessor,
    FixedCostBehaviorComponent, PaymentMethod, Product, ProductType, SalesUnit, ShippingMethod, Shop,
    ShopProduct, ShopProductVisibility, ShopStatus, Supplier, SupplierModule, SupplierShop, TaxClass,
)
from shuup.simple_cms.models import Page  # noqa: E402

shop = Shop.objects.get(identifier="default")
shop.name = shop.public_name = "Harbour Goods"
shop.currency = "EUR"
shop.prices_include_tax = True
shop.status = ShopStatus.ENABLED
shop.maintenance_mode = False
shop.domain = "127.0.0.1"
shop.save()

tax_class, _ = TaxClass.objects.get_or_create(identifier="standard", defaults={"name": "Standard"})
ptype = ProductType.objects.get(identifier="default")
unit = SalesUnit.objects.get(identifier="pcs")

supplier = Supplier.objects.get(identifier="default")
module, _ = SupplierModule.objects.get_or_create(module_identifier="simple_supplier")
supplier.supplier_modules.add(module)
supplier.stock_managed = True
supplier.enabled = True
supplier.save()
SupplierShop.objects.update_or_create(supplier=supplier, shop=shop, defaults={"is_approved": True})


def category(identifier, name):
    cat = Category.objects.filter(identifier=identifier).first()
    if cat is None:
        cat = Category.objects.create(identifier=identifier, name=name, status=CategoryStatus.VISIBLE,
                                      visibility=CategoryVisibility.VISIBLE_TO_ALL)
    cat.shops.add(shop)
    return cat


kitchen = category("kitchen", "Kitchen")
outdoor = category("outdoor", "Outdoor")

PRODUCTS = [
    ("MUG-1", "Enamel Camping Mug", "8.50", kitchen, "A white enamel mug with a blue rim."),
    ("KNIFE-1", "Chef Knife", "39.00", kitchen, "An 8-inch stainless steel chef knife."),
    ("BOARD-1", "Oak Cutting Board", "24.00", kitchen, "A solid oak cutting board, 40 x 25 cm."),
    ("TOTE-1", "Canvas Tote Bag", "15.00", outdoor, "A sturdy canvas tote bag for the market."),
    ("LANTERN-1", "Folding Lantern", "19.90", outdoor, "A collapsible LED camping lantern."),
    ("BOTTLE-1", "Steel Water Bottle", "12.00", outdoor, "A 750 ml insulated stainless steel bottle."),
]
for sku, name, price, cat, text in PRODUCTS:
    product = Product.objects.filter(sku=sku).first()
    if product is None:
        product = Product(sku=sku, type=ptype, tax_class=tax_class, sales_unit=unit, name=name,
                          description="<p>%s</p>" % text, short_description=text)
        product.full_clean()
        product.save()
    sp, _ = ShopProduct.objects.get_or_create(product=product, shop=shop)
    sp.default_price_value = Decimal(price)
    sp.visibility = ShopProductVisibility.ALWAYS_VISIBLE
    sp.primary_category = cat
    sp.save()
    sp.categories.add(cat)
    sp.suppliers.add(supplier)
    stock = supplier.get_stock_status(product.id)
    if stock.logical_count < 100:
        supplier.adjust_stock(product.id, 100 - stock.logical_count)


def service(model, provider_model, identifier, name, price, description):
    svc = model.objects.filter(identifier=identifier).first()
    if svc is None:
        provider, _ = provider_model.objects.get_or_create(identifier=provider_model.__name__.lower(),
                                                           defaults={"name": name})
        svc = provider.create_service(None, identifier=identifier, shop=shop, enabled=True, name=name,
                                      description=description, tax_class=tax_class)
        if price:
            svc.behavior_components.add(FixedCostBehaviorComponent.objects.create(price_value=Decimal(price)))
    return svc


service(ShippingMethod, CustomCarrier, "standard-shipping", "Standard shipping", "5.00",
        "Delivered in 2-4 working days.")
service(PaymentMethod, CustomPaymentProcessor, "bank-transfer", "Bank transfer", None,
        "Pay by bank transfer; we ship when the money arrives.")
service(PaymentMethod, CustomPaymentProcessor, "cash-on-delivery", "Cash on delivery", None,
        "Pay the courier in cash when the parcel arrives.")

PAGES = [
    ("shipping", "Shipping", "<p>We ship to Europe with Standard shipping for a flat EUR 5.00; orders arrive in "
                             "2-4 working days.</p>"),
    ("returns", "Returns", "<p>You can return any unused item within 30 days of delivery for a full refund. "
                           "Write to us first so we can send a return label.</p>"),
    ("contact", "Contact", "<p>Harbour Goods, 12 Quay Street, 1000 Harbourtown.</p>"
                           "<p>Phone: <a href=\"tel:+3212345678\">+32 12 34 56 78</a><br>"
                           "Email: <a href=\"mailto:hello@harbour-goods.example\">hello@harbour-goods.example</a></p>"),
]
for url, title, content in PAGES:
    page = Page.objects.filter(identifier=url).first()
    if page is None:
        page = Page(identifier=url, shop=shop, visible_in_menu=True)
        page.set_current_language("en")
        page.title, page.url, page.content = title, url, content
        page.save()
print("catalogue ok:", Product.objects.count(), "products,", PaymentMethod.objects.count(), "payment methods")
'''


class Shuup(Platform):
    name = "shuup"
    ecosystem = "python"
    architecture = ("Django + Jinja2 xtheme storefront (Shuup): search in a modal behind a magnifier button, "
                    "AJAX add-to-basket, CMS pages in menu and footer, 3-phase checkout with offline payments")
    version = f"shuup {SHUUP_VERSION} / django 2.2.28"
    start_path = "/"
    ready_timeout_s = 90.0

    @property
    def venv_python(self) -> Path:
        return self.home() / "venv" / "bin" / "python"

    @property
    def project(self) -> Path:
        return self.home() / "shop"

    @property
    def db_path(self) -> Path:
        return self.home() / "db.sqlite3"

    def environment(self) -> dict[str, str]:
        return {"PYTHONDONTWRITEBYTECODE": "1", "DJANGO_SETTINGS_MODULE": "shopsite.settings"}

    # what a variant of this shop (another language) changes: its settings, the scripts that fill its catalogue
    # (each with the line it prints when done), and its stamp
    settings_text = SETTINGS
    catalogue_scripts: tuple[tuple[str, str, str], ...] = (("catalogue.py", CATALOGUE, "catalogue ok"),)
    stamp = STAMP

    def install(self) -> None:
        home = self.home()
        if (home / self.stamp).exists() and self.db_path.exists() and self.venv_python.exists():
            return
        t0 = time.monotonic()
        home.mkdir(parents=True, exist_ok=True)
        self.install_venv()
        for old in home.glob("ready-*"):
            old.unlink()
        self.prepare()
        self.build_shop()
        (home / self.stamp).write_text(f"installed in {time.monotonic() - t0:.0f}s\n")

    def install_venv(self) -> None:
        if not self.venv_python.exists():
            base = shutil.which("python3.11") or sys.executable
            self.run_step([base, "-m", "venv", str(self.home() / "venv")], "venv")
        self.run_step([str(self.venv_python), "-m", "pip", "install", "--quiet", "--no-deps", *PINS], "pip install")

    def prepare(self) -> None:
        """Anything the project needs before it is written (a variant's translations)."""

    def build_shop(self) -> None:
        """The project, a fresh database, Shuup's own set-up and the merchant's catalogue."""
        if self.project.exists():
            shutil.rmtree(self.project)
        (self.project / "shopsite").mkdir(parents=True)
        (self.project / "shopsite" / "__init__.py").write_text("")
        (self.project / "shopsite" / "settings.py").write_text(self.settings_text)
        (self.project / "shopsite" / "urls.py").write_text(URLS)
        (self.project / "manage.py").write_text(MANAGE)
        if self.db_path.exists():
            self.db_path.unlink()
        manage = [str(self.venv_python), "manage.py"]
        self.run_step([*manage, "migrate", "--noinput"], "migrate", cwd=self.project)
        self.run_step([*manage, "shuup_init"], "shuup_init", cwd=self.project)  # shop, currencies, theme
        for filename, script, done in self.catalogue_scripts:
            (self.project / filename).write_text(script)
            if done not in self.run_step([str(self.venv_python), filename], filename, cwd=self.project):
                raise RuntimeError(f"{self.name}: {filename} did not finish")
        # Shuup 3 lists products from a price/visibility index; without it listings and the front page are empty.
        self.run_step([*manage, "reindex_product_catalog"], "reindex_product_catalog", cwd=self.project)

    def server(self, port: int) -> ServerCommand:
        return ServerCommand(
            argv=[str(self.venv_python), "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
            cwd=self.project, env=self.environment())

    def count_orders(self) -> int:
        con = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
        try:
            return int(con.execute("SELECT COUNT(*) FROM shuup_order").fetchone()[0])
        finally:
            con.close()


PLATFORM = Shuup()
