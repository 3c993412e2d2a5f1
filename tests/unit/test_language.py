"""The storefront language recorded in report.json (sites[].language)."""

from auditor.language import bcp47, site_language


def test_the_storefront_language_is_a_bcp47_tag_from_what_the_site_declares() -> None:
    assert bcp47("en_us") == "en-US" and bcp47("DE") == "de" and bcp47("zh-hant-tw") == "zh-Hant-TW"
    assert bcp47("not a tag") is None and bcp47("") is None
    assert site_language("", "<meta property='og:locale' content='nl_NL'>") == "nl-NL"
    assert site_language("fr-be", "") == "fr-BE"
