"""Unit tests of the individual checks of `toolkit check` (toolkit.qa.checks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.glossary.files import load_glossary
from toolkit.qa.checks import all_checks
from toolkit.qa.checks.numbers import quantities
from toolkit.qa.context import CheckContext
from toolkit.qa.model import Segment

DATA = Path(__file__).parent / "data" / "qa"


@pytest.fixture(scope="module")
def ctx():
    return CheckContext(load_glossary([DATA / "glossary.csv"]))


def rules(source: str, target: str, target_lang: str, ctx: CheckContext, source_lang: str = "ru") -> set[str]:
    seg = Segment("f.po", 1, source_lang, target_lang, source, target, "s1", 9, "po")
    found = set()
    for name, chk in all_checks().items():
        if chk.scope == "segment" and list(chk.func(seg, ctx)):
            found.add(name)
    return found


def values(text: str, lang: str) -> set:
    return {(q.kind, q.value) for q in quantities(text, lang)}


def test_every_check_has_a_description_with_an_example():
    for name, chk in all_checks().items():
        assert "Example" in (chk.func.__doc__ or ""), name
        assert chk.description and chk.scope in ("segment", "corpus")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("3,7 тыс.", "ru"),
        ("3,700", "en"),
        ("3 700", "fr"),
        ("3\u00a0700", "kk"),
        ("3.7 thousand", "en"),
        ("3\u202f700", "fr"),
    ],
)
def test_locale_number_forms_are_one_value(text, lang):
    assert values(text, lang) == {("num", 3700.0)}


@pytest.mark.parametrize(
    "text,lang",
    [
        ("06.12.2025", "ru"),
        ("December 6, 2025", "en"),
        ("6 décembre 2025", "fr"),
        ("6 декабря 2025 года", "ru"),
        ("2025 жылғы 6 желтоқсанда", "kk"),
        ("2025-12-06", "en"),
        ("the 6th of December 2025", "en"),
    ],
)
def test_locale_date_forms_are_one_date(text, lang):
    assert values(text, lang) == {("date", (12, 6)), ("num", 2025.0)}


def test_percentages_and_scales():
    assert values("15%", "ru") == values("15 per cent", "en") == values("15\u00a0%", "fr") == {("pct", 15.0)}
    assert values("1,2 трлн", "ru") == values("1 200 milliards", "fr") == values("1.2 trillion", "en")


def test_numbers_check(ctx):
    assert "numbers" not in rules("Рост составил 3,7 тыс. тонн.", "Growth reached 3,700 tonnes.", "en", ctx)
    assert "numbers" in rules("Рост составил 3,7 тыс. тонн.", "Growth reached 3,500 tonnes.", "en", ctx)
    assert "numbers" not in rules("Прибыли два министра.", "Two ministers arrived.", "en", ctx)
    assert "numbers" in rules("Встреча 06.12.2025.", "The meeting on December 16, 2025.", "en", ctx)


@pytest.mark.parametrize(
    ("source", "target", "lang"),
    [
        ("с 15 по 19 января 2026 года", "from January 15 to 19, 2026", "en"),
        ("с 15 по 19 января 2026 года", "du 15 au 19 janvier 2026", "fr"),
        ("15–19 января", "January 15 through 19", "en"),
        ("за 40 лет проведено 456 испытаний", "456 tests over four decades", "en"),
        ("за последние 20 лет", "en vingt ans", "fr"),
        ("по круглосуточному номеру", "on the 24-hour number", "en"),
        ("по пятницам с 14:00 до 16:00", "on Fridays from 2 to 4 p.m.", "en"),
        ("с 9:30 до 12:30", "from 9:30 a.m. to 12:30 p.m.", "en"),
        ("с 14:00 до 16:30", "de 14 h à 16 h 30", "fr"),
    ],
)
def test_ranges_round_numbers_and_number_words_agree(source, target, lang, ctx):
    assert "numbers" not in rules(source, target, lang, ctx)


def test_a_wrong_day_in_a_range_or_a_wrong_hour_is_still_found(ctx):
    assert "numbers" in rules("с 15 по 19 января", "from January 15 to 18", "en", ctx)
    assert "numbers" in rules("с 14:00 до 16:00", "from 2 to 4 a.m.", "en", ctx)


@given(st.integers(min_value=0, max_value=10**9))
def test_integers_round_trip_through_every_locale(n):
    en = f"{n:,}"
    ru = en.replace(",", "\u00a0")
    assert values(en, "en") == values(ru, "ru") == values(ru, "fr") == {("num", float(n))}


def test_terms(ctx):
    src = "Стороны обсудили двустороннее сотрудничество."
    assert "term-missing" not in rules(src, "The parties discussed bilateral cooperation.", "en", ctx)
    assert "term-missing" in rules(src, "The parties discussed joint work.", "en", ctx)
    found = rules("Посол выступил.", "The envoy spoke.", "en", ctx)
    assert "term-forbidden" in found


def test_forbidden_variants_come_from_the_forbidden_columns():
    glossary = load_glossary([DATA / "glossary.csv"])
    concept = next(c for c in glossary.concepts if c.id == "qa.memorandum")
    assert concept.forbidden["fr"] == ("mémorandum de compréhension",)
    hits = glossary.find("Ils ont signé un mémorandum de compréhension.", "fr")
    assert [(h.concept.id, getattr(h, "kind", None)) for h in hits] == [("qa.memorandum", "forbidden")]


def test_quotes_and_punctuation(ctx):
    src = "Он сказал: «Да»."
    assert not rules(src, "Il a dit\u00a0: «\u00a0Oui\u00a0».", "fr", ctx) & {"quotes", "punctuation"}
    assert "punctuation" in rules(src, "Il a dit : «\u00a0Oui\u00a0».", "fr", ctx)
    assert "quotes" in rules(src, "Il a dit\u00a0: « Oui ».", "fr", ctx)
    assert "quotes" in rules(src, 'He said: "Yes".', "en", ctx)
    assert not rules(src, "He said: “Yes”.", "en", ctx) & {"quotes", "punctuation"}
    assert "quotes" in rules(src, "Ол: “Иә” деді.", "kk", ctx)
    assert "punctuation" in rules("Визит завершен?", "The visit is over.", "en", ctx)
    assert "punctuation" not in rules("Встреча в 2025 г.", "Meeting in 2025", "en", ctx)


def test_whitespace_and_emptiness(ctx):
    src = "Визит завершился в Астане."
    assert rules(src, "The visit ended in Astana. ", "en", ctx) == {"whitespace"}
    assert rules(src, "The visit  ended in Astana.", "en", ctx) == {"double-space"}
    assert rules(src, "", "en", ctx) >= {"untranslated"}
    assert "identical" in rules(src, src, "kk", ctx)
    assert "identical" not in rules("COP29", "COP29", "en", ctx)


def test_preserved_names_and_links(ctx):
    src = "Подробности на www.gov.kz и по адресу press@mfa.kz о форуме Astana Hub и COP29."
    good = "Details at www.gov.kz and press@mfa.kz on the Astana Hub forum and COP29."
    assert not rules(src, good, "en", ctx) & {"names", "urls-emails"}
    assert "urls-emails" in rules(src, good.replace("www.gov.kz", "www.gov.kz/en"), "en", ctx)
    assert "names" in rules(src, good.replace("COP29", "COP 29"), "en", ctx)
    assert "names" in rules(src, good.replace("Astana Hub", "Astana Hab"), "en", ctx)


def test_a_number_with_a_grammatical_ending_is_no_name(ctx):
    """34-й, 180-летие, 80-сессиясында: numbers with an ending, compared by the numbers rule."""
    assert not rules("к 34-й годовщине", "for the 34th anniversary", "en", ctx) & {"names", "numbers"}
    assert not rules("БҰҰ-ның 80-сессиясында", "at the 80th session of the UN", "en", ctx) & {"names", "numbers"}
    assert "numbers" in rules("к 34-й годовщине", "for the 35th anniversary", "en", ctx)


def test_a_roman_numeral_keeps_its_ordinal_ending(ctx):
    assert "names" not in rules("решение VI саммита", "la décision du VIe Sommet", "fr", ctx)
    assert "names" in rules("решение VI саммита", "la décision du IVe Sommet", "fr", ctx)


def test_phone_numbers(ctx):
    src = "Справки по телефону +7 7172 72 05 18."
    assert not rules(src, "Call +7\u00a07172\u00a072\u00a005\u00a018.", "fr", ctx) & {"numbers", "urls-emails"}
    assert rules(src, "Call +7 7172 72 05 81.", "en", ctx) & {"urls-emails"}


def test_kk_script(ctx):
    src = "Посол Казахстана."
    assert "kk-script" not in rules(src, "Қазақстан Елшісі.", "kk", ctx)
    assert "kk-script" in rules(src, "Қaзақстан Елшісі.", "kk", ctx)  # Latin a
    assert "kk-script" in rules(src, "Казакстан Елшісі.", "kk", ctx)  # к for қ
    assert "kk-script" in rules(src, "Қазақстан Елшиси.", "kk", ctx)  # и for і
    assert "kk-script" not in rules(src, "Kazakhstan Ambassador.", "en", ctx)


def test_consistency_on_a_second_corpus_with_the_same_context_sees_only_that_corpus() -> None:
    from toolkit.qa.context import CheckContext
    from toolkit.qa.model import Segment
    from toolkit.qa.runner import CheckOptions, active_checks, check_corpus

    def seg(n: int, source: str, target: str) -> Segment:
        return Segment("a.en.po", n, "ru", "en", source, target, f"s{n}")

    first = [
        seg(1, "Стороны обсудили торговлю.", "The parties discussed trade."),
        seg(2, "Стороны обсудили торговлю.", "Trade was discussed."),
    ]
    second = [seg(1, "Стороны обсудили транспорт.", "The parties discussed transport.")]
    checks = {n: c for n, c in active_checks(CheckOptions()).items() if c.scope == "corpus"}
    ctx = CheckContext(None)
    assert {f.rule for f in check_corpus(first, checks, ctx)} == {"inconsistent-target"}
    assert check_corpus(second, checks, ctx) == []
