"""The storefront's language as a BCP 47 tag: what the site declares (`<html lang>`, og:locale), and what
its text is written in when it declares nothing or declares something its text plainly is not."""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from dataclasses import dataclass

_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?$")
_OG_LOCALE = re.compile(r"<meta[^>]+property=[\"']og:locale[\"'][^>]+content=[\"']([^\"']+)", re.I)
_OG_LOCALE_REVERSED = re.compile(r"<meta[^>]+content=[\"']([^\"']+)[\"'][^>]+property=[\"']og:locale[\"']", re.I)


def bcp47(raw: str | None) -> str | None:
    """'en_us' -> 'en-US', 'DE' -> 'de', 'zh-hant-tw' -> 'zh-Hant-TW'; None for anything that is no language tag."""
    match = _TAG.match((raw or "").strip())
    if not match:
        return None
    lang, script, region = match.groups()
    parts = [lang.lower()]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


def og_locale(html: str) -> str | None:
    """The og:locale meta tag as a BCP 47 tag, in either attribute order."""
    head = html[:200_000]
    match = _OG_LOCALE.search(head) or _OG_LOCALE_REVERSED.search(head)
    return bcp47(match.group(1)) if match else None


# Function words: short, frequent in any running text, and together distinctive of one language. Words
# two languages share count for both, so only the words that differ decide.
_STOP_TEXT = {
    "en": (
        "the and of to with for your you is are this that our on it be we from have not or all will can "
        "by at an as was"
    ),
    "de": (
        "der die das und mit für ist nicht sie ihr ihre wir auf den dem des ein eine einen zu von auch oder "
        "bei sind werden wird noch nach zum zur im uns unsere dein deine"
    ),
    "fr": (
        "le la les et des du pour avec est une un vous votre vos nous dans sur pas au aux ce cette sont qui "
        "que par plus notre nos de en à ou"
    ),
    "nl": (
        "de het een en van voor met niet je jouw uw wij we zijn is op te aan ook bij naar wordt dit deze of "
        "maar onze ons"
    ),
    "es": (
        "el la los las y de del para con es una un por que en su sus tu tus nuestro nuestra nuestros al está "
        "más se lo como"
    ),
    "it": (
        "il lo la gli le e di del della per con è una un che non sono nel nella al alla tuo tua nostro nostra "
        "più dei delle anche"
    ),
    "pl": (
        "i w z na do się nie jest dla że to od po oraz lub jak twój twoje nasz nasze przez są ze będzie "
        "także"
    ),
    "sv": (
        "och att det som en är för med på av till inte din ditt dina vi har den om eller kan från våra vår "
        "ett alla"
    ),
    "da": (
        "og at det som en er for med på af til ikke din dit dine vi har den om eller kan fra vores et alle "
        "jeres"
    ),
}
_STOP_WORDS = {lang: frozenset(text.split()) for lang, text in _STOP_TEXT.items()}
# Letters only one of the nine languages writes.
_LETTERS = {"æ": "da", "ø": "da", "ß": "de", "ñ": "es", "ł": "pl", "ą": "pl", "ę": "pl", "ż": "pl", "ś": "pl", "ź": "pl",
            "ç": "fr", "œ": "fr", "ê": "fr", "û": "fr", "î": "fr"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_INVISIBLE = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>", re.I | re.S)

MIN_HITS = 6  # fewer function words than this is too little text to tell
MIN_LEAD = 1.5  # the winner needs this many times the runner-up's score


def visible_text(html: str, limit: int = 200_000) -> str:
    """The page's words without markup, scripts or styles (a cheap approximation of innerText)."""
    text = _INVISIBLE.sub(" ", html[:limit])
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html_lib.unescape(text)).strip()


def language_scores(text: str) -> Counter[str]:
    """Function-word (and distinctive-letter) hits per language in `text`."""
    scores: Counter[str] = Counter()
    for word in _WORD.findall(text.casefold()[:100_000]):
        for lang, stops in _STOP_WORDS.items():
            if word in stops:
                scores[lang] += 1
        for letter, lang in _LETTERS.items():
            if letter in word:
                scores[lang] += 1
                break
    return scores


def guess_language(text: str) -> str | None:
    """The language (ISO 639-1) the text is written in, among en de fr nl es it pl sv da; None when the
    text is too short or too mixed to tell."""
    ranked = language_scores(text).most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS:
        return None
    if len(ranked) > 1 and ranked[0][1] < MIN_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


@dataclass(frozen=True)
class PageLanguage:
    """The language a page's vocabulary should be taken in, and the evidence for it."""

    tag: str  # BCP 47, e.g. 'de-AT'; a bare 'de' when it comes from the text
    source: str  # 'html-lang', 'og:locale' or 'text'
    declared: str | None = None  # what <html lang> / og:locale said, when the text overruled it
    text_guess: str | None = None  # what the text reads as, when it could be told

    @property
    def lang(self) -> str:
        """The primary language subtag: 'de-AT' -> 'de'."""
        return self.tag.split("-")[0]

    def evidence(self) -> str:
        """One line for a finding's evidence: 'page language de (html-lang)'."""
        note = f"page language {self.tag} ({self.source}"
        if self.declared:
            note += f"; the page declares {self.declared}"
        elif self.text_guess and self.text_guess != self.lang:
            note += f"; its text reads as {self.text_guess}"
        return note + ")"


def page_language(lang_attr: str | None, html: str, text: str | None = None) -> PageLanguage | None:
    """`<html lang>` first, then og:locale, then the text (`text`, or the html's visible text). A clear
    text in another of the nine languages overrules a declaration (themes often ship lang="en" on a German
    shop); a declaration outside the nine is kept as it is."""
    body = text if text is not None else visible_text(html)
    guess = guess_language(body) if body else None
    for source, tag in (("html-lang", bcp47(lang_attr)), ("og:locale", og_locale(html))):
        if tag is None:
            continue
        declared_lang = tag.split("-")[0]
        if guess and guess != declared_lang and declared_lang in _STOP_WORDS:
            scores = language_scores(body)
            if scores[guess] >= 2 * MIN_HITS and scores[guess] >= 3 * scores[declared_lang]:
                return PageLanguage(tag=guess, source="text", declared=tag, text_guess=guess)
        return PageLanguage(tag=tag, source=source, text_guess=guess)
    if guess:
        return PageLanguage(tag=guess, source="text", text_guess=guess)
    return None


def site_language(lang_attr: str | None, html: str, text: str | None = None) -> str | None:
    """The page's language tag (see `page_language`): `<html lang>`, then og:locale, then the text."""
    found = page_language(lang_attr, html, text)
    return found.tag if found else None
