"""django-oscar: the stock Oscar storefront (Django, server-rendered forms, multi-step checkout).

install() builds, under self.home():
  venv/      a private virtualenv with pinned django-oscar and its pinned dependencies
  shop/      a minimal Django project wired as Oscar's "Building your own shop" docs say
             (stock apps, stock templates; one footer partial fills the block Oscar leaves empty
             "for links to privacy policy, terms of service, etc." with the site's flatpages)
  db.sqlite3 the SQLite database, migrated and seeded with a demo catalogue through Oscar's ORM
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time
from pathlib import Path

from accuracy.platform import Platform, ServerCommand

OSCAR_VERSION = "4.2.1"
# Everything pinned: the set pip resolved for django-oscar 4.2.1 on Python 3.11, plus the
# thumbnailer (Oscar's default OSCAR_THUMBNAILER is sorl) and whitenoise for static files with DEBUG off.
PINS = [
    f"django-oscar=={OSCAR_VERSION}",
    "Django==5.2.19",
    "asgiref==3.13.0",
    "sqlparse==0.6.1",
    "babel==2.19.0",
    "django-extra-views==0.16.0",
    "django-haystack==3.4.0",
    "django-phonenumber-field==8.5.0",
    "phonenumbers==9.0.43",
    "django-tables2==2.7.0",
    "django-treebeard==7.0.3",
    "django-widget-tweaks==1.5.1",
    "factory_boy==3.3.3",
    "Faker==40.63.0",
    "packaging==26.4",
    "pillow==13.0.0",
    "purl==1.6",
    "six==1.17.0",
    "sorl-thumbnail==12.11.0",
    "whitenoise==6.11.0",
    "Whoosh==2.7.4",
]
STAMP = f"oscar-{OSCAR_VERSION}-seed-v2"

SETTINGS = r'''
"""Minimal Oscar project (Oscar docs: "Building your own shop")."""
from pathlib import Path
from oscar.defaults import *  # noqa: F401,F403

BASE_DIR = Path(__file__).resolve().parent.parent
HOME = BASE_DIR.parent
SECRET_KEY = "cxaudit-accuracy-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SITE_ID = 1
ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"
USE_TZ = True
LANGUAGE_CODE = "en-gb"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",

    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "oscar.apps.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "oscar.apps.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "oscar.apps.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",

    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
]

AUTHENTICATION_BACKENDS = (
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
)

TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.debug",
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.template.context_processors.i18n",
        "django.contrib.messages.context_processors.messages",
        "oscar.apps.search.context_processors.search_form",
        "oscar.apps.checkout.context_processors.checkout",
        "oscar.core.context_processors.metadata",
    ]},
}]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": HOME / "db.sqlite3"}}

# Oscar's docs start with Haystack's simple backend, but Oscar 4's browse and category pages are Haystack
# queries too and the simple backend returns nothing for them (empty "All products"). Whoosh (pure Python,
# the backend of Oscar's own test suite) serves search, browse and facets.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.whoosh_backend.WhooshEngine",
                                    "PATH": str(HOME / "whoosh_index")}}

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = HOME / "media"
THUMBNAIL_DEBUG = False

OSCAR_SHOP_NAME = "Oscar Demo Shop"
OSCAR_DEFAULT_CURRENCY = "GBP"
# Oscar's own sandbox turns guest checkout on; the default (False) forces an account.
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_FROM_EMAIL = "shop@oscar-demo.example"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "root": {"handlers": ["console"], "level": "WARNING"}}
'''

URLS = r'''
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path("", include(apps.get_app_config("oscar").urls[0])),
]
'''

WSGI = r'''
import os
from django.core.wsgi import get_wsgi_application
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
application = get_wsgi_application()
'''

MANAGE = r'''#!/usr/bin/env python
import os, sys
if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    from django.core.management import execute_from_command_line
    execute_from_command_line(sys.argv)
'''

# The one template the project adds: Oscar's partials/footer.html ships an empty block with the comment
# "Could be used for displaying links to privacy policy, terms of service, etc.". It lists the flatpages.
FOOTER = r'''{% load flatpages %}
<footer class="container">
    {% block footer %}
        {% get_flatpages as site_pages %}
        {% if site_pages %}
        <ul class="list-inline mt-4">
            {% for page in site_pages %}
                <li class="list-inline-item"><a href="{{ page.url }}">{{ page.title }}</a></li>
            {% endfor %}
        </ul>
        {% endif %}
    {% endblock %}
</footer>
'''

SEED = r'''
"""Demo catalogue through Oscar's ORM. Run once after migrate."""
import os, shutil
from decimal import Decimal as D
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
import django
django.setup()
from django.conf import settings
from django.contrib.sites.models import Site
from django.contrib.flatpages.models import FlatPage
from oscar.core.loading import get_model

ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Country = get_model("address", "Country")

