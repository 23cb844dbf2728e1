"""The data generated from CLDR by tools/build_cldr_data.py: glossaries/countries.csv and
toolkit/data/cldr_dates.json are what the script writes, the country glossary lints clean and
its names are found inflected in running text, and the numbers check reads the CLDR dates of
the four languages as one date."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from test_qa_checks import rules

from toolkit.glossary.files import load_glossary
from toolkit.glossary.lint import has_errors, lint_files
from toolkit.qa.checks.numbers import quantities
from toolkit.qa.context import CheckContext
from toolkit.text.months import MONTHS, cldr_dates

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ROOT / "glossaries" / "countries.csv"
DATES = ROOT / "toolkit" / "data" / "cldr_dates.json"


def test_the_generated_files_are_what_the_script_writes(tmp_path: Path) -> None:
    pytest.importorskip("babel")
    script = ROOT / "tools" / "build_cldr_data.py"
    done = subprocess.run(
        [sys.executable, str(script), "--out-dir", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "glossaries" / "countries.csv").read_bytes() == COUNTRIES.read_bytes()
    assert (tmp_path / "toolkit" / "data" / "cldr_dates.json").read_bytes() == DATES.read_bytes()
    assert "skipped 31, UN M.49 region" in done.stdout


def test_countries_are_approved_generated_concepts_in_the_glossary_layout() -> None:
    with COUNTRIES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    header = (ROOT / "glossaries" / "diplomatic.csv").read_text(encoding="utf-8").splitlines()[0]
    assert COUNTRIES.read_text(encoding="utf-8").splitlines()[0] == header
    assert len(rows) > 200
    for row in rows:
        assert row["id"].startswith("country.") and row["domain"] == "country" and row["status"] == "approved"
        assert row["source"].startswith("CLDR ") and "tools/build_cldr_data.py" in row["source"]
        assert all(row[lang] for lang in ("ru", "kk", "en", "fr")), row["id"]
    ids = {row["id"] for row in rows}
    preferred = {row["id"]: row["en"] for row in rows}
    assert preferred["country.hk"] == "Hong Kong" and preferred["country.mm"] == "Myanmar"  # not the menu names
    assert "country.kz" not in ids  # glossaries/diplomatic.csv defines Kazakhstan
    assert not ids & {"country.eu", "country.un", "country.zz", "country.qo", "country.419", "country.001"}


def test_the_glossaries_lint_clean_with_the_countries() -> None:
    files, issues = lint_files([ROOT / "glossaries"])
    assert COUNTRIES in files
    assert not has_errors(issues), [str(i) for i in issues if i.severity == "error"]


@pytest.fixture(scope="module")
def glossary():
    return load_glossary([ROOT / "glossaries"])


@pytest.fixture(scope="module")
def ctx(glossary):
    return CheckContext(glossary)


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("Делегация прибыла в Германию с визитом.", "ru", ["country.de"]),
        ("Переговоры с Японией и Италией прошли в Токио.", "ru", ["country.jp", "country.it"]),
        ("Посол встретился с послом Республики Корея.", "ru", ["country.kr"]),
        ("В Республике Корея прошла выставка.", "ru", ["country.kr"]),
        ("Министр посетил Бельгию и Нидерланды.", "ru", ["country.be", "country.nl"]),
        ("Елші Германияға сапармен барды.", "kk", ["country.de"]),
        ("Жапонияның Сыртқы істер министрі Италиямен келіссөз жүргізді.", "kk", ["country.jp", "country.it"]),
        ("Оңтүстік Кореяның делегациясы келді.", "kk", ["country.kr"]),
        ("Францияның Елшісі Бельгиядан оралды.", "kk", ["place.france", "country.be"]),
        ("The minister visited Germany and the Netherlands.", "en", ["country.de", "country.nl"]),
        ("Le ministre s'est rendu en Allemagne et au Japon.", "fr", ["country.de", "country.jp"]),
        ("Bosnia and Herzegovina and Hong Kong were represented.", "en", ["country.ba", "country.hk"]),
        ("Делегация прибыла во Францию.", "ru", ["place.france"]),  # the hand-made concept
        # CLDR names that are not those of running text: the script's rules and tables
        ("Форум прошел в Объединенных Арабских Эмиратах и Мьянме.", "ru", ["country.ae", "country.mm"]),
        ("Біріккен Араб Әмірліктерінің өкілдері Сянганға барды.", "kk", ["country.ae", "country.hk"]),
        ("La Côte d'Ivoire et les Îles Cook.", "fr", ["country.ci", "country.ck"]),
        ("Острова Кука и Бермудские острова.", "ru", ["country.ck", "country.bm"]),
    ],
)
def test_country_names_are_found_inflected(glossary, text: str, lang: str, expected: list[str]) -> None:
    places = [hit.concept.id for hit in glossary.find(text, lang) if hit.concept.domain in ("country", "place")]
    assert places == expected


def test_a_country_that_is_also_a_common_word_is_found_only_capitalised(glossary) -> None:
    found = glossary.find("Помимо того, стороны обсудили Чад и Того.", "ru")
    assert [h.concept.id for h in found if h.concept.domain == "country"] == [
        "country.td",
        "country.tg",
    ]
    assert not [h for h in glossary.find("Для того чтобы", "ru") if h.concept.domain == "country"]


def test_months_come_from_cldr() -> None:
    assert cldr_dates()["kk"]["wide"][11] == "желтоқсан"
    assert cldr_dates()["ru"]["wide"][11] == "декабря"  # the genitive of dates
    assert MONTHS["en"][8] == "September|Sept|Sep"
    assert MONTHS["ru"][11].startswith("декабр")


SAME = {
    "ru": "Встреча состоялась 6 декабря 2025 года.",
    "kk": "Кездесу 2025 жылғы 6 желтоқсанда өтті.",
    "en": "The meeting took place on December 6, 2025.",
    "fr": "La réunion a eu lieu le 6 décembre 2025.",
}
OTHER_DAY = {
    "ru": "Встреча состоялась 7 декабря 2025 года.",
    "kk": "Кездесу 2025 жылғы 7 желтоқсанда өтті.",
    "en": "The meeting took place on December 7, 2025.",
    "fr": "La réunion a eu lieu le 7 décembre 2025.",
}


@pytest.mark.parametrize(
    "text,lang",
    [
        ("2025 жылғы 6 желтоқсан", "kk"),
        ("2025 ж. 6 желтоқсан", "kk"),  # CLDR's long pattern as it is
        ("2025 ж. 06 жел.", "kk"),  # CLDR's medium pattern
        ("6 декабря 2025 г.", "ru"),
        ("6 дек. 2025 г.", "ru"),
        ("December 6, 2025", "en"),
        ("Dec 6, 2025", "en"),
        ("6 décembre 2025", "fr"),
        ("6 déc. 2025", "fr"),
        ("06.12.2025", "ru"),
    ],
)
def test_cldr_date_forms_are_one_date(text: str, lang: str) -> None:
    assert {(q.kind, q.value) for q in quantities(text, lang)} == {("date", (12, 6)), ("num", 2025.0)}


@pytest.mark.parametrize("source_lang", ["ru", "kk", "en", "fr"])
@pytest.mark.parametrize("target_lang", ["ru", "kk", "en", "fr"])
def test_check_compares_dates_across_the_four_languages(ctx, source_lang: str, target_lang: str) -> None:
    if source_lang == target_lang:
        return
    assert "numbers" not in rules(SAME[source_lang], SAME[target_lang], target_lang, ctx, source_lang)
    assert "numbers" in rules(SAME[source_lang], OTHER_DAY[target_lang], target_lang, ctx, source_lang)


def test_a_month_and_year_is_no_day() -> None:
    """`May 2025`: CLDR's `MMMM d, y` must not read the day 20 from the year."""
    assert {(q.kind, q.value) for q in quantities("since May 2025", "en")} == {("num", 2025.0)}
    assert {(q.kind, q.value) for q in quantities("с мая 2025 года", "ru")} == {("num", 2025.0)}
