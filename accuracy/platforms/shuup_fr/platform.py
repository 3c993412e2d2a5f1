"""Shuup 3.1.0 in French: the same pinned Shuup storefront as accuracy/platforms/shuup, served with Shuup's own
shipped French translation for a shop in France.

Shuup 3.1.0 ships French only as fr_CA (shuup/*/locale/fr_CA, e.g. shuup.front 357/408 messages, every
storefront, basket and checkout string; see NOTES.md). Django looks up "fr" in .../locale/fr, never in fr_CA,
so install() copies those compiled catalogues (unchanged .mo files) to <home>/locale/<app>/fr/ and the
settings list them in LOCALE_PATHS: the shop is served as "fr" (<html lang="fr">, Babel fr formats: 5,00 €).

Reused from the English platform: the shared venv (cache_root()/shuup/venv, not reinstalled), SETTINGS, URLS,
MANAGE and the English CATALOGUE (the structure: shop, supplier, stock, categories, products, services,
pages). This module only layers on top of it, in its own project and database under cache_root()/shuup_fr:
  settings   LANGUAGE_CODE "fr", LANGUAGES / PARLER_LANGUAGES French only, Europe/Paris, LOCALE_PATHS
  catalogue  after the English catalogue: a French merchant's content (shop "Comptoir du Port", category,
             product, shipping/payment method names and descriptions, Livraison / Retours / Contact pages
             with a Nantes address, French phone and e-mail), every English translation row removed
  audit      cxaudit runs with --locale fr-FR --country FR --currency EUR --timezone Europe/Paris
"""

from __future__ import annotations

import shutil
from pathlib import Path

from accuracy.platforms.shuup import platform as shuup

SETTINGS = shuup.SETTINGS + r'''

# ---- shuup_fr: French storefront (Shuup's shipped fr_CA catalogues, served as "fr") ----
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
PARLER_DEFAULT_LANGUAGE_CODE = "fr"
PARLER_LANGUAGES = {None: [{"code": "fr"}], "default": {"fallbacks": ["fr"], "hide_untranslated": False}}
TIME_ZONE = "Europe/Paris"
LOCALE_PATHS = sorted(str(p) for p in (HOME / "locale").iterdir() if p.is_dir())
'''

