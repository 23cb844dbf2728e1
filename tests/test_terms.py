"""Term recognition: inflected forms in ru, kk, en, fr; markers; longest match; the CLI."""

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.cli import main
from toolkit.formats.glossary_csv import COLUMNS
from toolkit.glossary.files import load_glossary
from toolkit.glossary.find import find_terms
from toolkit.glossary.model import Glossary
from toolkit.glossary.terms.kk import inflected_forms, is_front, plural
from toolkit.glossary.terms.matcher import Match, TokenTrie, longest_non_overlapping

ROWS = [
    dict(
        id="title.ambassador",
        domain="title",
        ru="Посол",
        kk="Елші",
        en="Ambassador",
        fr="ambassadeur",
        ru_forbidden="посланник",
        en_forbidden="Embassador",
    ),
    dict(
        id="title.aep",
        domain="title",
        ru="Чрезвычайный и Полномочный Посол",
        kk="Төтенше және Өкілетті Елші",
        en="Ambassador Extraordinary and Plenipotentiary",
        fr="ambassadeur extraordinaire et plénipotentiaire",
    ),
    dict(
        id="title.lg",
        domain="title",
        ru="Лейтенант-губернатор",
        kk="Лейтенант-губернатор",
        en="Lieutenant Governor",
        fr="lieutenant-gouverneur",
    ),
    dict(id="title.governor", domain="title", ru="губернатор|", kk="губернатор", en="Governor", fr="gouverneur"),
    dict(
        id="title.vice-speaker",
        domain="title",
        ru="Вице-спикер",
        kk="Вице-спикер",
        en="Vice-Speaker",
        fr="vice-président",
    ),
    dict(
        id="title.charge",
        domain="title",
        ru="Временный поверенный в делах",
        kk="Уақытша сенім білдірілген өкіл",
        en="Chargé d'affaires",
        fr="chargé d'affaires",
    ),
    dict(id="title.consul", domain="title", ru="Консул", kk="Консул", en="Consul", fr="consul"),
    dict(
        id="ministry.mir",
        domain="ministry",
        ru="Министерство международных отношений",
        kk="Халықаралық қатынастар министрлігі",
        en="Ministry of International Relations",
        fr="ministère des Relations internationales",
    ),
    dict(
        id="ministry.mfa-kz",
        domain="ministry",
        ru="МИД РК",
        kk="ҚР СІМ",
        en="MFA of Kazakhstan",
        fr="MAE du Kazakhstan",
        kk_allowed="Қазақстан Республикасының Сыртқы істер министрлігі",
    ),
    dict(id="org.oic", domain="organisation", ru="ОИС", kk="ИЫҰ", en="OIC", fr="OCI"),
    dict(
        id="org.wada",
        domain="organisation",
        ru="Всемирное антидопинговое агентство",
        kk="Дүниежүзілік допингке қарсы агенттік",
        en="World Anti-Doping Agency",
        fr="Agence mondiale antidopage",
        ru_allowed="ВАДА | WADA",
        en_allowed="WADA",
        fr_allowed="AMA",
    ),
    dict(
        id="person.tokayev",
        domain="person",
        ru="Касым-Жомарт Токаев",
        kk="Қасым-Жомарт Тоқаев",
        en="Kassym-Jomart Tokayev",
        fr="Kassym-Jomart Tokaïev",
    ),
    dict(id="person.benjamin", domain="person", ru="Ф. Бенжамин", kk="Ф. Бенжамин", en="F. Benjamin", fr="F. Benjamin"),
    dict(
        id="ministry.economy-quebec",
        domain="ministry",
        ru='"Министерство экономики, инноваций и энергетики Квебека"',
        kk='"Квебектің Экономика, инновациялар және энергетика министрлігі"',
        en='"Quebec Ministry of Economy, Innovation and Energy"',
        fr="MEIE",
    ),
    dict(id="place.quebec", domain="place", ru="Квебек", kk="Квебек", en="Quebec", fr="Québec"),
    dict(id="org.who", domain="organisation", ru="ВОЗ", kk="ДДСҰ", en="WHO", fr="OMS"),
    dict(id="phrase.including", domain="phrase", ru="в т.ч.", kk="оның ішінде", en="including", fr="notamment"),
    dict(id="org.turkpa", domain="organisation", ru="ТюркПА", kk="ТүркПА", en="TurkPA", fr="TurkPA"),
    dict(id="place.montreal", domain="place", ru="Монреаль", kk="Монреаль", en="Montreal", fr="Montréal"),
    dict(id="person.tokayev-kk", domain="person", ru="Токаев", kk="Тоқаев", en="Tokayev", fr="Tokaïev"),
    dict(
        id="phrase.exchange",
        domain="phrase",
        ru="обмен мнениями",
        kk="пікір алмасу",
        en="exchange of views",
        fr="échange de vues",
    ),
    dict(
        id="title.mp",
        domain="title",
        ru="Депутат",
        kk="Депутат",
        en="Member of Parliament",
        fr="député",
        en_allowed="MP",
    ),
]


