"""Tests for toolkit.document: block kinds, reading files, exact round trips."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.document import (
    TRANSLATABLE,
    Block,
    BlockKind,
    Document,
    doc_id_for,
    is_wrapped_line,
    normalise_text,
    parse_release,
    read_release,
)
from toolkit.errors import InputError, UsageError
from toolkit.segment import split_sentences

REPO = Path(__file__).parents[1]
SAMPLE = Path(__file__).parents[2] / "shared" / "samples" / "quebec-kazakhstan-2025-12-06.ru.txt"
H, M, D, P, N, S = (
    BlockKind.HEADLINE,
    BlockKind.META,
    BlockKind.DATELINE,
    BlockKind.PARAGRAPH,
    BlockKind.NOTE,
    BlockKind.SOURCE,
)

RU_RELEASE = """\
Казахстан и Канада обсудили расширение торговых связей
19.11.2025 16:25:12 43
Астана, 5 ноября 2025 г. – Заместитель министра иностранных дел РК принял делегацию \
провинции Онтарио. Стороны обсудили торгово-экономическое сотрудничество.
В ходе встречи особое внимание было уделено сотрудничеству в сфере
энергетики и сельского хозяйства.
Стороны договорились о следующих шагах:
подготовить дорожную карту к марту 2026 г.
Справочно: Онтарио является крупнейшей по численности населения провинцией Канады.

Источник: https://www.gov.kz/memleket/entities/mfa/press/news/details/1
"""

KK_RELEASE = """\
Қазақстан мен Канада сауда байланыстарын талқылады
19.11.2025 16:25
Астана қ., 2025 жылғы 5 қараша – ҚР Сыртқы істер министрінің орынбасары Онтарио \
провинциясының делегациясын қабылдады. Тараптар ынтымақтастықты талқылады.
Кездесуде энергетика саласына ерекше назар аударылды.
Анықтама үшін: Онтарио – Канаданың ең көп халқы бар провинциясы.
Ақпарат көзі: https://www.gov.kz/memleket/entities/mfa/press/news/details/1?lang=kk
"""

EN_RELEASE = """\
Kazakhstan and Canada discuss trade ties

Toronto, November 18, 2025 — The Ambassador of Kazakhstan met the leadership of Ontario. \
The parties discussed trade.

Both sides noted the potential of cooperation in energy.

For reference: Ontario is the most populous province of Canada.

