"""Tests for toolkit.text.document: block kinds, reading files, exact round trips."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.errors import InputError, UsageError
from toolkit.text.document import (
    TRANSLATABLE,
    Block,
    BlockKind,
    Document,
    block_sentence_spans,
    block_sentences,
    doc_id_for,
    is_wrapped_line,
    normalise_text,
    parse_release,
    read_release,
)
from toolkit.text.lines import is_chrome, is_meta, is_source
from toolkit.text.sentences import split_sentences

REPO = Path(__file__).parents[1]
SAMPLE = Path(__file__).parents[2] / "shared" / "samples" / "quebec-kazakhstan-2025-12-06.ru.txt"
H, M, D, P, N, S, C = (
    BlockKind.HEADLINE,
    BlockKind.META,
    BlockKind.DATELINE,
    BlockKind.PARAGRAPH,
    BlockKind.NOTE,
    BlockKind.SOURCE,
    BlockKind.CHROME,
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


MB = 1_000_000
LARGE_RELEASES = {
    "spaces": lambda: " " * MB + "x",
    "chrome-lines": lambda: "Поделиться\n" * (MB // 22),
    "headline-repeated": lambda: "Итоги визита\n" * (MB // 24),
    "open-lines": lambda: "Посол встретился с\n" * (MB // 36),
    "sentence-lines": lambda: "Первое. Второе без точки\n" * (MB // 46),
    "dashes": lambda: "АСТАНА – " * (MB // 16),
    "meta-items": lambda: "12 марта 2026, 14:37 " * (MB // 30),
    "dateline-lines": lambda: "АСТАНА. KAZINFORM – Текст без точки\n" * (MB // 60),
}


@pytest.mark.parametrize("name", sorted(LARGE_RELEASES))
def test_large_releases_parse(name: str) -> None:
    """Pathological shapes of about 1 MB are read in one pass and render back exactly."""
    text = LARGE_RELEASES[name]()
    assert parse_release(text, "ru").render({}) == text


def test_meta_line_is_never_joined() -> None:
    text = "Заголовок\n06.12.2025 09:40:39 57\nгг. Астана, Алматы, 3 декабря 2025 г. – Текст."
    doc = parse_release(text, "ru")
    assert kinds(doc) == [H, M, D, P]


def test_dateline_line_is_not_joined_to_headline() -> None:
    text = "Заголовок без точки\nгг. Астана, Алматы, 3 декабря 2025 г. – Текст визита."
    assert kinds(parse_release(text, "ru")) == [H, D, P]


# --- datelines, page chrome, source and meta lines ------------------------------------------

DATELINES = [
    ("ru", "Астана. 23 февраля. KAZAKHSTAN TODAY", " - "),
    ("ru", "АСТАНА. KAZINFORM", " — "),
    ("ru", "НУР-СУЛТАН. КАЗИНФОРМ", " – "),
    ("ru", "ВАШИНГТОН. 3 марта. КАЗИНФОРМ /Дана Сейткали/", " – "),
    ("ru", "АСТАНА", " – "),
    ("ru", "Нур-Султан, 5 мая 2021 года", " – "),
    ("ru", "г. Алматы, 12 мая 2026 г.", " ‒ "),
    ("ru", "Женева. 10 апреля", " ― "),
    ("kk", "Страсбург, 2026 жылғы 3 наурыз", " – "),
    ("kk", "Брюссель қ., 2026 жылғы 14 сәуір", " – "),
    ("kk", "АСТАНА. ҚазАқпарат", " – "),
    ("kk", "НҰР-СҰЛТАН. 10 маусым. KAZAKHSTAN TODAY", " - "),
    ("kk", "ВАШИНГТОН", " – "),
    ("kk", "Астана, 23.02.2026", " – "),
    ("kk", "Астана қаласы, 2026 жылғы 3 наурыз", " – "),
    ("ru", "Астана, 5 ноября 2025 г. /КАЗИНФОРМ/.", " - "),
    ("en", "ALMATY (Reuters)", " - "),
    ("en", "NUR-SULTAN. KAZINFORM", " – "),
    ("en", "ASTANA", " – "),
    ("en", "WASHINGTON, March 3 (Kazinform)", " – "),
    ("en", "BRUSSELS, April 14, 2026", " – "),
    ("en", "OTTAWA, Nov. 18, 2025", " – "),
    ("en", "ASTANA, Kazakhstan", " — "),
    ("en", "Washington, D.C., 3 March 2026", " — "),
    ("fr", "Paris, le 3 mars 2026", " – "),
    ("fr", "BRUXELLES, 14 avril (Kazinform)", " – "),
    ("fr", "GENÈVE", " – "),
    ("fr", "ASTANA. KAZINFORM", " - "),
    ("fr", "Astana. 23 février. KAZAKHSTAN TODAY", " – "),
]
BODY = {
    "ru": "Министр принял делегацию. Стороны обсудили планы.",
    "kk": "Министр делегацияны қабылдады. Тараптар жоспарларды талқылады.",
    "en": "The Minister received the delegation. The parties discussed plans.",
    "fr": "Le ministre a reçu la délégation. Les parties ont évoqué leurs projets.",
}


@pytest.mark.parametrize("lang,dateline,dash", DATELINES)
def test_dateline_shapes(lang: str, dateline: str, dash: str) -> None:
    text = f"Headline\n{dateline}{dash}{BODY[lang]}\n"
    doc = parse_release(text, lang)
    assert kinds(doc) == [H, D, P]
    assert doc.blocks[1].text == dateline and doc.blocks[1].sep == dash
    assert block_sentences(doc.blocks[1], lang) == [dateline]  # one segment, not sentences
    assert doc.render({}) == text


@pytest.mark.parametrize(
    "body",
    [
        "Астана, Министр иностранных дел – Глава ведомства.",  # a lowercase word in the prefix
        "ООН – Организация объединенных наций.",  # capitals, but fewer than four letters
        "Ерлан Карин – Государственный советник.",  # no date, no agency, not in capitals
        "Астана, 33 – Адрес посольства.",  # a number is no date
        "Казахстан, Узбекистан – Крупнейшие экономики региона.",  # two places, nothing else
    ],
)
def test_not_a_dateline_either(body: str) -> None:
    assert kinds(parse_release(f"Заголовок\n{body}", "ru")) == [H, P]


def test_first_line_dateline_needs_a_date_or_an_agency() -> None:
    assert kinds(parse_release("КАЗАХСТАН – БЕЛЬГИЯ: НОВЫЕ ГОРИЗОНТЫ\nТекст.", "ru")) == [H, P]
    assert kinds(parse_release("АСТАНА. KAZINFORM – Текст.", "ru")) == [D, P]


@pytest.mark.parametrize(
    "lang,line",
    [
        ("ru", "Поделиться"),
        ("ru", "Поделиться: Facebook, Telegram, WhatsApp"),
        ("ru", "Материал из архива"),
        ("ru", "Это архивная страница. Информация могла устареть."),
        ("ru", "Версия для печати"),
        ("kk", "Бөлісу"),
        ("kk", "Мұрағат материалы"),
        ("kk", "Досыңызбен бөлісу"),
        ("en", "Tell a friend"),
        ("en", "This is an archived page"),
        ("en", "This is an archived page. The information may be out of date."),
        ("en", "SHARE:"),
        ("en", "Facebook  Twitter  Telegram"),
        ("fr", "Partager"),
        ("fr", "Cette page est archivée"),
        ("fr", "Imprimer"),
    ],
)
def test_page_chrome_before_the_dateline(lang: str, line: str) -> None:
    text = f"Headline\n{line}\nАСТАНА. KAZINFORM – {BODY[lang]}\n"
    doc = parse_release(text, lang)
    assert kinds(doc) == [H, C, D, P]
    assert not doc.blocks[1].translatable
    assert doc.render({}) == text


@pytest.mark.parametrize("line", ["Поделиться с коллегами итогами визита.", "Share of exports grew.", "Back to basics"])
def test_lines_that_only_start_like_chrome(line: str) -> None:
    assert not is_chrome(line)


def test_repeated_headline_and_chrome_before_the_headline() -> None:
    text = (
        "Материал из архива\n"
        "Казахстан и Бельгия обсудили сотрудничество\n"
        "Казахстан и Бельгия обсудили сотрудничество\n"
        "23.02.2026 10:15\n"
        "Поделиться\n"
        "Фото: пресс-служба МИД РК\n"
        "Астана. 23 февраля. KAZAKHSTAN TODAY - Министр принял Посла.\n"
        "Источник: Kazakhstan Today\n"
    )
    doc = parse_release(text, "ru")
    assert kinds(doc) == [C, H, C, M, C, S, D, P, S]
    assert [b.translatable for b in doc.blocks] == [False, True, False, False, False, False, True, True, False]
    assert doc.render({}) == text


@pytest.mark.parametrize(
    "lang,line",
    [
        ("ru", "Фото: пресс-служба Акорды"),
        ("ru", "Источник: Kazinform"),
        ("ru", "Фото – Акорда"),
        ("kk", "Дереккөз: ҚазАқпарат"),
        ("kk", "Ақпарат көзі: ҚР СІМ"),
        ("kk", "Сурет: ҚР-ның АҚШ-тағы Елшілігі"),
        ("en", "Photo: Akorda press service"),
        ("en", "Source: Kazinform"),
        ("fr", "Source de l'information : Kazinform"),
        ("fr", "Source de l’information : Kazinform"),
        ("fr", "Crédit photo : Conseil de l'Europe"),
        ("fr", "Photo : MAE du Kazakhstan"),
        ("ru", "https://www.gov.kz/memleket/entities/mfa/press/news/details/1?lang=ru"),
        ("en", "Photo: Akorda"),  # a label of another language than the release's
    ],
)
def test_source_and_credit_lines(lang: str, line: str) -> None:
    assert is_source(line)
    doc = parse_release(f"Headline\n{line}\nASTANA – {BODY[lang]}\n{line}\n", lang)
    assert kinds(doc) == [H, S, D, P, S]


@pytest.mark.parametrize(
    "line",
    [
        "12 марта 2026, 14:37",
        "10:15, 23 февраля 2026",
        "Просмотров: 1 845",
        "Дата публикации: 05.05.2021 16:20",
        "23.02.2026 | 10:15 | Просмотров: 312",
        "12 наурыз 2026, 14:37",
        "2026 жылғы 3 наурыз",
        "Қаралым саны: 312",
        "Жарияланды: 12.05.2026 18:05",
        "10 June 2021, 11:02",
        "Published: 3 March 2026, 09:30",
        "March 3, 2026",
        "Views: 312",
        "Publié le 18 novembre 2025 à 16 h 05",
        "Vues : 231",
    ],
)
def test_metadata_lines(line: str) -> None:
    assert is_meta(line)
    assert kinds(parse_release(f"Заголовок\n{line}\nТекст.", "ru")) == [H, M, P]


@pytest.mark.parametrize("line", ["12 марта стороны подписали соглашение.", "Просмотров было много", "2026 год"])
def test_not_metadata(line: str) -> None:
    assert not is_meta(line)


@pytest.mark.parametrize(
    "lang,first,second",
    [
        # the line before ends with a preposition, a conjunction, a Kazakh genitive, a comma
        ("ru", "Министр провел переговоры с", "Министром иностранных дел Венгрии."),
        ("ru", "Проекты реализуются в Казахстане,", "Узбекистане и Монголии."),
        ("kk", "Делегация құрамына Бас прокуратура және", "СІМ өкілдері енді."),
        ("kk", "Тараптар Еуропалық комиссияның", "(Венеция комиссиясы) сессиясына қатысты."),
        ("en", "Projects in uranium and rare earth mining in", "Kazakhstan attracted interest."),
        ("fr", "Les parties ont abordé la préparation de la", "Commission intergouvernementale."),
    ],
)
def test_line_break_inside_a_sentence(lang: str, first: str, second: str) -> None:
    text = f"Headline\n{first}\n{second} {BODY[lang]}\n"
    doc = parse_release(text, lang)
    assert kinds(doc) == [H, P]
    assert block_sentences(doc.blocks[1], lang)[0] == f"{first}\n{second}"


def test_line_break_after_a_dateline_or_a_sentence_end() -> None:
    text = (
        "Сыртқы істер министрі ЕҚЫҰ Бас хатшысымен кездесті\n"
        "Астана, 2026 жылғы 2 ақпан – ҚР Сыртқы істер министрі Ермек Көшербаев\n"
        "ЕҚЫҰ Бас хатшысын қабылдады. Тараптар басымдықтарды талқылады.\n"
        "Е.Көшербаев ЕҚЫҰ қағидаттарына адалдығын растады. Министр Бағдарламалық кеңсенің\n"
        "Реформаларға қосқан үлесін атап өтті.\n"
    )
    doc = parse_release(text, "kk")
    assert kinds(doc) == [H, D, P, P]
    assert block_sentences(doc.blocks[2], "kk") == [
        "ҚР Сыртқы істер министрі Ермек Көшербаев\nЕҚЫҰ Бас хатшысын қабылдады.",
        "Тараптар басымдықтарды талқылады.",
    ]
    assert (
        block_sentences(doc.blocks[3], "kk")[1]
        == "Министр Бағдарламалық кеңсенің\nРеформаларға қосқан үлесін атап өтті."
    )


def test_headline_is_not_joined_to_a_capitalised_line() -> None:
    doc = parse_release("Итоги визита в Квебек\nПосол провел встречу. Обсуждены планы\nСтороны договорились.", "ru")
    assert [b.text for b in doc.blocks] == [
        "Итоги визита в Квебек",
        "Посол провел встречу. Обсуждены планы\nСтороны договорились.",
    ]


def test_block_sentence_spans() -> None:
    doc = parse_release("Заголовок\n06.12.2025\nАСТАНА – Первое. Второе\nПредложение, третье.\n", "ru")
    assert [block_sentence_spans(b, "ru") for b in doc.blocks] == [[(0, 9)], [(0, 10)], [(0, 6)], [(0, 7), (8, 35)]]


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
    assert Block(0, C, "Поделиться", "\n", 1).translatable is False
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
    # datelines, page chrome, credits, metadata, lines broken inside a sentence
    "Поделиться",
    "Tell a friend",
    "Материал из архива",
    "This is an archived page. ",
    "Фото: ",
    "Photo: ",
    "Source de l'information : ",
    "АСТАНА. KAZINFORM – ",
    "Астана. 23 февраля. KAZAKHSTAN TODAY - ",
    "Страсбург, 2026 жылғы 3 наурыз – ",
    "ASTANA – ",
    "WASHINGTON, March 3 (Kazinform) — ",
    " ‒ ",
    "Просмотров: 1 845",
    "12 марта 2026, 14:37",
    "Facebook Telegram",
    "провел переговоры с\n",
    "Бас прокуратура және\n",
    "комиссияның\n",
    "Министром.",
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


@settings(max_examples=300, deadline=None)
@given(text=release_text, lang=st.sampled_from(["ru", "kk", "en", "fr"]))
def test_segments_of_blocks(text: str, lang: str) -> None:
    """Every block's segments are stripped pieces of its text, in order; a block that is not
    translated (meta, chrome, source) and a dateline are one segment."""
    for block in parse_release(text, lang).blocks:
        spans = block_sentence_spans(block, lang)
        assert spans and spans[0][0] >= 0 and spans[-1][1] <= len(block.text)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
        assert all(block.text[start:end] == block.text[start:end].strip() for start, end in spans)
        if not block.translatable or block.kind is D:
            assert spans == [(0, len(block.text))]
        assert block.translatable == (block.kind not in (M, S, C))


FRONT_LINES = [
    "Поделиться",
    "Бөлісу",
    "Tell a friend",
    "Partager",
    "Материал из архива",
    "This is an archived page",
    "Фото: пресс-служба Акорды",
    "Photo: Akorda press service",
    "Сурет: ҚР СІМ",
    "23.02.2026 10:15",
    "12 марта 2026, 14:37",
    "Просмотров: 1 845",
    "Источник: Kazinform",
    "https://www.gov.kz/memleket/entities/mfa",
    "Итоги визита",  # the headline, repeated
]


@settings(max_examples=300, deadline=None)
@given(
    front=st.lists(st.sampled_from(FRONT_LINES), max_size=6),
    before=st.lists(st.sampled_from(FRONT_LINES[:6]), max_size=2),
    case=st.sampled_from(DATELINES),
    blank=st.booleans(),
)
def test_front_matter_never_hides_the_dateline(
    front: list[str], before: list[str], case: tuple[str, str, str], blank: bool
) -> None:
    """Chrome before the headline, then any chrome, meta, credit and source lines (and the
    headline repeated) between the headline and the first paragraph: the dateline is found."""
    lang, dateline, dash = case
    gap = "\n\n" if blank else "\n"
    text = gap.join([*before, "Итоги визита", *front, f"{dateline}{dash}{BODY[lang]}"]) + "\n"
    doc = parse_release(text, lang)
    assert doc.render({}) == text
    assert [b.kind for b in doc.blocks].count(H) == 1
    datelines = [b for b in doc.blocks if b.kind is D]
    assert [b.text for b in datelines] == [dateline]
    assert all(b.kind in (M, S, C) for b in doc.blocks[: doc.blocks.index(datelines[0])] if b.kind is not H)


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


def test_pour_information_is_a_french_note_label() -> None:
    document = parse_release("Titre\nParis, le 5 mai 2025 – Le texte.\nPour information : la note.\n", "fr")
    assert [b.kind for b in document.blocks][-1] is BlockKind.NOTE