@pytest.fixture(scope="module")
def glossary(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    path = tmp_path_factory.mktemp("g") / "g.csv"
    lines = [",".join(COLUMNS)] + [",".join(r.get(c, "") for c in COLUMNS) for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_glossary([path])


def found(glossary: Glossary, text: str, lang: str) -> list[tuple[str, str]]:
    hits = find_terms(text, lang, glossary)
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text
    return [(h.concept.id, h.text) for h in hits]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Встреча с Лейтенант-губернатором провинции.", [("title.lg", "Лейтенант-губернатором")]),
        ("Вице-спикером парламента избран", [("title.vice-speaker", "Вице-спикером")]),
        ("делегация министерств международных отношений", [("ministry.mir", "министерств международных отношений")]),
        ("беседа с Ф.Бенжамином", [("person.benjamin", "Ф.Бенжамином")]),
        ("встреча с Касым-Жомартом Токаевым", [("person.tokayev", "Касым-Жомартом Токаевым")]),
        ("Чрезвычайным и Полномочным Послом назначен", [("title.aep", "Чрезвычайным и Полномочным Послом")]),
        ("послы и посольство", [("title.ambassador", "послы")]),
        ("Временного поверенного в делах", [("title.charge", "Временного поверенного в делах")]),
        ("сотрудники МИДа РК и ВАДА", [("ministry.mfa-kz", "МИДа РК"), ("org.wada", "ВАДА")]),
        ("губернаторы провинций", [("title.governor", "губернаторы")]),
        ("посланник прибыл", [("title.ambassador", "посланник")]),
    ],
)
def test_russian_inflected(glossary: Glossary, text: str, expected: list) -> None:
    assert found(glossary, text, "ru") == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            "Министерство экономики, инноваций и энергетики Квебека заявило",
            "ru",
            [("ministry.economy-quebec", "Министерство экономики, инноваций и энергетики Квебека")],
        ),
        ("Министерство экономики. Инноваций и энергетики Квебека", "ru", [("place.quebec", "Квебека")]),
        (
            "Квебектің Экономика, инновациялар және энергетика министрлігіне",
            "kk",
            [("ministry.economy-quebec", "Квебектің Экономика, инновациялар және энергетика министрлігіне")],
        ),
        (
            "the Quebec Ministry of Economy, Innovation and Energy",
            "en",
            [("ministry.economy-quebec", "Quebec Ministry of Economy, Innovation and Energy")],
        ),
        ("Обсуждены вопросы энергетики, в т.ч. атомной.", "ru", [("phrase.including", "в т.ч.")]),
        ("Консульство начнет работу после получения визы.", "ru", []),  # «после» is not «посол»
        ("the volunteers who came; WHO experts", "en", [("org.who", "WHO")]),
        (
            "The Ambassador met MPs and an MP",
            "en",
            [("title.ambassador", "Ambassador"), ("title.mp", "MPs"), ("title.mp", "MP")],
        ),
        ("the programme included talks", "en", []),  # included is not a form of including
        ("Les Montréalais et Montréal", "fr", [("place.montreal", "Montréal")]),
        ("ТүркПА-ның сессиясы Монреальда", "kk", [("org.turkpa", "ТүркПА-ның"), ("place.montreal", "Монреальда")]),
        ("Тоқаевтың және Тоқаевқа", "kk", [("person.tokayev-kk", "Тоқаевтың"), ("person.tokayev-kk", "Тоқаевқа")]),
        ("пікір алмасуды ұсынды", "kk", [("phrase.exchange", "пікір алмасуды")]),
    ],
)
def test_punctuation_acronyms_and_homographs(glossary: Glossary, text: str, lang: str, expected: list) -> None:
    assert found(glossary, text, lang) == expected


