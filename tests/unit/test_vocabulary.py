"""The multilingual storefront vocabulary taken from real platforms' translation catalogues (issue 24)."""

import json
from pathlib import Path

import pytest

from auditor import vocabulary
from auditor.vocabulary import KEYS, LANGUAGES, pattern, preferred, provenance, words
from auditor.vocabulary.build import normalise
from auditor.vocabulary.spec import MAPPING

DATA = Path(vocabulary.__file__).with_name("vocabulary.json")
SOURCES = Path(vocabulary.__file__).with_name("SOURCES.md")
PLATFORMS = ("dawn", "shopware", "oscar", "magento")


def test_vocabulary_data_loads_with_the_declared_languages_and_keys() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert tuple(data["languages"]) == LANGUAGES
    assert tuple(data["keys"]) == KEYS == tuple(sorted(MAPPING))
    assert {"en", "de", "fr", "nl", "es", "it", "pl", "sv", "da"} <= set(LANGUAGES)
    for key in ("add_to_cart", "cart", "checkout", "continue", "place_order", "guest", "sign_in", "search",
                "contact", "returns", "shipping", "payment", "out_of_stock", "notify_me", "required_field",
                "select_option", "quantity", "subtotal", "total", "newsletter"):
        assert key in KEYS


def test_every_language_has_every_key() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        assert set(data["words"][lang]) == set(KEYS), lang
        for key in KEYS:
            assert words(key, lang), f"{lang}.{key} is empty"


def test_every_phrase_names_the_catalogue_entries_it_came_from() -> None:
    for lang in LANGUAGES:
        for key in KEYS:
            origins = provenance(key, lang)
            assert set(origins) == set(words(key, lang))
            for refs in origins.values():
                assert refs and all(ref.split(":", 1)[0] in PLATFORMS for ref in refs)


def test_most_keys_have_wordings_from_at_least_two_platforms_in_every_language() -> None:
    for lang in LANGUAGES:
        single = [key for key in KEYS
                  if len({ref.split(":")[0] for refs in provenance(key, lang).values() for ref in refs}) < 2]
        assert len(single) <= 3, (lang, single)


def test_sources_md_names_every_platform_and_language() -> None:
    text = SOURCES.read_text(encoding="utf-8")
    for name in ("Shopify/dawn", "shopware/shopware", "shopware/SwagLanguagePack", "django-oscar",
                 "mageplaza/magento-2-german-language-pack", "MIT", "BSD"):
        assert name in text
    for lang in LANGUAGES:
        assert f"`{lang}`" in text


def test_german_add_to_cart_comes_from_catalogues() -> None:
    german = words("add_to_cart", "de")
    assert {"In den Warenkorb", "In den Warenkorb legen"} <= set(german)
    origins = provenance("add_to_cart", "de")
    assert "dawn:products.product.add_to_cart" in origins["In den Warenkorb legen"]
    assert "shopware:detail.addProduct" in origins["In den Warenkorb"]
    assert "magento:Add to Cart" in origins["In den Warenkorb"]


def test_regional_tags_fall_back_to_the_language() -> None:
    assert words("cart", "de-AT") == words("cart", "de") == words("cart", "de_at")
    assert set(words("cart", "fr")) < set(words("cart"))
    assert words("cart", "pt-BR") == words("cart")  # no Portuguese catalogue: every language may match


def test_place_order_pattern_matches_real_final_buttons() -> None:
    finals = {
        "de": "Zahlungspflichtig bestellen",
        "en": "Place order",
        "fr": "Passer commande",
        "nl": "Bestelling plaatsen",
        "es": "Realizar pedido",
        "it": "Effettua ordine",
        "pl": "Złóż zamówienie",
        "sv": "Slutför beställningen",
        "da": "Gennemfør ordre",
    }
    for lang, button in finals.items():
        assert pattern("place_order", lang).search(f"  {button.upper()}  "), lang
        assert pattern("place_order").search(button), lang
    assert not pattern("place_order", "de").search("Zur Kasse")
    assert not pattern("place_order", "nl").search("Ga naar afrekenen")


def test_no_other_key_matches_the_final_buy_button() -> None:
    for lang in LANGUAGES:
        final = pattern("place_order", lang)
        for key in KEYS:
            if key != "place_order":
                assert not [p for p in words(key, lang) if final.search(p)], (lang, key)


def test_pattern_is_case_insensitive_whole_word_and_longest_first() -> None:
    checkout = pattern("checkout", "de")
    assert checkout.search("Weiter zur\u00a0kasse") and not checkout.search("Kassenbon drucken")
    match = pattern("add_to_cart", "de").search("Jetzt in den Warenkorb legen!")
    assert match is not None and match.group(0) == "in den Warenkorb legen"
    assert pattern("cart", "de") is pattern("cart", "de")  # cached


def test_preferred_puts_the_page_language_first_then_english() -> None:
    ordered = preferred("add_to_cart", "nl-BE")
    dutch, english = words("add_to_cart", "nl"), words("add_to_cart", "en")
    assert ordered[: len(dutch)] == dutch
    assert set(english) <= set(ordered[: len(dutch) + len(english)])


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError):
        words("add_to_basket")


@pytest.mark.parametrize(
    ("raw", "phrase"),
    [
        ("Warenkorb ansehen ({{ count }})", "Warenkorb ansehen"),
        ("'%s' has been added to your basket", "has been added to your basket"),
        ("{1} 1 product added to your shopping cart.|]1,Inf[ %count% products added.", "product added to your shopping cart"),
        ('Sie haben %1 zu Ihrem <a href="%2">Warenkorb</a> hinzugefügt.', "Sie haben zu Ihrem Warenkorb hinzugefügt"),
        ("Wird geladen ...", "Wird geladen"),
        ("(Keine Lieferung möglich)", "Keine Lieferung möglich"),
        ("No results found for “{{ terms }}”. Check the spelling.", "No results found for"),
        ("Prévenez-moi %(name)s", "Prévenez-moi"),
    ],
)
def test_catalogue_strings_are_normalised_to_what_a_shopper_reads(raw: str, phrase: str) -> None:
    assert normalise(raw) == phrase
