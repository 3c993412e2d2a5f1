"""Regenerate vocabulary.json from the storefront translation catalogues named in SOURCES.md.

    python -m auditor.vocabulary.build --mirrors /work/.mirror --cache ~/.cache/cxaudit-vocabulary

`--mirrors` holds bare git mirrors laid out as `<owner>+<name>/repo` (or plain clones at
`<owner>+<name>`); every file is read at the commit pinned below, so the output does not depend on
where a mirror's HEAD is. django-oscar is a PyPI wheel: it is `pip download`ed into `--cache` (outside
the repo) when absent and checked against its sha256. The output is written with sorted keys and a
fixed phrase order, so running the script twice gives the same bytes. Nothing here runs at audit time:
CI and the auditor only read the committed JSON.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from auditor.vocabulary.spec import KEYS, LANGUAGES, MAPPING

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "vocabulary.json"

# The locale name every platform files each language under.
DAWN_FILE = {"en": "en.default"} | {lang: lang for lang in LANGUAGES if lang != "en"}
SHOPWARE_LOCALE = {
    "da": "da-DK", "de": "de-DE", "en": "en-GB", "es": "es-ES", "fr": "fr-FR",
    "it": "it-IT", "nl": "nl-NL", "pl": "pl-PL", "sv": "sv-SE",
}  # fmt: skip
MAGENTO_PACK = {
    "da": ("danish", "da_DK"), "de": ("german", "de_DE"), "es": ("spanish", "es_ES"),
    "fr": ("french", "fr_FR"), "it": ("italian", "it_IT"), "nl": ("dutch", "nl_NL"),
    "pl": ("polish", "pl_PL"), "sv": ("swedish", "sv_SE"),
}  # fmt: skip


# Pinned source versions (also listed, with licences, in SOURCES.md).
DAWN = ("Shopify/dawn", "9ccdacf81f175c7caeebc28348e50bcb02ef8fc7")
SHOPWARE_CORE = ("shopware/shopware", "cfc087db92b7381885333c3035b8a034ec251bae")
SHOPWARE_PACK = ("shopware/SwagLanguagePack", "1711b01c01d13fdd292a5250dff5a049cad91041")
MAGENTO_COMMITS = {
    "danish": "20ff66968e15722add5357548abe38f0fb84b405",
    "german": "7e7376c80814b486609ad493d7600adb4b8af2a3",
    "spanish": "83a0c3cec86804115ca4beed3b0aea0be1b2fd58",
    "french": "f9ce09d3c874bdcb155af5ae378145c4fcf5a76f",
    "italian": "59a13f13b7c5eed15ff9dc203c3d5375cad4e234",
    "dutch": "5a2a55dbb5daa861c8d6db56f013ea60237ad3a7",
    "polish": "163ccc60dcfe9cde544ff153149828b6bcccc04b",
    "swedish": "4412c7fa3e92c76469c42cf24d628783494edaf6",
}
OSCAR_WHEEL = "django_oscar-4.2.1-py3-none-any.whl"
OSCAR_SHA256 = "adbb95ea0130859c204cc6fb221052d6d437ecbaa90800e8418a809f72645e9c"


# Catalogue wordings that say something else than the key means (a mistranslation in that catalogue).
EXCLUDE: dict[tuple[str, str], frozenset[str]] = {
    ("sv", "quantity"): frozenset({"Belopp"}),  # shopware sv-SE detail.dataColumnQuantity reads "amount"
    ("pl", "select_option"): frozenset({"Wprowadź poprawną wartość"}),  # oscar pl: "enter a valid value"
}
# The final "pay now" wording must never be mistaken for a step the auditor may click, so a phrase that
# the place_order wording matches is dropped from every other key of that language (es "Realizar pedido"
# is Oscar's "Checkout" and its "Place order").
SAFETY_KEY = "place_order"


# --- reading the catalogues -------------------------------------------------------------------------


class Catalogues:
    def __init__(self, mirrors: Path, cache: Path) -> None:
        self.mirrors = mirrors
        self.cache = cache

    def git_show(self, repo: str, commit: str, path: str) -> str:
        base = self.mirrors / repo.replace("/", "+")
        git_dir = base / "repo" if (base / "repo").exists() else base
        args = ["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"]
        if not (git_dir / "HEAD").exists():  # a plain clone with a work tree
            args = ["git", "-C", str(base), "show", f"{commit}:{path}"]
        return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")

    def oscar_wheel(self) -> zipfile.ZipFile:
        wheel = self.cache / OSCAR_WHEEL
        if not wheel.exists():
            self.cache.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "django-oscar==4.2.1", "-d", str(self.cache)],
                check=True,
            )
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != OSCAR_SHA256:
            raise SystemExit(f"{wheel}: sha256 {digest} is not the pinned {OSCAR_SHA256}")
        return zipfile.ZipFile(wheel)


def _flatten(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        elif isinstance(value, str):
            yield f"{prefix}{key}", value


def _json_catalogue(text: str) -> dict[str, str]:
    text = re.sub(r"^\s*/\*.*?\*/", "", text, flags=re.S)  # Dawn's licence comment
    return dict(_flatten(json.loads(text)))


def dawn(cat: Catalogues, lang: str) -> dict[str, str]:
    repo, commit = DAWN
    return _json_catalogue(cat.git_show(repo, commit, f"locales/{DAWN_FILE[lang]}.json"))


def shopware(cat: Catalogues, lang: str) -> dict[str, str]:
    locale = SHOPWARE_LOCALE[lang]
    if lang in ("de", "en"):  # shipped with the core storefront
        repo, commit = SHOPWARE_CORE
        path = f"src/Storefront/Resources/snippet/{locale.replace('-', '_')}/storefront.{locale}.json"
    else:  # shipped by shopware's official language pack
        repo, commit = SHOPWARE_PACK
        path = f"src/Resources/snippet/storefront/storefront.{locale}.json"
    return _json_catalogue(cat.git_show(repo, commit, path))


def _po_unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", " ").replace("\\\\", "\\")


def _po_entries(text: str) -> Iterator[tuple[str | None, str, str, bool]]:
    """(msgctxt, msgid, msgstr, fuzzy) for each singular entry of a .po file."""
    for block in re.split(r"\n\s*\n", text):
        fields: dict[str, str] = {}
        current = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[0\])?)\s+"(.*)"$', line)
            if match:
                current = match.group(1).replace("[0]", "")
                fields[current] = match.group(2)
            elif current and line.startswith('"'):
                fields[current] += line[1:-1]
        if "msgid" in fields and "msgstr" in fields:
            ctxt = fields.get("msgctxt")
            msgid, msgstr = _po_unescape(fields["msgid"]), _po_unescape(fields["msgstr"])
            yield (_po_unescape(ctxt) if ctxt else None), msgid, msgstr, fuzzy


def oscar(cat: Catalogues, lang: str) -> dict[str, str]:
    """msgid -> translation; for English the msgid itself (Oscar's source language)."""
    with cat.oscar_wheel() as wheel:
        text = wheel.read(f"oscar/locale/{'de' if lang == 'en' else lang}/LC_MESSAGES/django.po").decode("utf-8")
    found: dict[str, str] = {}
    for ctxt, msgid, msgstr, fuzzy in _po_entries(text):
        if not msgid or fuzzy:
            continue
        value = msgid if lang == "en" else msgstr
        if value and (ctxt is None or msgid not in found):
            found[msgid] = value
    return found


def magento(cat: Catalogues, lang: str) -> dict[str, str]:
    """English source text -> the translation most of Magento's modules use for it."""
    if lang == "en":  # the packs' first column is Magento's en_US source text
        rows = _magento_rows(cat, "de")
        return {source: source for source in rows}
    return {source: Counter(translations).most_common(1)[0][0] for source, translations in _magento_rows(cat, lang).items()}


def _magento_rows(cat: Catalogues, lang: str) -> dict[str, list[str]]:
    name, locale = MAGENTO_PACK[lang]
    repo = f"mageplaza/magento-2-{name}-language-pack"
    text = cat.git_show(repo, MAGENTO_COMMITS[name], f"{locale}.csv")
    rows: dict[str, list[str]] = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) >= 2 and row[0] and row[1]:
            rows.setdefault(row[0], []).append(row[1])
    return rows