def test_russian_longest_match_and_kinds(glossary: Glossary) -> None:
    hits = find_terms("Посол и Лейтенант-губернатор; посланник", "ru", glossary)
    assert [(h.concept.id, h.kind) for h in hits] == [
        ("title.ambassador", "preferred"),
        ("title.lg", "preferred"),
        ("title.ambassador", "forbidden"),
    ]
    # the nested «губернатор» is not reported inside «Лейтенант-губернатор»
    assert not any(h.concept.id == "title.governor" for h in hits)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Төтенше және Өкілетті Елшілерге", [("title.aep", "Төтенше және Өкілетті Елшілерге")]),
        ("Елшінің сапары", [("title.ambassador", "Елшінің")]),
        ("елшілеріміз", [("title.ambassador", "елшілеріміз")]),
        ("ИЫҰ-ның Бас хатшысы", [("org.oic", "ИЫҰ-ның")]),
        ("ҚР СІМ-нің өкілі", [("ministry.mfa-kz", "ҚР СІМ-нің")]),
        (
            "Қазақстан Республикасының Сыртқы істер министрлігінде",
            [("ministry.mfa-kz", "Қазақстан Республикасының Сыртқы істер министрлігінде")],
        ),
        ("Консулдың", [("title.consul", "Консулдың")]),
        ("Халықаралық қатынастар министрліктерінің", [("ministry.mir", "Халықаралық қатынастар министрліктерінің")]),
        ("елшілік", []),  # embassy is a derivation, not a form of «елші»
    ],
)
def test_kazakh_generated_forms(glossary: Glossary, text: str, expected: list) -> None:
    assert found(glossary, text, "kk") == expected


def test_kazakh_harmony_rules() -> None:
    assert is_front("министр") and not is_front("консул")
    assert plural("елші") == "елшілер" and plural("консул") == "консулдар" and plural("президент") == "президенттер"
    forms = inflected_forms("Елші")
    assert {"елшінің", "елшіге", "елшіні", "елшіде", "елшіден", "елшімен", "елшісі", "елшісінің", "елшілері"} <= forms
    forms = inflected_forms("министрі")
    assert {"министрінің", "министріне", "министрін", "министрінде", "министрінен", "министрімен"} <= forms
    assert {"ұйымға", "ұйымның", "ұйымда"} <= inflected_forms("ұйым")
    assert {"округі", "округінің"} <= inflected_forms("округ")  # loanword: both harmonies
    assert {"калгаридің", "калгариде"} <= inflected_forms("Калгари")  # final и read ий
    assert {"алмасуды", "алмасуға"} <= inflected_forms("алмасу")  # final у is a consonant
    assert {"монреальда", "монреальдың"} <= inflected_forms("Монреаль")  # ь is skipped
    assert "министрлігінің" in inflected_forms("министрлігі")  # к voiced before a vowel


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("The Ambassadors of Canada", "en", [("title.ambassador", "Ambassadors")]),
        (
            "the lieutenant-governor and Lieutenant Governors",
            "en",
            [("title.lg", "lieutenant-governor"), ("title.lg", "Lieutenant Governors")],
        ),
        ("the Consulate of the Consul", "en", [("title.consul", "Consul")]),
        ("chargés d’affaires", "en", [("title.charge", "chargés d’affaires")]),
        ("WADA's rules", "en", [("org.wada", "WADA")]),
        (
            "l'Ambassadeur et les ambassadeurs",
            "fr",
            [("title.ambassador", "Ambassadeur"), ("title.ambassador", "ambassadeurs")],
        ),
        (
            "la lieutenante-gouverneure et le LIEUTENANT GOUVERNEUR",
            "fr",
            [("title.lg", "lieutenante-gouverneure"), ("title.lg", "LIEUTENANT GOUVERNEUR")],
        ),
        ("la chargée d’affaires de l’AMA", "fr", [("title.charge", "chargée d’affaires"), ("org.wada", "AMA")]),
        (
            "du ministère des Relations internationales",
            "fr",
            [("ministry.mir", "ministère des Relations internationales")],
        ),
    ],
)
def test_english_french(glossary: Glossary, text: str, lang: str, expected: list) -> None:
    assert found(glossary, text, lang) == expected