site = Site.objects.get(pk=settings.SITE_ID)
site.domain, site.name = "127.0.0.1", "Oscar Demo Shop"
site.save()

Country.objects.update_or_create(iso_3166_1_a2="GB", defaults=dict(
    iso_3166_1_a3="GBR", iso_3166_1_numeric="826", name="United Kingdom of Great Britain and Northern Ireland",
    printable_name="United Kingdom", display_order=0, is_shipping_country=True))

# Oscar renders a placeholder for products without images; it must exist in MEDIA_ROOT.
media = settings.MEDIA_ROOT
os.makedirs(media, exist_ok=True)
import oscar
src = os.path.join(os.path.dirname(oscar.__file__), "static", "oscar", "img", "image_not_found.jpg")
if os.path.exists(src):
    shutil.copy(src, os.path.join(media, settings.OSCAR_MISSING_IMAGE_URL))

partner, _ = Partner.objects.get_or_create(name="Oscar Demo Warehouse")

apparel, _ = ProductClass.objects.get_or_create(name="Clothing", defaults=dict(requires_shipping=True, track_stock=True))
size, _ = ProductAttribute.objects.get_or_create(product_class=apparel, code="size",
                                                 defaults=dict(name="Size", type="text"))
books, _ = ProductClass.objects.get_or_create(name="Books", defaults=dict(requires_shipping=True, track_stock=True))
mugs, _ = ProductClass.objects.get_or_create(name="Homeware", defaults=dict(requires_shipping=True, track_stock=True))

def category(name):
    existing = Category.objects.filter(name=name).first()
    return existing or Category.add_root(name=name)

c_clothing, c_books, c_home = category("Clothing"), category("Books"), category("Homeware")

def stock(product, sku, price, qty=50):
    StockRecord.objects.update_or_create(partner=partner, partner_sku=sku, defaults=dict(
        product=product, price=D(price), price_currency="GBP", num_in_stock=qty))

def simple(title, pclass, cat, sku, price, description):
    p, _ = Product.objects.get_or_create(title=title, defaults=dict(
        product_class=pclass, structure="standalone", description=description, is_public=True))
    ProductCategory.objects.get_or_create(product=p, category=cat)
    stock(p, sku, price)
    return p

simple("Django for Professionals", books, c_books, "BK-001", "29.99",
       "A hands-on book about building production Django sites.")
simple("Python Crash Course", books, c_books, "BK-002", "24.50",
       "A fast-paced introduction to programming with Python.")
simple("Enamel Camping Mug", mugs, c_home, "HM-001", "12.00",
       "A white enamel mug with a blue rim, 350 ml.")
simple("Linen Tea Towel", mugs, c_home, "HM-002", "8.50",
       "A natural linen tea towel, 50 x 70 cm.")

parent, _ = Product.objects.get_or_create(title="Organic Cotton T-Shirt", defaults=dict(
    product_class=apparel, structure="parent", is_public=True,
    description="A soft organic cotton crew-neck t-shirt, available in three sizes."))
ProductCategory.objects.get_or_create(product=parent, category=c_clothing)
for s in ("Small", "Medium", "Large"):
    child = Product.objects.filter(parent=parent, title=f"Organic Cotton T-Shirt ({s})").first()
    if child is None:
        child = Product(parent=parent, structure="child", title=f"Organic Cotton T-Shirt ({s})", is_public=True)
        child.attr.size = s
        child.save()
    stock(child, f"TS-{s[0]}", "19.00", 20)

