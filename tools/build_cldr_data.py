#!/usr/bin/env python3
"""Generate the toolkit's data taken from CLDR (through the Babel package): the country glossary
and the month names and date patterns of the numbers check.

    .venv/bin/python tools/build_cldr_data.py            # or: make cldr-data
    .venv/bin/python tools/build_cldr_data.py --out-dir /tmp/x   # elsewhere (the up-to-date test)

Babel is needed only here (it is in the `test` extra); the toolkit reads the generated files.

Writes, atomically, under --out-dir (default: this checkout):

- `glossaries/countries.csv`: one concept per ISO 3166-1 country or territory that CLDR names,
  id `country.<code>`, domain `country`, status `approved`, the CLDR display names in ru, kk, en
  and fr, in the column layout of every glossary file; `source` names the CLDR and Babel
  versions and this script (the glossary reader has no comment lines).
  Left out, and counted in the summary printed at the end:
  - CLDR region codes that are not countries: UN M.49 regions (`001` World, `419` Latin
    America, ...), groupings (`EU`, `EZ`, `UN`, `QO` Outlying Oceania), `ZZ` Unknown Region,
    the pseudo-locales `XA`, `XB`, the exceptionally reserved codes of parts of other
    countries (`AC`, `CP`, `CQ`, `DG`, `EA`, `IC`, `TA`) and `XK` (a user-assigned code, not
    ISO 3166-1; whether Kosovo is named as a country is the terminologists' decision);
  - territories whose name, in any language, is already an approved term or a forbidden one of
    another glossary file (`glossaries/diplomatic.csv` defines Kazakhstan, Russia, the United
    States ... with their variants and adjectives): `toolkit glossary lint` would reject the
    duplicate concept, so the hand-made concept stays the only one.
  CLDR display names are written for menus, not for running text. Rules derive the forms a
  release uses (`Бермудские о-ва` -> `Бермудские острова` preferred, the CLDR form allowed;
  `Bosnia & Herzegovina` -> `Bosnia and Herzegovina`; `St. Lucia` -> `Saint Lucia` allowed;
  `Myanmar (Burma)` -> `Myanmar` preferred, unless another territory has that name:
  `Виргинские острова (США)`); RUNNING_TEXT below gives the preferred name where no rule does
  (`Hong Kong SAR China` is `Hong Kong` in a text, `ОАЭ` is written out), OVERRIDES other
  allowed names, ACCEPTED the adjectives a translation may use instead of the name (`King of
  the Belgians`).
- `toolkit/data/cldr_dates.json`: per language the month names in the forms dates use (format
  context: wide and abbreviated, as CLDR writes them (`дек.`, `Dec`); for Russian the
  format names are the genitive `декабря`, the stand-alone ones the nominative `декабрь`, from
  which the check derives the other cases), the long and medium date patterns, and
  LITERAL_FORMS below: the words running text writes for a pattern's abbreviated literal
  (CLDR's Kazakh long date is `2025 ж. 6 желтоқсан`, releases write `2025 жылғы 6 желтоқсан`).

Regenerating with the same Babel gives identical bytes (tests/test_cldr_data.py checks it when
Babel is installed). Do not edit the generated files by hand: change this script and rerun it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import babel
from babel import Locale
from babel.core import get_cldr_version

from toolkit.formats.glossary_csv import COLUMNS, parse_glossary_csv
from toolkit.fsutil import atomic_write_text
from toolkit.glossary.lint import normal_term
from toolkit.glossary.markers import VARIANT_SEPARATOR, split_variants

LANGS = ("ru", "kk", "en", "fr")
COUNTRIES = Path("glossaries") / "countries.csv"
DATES = Path("toolkit") / "data" / "cldr_dates.json"
NOT_COUNTRIES = {
    "EU": "grouping (European Union)",
    "EZ": "grouping (Eurozone)",
    "UN": "grouping (United Nations)",
    "QO": "grouping (Outlying Oceania)",
    "ZZ": "unknown region",
    "XA": "pseudo-locale",
    "XB": "pseudo-locale",
    "AC": "reserved code, part of another country",
    "CP": "reserved code, part of another country",
    "CQ": "reserved code, part of another country",
    "DG": "reserved code, part of another country",
    "EA": "reserved code, part of another country",
    "IC": "reserved code, part of another country",
    "TA": "reserved code, part of another country",
    "XK": "user-assigned code, not ISO 3166-1",
}
# The name a release uses where CLDR's display name is not it (a short form, a "SAR China"):
# written as the preferred term, the CLDR name kept as an allowed variant.
RUNNING_TEXT: dict[str, dict[str, str]] = {
    "AE": {"ru": "Объединенные Арабские Эмираты"},  # CLDR: ОАЭ
    "HK": {"en": "Hong Kong", "fr": "Hong Kong", "kk": "Сянган"},  # Hong Kong SAR China
    "MO": {"en": "Macao", "fr": "Macao", "kk": "Макао"},  # Macao SAR China
}
# Other names a text uses: allowed variants.
OVERRIDES: dict[str, dict[str, tuple[str, ...]]] = {
    "HK": {"kk": ("Гонконг",)},
    "MO": {"en": ("Macau",)},
}
# Adjectives and demonyms a translation may use for the country (CLDR has none): the
# `<lang>_accepted` column, as glossaries/diplomatic.csv gives them for Canada. Added when a
# human translation needs one (tests/data/human: «Бельгия Королі» = "King of the Belgians").
ACCEPTED: dict[str, dict[str, tuple[str, ...]]] = {
    "BE": {"ru": ("бельгийск*",), "kk": ("бельгиялық",), "en": ("Belgian*",), "fr": ("belge*",)},
}
# Words running text writes for an abbreviated literal of a CLDR date pattern.
LITERAL_FORMS: dict[str, dict[str, list[str]]] = {
    "ru": {"г.": ["года", "году", "год"]},
    "kk": {"ж.": ["жылғы", "жылы"]},
}
# Month abbreviations in use that CLDR does not list (CLDR English has only `Sep`).
EXTRA_ABBREVIATIONS: dict[str, dict[int, list[str]]] = {"en": {9: ["Sept"]}}
_ISLANDS = ((re.compile(r"\bо-в\b"), "остров"), (re.compile(r"\bо-ва\b"), "острова"))
_PAREN = re.compile(r"\s*\([^()]*\)")


def running_text_forms(lang: str, name: str) -> tuple[str, list[str], str]:
    """(preferred, other allowed forms, the form to prefer if no other territory has it) of a
    CLDR display name, by the rules of the docstring."""
    preferred, allowed, promote = name, [], ""
    if lang == "ru":
        for pattern, word in _ISLANDS:
            preferred = pattern.sub(word, preferred)
    if lang == "en" and " & " in name:
        preferred = name.replace(" & ", " and ")
    if preferred != name:
        allowed.append(name)
    if lang == "en" and "St. " in preferred:
        allowed.append(preferred.replace("St. ", "Saint "))
    if _PAREN.search(preferred):  # `Мьянма (Бирма)`: `Мьянма`, unless it names two territories
        promote = _PAREN.sub("", preferred)
        allowed.append(promote)
    return preferred, allowed, promote


def existing_terms(glossaries: Path) -> dict[tuple[str, str], str]:
    """(lang, normalised term) -> concept id, of every term (approved, forbidden, accepted) of
    the glossary files other than countries.csv."""
    terms: dict[tuple[str, str], str] = {}
    for path in sorted(glossaries.glob("*.csv")):
        if path.name == COUNTRIES.name:
            continue
        for concept in parse_glossary_csv(path.read_text(encoding="utf-8"), path):
            for lang in LANGS:
                names = (
                    list(concept.variants(lang))
                    + list(concept.forbidden.get(lang, ()))
                    + list(concept.accepted.get(lang, ()))
                )
                for term in names:
                    terms.setdefault((lang, normal_term(term)), concept.id)
    return terms


def country_rows(glossaries: Path, source: str) -> tuple[list[dict[str, str]], dict[str, list[str]]]:
    """The rows of countries.csv and, by reason, the codes left out."""
    names = {lang: Locale(lang).territories for lang in LANGS}
    taken = existing_terms(glossaries)
    skipped: dict[str, list[str]] = {}
    rows = []
    for code in sorted(names["en"]):
        if not (len(code) == 2 and code.isalpha()):
            skipped.setdefault("UN M.49 region, not a country", []).append(code)
            continue
        if code in NOT_COUNTRIES:
            skipped.setdefault(NOT_COUNTRIES[code], []).append(code)
            continue
        row = dict.fromkeys(COLUMNS, "")
        row.update({"id": f"country.{code.lower()}", "domain": "country", "status": "approved", "source": source})
        clash = ""
        for lang in LANGS:
            preferred, allowed, promote = running_text_forms(lang, names[lang][code])
            if lang in RUNNING_TEXT.get(code, {}):
                allowed.insert(0, preferred)
                preferred, promote = RUNNING_TEXT[code][lang], ""
            allowed += OVERRIDES.get(code, {}).get(lang, ())
            seen = {normal_term(preferred)}
            kept = [a for a in allowed if not (normal_term(a) in seen or seen.add(normal_term(a)))]  # type: ignore[func-returns-value]
            for term in [preferred, *kept]:
                clash = clash or taken.get((lang, normal_term(term)), "")
            row[lang] = preferred
            row[f"{lang}_allowed"] = VARIANT_SEPARATOR.join(kept)
            row[f"{lang}_accepted"] = VARIANT_SEPARATOR.join(ACCEPTED.get(code, {}).get(lang, ()))
            if promote:
                row[f"promote_{lang}"] = promote
        if clash:
            skipped.setdefault("already in another glossary", []).append(f"{code} ({clash})")
            continue
        rows.append(row)
    return _drop_ambiguous(rows), skipped


def _drop_ambiguous(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows without the allowed variants that name two territories (the CLDR name
    `Saint-Martin (partie néerlandaise)` without its parenthesis is another territory's name)."""
    owners: dict[tuple[str, str], set[str]] = {}
    preferred: dict[tuple[str, str], str] = {}
    for row in rows:
        for lang in LANGS:
            key = (lang, normal_term(row[lang]))
            if key in preferred:
                raise SystemExit(f"CLDR gives {preferred[key]} and {row['id']} the {lang} name {row[lang]!r}")
            preferred[key] = row["id"]
            for term in [row[lang], *split_variants(row[f"{lang}_allowed"])]:
                owners.setdefault((lang, normal_term(term)), set()).add(row["id"])
    for row in rows:
        for lang in LANGS:
            allowed = split_variants(row[f"{lang}_allowed"])
            kept = [a for a in allowed if len(owners[(lang, normal_term(a))]) == 1]
            promote = row.pop(f"promote_{lang}", "")
            if promote in kept:  # the name without its parenthesis is preferred, the CLDR one allowed
                kept = [row[lang], *(a for a in kept if a != promote)]
                row[lang] = promote
            row[f"{lang}_allowed"] = VARIANT_SEPARATOR.join(kept)
    return rows