Source: https://www.gov.kz/memleket/entities/mfa/press/news/details/1?lang=en
"""

FR_RELEASE = """\
Le Kazakhstan et le Canada discutent de leurs liens commerciaux
06.12.2025
Ottawa, le 18 novembre 2025 - L'ambassadeur du Kazakhstan a rencontré les dirigeants de \
l'Ontario. Les parties ont discuté du commerce.
Pour mémoire\u00a0: l'Ontario est la province la plus peuplée du Canada.
https://www.gov.kz/memleket/entities/mfa/press/news/details/1?lang=fr
"""


def kinds(doc: Document) -> list[BlockKind]:
    return [block.kind for block in doc.blocks]


# --- the shared sample -------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> Document:
    if not SAMPLE.is_file():
        pytest.skip("shared sample not present")
    return read_release(SAMPLE, "ru")


def test_sample_kinds(sample: Document) -> None:
    assert kinds(sample) == [H, M, D, P, P, P, P, P, P, N, S]
    assert sample.doc_id == "quebec-kazakhstan-2025-12-06"
    assert sample.lang == "ru"
    assert sample.path == SAMPLE


def test_sample_blocks(sample: Document) -> None:
    blocks = sample.blocks
    assert blocks[0].text == "Квебек обозначил интерес к партнерству с регионами Казахстана"
    assert blocks[1].text == "06.12.2025 09:40:39 57"
    assert blocks[2].text == "гг. Квебек-Сити, Монреаль, 3-4 декабря 2025 г."
    assert blocks[2].sep == " – "
    assert blocks[3].text.startswith("По приглашению властей Квебека")
    assert blocks[9].text.startswith("Справочно: Квебек")
    assert blocks[9].sep == "\n\n"
    assert blocks[10].text.startswith("Источник информации : https://www.gov.kz/")
    assert blocks[10].sep == ""
    assert [b.line for b in blocks] == [1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 11]
    assert [b.index for b in blocks] == list(range(11))
    assert [b.translatable for b in blocks] == [True, False] + [True] * 8 + [False]


def test_sample_round_trip(sample: Document) -> None:
    assert sample.render({}) == SAMPLE.read_text(encoding="utf-8")


# --- own fixtures per language ------------------------------------------------------------


def test_ru_release() -> None:
    doc = parse_release(RU_RELEASE, "ru", "ontario")
    assert kinds(doc) == [H, M, D, P, P, P, P, N, S]
    assert doc.blocks[2].text == "Астана, 5 ноября 2025 г."
    assert doc.blocks[3].text.startswith("Заместитель министра")
    wrapped = doc.blocks[4]
    assert wrapped.text == (
        "В ходе встречи особое внимание было уделено сотрудничеству в сфере\nэнергетики и сельского хозяйства."
    )
    assert wrapped.line == 4 and doc.blocks[5].line == 6
    assert split_sentences(wrapped.text, "ru") == [wrapped.text]
    assert doc.blocks[5].text == "Стороны договорились о следующих шагах:"
    assert doc.blocks[6].text == "подготовить дорожную карту к марту 2026 г."
    assert doc.blocks[-1].sep == "\n"
    assert doc.render({}) == RU_RELEASE


def test_kk_release() -> None:
    doc = parse_release(KK_RELEASE, "kk")
    assert kinds(doc) == [H, M, D, P, P, N, S]
    assert doc.blocks[2].text == "Астана қ., 2025 жылғы 5 қараша"
    assert doc.blocks[2].sep == " – "
    assert doc.render({}) == KK_RELEASE


def test_en_release() -> None:
    doc = parse_release(EN_RELEASE, "en")
    assert kinds(doc) == [H, D, P, P, N, S]
    assert doc.blocks[0].sep == "\n\n"
    assert doc.blocks[1].text == "Toronto, November 18, 2025"
    assert doc.blocks[1].sep == " — "
    assert [b.line for b in doc.blocks] == [1, 3, 3, 5, 7, 9]
    assert doc.render({}) == EN_RELEASE


def test_fr_release() -> None:
    doc = parse_release(FR_RELEASE, "fr")
    assert kinds(doc) == [H, M, D, P, N, S]
    assert doc.blocks[2].text == "Ottawa, le 18 novembre 2025"
    assert doc.blocks[2].sep == " - "
    assert doc.render({}) == FR_RELEASE


@pytest.mark.parametrize(
    "lang,label",
    [
        ("ru", "Справочно:"),
        ("ru", "Для справки:"),
        ("kk", "Анықтама:"),
        ("kk", "Анықтама үшін:"),
        ("en", "For reference:"),
        ("en", "Background:"),
        ("fr", "Pour référence :"),
        ("fr", "À titre de référence :"),
        ("fr", "Pour mémoire :"),
    ],
)
def test_note_labels(lang: str, label: str) -> None:
    doc = parse_release(f"Headline\nBody text.\n{label} Some background.\n", lang)
    assert kinds(doc) == [H, P, N]


@pytest.mark.parametrize(
    "lang,line",
    [
        ("ru", "Источник информации : https://www.gov.kz/x"),
        ("ru", "Источник: МИД РК"),
        ("kk", "Ақпарат көзі: https://www.gov.kz/x"),
        ("en", "Source: Ministry of Foreign Affairs"),
        ("fr", "Source : ministère des Affaires étrangères"),
        ("en", "https://www.gov.kz/memleket/entities/mfa"),
        ("ru", "www.gov.kz/memleket"),
    ],
)
def test_source_lines(lang: str, line: str) -> None:
    doc = parse_release(f"Headline\nBody text.\n{line}", lang)
    assert kinds(doc) == [H, P, S]
    assert not doc.blocks[2].translatable


def test_paragraph_that_only_mentions_source_words() -> None:
    doc = parse_release("Заголовок\nИсточник энергии обсуждался отдельно.\n", "ru")
    assert kinds(doc) == [H, P]


@pytest.mark.parametrize(
    "line",
    ["06.12.2025 09:40:39 57", "06.12.2025", "06.12.2025 09:40", "2025-12-06 09:40:39"],
)
def test_meta_lines(line: str) -> None:
    doc = parse_release(f"Заголовок\n{line}\nТекст.", "ru")
    assert kinds(doc) == [H, M, P]


def test_meta_before_headline() -> None:
    doc = parse_release("06.12.2025\nЗаголовок\nТекст.", "ru")
    assert kinds(doc) == [M, H, P]


def test_dateline_without_headline() -> None:
    doc = parse_release("Астана, 5 ноября 2025 г. – Министр принял делегацию.", "ru")
    assert kinds(doc) == [D, P]


@pytest.mark.parametrize(
    "body",
    [
        "Казахстан – крупнейшая страна Центральной Азии.",  # no comma, no date
        "Астана, столица страны – Город встреч.",  # no year, no month
        "В 2025 году, в год юбилея – стороны обсудили планы.",  # body starts lowercase
        "Астана, " + "очень " * 25 + "2025 г. – Министр принял делегацию.",  # too long
    ],
)
def test_not_a_dateline(body: str) -> None:
    doc = parse_release(f"Заголовок\n{body}", "ru")
    assert kinds(doc) == [H, P]
    assert doc.blocks[1].text == body


def test_dateline_only_in_first_paragraph() -> None:
    text = "Заголовок\nПервый абзац.\nАлматы, 6 ноября 2025 г. – Второй абзац."
    assert kinds(parse_release(text, "ru")) == [H, P, P]


def test_no_dateline_after_note() -> None:
    text = "Заголовок\nСправочно: Алматы, 6 ноября 2025 г. – Текст."
    assert kinds(parse_release(text, "ru")) == [H, N]


def test_wrapped_lines_are_joined_only_when_lowercase_follows() -> None:
    text = (
        "Заголовок\n"
        "Первая строка без точки\n"
        "продолжение абзаца. Второе предложение.\n"
        "Новый абзац без точки\n"
        "Следующий абзац с заглавной.\n"
        "Список:\n"
        "первый пункт;\n"
        "второй пункт.\n"
    )
    doc = parse_release(text, "ru")
    assert [b.text for b in doc.blocks] == [
        "Заголовок",
        "Первая строка без точки\nпродолжение абзаца. Второе предложение.",
        "Новый абзац без точки",
        "Следующий абзац с заглавной.",
        "Список:",
        "первый пункт;",
        "второй пункт.",
    ]
    assert split_sentences(doc.blocks[1].text, "ru") == [
        "Первая строка без точки\nпродолжение абзаца.",
        "Второе предложение.",
    ]
    assert doc.render({}) == text


WRAPPED_RELEASE = """\
Итоги визита в Квебек
06.12.2025 09:40:39 57
гг. Квебек-Сити, Монреаль, 3-4 декабря 2025 г. – Посол Казахстана в Канаде
Д.Кусаинов совершил официальный визит в провинцию. Программа визита включала
встречи с руководством Правительства и Парламента Квебека.
Экономическое сотрудничество
В ходе встреч с представителями деловых кругов Монреаля стороны обсудили
Перспективные направления сотрудничества в сферах ИТ, АПК и энергетики.
"""


def test_hard_wrapped_release_joins_lines_that_fill_the_width() -> None:
    doc = parse_release(WRAPPED_RELEASE, "ru")
    assert kinds(doc) == [H, M, D, P, P, P]
    assert doc.blocks[3].text.startswith("Посол Казахстана в Канаде\nД.Кусаинов совершил")
    assert doc.blocks[3].text.endswith("встречи с руководством Правительства и Парламента Квебека.")
    assert doc.blocks[4].text == "Экономическое сотрудничество"  # a heading, not joined
    assert doc.blocks[5].text.count("\n") == 1
    assert split_sentences(doc.blocks[3].text, "ru") == [
        "Посол Казахстана в Канаде\nД.Кусаинов совершил официальный визит в провинцию.",
        "Программа визита включала\nвстречи с руководством Правительства и Парламента Квебека.",
    ]
    assert doc.render({}) == WRAPPED_RELEASE


def test_wrapped_line_test() -> None:
    assert is_wrapped_line(60, 72)
    assert not is_wrapped_line(20, 72)  # a heading in a text wrapped at 72
    assert not is_wrapped_line(300, 400)  # paragraphs one per line: no hard wrap
    assert not is_wrapped_line(9, 10)  # too short to tell


def test_long_lines_are_paragraphs_even_without_final_punctuation() -> None:
    line = "Стороны обсудили вопросы сотрудничества в сферах энергетики и транспорта " * 2
    doc = parse_release(f"Заголовок\n{line.strip()}\nСледующий абзац.\n", "ru")
    assert kinds(doc) == [H, P, P]


def test_many_lines_parse_in_one_pass() -> None:
    text = "Заголовок\n" + "Строка абзаца без точки в конце строки\n" * 30_000
    doc = parse_release(text, "ru")
    assert doc.render({}) == text


def test_meta_line_is_never_joined() -> None:
    text = "Заголовок\n06.12.2025 09:40:39 57\nгг. Астана, Алматы, 3 декабря 2025 г. – Текст."
    doc = parse_release(text, "ru")
    assert kinds(doc) == [H, M, D, P]


def test_dateline_line_is_not_joined_to_headline() -> None:
    text = "Заголовок без точки\nгг. Астана, Алматы, 3 декабря 2025 г. – Текст визита."
    assert kinds(parse_release(text, "ru")) == [H, D, P]


def test_whitespace_goes_into_sep_and_lead() -> None:
    text = "\n\n  Заголовок  \n\t Текст абзаца. \n\n"
    doc = parse_release(text, "ru")
    assert doc.lead == "\n\n  "
    assert [(b.text, b.sep, b.line) for b in doc.blocks] == [
        ("Заголовок", "  \n\t ", 3),
        ("Текст абзаца.", " \n\n", 4),
    ]
    assert doc.render({}) == text


def test_render_with_translations() -> None:
    doc = parse_release("Заголовок\n06.12.2025\nАстана, 5 ноября 2025 г. – Текст.\n", "ru")
    texts = {0: "Headline", 2: "Astana, November 5, 2025", 3: "Text."}
    assert doc.render(texts) == "Headline\n06.12.2025\nAstana, November 5, 2025 – Text.\n"
    assert doc.render() == doc.render({})


def test_translatable_kinds() -> None:
    assert frozenset({H, D, P, N}) == TRANSLATABLE
    assert Block(0, M, "06.12.2025", "\n", 1).translatable is False
    assert Block(1, N, "Справочно: …", "", 2).translatable is True
    assert BlockKind("dateline") is D and D == "dateline"


def test_empty_and_blank_text() -> None:
    assert parse_release("", "ru").blocks == ()
    doc = parse_release(" \n\n", "ru")
    assert doc.blocks == () and doc.render({}) == " \n\n"


def test_parse_unknown_language() -> None:
    with pytest.raises(UsageError):
        parse_release("Text.", "de")


# --- reading files ------------------------------------------------------------------------


def test_read_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "visit.en.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\r\n\r\nFirst paragraph.\rSecond.\r\n")
    doc = read_release(path, "en")
    assert doc.doc_id == "visit"
    assert [b.text for b in doc.blocks] == ["Headline", "First paragraph.", "Second."]
    assert [b.line for b in doc.blocks] == [1, 3, 4]
    assert doc.render({}) == "Headline\n\nFirst paragraph.\nSecond.\n"


@pytest.mark.parametrize(
    "data,line",
    [
        (b"Headline\nText.\nBad \xff byte.\n", 3),
        (b"\xef\xbb\xbfHeadline\r\nText.\r\n\r\n\xc3(\r\n", 4),
        (b"Headline\rText\rMore\r\xe2\x82\n", 4),
        (b"\xff", 1),
    ],
)
def test_undecodable_bytes(tmp_path: Path, data: bytes, line: int) -> None:
    path = tmp_path / "bad.ru.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_release(path, "ru")
    assert info.value.line == line
    assert info.value.path == str(path)
    assert "not valid UTF-8" in info.value.message
    assert str(info.value).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b" \r\n\t\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.ru.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="no text") as info:
        read_release(path, "ru")
    assert info.value.path == str(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = tmp_path / "nope.ru.txt"
    with pytest.raises(InputError) as info:
        read_release(missing, "ru")
    assert info.value.path == str(missing)
    assert str(missing) in str(info.value)
    with pytest.raises(InputError) as info:
        read_release(tmp_path, "ru")
    assert info.value.path == str(tmp_path)


def test_read_unknown_language(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    with pytest.raises(UsageError):
        read_release(path, "de")


@pytest.mark.parametrize(
    "name,expected",
    [
        ("visit.ru.txt", "visit"),
        ("a.b.txt", "a.b"),
        ("visit.txt", "visit"),
        ("visit.KK.txt", "visit"),
        ("visit.fr", "visit"),
        ("press.release.en.txt", "press.release"),
        ("visit.de.txt", "visit.de"),
        ("ru.txt", "ru"),
        ("notes.md", "notes.md"),
    ],
)
def test_doc_id_for(name: str, expected: str) -> None:
    assert doc_id_for(Path("some/dir") / name) == expected


def test_normalise_text() -> None:
    assert normalise_text("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"
    assert normalise_text("a\ufeff") == "a\ufeff"


# --- round trip property --------------------------------------------------------------------

PIECES = [
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\u00a0",
    "\ufeff",
    "\u2028",
    "\x85",
    "Заголовок",
    "06.12.2025 09:40:39 57",
    "Астана, 5 ноября 2025 г. – ",
    "Toronto, May 1, 2025 — ",
    "Справочно: ",
    "Источник информации : ",
    "https://gov.kz/x",
    "строчная",
    "Текст.",
    "т.ч.",
    ":",
    "Source : ",
    "Pour mémoire : ",
    "Анықтама үшін:",
    "ҚР",
    "a",
    "Б",
]
release_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(text=release_text, lang=st.sampled_from(["ru", "kk", "en", "fr"]))
def test_render_round_trip(text: str, lang: str) -> None:
    doc = parse_release(text, lang)
    norm = normalise_text(text)
    assert doc.render({}) == norm
    offset = len(doc.lead)
    for index, block in enumerate(doc.blocks):
        assert block.index == index
        assert block.text and block.text == block.text.strip()
        assert block.sep.strip() == "" or block.kind is D
        assert norm[:offset].count("\n") + 1 == block.line
        offset += len(block.text) + len(block.sep)
    headlines = [b for b in doc.blocks if b.kind is H]
    assert len(headlines) <= 1


@settings(max_examples=100, deadline=None)
@given(text=release_text)
def test_render_replaces_only_given_blocks(text: str) -> None:
    doc = parse_release(text, "ru")
    texts = {b.index: f"<{b.index}>" for b in doc.blocks if b.translatable}
    rendered = doc.render(texts)
    for block in doc.blocks:
        if block.translatable:
            assert f"<{block.index}>" in rendered
    untouched = {b.index: b.text for b in doc.blocks if not b.translatable}
    assert doc.render({**texts, **untouched}) == rendered


# --- the parallel corpus fixture -------------------------------------------------------------

VISIT = REPO / "examples" / "visit.ru.txt"
PARALLEL = REPO / "tests" / "fixtures" / "corpus" / "parallel.tsv"


def test_visit_segments_match_parallel_corpus() -> None:
    if not (VISIT.is_file() and PARALLEL.is_file()):
        pytest.skip("examples/visit.ru.txt or parallel.tsv not present")
    doc = read_release(VISIT, "ru")
    segments = [
        sentence for block in doc.blocks if block.translatable for sentence in split_sentences(block.text, "ru")
    ]
    with PARALLEL.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        expected = [row["ru"] for row in rows if row["doc"] == "visit"]
    assert segments == expected