def test_terms_do_not_cross_punctuation(glossary: Glossary) -> None:
    assert found(glossary, "Лейтенант. Губернатор", "ru") == [("title.governor", "Губернатор")]
    assert found(glossary, "Lieutenant, Governor", "en") == [("title.lg", "Governor")] or found(
        glossary, "Lieutenant, Governor", "en"
    ) == [("title.governor", "Governor")]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("встреча с Лейтенант-\nгубернатором провинции", "ru", [("title.lg", "Лейтенант-\nгубернатором")]),
        ("с Чрезвычайным и\nПолномочным Послом", "ru", [("title.aep", "Чрезвычайным и\nПолномочным Послом")]),
        (
            "с Чрезвычайным и\u00a0Полномочным\u202fПослом",
            "ru",
            [("title.aep", "Чрезвычайным и\u00a0Полномочным\u202fПослом")],
        ),
        ("беседа с Ф.\u00a0Бенжамином", "ru", [("person.benjamin", "Ф.\u00a0Бенжамином")]),
        ("The Lieutenant\r\nGovernor spoke", "en", [("title.lg", "Lieutenant\r\nGovernor")]),
        ("le lieutenant-\ngouverneur", "fr", [("title.lg", "lieutenant-\ngouverneur")]),
    ],
)
def test_terms_span_a_line_break_and_no_break_spaces(glossary: Glossary, text: str, lang: str, expected: list) -> None:
    assert found(glossary, text, lang) == expected


def test_a_blank_line_ends_a_term(glossary: Glossary) -> None:
    assert found(glossary, "Лейтенант\n\nгубернатор", "ru") == [("title.governor", "губернатор")]


def test_glossary_find_uses_the_recogniser(glossary: Glossary) -> None:
    (hit,) = glossary.find("с Лейтенант-губернатором", "ru")
    assert hit.equivalent("en") == "Lieutenant Governor" and hit.variant == "Лейтенант-губернатор"


def test_matcher_longest_wins_nested_and_overlapping() -> None:
    trie = TokenTrie()
    for keys, name in ((("a", "b"), "AB"), (("b", "c", "d"), "BCD"), (("c",), "C"), (("a",), "A")):
        trie.add(keys, name)
    tokens = [("a",), ("b",), ("c",), ("d",)]
    found_ = trie.matches(tokens, [False, True, True, True])
    assert {m.payload for m in found_} == {"AB", "BCD", "C", "A"}
    assert [m.payload for m in longest_non_overlapping(found_)] == ["A", "BCD"]
    # a gap that may not sit inside a term splits them
    assert [m.payload for m in longest_non_overlapping(trie.matches(tokens, [False, True, False, True]))] == ["AB", "C"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4)), max_size=30))