def countries_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def dates_data(source: str) -> dict[str, object]:
    """Month names and date patterns per language (see the module docstring)."""
    languages: dict[str, object] = {}
    for lang in LANGS:
        locale = Locale(lang)
        months = locale.months
        wide = [months["format"]["wide"][m] for m in range(1, 13)]
        abbreviated = [months["format"]["abbreviated"][m] for m in range(1, 13)]
        extra = EXTRA_ABBREVIATIONS.get(lang, {})
        entry: dict[str, object] = {
            "wide": wide,
            "abbreviated": [[a, *extra.get(m + 1, [])] for m, a in enumerate(abbreviated)],
            "stand_alone_wide": [months["stand-alone"]["wide"][m] for m in range(1, 13)],
            "patterns": {kind: locale.date_formats[kind].pattern for kind in ("long", "medium")},
            "literal_forms": LITERAL_FORMS.get(lang, {}),
        }
        languages[lang] = entry
    return {"source": source, "languages": languages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", type=Path, default=ROOT, help="where glossaries/ and toolkit/data/ are written")
    parser.add_argument("--glossaries", type=Path, default=ROOT / "glossaries", help="the other glossary files")
    args = parser.parse_args(argv)
    source = f"CLDR {get_cldr_version()} (Babel {babel.__version__}), generated by tools/build_cldr_data.py"
    rows, skipped = country_rows(args.glossaries, source)
    dates = json.dumps(dates_data(source), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    for path, text in ((COUNTRIES, countries_csv(rows)), (DATES, dates)):
        target = args.out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
    print(f"{args.out_dir / COUNTRIES}: {len(rows)} countries and territories ({source})")
    for reason, codes in skipped.items():
        print(f"  skipped {len(codes)}, {reason}: {', '.join(codes)}")
    print(f"{args.out_dir / DATES}: months and date patterns of {', '.join(LANGS)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
