"""The glossary CSV format (variants, markers, status), CSV and TBX round trips."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.errors import InputError
from toolkit.formats.glossary_csv import COLUMNS, concept_row, glossary_csv, parse_glossary_csv
from toolkit.formats.tbx import read_tbx, tbx_bytes, write_tbx
from toolkit.glossary.concept import Concept
from toolkit.glossary.files import load_glossary

HEADER = ",".join(COLUMNS)


def row(**cells: str) -> str:
    return ",".join(cells.get(c, "") for c in COLUMNS)


def test_full_header_variants_markers_and_status(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        HEADER
        + "\n"
        + row(
            id="org.wada",
            domain="organisation",
            ru="Всемирное антидопинговое агентство",
            en="World Anti-Doping Agency",
            ru_allowed="ВАДА | WADA",
            fr_allowed="AMA",
            en_forbidden="Anti-Doping Agency",
            notes="n",
            source="s",
            status="draft",
        )
        + "\n"
        + row(id="title.governor", domain="title", ru="губернатор|", kk="губернатор")
        + "\n",
        encoding="utf-8",
    )
    wada, governor = load_glossary([path]).concepts
    assert wada.allowed == {"ru": ("ВАДА", "WADA"), "fr": ("AMA",)}
    assert wada.forbidden == {"en": ("Anti-Doping Agency",)}
    assert wada.variants("ru") == ("Всемирное антидопинговое агентство", "ВАДА", "WADA")
    assert (wada.status, wada.notes, wada.source) == ("draft", "n", "s")
    assert governor.status == "approved"  # empty status cell
    assert governor.terms["ru"] == "губернатор" and governor.preferred("ru") == "губернатор|"


def test_old_header_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_text("id,domain,ru,kk,en,fr\nt.a,title,Посол,Елші,Ambassador,ambassadeur\n", encoding="utf-8")
    (concept,) = load_glossary([path]).concepts
    assert concept.terms["en"] == "Ambassador" and concept.allowed == {} and concept.status == "approved"


@pytest.mark.parametrize(
    "cells, message",
    [
        ({"ru": "губ|ер|натор"}, "more than one marker"),
        ({"ru": "по|"}, "needs 3"),
        ({"en_allowed": "amb*ssador"}, "only at the end"),
        ({"en_allowed": "Envoy | |x"}, "needs 3"),
        ({"ru": "Посол | Посланник"}, "one preferred term only"),
        ({"status": "final"}, "unknown status"),
    ],
)
def test_load_errors_name_file_and_line(tmp_path: Path, cells: dict, message: str) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        HEADER
        + "\n"
        + row(id="ok", domain="d", ru="Посол")
        + "\n"
        + row(**{"id": "bad", "domain": "d", **cells})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=message) as info:
        load_glossary([path])
    assert info.value.path == str(path) and info.value.line == 3


word = st.text(
    alphabet="абвгдеёжзийклмнопрстуфхцчшщыьэюяәғқңөұүһіabcdefghijklmnopqrstuvwxyzéèçœ'-", min_size=1, max_size=8
)
term = st.lists(word, min_size=1, max_size=3).map(" ".join)
marked = st.one_of(
    term,
    st.builds(lambda w: w + "|", st.text(alphabet="абвгдеж", min_size=3, max_size=6)),
    st.builds(lambda w: w + "*", st.text(alphabet="abcdef", min_size=3, max_size=6)),
)
free = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20).map(
    lambda s: " ".join(s.split())
)


@st.composite
def concepts(draw) -> list[Concept]:
    ids = draw(st.lists(st.text(alphabet="abcdefgh.-", min_size=1, max_size=8), min_size=1, max_size=4, unique=True))
    out = []
    for cid in ids:
        terms, marks, allowed, forbidden, accepted = {}, {}, {}, {}, {}
        for lang in ("ru", "kk", "en", "fr"):
            if draw(st.booleans()):
                written = draw(marked)
                terms[lang] = written.replace("|", "")
                if written != terms[lang]:
                    marks[lang] = written
            variants = tuple(draw(st.lists(marked, max_size=2)))
            if variants:
                allowed[lang] = variants
            banned = tuple(draw(st.lists(term, max_size=1)))
            if banned:
                forbidden[lang] = banned
            extra = tuple(draw(st.lists(marked, max_size=1)))
            if extra:
                accepted[lang] = extra
        status = draw(st.sampled_from(["approved", "draft", "deprecated"]))
        others = [i for i in ids if i != cid]
        same_as = tuple(draw(st.lists(st.sampled_from(others), max_size=2, unique=True))) if others else ()
        broader = tuple(draw(st.lists(st.sampled_from(others), max_size=1))) if others else ()
        strictness = draw(st.sampled_from(["strict", "loose"]))
        out.append(
            Concept(
                cid,
                draw(word),
                terms,
                "",
                allowed,
                forbidden,
                draw(free),
                draw(free),
                status,
                marks,
                same_as,
                broader,
                strictness,
                accepted,
            )
        )
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(concepts())
def test_csv_round_trip(items: list[Concept]) -> None:
    back = parse_glossary_csv(glossary_csv(items), Path("g.csv"))
    assert [concept_row(c) for c in back] == [concept_row(c) for c in items]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(concepts())
def test_tbx_round_trip(tmp_path: Path, items: list[Concept]) -> None:
    path = tmp_path / "g.tbx"
    write_tbx(path, items)
    back = read_tbx(path)
    assert [concept_row(c) for c in back] == [concept_row(c) for c in items]


def test_project_glossary_survives_tbx(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    concepts_ = load_glossary([root / "glossaries"]).concepts
    path = tmp_path / "p.tbx"
    path.write_bytes(tbx_bytes(concepts_))
    assert [concept_row(c) for c in read_tbx(path)] == [concept_row(c) for c in concepts_]


def test_reads_older_tbx_basic_martif(tmp_path: Path) -> None:
    path = tmp_path / "old.tbx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="c1"><descrip type="subjectField">title</descrip>
 <langSet xml:lang="en-GB"><tig><term>Envoy</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
  <ntig><termGrp><term>Ambassador</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
  <tig><term>Embassador</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
 <langSet xml:lang="de"><tig><term>Botschafter</term></tig></langSet>
</termEntry></body></text></martif>
""",
        encoding="utf-8",
    )
    (concept,) = read_tbx(path)
    assert concept.terms == {"en": "Ambassador"} and concept.domain == "title"
    assert concept.allowed == {"en": ("Envoy",)} and concept.forbidden == {"en": ("Embassador",)}


@pytest.mark.parametrize(
    "text, message, line",
    [
        ('<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY x "y">]>\n<tbx/>', "DOCTYPE internal subset is refused", 1),
        ("<tbx><text><body>\n<conceptEntry>", "malformed TBX", 2),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE tbx SYSTEM "TBXcoreStructV02.dtd">\n<tbx><text><body><conceptEntry id="c">'
            '<langSec xml:lang="en"><termSec><term>&ambassador;</term></termSec></langSec></conceptEntry></body></text></tbx>',
            "entity reference &ambassador;",
            3,
        ),
        ("<tmx/>", "not a TBX file", 1),
        ("<tbx><text><body>\n<conceptEntry/></body></text></tbx>", "without an id", 2),
        (
            '<tbx><text><body><conceptEntry id="a"/>\n<conceptEntry id="a"/></body></text></tbx>',
            "duplicate concept id",
            2,
        ),
    ],
)
def test_bad_tbx(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_tbx(path)
    assert info.value.line == line and info.value.path == str(path)