def test_resolved_matches_never_overlap_and_are_maximal(raw: list[tuple[int, int]]) -> None:
    matches = [Match(a, a + n, i) for i, (a, n) in enumerate(raw)]
    chosen = longest_non_overlapping(matches)
    covered: set[int] = set()
    for m in chosen:
        span = set(range(m.first, m.last + 1))
        assert not span & covered
        covered |= span
    for m in matches:  # every dropped match overlaps a chosen one at least as long
        if m not in chosen:
            assert any(c.first <= m.last and m.first <= c.last and c.last - c.first >= m.last - m.first for c in chosen)


def test_cli_terms_text_and_json(tmp_path: Path, glossary: Glossary, capsys: pytest.CaptureFixture) -> None:
    text = tmp_path / "t.ru.txt"
    text.write_text("Заголовок\nВстреча с Лейтенант-губернатором и Послом.\n", encoding="utf-8")
    args = ["terms", str(text), "--lang", "ru", "--glossary", str(glossary.paths[0])]
    assert main(args + ["--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["concept"], r["text"], r["line"]) for r in rows] == [
        ("title.lg", "Лейтенант-губернатором", 2),
        ("title.ambassador", "Послом", 2),
    ]
    body = text.read_text(encoding="utf-8")
    assert all(body[r["start"] : r["end"]] == r["text"] for r in rows)
    assert main(args) == 0
    assert "title.lg\tЛейтенант-губернатором" in capsys.readouterr().out
    assert main(["terms", str(text), "--lang", "xx", "--glossary", str(glossary.paths[0])]) == 2
    assert "unknown language" in capsys.readouterr().err


def test_cli_export_import_round_trip(tmp_path: Path, glossary: Glossary, capsys: pytest.CaptureFixture) -> None:
    tbx = tmp_path / "g.tbx"
    assert main(["glossary", "export", str(glossary.paths[0]), "--format", "tbx", "-o", str(tbx)]) == 0
    back = tmp_path / "back.csv"
    assert main(["glossary", "import", str(tbx), "-o", str(back)]) == 0
    again = load_glossary([back])
    assert [(c.id, c.terms, c.allowed, c.forbidden, c.marked) for c in again.concepts] == [
        (c.id, c.terms, c.allowed, c.forbidden, c.marked) for c in glossary.concepts
    ]
    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx>", encoding="utf-8")
    assert main(["glossary", "import", str(bad), "-o", str(back)]) == 2
    assert "malformed TBX" in capsys.readouterr().err
    assert load_glossary([back]).concepts  # the earlier output is untouched


SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "quebec-kazakhstan-2025-12-06.ru.txt"


@pytest.mark.skipif(not SAMPLE.exists(), reason="the shared real release is not here")
def test_real_release_inflected_terms_are_found() -> None:
    """The inflected forms the issue names, in the real release, lie inside found terms."""
    root = Path(__file__).resolve().parents[1]
    text = SAMPLE.read_text(encoding="utf-8")
    hits = find_terms(text, "ru", load_glossary([root / "glossaries"]))
    for surface in (
        "Лейтенант-губернатором",
        "Вице-спикером парламента",
        "министерств международных отношений",
        "Ф.Бенжамином",
    ):
        start = text.find(surface)
        assert start >= 0, surface
        assert any(h.start <= start and start + len(surface) <= h.end for h in hits), surface
    assert all(text[h.start : h.end] == h.text for h in hits)


PIECES = [
    "Посол",
    "послы",
    "Лейтенант-губернатором",
    "МИДа",
    "РК",
    ",",
    ".",
    " ",
    " ",
    "-",
    "в",
    "т.ч.",
    "Ф.",
    "Бенжамином",
    "энергетики",
    "Квебека",
    "министерств",
    "международных",
    "отношений",
    "после",
    "ё",
]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join))
def test_hits_are_exact_sorted_and_disjoint(glossary: Glossary, text: str) -> None:
    hits = find_terms(text, "ru", glossary)
    for a, b in itertools.pairwise(hits):
        assert a.end <= b.start
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text and hit.text.strip() == hit.text
