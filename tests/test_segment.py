"""Tests for toolkit.text (sentences, rules): golden files, rules data, the shared sample, properties."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from toolkit.errors import UsageError
from toolkit.text.document import BlockKind, read_release
from toolkit.text.rules import (
    CLOSERS,
    abbreviations,
    language_rules,
    normalise_abbreviation,
    parse_abbreviations,
    parse_golden,
    parse_joiners,
    parse_srx,
    parse_starters,
)
from toolkit.text.sentences import line_is_open, sentence_spans, split_sentences

SAMPLE = Path(__file__).parents[2] / "shared" / "samples" / "quebec-kazakhstan-2025-12-06.ru.txt"

GOLDEN_DIR = Path(__file__).parent / "data" / "segment"
LANGS = ["ru", "kk", "en", "fr"]


def _golden(lang: str) -> list[tuple[str, list[str]]]:
    return parse_golden((GOLDEN_DIR / f"{lang}.txt").read_text(encoding="utf-8"))


GOLDEN = [
    pytest.param(lang, text, expected, id=f"{lang}-{number:02d}")
    for lang in LANGS
    for number, (text, expected) in enumerate(_golden(lang), start=1)
]


@pytest.mark.parametrize("lang,text,expected", GOLDEN)
def test_golden(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_at_least_forty_cases_per_language(lang: str) -> None:
    assert len(_golden(lang)) >= 40


# Every hazard of issue 3 appears in the golden inputs of its language.
HAZARDS_BY_LANG = {
    "ru": [
        "гг.",
        " г.",
        "т.ч.",
        "т.е.",
        "т.д.",
        "им.",
        "ул.",
        "млн",
        "млрд",
        "тыс.",
        "РК.",
        "МИД",
        "М.Жаннотт",
        "К. Токаев",
        "B.T. Innovation GmbH",
        "визит. гг.",
        "тыс. тонн.",
        "X.",
        "3,7",
        "2.5",
        "06.12.2025",
        "09:40:39",
        "«",
        "», –",
        "https://",
        "@",
        "№ 61/51-POL",
        "(KIS).В",
        "\n",
    ],
    "kk": [
        "ж.",
        "т.б.",
        "ҚР",
        "СІМ",
        "б.з.б.",
        "»-",
        "ә",
        "ғ",
        "қ",
        "ң",
        "ө",
        "ұ",
        "ү",
        "һ",
        "і",
        "Д.Кусаинов",
        "Қ. Тоқаев",
        "№ 61/51-POL",
        "(KIS) өкілдері қатысты.Тараптар",
        "06.12.2025",
        "09:40:39",
        "https://",
        "@",
        "\n",
    ],
    "en": [
        "Mr.",
        "Ms.",
        "Dr.",
        "Nov.",
        "U.S.",
        "Inc.",
        "F.Benjamin",
        "B.T. Innovation GmbH",
        "X.",
        "06.12.2025",
        "09:40:39",
        '"',
        "https://",
        "@",
        "No. 61/51-POL",
        "(KIS).During",
        "\n",
    ],
    "fr": [
        "M. ",
        "Mme ",
        "p. ex.",
        "etc.",
        "J.-C.",
        "F.Benjamin",
        "B.T. Innovation GmbH",
        "X.",
        "06.12.2025",
        "09:40:39",
        "« ",
        " »",
        "https://",
        "@",
        "n° 61/51-POL",
        "(KIS).Pendant",
        "\n",
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_golden_cases_cover_the_issue_hazards(lang: str) -> None:
    inputs = "\n".join(text for text, _ in _golden(lang))
    lines = (GOLDEN_DIR / f"{lang}.txt").read_text(encoding="utf-8")
    missing = [h for h in HAZARDS_BY_LANG[lang] if h not in inputs and h not in lines]
    assert missing == []


def test_known_limits_of_the_first_version_are_fixed() -> None:
    assert split_sentences("Обсуждали многое 2024–2025 гг. Далее стороны подвели итоги.", "ru") == [
        "Обсуждали многое 2024–2025 гг.",
        "Далее стороны подвели итоги.",
    ]
    assert split_sentences("They toured the U.S. The visit ended.", "en") == [
        "They toured the U.S.",
        "The visit ended.",
    ]
    assert split_sentences("Итог: 2 млн. Это рекорд.", "ru") == ["Итог: 2 млн.", "Это рекорд."]
    assert split_sentences("Fondée en 50 av. J.-C. La ville prospère.", "fr") == [
        "Fondée en 50 av. J.-C.",
        "La ville prospère.",
    ]
    assert split_sentences("Делегация завершила визит. гг. Торонто и Оттава ждут.", "ru") == [
        "Делегация завершила визит.",
        "гг. Торонто и Оттава ждут.",
    ]


def test_ambiguous_abbreviations_stay_inside_before_names() -> None:
    assert len(split_sentences("Officials of the U.S. Embassy came.", "en")) == 1
    assert len(split_sentences("Le message de J.-C. Juncker a été lu.", "fr")) == 1
    assert len(split_sentences("Он встретился с Послом Х. Ахметовым.", "ru")) == 1
    assert len(split_sentences("Сумма составила 12 млн. USD за год.", "ru")) == 1


@pytest.mark.parametrize("lang", ["ru", "kk", "en", "fr"])
def test_empty_and_blank(lang: str) -> None:
    assert split_sentences("", lang) == []
    assert split_sentences(" \n\t\u00a0 ", lang) == []
    assert sentence_spans("", lang) == []


def test_unknown_language_lists_the_supported_ones() -> None:
    with pytest.raises(UsageError, match="supported: ru, kk, en, fr"):
        split_sentences("Text.", "de")
    with pytest.raises(UsageError):
        sentence_spans("", "xx")


def test_language_code_is_normalised() -> None:
    assert split_sentences("Первое. Второе.", " RU ") == ["Первое.", "Второе."]


def test_spans_point_into_the_text() -> None:
    text = "  Первое предложение.  Второе — тоже!\n"
    assert sentence_spans(text, "ru") == [(2, 21), (23, 37)]


def test_blank_line_always_ends_a_sentence() -> None:
    text = "Заголовок без точки\n\nпервый абзац со строчной буквы."
    assert split_sentences(text, "ru") == ["Заголовок без точки", "первый абзац со строчной буквы."]


def test_single_newline_is_whitespace() -> None:
    assert split_sentences("Строка один\nпродолжается здесь.", "ru") == ["Строка один\nпродолжается здесь."]


LONG_RU = "Стороны обсудили сотрудничество в энергетике, транспорте, логистике и сельском хозяйстве, а также туризм."


@pytest.mark.parametrize(
    "lang,line",
    [
        ("ru", "провел переговоры с"),
        ("ru", "в Казахстане,"),
        ("ru", "Министр отметил роль Программного офиса в рамках"),
        ("kk", "Бас прокуратура және"),
        ("kk", "Еуропалық комиссияның"),
        ("kk", "ЕҚЫҰ-ның"),
        ("kk", "Астанадағы"),
        ("en", "the state of"),
        ("en", "rare earth and"),
        ("fr", "la préparation de la"),
        ("fr", "la préparation de l'"),
        ("fr", "au sein de l’"),
        ("ru", "заявил: «"),
        ("ru", "Казахстан –"),
    ],
)
def test_open_line_ends(lang: str, line: str) -> None:
    assert line_is_open(line, lang)


@pytest.mark.parametrize(
    "lang,line",
    [
        ("ru", "Итоги визита"),
        ("ru", "Министерство транспорта"),
        ("kk", "Ермек Көшербаев"),
        ("kk", "Бейбітшілік үшін"),
        ("kk", "тағы"),  # as short as the ending «-тағы»: a word of its own
        ("en", "Kazakh Ambassador speaks at the Atlantic Council"),
        ("fr", "Bilan de la visite"),
        ("ru", ""),
        ("ru", "«Самұрық-Қазына»"),
    ],
)
def test_closed_line_ends(lang: str, line: str) -> None:
    assert not line_is_open(line, lang)


def test_joiners_file_format() -> None:
    joiners = parse_joiners("# c\n[kk]\nжәне мен\n-ның\n[fr]\nd’ de\n")
    assert joiners["kk"].words == frozenset({"және", "мен"})
    assert joiners["kk"].ends_open("комиссияның") and not joiners["kk"].ends_open("ның")
    assert joiners["fr"].ends_open("d'") and joiners["fr"].ends_open("de")
    with pytest.raises(ValueError):
        parse_joiners("және\n")


@pytest.mark.parametrize(
    "lang,first,second",
    [
        ("ru", "Министр провел переговоры с", "Министром иностранных дел Венгрии."),
        ("kk", "Делегация құрамына Конституциялық сот, Бас прокуратура және", "СІМ өкілдері енді."),
        ("kk", "Тараптар Еуропалық комиссияның", "(Венеция комиссиясы) сессиясына қатысты."),
        ("en", "Projects in uranium and rare earth mining in", "Kazakhstan attracted interest."),
        ("fr", "Les parties ont abordé la préparation de la", "Commission intergouvernementale."),
    ],
)
def test_line_stopping_inside_a_sentence_is_no_heading(lang: str, first: str, second: str) -> None:
    text = f"{first}\n{second} {LONG_RU}"  # one long line: one paragraph per line, headings possible
    assert split_sentences(text, lang)[0] == f"{first}\n{second}"


def test_line_holding_a_sentence_end_is_no_heading() -> None:
    text = f"Посол провел встречу. Министр отметил роль Программного офиса\nОБСЕ в Астане. {LONG_RU}"
    assert split_sentences(text, "ru")[:2] == [
        "Посол провел встречу.",
        "Министр отметил роль Программного офиса\nОБСЕ в Астане.",
    ]


def test_headings_false_reads_every_single_line_break_as_a_space() -> None:
    text = f"ҚР Сыртқы істер министрі Ермек Көшербаев\nЕҚЫҰ Бас хатшысын қабылдады. {LONG_RU}"
    assert split_sentences(text, "kk")[0] == "ҚР Сыртқы істер министрі Ермек Көшербаев"  # a heading in raw text
    assert split_sentences(text, "kk", headings=False)[0] == (
        "ҚР Сыртқы істер министрі Ермек Көшербаев\nЕҚЫҰ Бас хатшысын қабылдады."
    )
    assert split_sentences("Заголовок\n\nТекст.", "ru", headings=False) == ["Заголовок", "Текст."]


def test_line_break_after_a_heading_ends_it() -> None:
    paragraph = "Стороны обсудили сотрудничество в энергетике и транспорте, " * 2 + "и решили."
    assert split_sentences(f"Итоги визита\n{paragraph}", "ru") == ["Итоги визита", paragraph]


def test_line_break_inside_a_hard_wrapped_paragraph_is_whitespace() -> None:
    text = (
        "Посол провел встречу с Министром иностранных дел\n"
        "Франции и руководством МИД Канады. Стороны обсудили\n"
        "Программу сотрудничества на 2026 год."
    )
    assert split_sentences(text, "ru") == [
        "Посол провел встречу с Министром иностранных дел\nФранции и руководством МИД Канады.",
        "Стороны обсудили\nПрограмму сотрудничества на 2026 год.",
    ]


def test_mixed_scripts() -> None:
    text = (
        "Посол встретился с CEO компании Kazakh Invest Ltd. и экспертами Université Laval. "
        "Қазақстан тарапы «Astana Hub» жобаларын таныстырды. The meeting ended at noon."
    )
    assert split_sentences(text, "ru") == [
        "Посол встретился с CEO компании Kazakh Invest Ltd. и экспертами Université Laval.",
        "Қазақстан тарапы «Astana Hub» жобаларын таныстырды.",
        "The meeting ended at noon.",
    ]
    kk = "Елші Сергей Иванов мырзамен және А.Петровпен кездесті. Кездесу Мәскеуде өтті."
    assert split_sentences(kk, "kk") == [
        "Елші Сергей Иванов мырзамен және А.Петровпен кездесті.",
        "Кездесу Мәскеуде өтті.",
    ]


def test_glued_sentences_split_without_a_gap() -> None:
    text = "Принял делегацию (KIS).В ходе встречи обсуждены инвестиции."
    spans = sentence_spans(text, "ru")
    assert len(spans) == 2 and spans[0][1] == spans[1][0]
    for glued in ["ул.Кенесары", "им.Абая", "Д.Кусаинов", "www.Gov.kz", "press@Mfa.kz", "т.ч.В"]:
        assert len(split_sentences(f"Адрес {glued} указан.", "ru")) == 1, glued


def test_lowercase_abbreviation_at_start_makes_no_odd_sentence() -> None:
    text = "гг. Оттава и Монреаль приняли делегацию. Визит продлился два дня."
    assert split_sentences(text, "ru") == [
        "гг. Оттава и Монреаль приняли делегацию.",
        "Визит продлился два дня.",
    ]


def test_capitalised_lowercase_entry_matches() -> None:
    text = "См. Приложение 1 к соглашению."
    assert split_sentences(text, "ru") == [text]


def test_abbreviation_file_format() -> None:
    abbr = parse_abbreviations("# comment\nт. ч.\nи др :end  # trailing comment\nг :year\nU.S :starter\nMr\n\n")
    assert abbr.tag("т.ч") == ""
    assert abbr.tag("и др") == "end"
    assert abbr.tag("г") == "year"
    assert abbr.tag("Г") == "year"
    assert abbr.tag("U.S") == "starter"
    assert abbr.tag("Mr") == ""
    assert abbr.tag("MR") is None
    assert abbr.tag("РК") is None
    assert normalise_abbreviation("J.-C.") == "J.-C"
    with pytest.raises(ValueError):
        parse_abbreviations("т.д :bogus\n")


def test_golden_file_format() -> None:
    text = "# c\nОдно.\nДва.\n\n<<< Раз.Два\\nтри\nРаз.\nДва\\nтри\n \nA \\\\ b\n"
    assert parse_golden(text) == [
        ("Одно. Два.", ["Одно.", "Два."]),
        ("Раз.Два\nтри", ["Раз.", "Два\nтри"]),
        ("A \\ b", ["A \\ b"]),
    ]
    with pytest.raises(ValueError):
        parse_golden("<<< Только вход.\n")


def test_starters_file_format() -> None:
    starters = parse_starters("# c\n[ru]\nДалее Это\n[fr]\nL'Union Le  # c\n")
    assert starters == {"ru": frozenset({"Далее", "Это"}), "fr": frozenset({"L", "Le"})}
    with pytest.raises(ValueError):
        parse_starters("Далее\n")


SRX = b"""<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0"><body><languagerules>
<languagerule languagerulename="A"><rule break="no"><beforebreak>Abc\\.</beforebreak>
<afterbreak>\\s</afterbreak></rule></languagerule>
<languagerule languagerulename="B"><rule><beforebreak>x</beforebreak></rule></languagerule>
</languagerules><maprules><languagemap languagepattern="ru|kk" languagerulename="A"/>
<languagemap languagepattern=".*" languagerulename="B"/></maprules></body></srx>"""


def test_srx_rules_cascade_in_map_order() -> None:
    rules = parse_srx(SRX, "ru")
    assert [rule.breaks for rule in rules] == [False, True]
    assert rules[0].matches("xx Abc. Def", 7) and not rules[0].matches("xx Abd. Def", 7)
    assert [rule.breaks for rule in parse_srx(SRX, "en")] == [True]


def test_srx_refuses_doctype_and_entities() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE srx [<!ENTITY e "x">]><srx>&e;</srx>'
    with pytest.raises((ValueError, etree.XMLSyntaxError)):
        parse_srx(evil, "ru")
    bad_map = SRX.replace(b'languagerulename="B"/>', b'languagerulename="Z"/>')
    with pytest.raises(ValueError):
        parse_srx(bad_map, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_packaged_rules_load(lang: str) -> None:
    rules = language_rules(lang)
    assert len(rules.starters) >= 20
    assert rules.srx  # the Common list-item rule at least


@pytest.mark.parametrize("lang", ["ru", "kk", "en", "fr"])
def test_packaged_lists_load(lang: str) -> None:
    abbr = abbreviations(lang)
    assert len(abbr.exact) >= 15
    assert all(key and not key.endswith(".") for key in abbr.exact)


def test_acronyms_are_not_listed() -> None:
    for lang, acronym in [("ru", "РК"), ("ru", "МИД"), ("ru", "ООН"), ("kk", "ҚР")]:
        assert abbreviations(lang).tag(acronym) is None


# --- the shared sample -------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_paragraphs() -> list[str]:
    if not SAMPLE.is_file():
        pytest.skip("shared sample not present")
    doc = read_release(SAMPLE, "ru")
    return [b.text for b in doc.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.NOTE)]


def _paragraph(paragraphs: list[str], start: str) -> str:
    found = [p for p in paragraphs if p.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def test_sample_sentence_counts(sample_paragraphs: list[str]) -> None:
    counts = [len(split_sentences(p, "ru")) for p in sample_paragraphs]
    assert counts == [2, 2, 1, 1, 2, 1, 3]


def test_sample_lieutenant_governor_paragraph(sample_paragraphs: list[str]) -> None:
    text = _paragraph(sample_paragraphs, "В ходе встречи с Лейтенант-губернатором")
    sentences = split_sentences(text, "ru")
    assert len(sentences) == 2
    assert sentences[1].startswith("М.Жаннотт ")
    assert sentences[0].endswith("сферах.")


def test_sample_dateline_paragraph(sample_paragraphs: list[str]) -> None:
    text = sample_paragraphs[0]
    assert text.startswith("По приглашению")
    sentences = split_sentences(text, "ru")
    assert len(sentences) == 2
    assert sentences[1].startswith("Программа визита")


def test_sample_dateline_line_as_a_whole() -> None:
    if not SAMPLE.is_file():
        pytest.skip("shared sample not present")
    line = SAMPLE.read_text(encoding="utf-8").split("\n")[2]
    assert line.startswith("гг. Квебек-Сити")
    sentences = split_sentences(line, "ru")
    assert len(sentences) == 2
    assert sentences[0].startswith("гг. Квебек-Сити, Монреаль, 3-4 декабря 2025 г. – По")


def test_sample_abbreviation_stays_inside(sample_paragraphs: list[str]) -> None:
    text = _paragraph(sample_paragraphs, "В частности")
    sentences = split_sentences(text, "ru")
    assert len(sentences) == 2
    assert sentences[1].endswith("в т.ч. в области ГМК, АПК, ИТ, энергетики и туризма.")


def test_sample_note(sample_paragraphs: list[str]) -> None:
    text = _paragraph(sample_paragraphs, "Справочно:")
    sentences = split_sentences(text, "ru")
    assert sentences[0].endswith("(более 9 млн человек).")
    assert sentences[1].endswith("ВВП.")


# --- properties --------------------------------------------------------------------------

HAZARDS = list("аБвГдЕжЗҚқӘәABcdxyz0123456789 .!?…»«\"”“„)(']:;,-–—\n\t\u00a0") + [
    "т.ч.",
    "г.",
    "гг.",
    "Mr.",
    "etc.",
    "J.-C.",
    "https://x.kz/a?b=1.",
    "06.12.2025",
    "РК.",
    # list markers, omissions, quotations, line ends inside a sentence
    "1. ",
    "2. ",
    "1.) ",
    "2) ",
    "• ",
    "a. ",
    "b. ",
    "[...]",
    " . . .",
    ". . . .",
    "XVIII",
    "U.S.",
    "I. ",
    "N°. ",
    "l'art. ",
    "? не",
    "и\n",
    "және\n",
    "комиссияның\n",
]
hazard_text = st.lists(st.sampled_from(HAZARDS), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=200), hazard_text)


@settings(max_examples=300, deadline=None)
@given(text=any_text, lang=st.sampled_from(["ru", "kk", "en", "fr"]))
def test_span_properties(text: str, lang: str) -> None:
    spans = sentence_spans(text, lang)
    sentences = split_sentences(text, lang)
    assert sentences == [text[s:e] for s, e in spans]
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert text[previous_end:start].strip() == ""
        previous_end = end
    assert text[previous_end:].strip() == ""
    if spans:
        stripped = text.strip()
        rebuilt = "".join(
            text[start:end] + (text[end : spans[i + 1][0]] if i + 1 < len(spans) else "")
            for i, (start, end) in enumerate(spans)
        )
        assert rebuilt == stripped
        for (_, end), (start, _) in itertools.pairwise(spans):
            # no gap only where a sentence is glued to the next: «(KIS).During»
            assert text[end:start] or (text[end - 1] in ".!?…" + CLOSERS and text[start].isupper())
    else:
        assert text.strip() == ""


@settings(max_examples=200, deadline=None)
@given(text=st.text(), lang=st.sampled_from(["ru", "kk", "en", "fr"]))
def test_no_crash_on_arbitrary_unicode(text: str, lang: str) -> None:
    assert isinstance(split_sentences(text, lang), list)


MB = 1_000_000
KB200 = 200_000  # shapes dense in candidates: every few characters is judged
LARGE_INPUTS = {
    "letters": lambda: "а" * MB,
    "words": lambda: "слово " * (MB // 6),
    "lines": lambda: "слово без точки\n" * (MB // 16),
    "periods": lambda: "." * MB,
    "spaces": lambda: " " * MB + "x",
    "blank-lines": lambda: "\n \n" * (MB // 3),
    "period-space": lambda: ". " * (KB200 // 2),
    "glued": lambda: "ab.Cd" * (KB200 // 5),
    "sentences": lambda: "Абв. " * (KB200 // 5),
    "closers": lambda: ".»" * (KB200 // 2),
    "nbsp": lambda: ". \u00a0" * (KB200 // 3),
    "years": lambda: "встреча за 2025 г. Астана " * (KB200 // 26),
    "initials": lambda: "К. " * (KB200 // 3),
    "starters": lambda: "12 млн. Это " * (KB200 // 12),
    "list-lines": lambda: "1. Пункт\n" * (KB200 // 9),
    "list-items": lambda: "1. Пункт " + "".join(f"{n}. Пункт " for n in range(2, KB200 // 12)),
    "spaced-ellipsis": lambda: "слово . . . . " * (KB200 // 14),
    "guillemets": lambda: "«Да. – Нет. " * (KB200 // 12),
    "open-lines": lambda: "Посол встретился с\n" * (KB200 // 19) + "x" * 120,
}


@pytest.mark.parametrize("name", sorted(LARGE_INPUTS))
def test_large_inputs_complete(name: str) -> None:
    """Large pathological shapes are segmented (bench/segment_bench.py times 10 MB)."""
    text = LARGE_INPUTS[name]()
    spans = sentence_spans(text, "ru")
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert sum(end - start for start, end in spans) <= len(text)


# --- the segment command -----------------------------------------------------------------


def test_segment_command_prints_offsets(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from toolkit.cli import main

    release = tmp_path / "r.ru.txt"
    release.write_text("Заголовок\nАстана, 5 ноября 2025 г. – Первое. Второе\nпредложение.\n", encoding="utf-8")
    assert main(["segment", str(release), "--lang", "ru"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "2.0\tparagraph\t0-7\tПервое.",
        "2.1\tparagraph\t8-27\tВторое\\nпредложение.",
    ]
    assert main(["segment", str(release), "--lang", "ru", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[-1] | {"text": None} == {
        "block": 2,
        "kind": "paragraph",
        "line": 2,
        "index": 1,
        "start": 8,
        "end": 27,
        "text": None,
    }
    assert main(["segment", str(release), "--lang", "ru", "--format", "xml"]) == 2
    assert main(["segment", str(release), "--lang", "de"]) == 2
    assert "supported: ru, kk, en, fr" in capsys.readouterr().err