READERS: dict[str, Callable[[Catalogues, str], dict[str, str]]] = {
    "dawn": dawn,
    "shopware": shopware,
    "oscar": oscar,
    "magento": magento,
}


# --- normalising a catalogue string into a phrase ------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"\{\{[^}]*\}\}"  # Liquid / Twig: {{ count }}
    r"|%\([a-z_]+\)[sd]"  # Python: %(name)s
    r"|%\d+\$[sd]|%[sd]"  # printf: %1$s, %s
    r"|%[A-Za-z_]+%"  # Shopware: %name%
    r"|%\d+"  # Magento: %1
    r"|\{\d+\}",  # {0}
)
_PLURAL_INTERVAL = re.compile(r"^\s*(?:\{\d+\}|[\]\[]-?\d+,\s*(?:Inf|\d+)[\]\[])\s*")
_QUOTES = "\"'“”„«»‘’‚"
_EDGE = " \t\n.:;!?…*-–—·•/|" + _QUOTES


def normalise(raw: str) -> str:
    """One catalogue string as the words a shopper sees: no placeholders, markup or trailing punctuation."""
    text = raw.split("|")[0] if _PLURAL_INTERVAL.match(raw) else raw  # Symfony plural: keep the singular
    text = _PLURAL_INTERVAL.sub("", text)
    text = re.sub(r"<[^>]*>", "", text)
    text = _PLACEHOLDER.sub(" ", text)
    text = re.sub(rf"[{_QUOTES}]\s*[{_QUOTES}]", " ", text)  # the quotes a placeholder stood in
    text = text.replace("&nbsp;", " ").replace("\u00a0", " ").replace("&amp;", "&")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ÝŁŚŻŹĆŃÓ])", text)[0]  # first sentence
    text = re.sub(r"^\d+\s+", "", text)  # "1 Produkt zum Warenkorb hinzugefügt"
    text = re.sub(r"\s+([.,:;!?])", r"\1", text)
    text = text.strip(_EDGE)
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip(_EDGE)
    text = re.sub(r"\s*\(\s*\)\s*", " ", text).strip()
    return text