pages = [
    ("/contact/", "Contact us",
     "<p>Questions about an order? Email us at <a href=\"mailto:support@oscar-demo.example\">support@oscar-demo.example</a> "
     "or call us on <a href=\"tel:+442079460000\">+44 20 7946 0000</a> (Monday to Friday, 9:00 to 17:00).</p>"),
    ("/delivery/", "Delivery information",
     "<p>All orders ship free of charge by standard delivery within the United Kingdom. "
     "Orders placed before 14:00 are dispatched the same working day and usually arrive within 2 to 4 working days.</p>"),
    ("/returns/", "Returns policy",
     "<p>You can return any unused item within 30 days of delivery for a full refund. "
     "Email support@oscar-demo.example with your order number to receive a returns label.</p>"),
]
for url, title, content in pages:
    fp, _ = FlatPage.objects.update_or_create(url=url, defaults=dict(title=title, content=content))
    fp.sites.set([site])
print("seeded", Product.objects.count(), "products")
'''


class OscarPlatform(Platform):
    name = "oscar"
    ecosystem = "python"
    architecture = ("Django server-rendered storefront: Haystack simple search, parent product with a child "
                    "<select> (child_id) on the add-to-basket form, basket page, checkout gateway with guest email "
                    "+ radio, shipping-address form, auto-skipped shipping/payment-method steps, placeholder "
                    "payment-details page, preview with Place order")
    version = OSCAR_VERSION
    start_path = "/"
    ready_timeout_s = 120.0

    @property
    def _py(self) -> Path:
        return self.home() / "venv" / "bin" / "python"

    @property
    def _db(self) -> Path:
        return self.home() / "db.sqlite3"

    def install(self) -> None:
        home = self.home()
        stamp = home / ".installed"
        if stamp.exists() and stamp.read_text().strip() == STAMP and self._py.exists() and self._db.exists():
            return
        home.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        if not self._py.exists():
            self.run_step([sys.executable, "-m", "venv", str(home / "venv")], "creating the venv")
        self.run_step([str(self._py), "-m", "pip", "install", "-q", *PINS], "pip install django-oscar")
        shop = home / "shop"
        (shop / "shop").mkdir(parents=True, exist_ok=True)
        (shop / "templates" / "oscar" / "partials").mkdir(parents=True, exist_ok=True)
        files = {
            shop / "manage.py": MANAGE,
            shop / "shop" / "__init__.py": "",
            shop / "shop" / "settings.py": SETTINGS,
            shop / "shop" / "urls.py": URLS,
            shop / "shop" / "wsgi.py": WSGI,
            shop / "templates" / "oscar" / "partials" / "footer.html": FOOTER,
            shop / "seed.py": SEED,
        }
        for path, text in files.items():
            path.write_text(text.lstrip("\n"))
        shutil.rmtree(home / "whoosh_index", ignore_errors=True)
        if self._db.exists():
            self._db.unlink()  # a half-made database from an interrupted install: start again
        manage = [str(self._py), "manage.py"]
        self.run_step([*manage, "migrate", "--noinput"], "migrate", cwd=shop)
        self.run_step([*manage, "collectstatic", "--noinput"], "collectstatic", cwd=shop)
        self.run_step([str(self._py), "seed.py"], "seeding the catalogue", cwd=shop)
        self.run_step([*manage, "rebuild_index", "--noinput"], "building the search index", cwd=shop)
        (home / "install-seconds.txt").write_text(f"{time.monotonic() - started:.0f}\n")
        stamp.write_text(STAMP + "\n")

    def server(self, port: int) -> ServerCommand:
        return ServerCommand(
            argv=[str(self._py), "manage.py", "runserver", "--noreload", "--skip-checks",
                  f"127.0.0.1:{port}"],
            cwd=self.home() / "shop",
            env={"DJANGO_SETTINGS_MODULE": "shop.settings", "PYTHONUNBUFFERED": "1"},
        )

    def count_orders(self) -> int:
        if not self._db.exists():
            return 0
        con = sqlite3.connect(f"file:{self._db}?mode=ro", uri=True)
        try:
            return int(con.execute("SELECT COUNT(*) FROM order_order").fetchone()[0])
        finally:
            con.close()


PLATFORM = OscarPlatform()
