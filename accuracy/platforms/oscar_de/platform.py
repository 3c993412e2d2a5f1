"""django-oscar in German: the same pinned Oscar shop as accuracy/platforms/oscar, served with Oscar's own
shipped German translation (oscar/locale/de) for the German market.

Everything is reused from the English platform (pins, project files, install steps, seed script); this
module only layers on top of it:
  settings   LANGUAGE_CODE "de", Django's LocaleMiddleware right after the session middleware (where
             Oscar's sandbox puts it), LANGUAGES = German only (so every visitor, whatever Accept-Language
             the browser sends, gets German; <html lang="de">), EUR, Europe/Berlin
  seed       after the English seed: Germany the only shipping country (instead of the UK), stock records
             in EUR, German category/product names and descriptions, German flatpages (Kontakt, Versand,
             Rückgabe) with a German e-mail address and phone number
  audit      cxaudit is run with --locale de-DE --country DE --currency EUR (a German-market audit)
"""

from __future__ import annotations

from accuracy.platforms.oscar import platform as oscar

SETTINGS = oscar.SETTINGS + r'''

# ---- oscar_de: German storefront (Oscar's shipped locale/de translation) ----
USE_I18N = True
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
                  "django.middleware.locale.LocaleMiddleware")
OSCAR_SHOP_NAME = "Oscar Demo-Shop"
OSCAR_DEFAULT_CURRENCY = "EUR"
OSCAR_FROM_EMAIL = "shop@oscar-demo.example"
'''

# Run after the English seed (oscar.SEED), in the same database: turns the catalogue German.
SEED_DE = r'''
"""German market on top of the English demo seed (run after seed.py)."""
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
import django
django.setup()
from django.conf import settings
from django.contrib.sites.models import Site
from django.contrib.flatpages.models import FlatPage
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")
Country = get_model("address", "Country")

site = Site.objects.get(pk=settings.SITE_ID)
site.name = "Oscar Demo-Shop"
site.save()

Country.objects.filter(iso_3166_1_a2="GB").update(is_shipping_country=False)
Country.objects.update_or_create(iso_3166_1_a2="DE", defaults=dict(
    iso_3166_1_a3="DEU", iso_3166_1_numeric="276", name="Bundesrepublik Deutschland",
    printable_name="Deutschland", display_order=0, is_shipping_country=True))

Partner.objects.filter(name="Oscar Demo Warehouse").update(name="Oscar Demo-Lager")
StockRecord.objects.update(price_currency="EUR")

ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttribute.objects.filter(code="size").update(name="Größe")
for old, new in [("Clothing", "Kleidung"), ("Books", "Bücher"), ("Homeware", "Haushalt")]:
    ProductClass.objects.filter(name=old).update(name=new)
    for c in Category.objects.filter(name=old):
        c.name, c.slug = new, ""
        c.save()

PRODUCTS = {
    "Django for Professionals": ("Django for Professionals",
        "Ein praxisnahes Buch über den Aufbau produktiver Django-Websites (englische Ausgabe)."),
    "Python Crash Course": ("Python Crashkurs",
        "Eine schnelle Einführung in die Programmierung mit Python."),
    "Enamel Camping Mug": ("Emaille-Campingbecher",
        "Ein weißer Emaille-Becher mit blauem Rand, 350 ml."),
    "Linen Tea Towel": ("Geschirrtuch aus Leinen",
        "Ein Geschirrtuch aus naturbelassenem Leinen, 50 x 70 cm."),
    "Organic Cotton T-Shirt": ("T-Shirt aus Bio-Baumwolle",
        "Ein weiches T-Shirt aus Bio-Baumwolle mit Rundhalsausschnitt, in drei Größen erhältlich."),
}
SIZES = {"Small": "S", "Medium": "M", "Large": "L"}
for old, (title, description) in PRODUCTS.items():
    p = Product.objects.get(title=old, parent=None)
    p.title, p.description, p.slug = title, description, ""
    p.save()
    for child in Product.objects.filter(parent=p):
        size = next(s for s in SIZES if child.title.endswith(f"({s})"))
        child.title, child.slug = f"{title} (Größe {SIZES[size]})", ""
        child.attr.size = SIZES[size]
        child.save()

FlatPage.objects.all().delete()
pages = [
    ("/kontakt/", "Kontakt",
     "<p>Fragen zu einer Bestellung? Schreiben Sie uns an "
     "<a href=\"mailto:service@oscar-demo.example\">service@oscar-demo.example</a> "
     "oder rufen Sie uns an unter <a href=\"tel:+4930901820\">+49 30 901820</a> "
     "(Montag bis Freitag, 9:00 bis 17:00 Uhr).</p>"),
    ("/versand/", "Versand und Lieferung",
     "<p>Alle Bestellungen werden innerhalb Deutschlands versandkostenfrei mit Standardversand geliefert. "
     "Bestellungen, die bis 14:00 Uhr eingehen, verlassen unser Lager am selben Werktag und sind "
     "in der Regel innerhalb von 2 bis 4 Werktagen bei Ihnen.</p>"),
    ("/rueckgabe/", "Rückgabe und Erstattung",
     "<p>Sie können jeden unbenutzten Artikel innerhalb von 30 Tagen nach Erhalt zurückgeben und erhalten "
     "den vollen Kaufpreis erstattet. Schreiben Sie an service@oscar-demo.example mit Ihrer Bestellnummer, "
     "um ein Rücksendeetikett zu erhalten.</p>"),
]
for url, title, content in pages:
    fp = FlatPage.objects.create(url=url, title=title, content=content)
    fp.sites.set([site])
print("German market:", Product.objects.count(), "products,",
      Country.objects.filter(is_shipping_country=True).count(), "shipping country")
'''

STAMP = f"{oscar.STAMP}-de-v2"


class OscarDePlatform(oscar.OscarPlatform):
    name = "oscar_de"
    architecture = ("django-oscar in German (Oscar's shipped de translation, LocaleMiddleware, <html lang=de>), "
                    "EUR prices, Germany the only shipping country; otherwise the same shop as 'oscar': "
                    "server-rendered forms, variant links, guest checkout gateway, placeholder payment step")
    audit_args = ("--locale", "de-DE", "--country", "DE", "--currency", "EUR")

    def install(self) -> None:
        home = self.home()
        stamp = home / ".installed"
        if stamp.exists() and stamp.read_text().strip() == STAMP and self._py.exists() and self._db.exists():
            return
        # The English platform's install (pins, project, migrate, collectstatic, seed) from scratch: without
        # its stamp it starts again with a new database, so the German overlay below always runs on a fresh seed.
        stamp.unlink(missing_ok=True)
        super().install()
        stamp.unlink(missing_ok=True)
        shop = home / "shop"
        # Settings only matter when serving: swap in the German ones, overlay the data, re-index German titles.
        (shop / "shop" / "settings.py").write_text(SETTINGS.lstrip("\n"))
        (shop / "seed_de.py").write_text(SEED_DE.lstrip("\n"))
        self.run_step([str(self._py), "seed_de.py"], "seeding the German market", cwd=shop)
        self.run_step([str(self._py), "manage.py", "rebuild_index", "--noinput"], "building the search index", cwd=shop)
        stamp.write_text(STAMP + "\n")


PLATFORM = OscarDePlatform()