def _matcher(phrases: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _words(text: str) -> int:
    return len(text.split())


# --- building ------------------------------------------------------------------------------------------


def build(cat: Catalogues) -> dict[str, Any]:
    loaded = {(source, lang): READERS[source](cat, lang) for source in READERS for lang in LANGUAGES}
    english = {source: loaded[(source, "en")] for source in READERS}
    words: dict[str, dict[str, list[str]]] = {}
    provenance: dict[str, dict[str, dict[str, list[str]]]] = {}
    gaps: list[str] = []
    for lang in LANGUAGES:
        words[lang] = {}
        provenance[lang] = {}
        for key in KEYS:
            seen: dict[str, tuple[str, list[str]]] = {}
            for source, ids in MAPPING[key].items():
                catalogue = loaded[(source, lang)]
                for ref in ids:
                    entry, _, part = ref.partition("#")
                    raw = catalogue.get(entry)
                    if not raw:
                        continue
                    source_en = english[source].get(entry, "")
                    if lang != "en" and raw.strip() == source_en.strip() and _words(raw) > 1:
                        continue  # left untranslated in this catalogue
                    if part == "link":  # only the words of the link inside the message
                        link = re.search(r"<a\b[^>]*>(.*?)</a>", raw, flags=re.S)
                        if not link:
                            continue
                        raw = link.group(1)
                    phrase = normalise(raw)
                    if len(phrase) < 2 or len(phrase) > 100 or phrase in EXCLUDE.get((lang, key), ()):
                        continue
                    folded = phrase.casefold()
                    seen.setdefault(folded, (phrase, []))[1].append(f"{source}:{ref}")
            if not seen:
                gaps.append(f"{lang}.{key}")
            ordered = sorted(seen.values(), key=lambda item: (item[0].casefold(), item[0]))
            words[lang][key] = [phrase for phrase, _ in ordered]
            provenance[lang][key] = {phrase: sorted(set(refs)) for phrase, refs in ordered}
    for lang in LANGUAGES:
        final = _matcher(words[lang][SAFETY_KEY])
        for key in KEYS:
            if key == SAFETY_KEY:
                continue
            kept = [phrase for phrase in words[lang][key] if not final.search(phrase)]
            for phrase in set(words[lang][key]) - set(kept):
                del provenance[lang][key][phrase]
            words[lang][key] = kept
            if not kept:
                gaps.append(f"{lang}.{key}")
    if gaps:
        raise SystemExit("no catalogue wording for: " + ", ".join(gaps))
    return {
        "about": "Generated by auditor/vocabulary/build.py from the catalogues in SOURCES.md; do not edit by hand.",
        "languages": list(LANGUAGES),
        "keys": list(KEYS),
        "sources": {
            "dawn": f"{DAWN[0]}@{DAWN[1]}",
            "shopware": f"{SHOPWARE_CORE[0]}@{SHOPWARE_CORE[1]} (de, en); {SHOPWARE_PACK[0]}@{SHOPWARE_PACK[1]}",
            "oscar": f"PyPI django-oscar 4.2.1 ({OSCAR_WHEEL} sha256 {OSCAR_SHA256})",
            "magento": ", ".join(
                f"mageplaza/magento-2-{name}-language-pack@{commit}" for name, commit in sorted(MAGENTO_COMMITS.items())
            ),
        },
        "words": words,
        "provenance": provenance,
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"), help="git mirrors, <owner>+<name>/repo")
    parser.add_argument(
        "--cache", type=Path, default=Path.home() / ".cache" / "cxaudit-vocabulary", help="where the PyPI wheel goes"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs from a fresh build")
    args = parser.parse_args(list(argv) if argv is not None else None)
    text = render(build(Catalogues(args.mirrors, args.cache)))
    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == text
        print("vocabulary.json is up to date" if same else "vocabulary.json differs from a fresh build")
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
