"""term-missing on real translation habits: related concepts (same_as, broader), a person named
by surname, a repeated mention taken up by a pronoun or short form, loose concepts; and the
glossary columns behind them (same_as, broader, strictness, derived initials forms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.formats.glossary_csv import COLUMNS
from toolkit.glossary.concept import relation_closures
from toolkit.glossary.files import load_glossary
from toolkit.glossary.people import initials_forms, surname
from toolkit.qa.checks import all_checks
from toolkit.qa.context import CheckContext
from toolkit.qa.model import Segment, Severity
from toolkit.qa.runner import check_segments

ROWS = [
    dict(
        id="mfa",
        domain="ministry",
        ru="Министерство иностранных дел Республики Казахстан",
        en="Ministry of Foreign Affairs of the Republic of Kazakhstan",
    ),
    dict(id="mfa-short", domain="ministry", ru="МИД РК", en="MFA of Kazakhstan", same_as="mfa"),
    dict(id="head-of-state", domain="title", ru="Глава государства", en="Head of State"),
    dict(id="president", domain="title", ru="Президент", en="President", broader="head-of-state"),
    dict(id="ambassador", domain="title", ru="Посол", en="Ambassador"),
    dict(id="consul", domain="title", ru="Консул", en="Consul"),
    dict(id="senator", domain="title", ru="Сенатор", en="Senator"),
    dict(id="speaker", domain="title", ru="Спикер", en="Speaker"),
    dict(id="sides", domain="phrase", ru="стороны", en="the sides", strictness="loose"),
    dict(id="tokayev", domain="person", ru="Касым-Жомарт Токаев", en="Kassym-Jomart Tokayev", broader="president"),
    dict(id="carney", domain="person", ru="Марк Карни", en="Mark Carney", kk="Марк Карни"),
    dict(
        id="kazakhstan",
        domain="place",
        ru="Казахстан",
        en="Kazakhstan",
        fr="Kazakhstan",
        en_accepted="Kazakh",
        fr_accepted="kazakh*",
    ),
    dict(
        id="court",
        domain="ministry",
        ru="Конституционный Суд Республики Казахстан",
        en="Constitutional Court of the Republic of Kazakhstan",
        fr="Cour constitutionnelle de la République du Kazakhstan",
    ),
    dict(
        id="rk",
        domain="place",
        ru="Республика Казахстан",
        ru_allowed="РК",
        en="Republic of Kazakhstan",
        fr="République du Kazakhstan",
        same_as="kazakhstan",
    ),
    dict(
        id="visa-free", domain="phrase", ru="безвизовый режим", en="visa-free regime", fr="régime d'exemption de visa"
    ),
    dict(id="copies", domain="phrase", ru="копии верительных грамот", en="copies of credentials"),
]


def write_glossary(path: Path, rows: list[dict]) -> Path:
    lines = [",".join(COLUMNS)] + [",".join(row.get(c, "") for c in COLUMNS) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> CheckContext:
    return CheckContext(load_glossary([write_glossary(tmp_path_factory.mktemp("g") / "g.csv", ROWS)]))


def missing(ctx: CheckContext, *pairs: tuple[str, str]) -> list[tuple[int, Severity, str]]:
    """(segment index, severity, message) of term-missing over one document of (ru, en) pairs."""
    segments = [Segment("doc.en.po", i + 1, "ru", "en", ru, en, f"s{i}") for i, (ru, en) in enumerate(pairs)]
    checks = {"term-missing": all_checks()["term-missing"]}
    return [(f.line - 1, f.severity, f.message) for f in check_segments(segments, checks, ctx)]


def test_an_abbreviation_rendered_by_the_full_name_and_the_reverse(ctx: CheckContext) -> None:
    assert (
        missing(
            ctx, ("Заявление МИД РК.", "A statement of the Ministry of Foreign Affairs of the Republic of Kazakhstan.")
        )
        == []
    )
    assert (
        missing(ctx, ("Министерство иностранных дел Республики Казахстан заявило.", "The MFA of Kazakhstan said."))
        == []
    )


def test_a_descriptive_title_rendered_by_the_specific_one(ctx: CheckContext) -> None:
    assert missing(ctx, ("Глава государства выступил.", "The President spoke.")) == []
    assert missing(ctx, ("Глава государства выступил.", "Kassym-Jomart Tokayev spoke.")) == []


def test_a_specific_title_rendered_by_a_broader_one_is_only_noted(ctx: CheckContext) -> None:
    ((_, severity, message),) = missing(ctx, ("Президент выступил.", "The Head of State spoke."))
    assert severity == Severity.INFO and "broader" in message


def test_a_person_by_initials_rendered_by_title_and_surname(ctx: CheckContext) -> None:
    assert missing(ctx, ("Встреча с К.Токаевым.", "A meeting with President Tokayev.")) == []
    assert missing(ctx, ("Встреча с К.-Ж. Токаевым.", "A meeting with Tokayev.")) == []
    ((_, severity, _),) = missing(ctx, ("Встреча с К.Токаевым.", "A meeting with the President."))
    assert severity == Severity.INFO  # the broader title stands for the person


def test_a_repeated_mention_taken_up_by_a_pronoun_or_short_form(ctx: CheckContext) -> None:
    found = missing(
        ctx,
        ("Сенаторы посетили Астану.", "Senators visited Astana."),
        ("Сенаторы провели встречи.", "They held meetings."),
        ("Посол вручил грамоты.", "The Ambassador presented his credentials."),
        ("Посол также встретился с министром.", "He also met the minister."),
    )
    assert [(i, s) for i, s, _ in found] == [(1, Severity.INFO), (3, Severity.INFO)]


def test_a_repeated_mention_left_implied_is_noted_but_a_rival_term_is_an_error(ctx: CheckContext) -> None:
    found = missing(
        ctx,
        ("Посол вручил грамоты.", "The Ambassador presented credentials."),
        ("Посол провел встречи.", "Meetings were held."),
        ("Посол посетил университет.", "The Consul visited the university."),
    )
    assert [(i, s) for i, s, _ in found] == [(1, Severity.INFO), (2, Severity.ERROR)]
    assert "'Consul' [consul] instead" in found[1][2]


def test_a_title_named_before_in_the_document_is_no_rival(ctx: CheckContext) -> None:
    found = missing(
        ctx,
        ("Сенаторы встретились со Спикером.", "The Senators met the Speaker."),
        ("Спикер поблагодарила сенаторов за визит.", "The Speaker thanked them for the visit."),
    )
    assert [(i, s) for i, s, _ in found] == [(1, Severity.INFO)]


def test_a_first_mention_rendered_by_nothing_is_an_error(ctx: CheckContext) -> None:
    ((_, severity, _),) = missing(ctx, ("Сенаторы посетили Астану.", "Members of parliament visited Astana."))
    assert severity == Severity.ERROR


def test_a_loose_concept_rephrased_is_only_noted(ctx: CheckContext) -> None:
    ((_, severity, _),) = missing(ctx, ("Стороны обсудили вопросы.", "Both countries discussed issues."))
    assert severity == Severity.INFO


def test_a_lowered_finding_never_rises_above_the_configured_severity(ctx: CheckContext) -> None:
    segments = [Segment("d.en.po", 1, "ru", "en", "Посол прибыл.", "The envoy arrived.", "s0")]
    chk = all_checks()["term-missing"]
    warning = {"term-missing": type(chk)(chk.name, Severity.WARNING, chk.scope, chk.func)}
    assert [f.severity for f in check_segments(segments, warning, ctx)] == [Severity.WARNING]


def test_initials_forms_and_surnames_are_derived_from_full_names() -> None:
    assert initials_forms("Ермек Кошербаев") == ("Е. Кошербаев", "Е.Кошербаев")
    assert "K.-J. Tokayev" in initials_forms("Kassym-Jomart Tokayev")
    assert "C. de Gaulle" in initials_forms("Charles de Gaulle")
    assert initials_forms("Е.Кошербаев") == () and initials_forms("Tokayev") == ()
    assert [surname(n) for n in ("Ермек Кошербаев", "Е.Кошербаев", "K. Tokayev", "Tokayev")] == [
        "Кошербаев",
        "Кошербаев",
        "Tokayev",
        "",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("переговоры с М.Карни и его командой", "ru", "М.Карни"),
        ("беседа с М. Карни", "ru", "М. Карни"),
        ("talks with M. Carney", "en", "M. Carney"),
        ("М.Карнимен кездесу", "kk", "М.Карнимен"),
    ],
)
def test_a_person_is_found_by_derived_initials_forms(ctx: CheckContext, text: str, lang: str, surface: str) -> None:
    assert ctx.glossary is not None
    ((hit,),) = [ctx.glossary.find(text, lang)]
    assert (hit.concept.id, hit.text, hit.kind) == ("carney", surface, "derived")


def test_relations_are_symmetric_and_transitive(tmp_path: Path) -> None:
    glossary = load_glossary([write_glossary(tmp_path / "g.csv", ROWS)])
    same, narrower, broader = relation_closures(glossary.concepts)
    assert same["mfa"] == same["mfa-short"] == {"mfa", "mfa-short"}
    assert narrower["head-of-state"] == {"president", "tokayev"} and broader["tokayev"] == {
        "president",
        "head-of-state",
    }


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"same_as": "nowhere"}, "same_as: no concept 'nowhere'"),
        ({"broader": "x"}, "related to itself"),
        ({"strictness": "soft"}, "unknown strictness"),
    ],
)
def test_bad_relations_name_the_file_and_line(tmp_path: Path, extra: dict, message: str) -> None:
    rows = [*ROWS, {"id": "x", "domain": "title", "ru": "Атташе", "en": "Attaché", **extra}]
    path = write_glossary(tmp_path / "g.csv", rows)
    with pytest.raises(InputError, match=message) as info:
        load_glossary([path])
    assert (info.value.path, info.value.line) == (str(path), len(rows) + 1)


def test_an_accepted_adjective_renders_a_place_in_a_target_only(ctx: CheckContext) -> None:
    assert missing(ctx, ("Посол Казахстана прибыл.", "The Kazakh Ambassador arrived.")) == []
    assert ctx.glossary is not None
    assert ctx.glossary.find("The Kazakh language", "en") == []  # never a source-side term


def test_a_name_without_its_country_renders_it(ctx: CheckContext) -> None:
    assert ctx.glossary is not None
    court = ctx.glossary.by_id()["court"]
    assert ctx.glossary.accepted_forms(court, "fr") == ("Cour constitutionnelle",)
    assert ctx.glossary.accepted_forms(court, "ru") == ("Конституционный Суд",)
    pair = (
        "Конституционный Суд Республики Казахстан учитывает рекомендации.",
        "La Cour constitutionnelle en tient compte.",
    )
    segments = [Segment("d.fr.po", 1, "ru", "fr", *pair, "s0")]
    checks = {"term-missing": all_checks()["term-missing"]}
    assert [f.message for f in check_segments(segments, checks, ctx)] == []


def test_a_nested_term_in_the_target_renders_its_concept(ctx: CheckContext) -> None:
    pair = (
        "Министерство иностранных дел Республики Казахстан и Казахстан.",
        "The Ministry of Foreign Affairs of the Republic of Kazakhstan.",
    )
    assert missing(ctx, pair) == []


def test_a_demonstrative_short_form_is_only_noted(ctx: CheckContext) -> None:
    segments = [
        Segment("v.fr.po", 1, "ru", "fr", "Безвизовый режим действует год.", "Cette exemption s'applique un an.", "s0")
    ]
    checks = {"term-missing": all_checks()["term-missing"]}
    ((finding),) = check_segments(segments, checks, ctx)
    assert finding.severity == Severity.INFO and "Cette exemption" in finding.message


def test_a_possessive_inside_an_english_term_is_passed_over(ctx: CheckContext) -> None:
    assert ctx.glossary is not None
    (hit,) = ctx.glossary.find("He handed copies of his credentials to the Chief.", "en")
    assert (hit.concept.id, hit.text) == ("copies", "copies of his credentials")
    assert ctx.glossary.find("copies of his", "en") == []  # a match never ends on the skipped word
