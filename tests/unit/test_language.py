"""The storefront language recorded in report.json (sites[].language)."""

from auditor.language import bcp47, site_language


def test_the_storefront_language_is_a_bcp47_tag_from_what_the_site_declares() -> None:
    assert bcp47("en_us") == "en-US" and bcp47("DE") == "de" and bcp47("zh-hant-tw") == "zh-Hant-TW"
    assert bcp47("not a tag") is None and bcp47("") is None
    assert site_language("", "<meta property='og:locale' content='nl_NL'>") == "nl-NL"
    assert site_language("fr-be", "") == "fr-BE"


# --- the page's language decides which vocabulary is preferred (issue 24) ---------------------------

from auditor.language import guess_language, page_language  # noqa: E402

DUTCH = (
    "Gratis verzending vanaf 50 euro. Bekijk onze nieuwe collectie en vind de perfecte jas voor de winter. "
    "Het is niet moeilijk: kies je maat, voeg het product toe aan je winkelwagen en wij bezorgen het bij je "
    "thuis. Retourneren is gratis binnen 30 dagen."
)
GERMAN = (
    "Kostenloser Versand ab 50 Euro. Entdecke unsere neue Kollektion und finde die perfekte Jacke für den "
    "Winter. Wähle deine Größe, lege das Produkt in den Warenkorb und wir liefern es zu dir nach Hause. "
    "Die Rücksendung ist innerhalb von 30 Tagen kostenlos und auch der Umtausch ist mit uns ganz einfach."
)
SWEDISH = (
    "Fri frakt på alla beställningar över 500 kr. Välj din storlek och lägg produkten i varukorgen, så "
    "levererar vi den till dig. Det är enkelt att returnera och du har 30 dagars öppet köp för alla varor "
    "som inte passar."
)
DANISH = (
    "Fri fragt på alle ordrer over 500 kr. Vælg din størrelse og læg produktet i kurven, så leverer vi det "
    "til dig. Det er nemt at returnere, og du har 30 dages returret på alle varer som ikke passer."
)


def test_language_from_og_locale_when_html_lang_missing() -> None:
    found = page_language(None, "<head><meta content='de_AT' property='og:locale'></head>")
    assert found is not None and found.tag == "de-AT" and found.source == "og:locale" and found.lang == "de"


def test_html_lang_wins_over_og_locale() -> None:
    found = page_language("fr-BE", "<meta property='og:locale' content='nl_BE'>")
    assert found is not None and (found.tag, found.source) == ("fr-BE", "html-lang")


def test_language_guessed_from_dutch_text() -> None:
    assert guess_language(DUTCH) == "nl"
    found = page_language("", f"<html><body><p>{DUTCH}</p><script>var the = 'and of to';</script></body></html>")
    assert found is not None and (found.tag, found.source) == ("nl", "text")
    assert "page language nl (text" in found.evidence()


def test_german_swedish_and_danish_text_are_told_apart() -> None:
    assert guess_language(GERMAN) == "de"
    assert guess_language(SWEDISH) == "sv"
    assert guess_language(DANISH) == "da"


def test_too_little_text_gives_no_guess() -> None:
    assert guess_language("Warenkorb") is None
    assert page_language(None, "<html><body>OK</body></html>") is None


def test_clearly_german_text_overrules_a_theme_default_lang_en() -> None:
    found = page_language("en", f"<body>{GERMAN} {GERMAN}</body>")
    assert found is not None and found.lang == "de" and found.declared == "en"
    assert "declares en" in found.evidence()


def test_declared_language_kept_when_the_text_agrees_or_is_short() -> None:
    assert site_language("de-CH", f"<body>{GERMAN}</body>") == "de-CH"
    assert site_language("en", "<body>In den Warenkorb</body>") == "en"


def test_site_language_guesses_from_the_html_when_nothing_is_declared() -> None:
    assert site_language(None, f"<html><body>{SWEDISH}</body></html>") == "sv"
    assert site_language(None, "", text=DANISH) == "da"


# Shuup's French home page as a customer reads it: product tiles, a few words, the theme's hard-coded English
SHUUP_FR_HOME = ("Chercher Se connecter Chariot (0) Comptoir du Port Accueil Des produits Bienvenue sur Comptoir du "
                 "Port! Newest Products Gourde en acier 12,00 € Aperçu Lanterne pliable 19,90 € Aperçu Sac cabas en "
                 "toile 15,00 € Aperçu Planche à découper en chêne 24,00 € Aperçu Pages Livraison Retours et "
                 "remboursements Contact Categories Cuisine Plein air Custom Footer Content Powered by Shuup")
SPANISH = ("Envío gratis en pedidos de más de 50 euros. Elige tu talla, añade el producto a la cesta y te lo "
           "llevamos a casa en dos días. La devolución es gratuita durante 30 días para todos los productos.")


def test_a_french_shop_with_few_words_is_told_from_spanish_by_its_own_words_and_letters() -> None:
    assert guess_language(SHUUP_FR_HOME) == "fr"
    assert guess_language(SPANISH) == "es"


def test_french_text_over_pages_overrules_a_themes_hard_coded_english() -> None:
    pages = " ".join([SHUUP_FR_HOME, "Gourde en acier. Une gourde isotherme en acier inoxydable de 750 ml. "
                      "Ajouter au chariot. Livraison standard au tarif unique de 5,00 € ; les commandes arrivent "
                      "en 2 à 4 jours ouvrés. Vous pouvez nous retourner tout article non utilisé dans les 30 jours."])
    assert site_language("en", "<html lang='en'></html>", pages) == "fr"