# Run after the English catalogue (shuup.CATALOGUE), in the same database: a French merchant's content.
CATALOGUE_FR = r'''
import os
import sys

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopsite.settings")
import django  # noqa: E402

django.setup()

from django.utils.text import slugify  # noqa: E402

from shuup.core.models import (  # noqa: E402
    Category, CustomCarrier, CustomPaymentProcessor, PaymentMethod, Product, ShippingMethod, Shop,
)
from shuup.simple_cms.models import Page  # noqa: E402


def french(obj, **fields):
    obj.set_current_language("fr")
    for k, v in fields.items():
        setattr(obj, k, v)
    obj.save()
    for meta in obj._parler_meta:  # drop the English rows (polymorphic providers keep theirs on the base model)
        meta.model.objects.filter(master_id=obj.pk).exclude(language_code="fr").delete()


shop = Shop.objects.get(identifier="default")
french(shop, name="Comptoir du Port", public_name="Comptoir du Port")

for ident, name in [("kitchen", "Cuisine"), ("outdoor", "Plein air")]:
    french(Category.objects.get(identifier=ident), name=name, slug=slugify(name))

PRODUCTS = {
    "MUG-1": ("Tasse de camping émaillée", "Une tasse en métal émaillé blanc au liseré bleu, 350 ml."),
    "KNIFE-1": ("Couteau de chef", "Un couteau de chef en acier inoxydable, lame de 20 cm."),
    "BOARD-1": ("Planche à découper en chêne", "Une planche à découper en chêne massif, 40 x 25 cm."),
    "TOTE-1": ("Sac cabas en toile", "Un cabas en toile robuste, idéal pour aller au marché."),
    "LANTERN-1": ("Lanterne pliable", "Une lanterne de camping LED repliable."),
    "BOTTLE-1": ("Gourde en acier", "Une gourde isotherme en acier inoxydable de 750 ml."),
}
for sku, (name, text) in PRODUCTS.items():
    french(Product.objects.get(sku=sku), name=name, slug=slugify(name),
           description="<p>%s</p>" % text, short_description=text)

french(ShippingMethod.objects.get(identifier="standard-shipping"), name="Livraison standard",
       description="Livrée en 2 à 4 jours ouvrés.")
french(PaymentMethod.objects.get(identifier="bank-transfer"), name="Virement bancaire",
       description="Payez par virement bancaire ; nous expédions votre commande dès réception du paiement.")
french(PaymentMethod.objects.get(identifier="cash-on-delivery"), name="Paiement à la livraison",
       description="Payez le livreur en espèces à la réception du colis.")

# The English catalogue names each provider after its first service (shown as a heading over its methods).
french(CustomCarrier.objects.get(identifier="customcarrier"), name="Livraison standard")
french(CustomPaymentProcessor.objects.get(identifier="custompaymentprocessor"), name="Virement bancaire")

PAGES = {
    "shipping": ("Livraison", "livraison",
                 "<p>Nous livrons en France et dans toute l'Europe avec la Livraison standard, au tarif unique de "
                 "5,00 € ; les commandes arrivent en 2 à 4 jours ouvrés.</p>"),
    "returns": ("Retours et remboursements", "retours",
                "<p>Vous pouvez nous retourner tout article non utilisé dans les 30 jours suivant la livraison et "
                "être intégralement remboursé. Écrivez-nous d'abord afin que nous vous envoyions une étiquette "
                "de retour.</p>"),
    "contact": ("Contact", "contact",
                "<p>Comptoir du Port, 12 quai de la Fosse, 44000 Nantes.</p>"
                "<p>Téléphone : <a href=\"tel:+33240123456\">02 40 12 34 56</a><br>"
                "E-mail : <a href=\"mailto:bonjour@comptoir-du-port.example\">bonjour@comptoir-du-port.example</a></p>"),
}
for ident, (title, url, content) in PAGES.items():
    french(Page.objects.get(identifier=ident), title=title, url=url, content=content)
print("catalogue fr ok:", Product.objects.count(), "products,", Page.objects.count(), "pages")
'''

STAMP = f"{shuup.STAMP}-fr-v2"


class ShuupFr(shuup.Shuup):
    name = "shuup_fr"
    architecture = ("Shuup in French (its shipped fr_CA catalogues served as fr, <html lang=fr>), EUR, a French "
                    "merchant's catalogue; otherwise the same shop as 'shuup': search in a modal, AJAX "
                    "add-to-basket, CMS pages in the footer, 3-phase checkout with offline payments")
    audit_args = ("--locale", "fr-FR", "--country", "FR", "--currency", "EUR", "--timezone", "Europe/Paris")

    english = shuup.Shuup()

    settings_text = SETTINGS
    catalogue_scripts = (*shuup.Shuup.catalogue_scripts, ("catalogue_fr.py", CATALOGUE_FR, "catalogue fr ok"))
    stamp = STAMP
    english = shuup.Shuup()

    @property
    def venv_python(self) -> Path:
        return self.english.venv_python  # the English platform's venv, shared (same pins)

    def install_venv(self) -> None:
        self.english.install_venv()

    def prepare(self) -> None:
        """Shuup's own French catalogues (fr_CA .mo files, copied unchanged) under <home>/locale/<app>/fr."""
        site = next(self.english.home().glob("venv/lib/python*/site-packages"))
        target = self.home() / "locale"
        if target.exists():
            shutil.rmtree(target)
        for src in sorted((site / "shuup").glob("**/locale/fr_CA/LC_MESSAGES")):
            app = src.parent.parent.parent.relative_to(site).as_posix().replace("/", ".")
            dst = target / app / "fr" / "LC_MESSAGES"
            dst.mkdir(parents=True)
            for mo in src.glob("*.mo"):
                shutil.copy2(mo, dst / mo.name)


PLATFORM = ShuupFr()
