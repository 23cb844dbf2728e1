"""`xliff import` / `memory import` of XLIFF: files in the shapes memoQ, Trados, OmegaT and an
XLIFF 2 tool write (tests/data/xliff, written by hand), and the toolkit's own export edited as
a CAT tool would; only confirmed segments reach the memory, through the same merge as PO."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from lxml import etree
from xliff_schemas import SCHEMAS, validate

from toolkit.cli import main
from toolkit.errors import InputError
from toolkit.formats.tmx import read_tmx
from toolkit.formats.xliff_read import SUFFIXES, read_xliff
from toolkit.memory.exchange import import_into
from toolkit.pipeline import translate_releases
from toolkit.review.write import write_bundle
from toolkit.review.xliff_export import export_bundle

DATA = Path(__file__).resolve().parent / "data" / "xliff"
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"


def pairs(tmx: Path, source: str, target: str) -> set[tuple[str, str]]:
    return {(u.variants[source], u.variants[target]) for u in read_tmx(tmx) if target in u.variants}


def confirmed_in(path: Path, accept_translated: bool = False) -> set[tuple[str, str]]:
    """The (source, target) pairs the reader marks confirmed (or translated, when accepted)."""
    statuses = {"reviewed", "final"} | ({"translated"} if accept_translated else set())
    return {
        (s.source, s.target or "")
        for doc in read_xliff(path)
        for s in doc.segments()
        if s.status.value in statuses and (s.target or "").strip()
    }


@pytest.mark.parametrize(
    ("name", "langs", "expected"),
    [
        ("memoq.ru-en.mqxliff", ("ru", "en"), {"1", "4"}),
        ("trados.ru-fr.sdlxliff", ("ru", "fr"), {"0c1d5a3e-aa:1", "0c1d5a3e-aa:2"}),
        ("okapi.ru-kk.xlf", ("ru", "kk"), {"s1", "s2"}),
        ("omegat.ru-en.xlf", ("ru", "en"), set()),
    ],
)
def test_tool_files_import_their_confirmed_segments(name: str, langs, expected: set[str], tmp_path: Path) -> None:
    into = tmp_path / "approved.tmx"
    report = import_into([DATA / name], into)
    units = read_tmx(into) if into.exists() else []
    assert {u.tuid for u in units} == expected
    assert pairs(into, *langs) if expected else True
    if expected:
        assert pairs(into, *langs) == confirmed_in(DATA / name)
    total = sum(len(doc.segments()) for doc in read_xliff(DATA / name))
    assert report.read == len(expected) and report.unconfirmed == total - len(expected)


def test_codes_of_other_tools_become_markers(tmp_path: Path) -> None:
    into = tmp_path / "approved.tmx"
    import_into([DATA / "memoq.ru-en.mqxliff", DATA / "okapi.ru-kk.xlf", DATA / "trados.ru-fr.sdlxliff"], into)
    got = pairs(into, "ru", "en") | pairs(into, "ru", "kk") | pairs(into, "ru", "fr")
    # memoQ bpt/ept id 1 and ph id 2 keep their numbers; Okapi's sc/ec "b1" and ph "br1" are
    # renumbered 1 in their segments; Trados's g id 5 stays 5
    assert ("Посол <1>Казахстана</1> прибыл в Оттаву.", "The Ambassador of <1>Kazakhstan</1> arrived in Ottawa.") in got
    assert ("Переговоры прошли<2/>в Торонто.", "The talks were held<2/>in Toronto.") in got
    assert ("Стороны обсудили<1/>сотрудничество.", "Тараптар<1/>ынтымақтастықты талқылады.") in got
    assert ("Стороны обсудили <5>сотрудничество</5>.", "Les parties ont discuté de la <5>coopération</5>.") in got


def test_accept_translated_takes_a_tool_without_review(tmp_path: Path) -> None:
    into = tmp_path / "approved.tmx"
    import_into([DATA / "omegat.ru-en.xlf"], into, accept_translated=True)
    got = pairs(into, "ru", "en")
    assert got == confirmed_in(DATA / "omegat.ru-en.xlf", accept_translated=True)
    # whitespace inside the target is kept as the file has it (xml:space="preserve")
    assert ("Посол прибыл в Оттаву.", "The Ambassador arrived in  Ottawa. ") in got
    assert {u.props.get("x-document") for u in read_tmx(into)} == {"visit"}


@pytest.fixture
def exported(tmp_path: Path, project: Path) -> Path:
    """The example (memory only, no MT) exported as XLIFF 2.1 and edited as a CAT tool would:
    the first segment without a target translated and marked final, one marked reviewed,
    one edited but left translated."""
    run = translate_releases(
        [project / "examples" / "visit.ru.txt"],
        "ru",
        "en",
        glossary_paths=[],
        memory_paths=[project / "memories"],
        models_dir=project / "no-models",
        include_argos_dirs=False,
    )
    write_bundle(run, project / "review")
    (path,) = export_bundle([project / "review"], project / "xliff", "2.1")
    tree = etree.parse(str(path))
    empty = [s for s in tree.iter(f"{X2}segment") if s.find(f"{X2}target") is None]
    for segment, state in zip(empty[:3], ("final", "reviewed", "translated")):
        target = etree.SubElement(segment, f"{X2}target")
        target.text = f"Edited in the CAT tool ({state})."
        segment.set("state", state)
        segment.attrib.pop("subState", None)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return path


def test_round_trip_through_a_cat_tool(exported: Path, project: Path) -> None:
    into = project / "memories" / "approved.tmx"
    report = import_into([exported], into)
    got = pairs(into, "ru", "en")
    assert {t for _, t in got} == {"Edited in the CAT tool (final).", "Edited in the CAT tool (reviewed)."}
    assert report.read == 2
    ids = {u.tuid for u in read_tmx(into)}
    assert all(i.startswith("visit.b") for i in ids)


def test_the_same_path_as_po(exported: Path, project: Path, tmp_path: Path) -> None:
    """The final/reviewed segments of the XLIFF and the same entries confirmed in the PO file
    import the same units (text, id, document, context)."""
    via_xliff = tmp_path / "x.tmx"
    import_into([exported], via_xliff)
    doc = read_xliff(exported)[0]
    chosen = {s.id: s.target for s in doc.segments() if s.status.confirmed}
    po_path = project / "review" / "visit.en.po"
    po = polib.pofile(str(po_path), wrapwidth=0)
    for entry in po:
        if entry.msgctxt in chosen:
            entry.msgstr, entry.flags = chosen[entry.msgctxt], []
        else:
            entry.msgstr, entry.flags = "", []
    po.save(str(po_path))
    via_po = tmp_path / "p.tmx"
    import_into([po_path], via_po)

    def key(unit):
        props = {k: unit.props.get(k) for k in ("x-document", "x-context-prev", "x-context-next", "x-status")}
        return unit.tuid, tuple(sorted(unit.variants.items())), tuple(sorted(props.items()))

    assert sorted(map(key, read_tmx(via_xliff))) == sorted(map(key, read_tmx(via_po)))


def test_cli_xliff_import_and_memory_import(exported: Path, project: Path, capsys) -> None:
    into = project / "memories" / "approved.tmx"
    assert main(["xliff", "import", str(exported), "--into", str(into)]) == 0
    out = capsys.readouterr().out
    assert "2 confirmed entries read" in out
    again = project / "memories" / "again.tmx"
    assert main(["memory", "import", str(exported), "--into", str(again)]) == 0
    assert pairs(into, "ru", "en") == pairs(again, "ru", "en")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace(' trgLang="en"', ""), "trgLang"),
        (lambda t: t.replace('version="2.1"', 'version="3.0"'), "version 3.0"),
        (lambda t: t.replace('trgLang="en"', 'trgLang="de"'), "unsupported language"),
        (lambda t: t.replace("<segment ", "<segment ", 1).replace("</unit>", "</unt>", 1), "malformed"),
    ],
)
def test_bad_xliff_is_one_line_and_writes_nothing(exported: Path, project: Path, change, message: str, capsys) -> None:
    exported.write_text(change(exported.read_text(encoding="utf-8")), encoding="utf-8")
    into = project / "memories" / "approved.tmx"
    with pytest.raises(InputError, match=message):
        import_into([exported], into)
    assert main(["xliff", "import", str(exported), "--into", str(into)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(exported) in err[0] and not into.exists()


def test_xliff_1_0_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.xlf"
    shutil.copy(DATA / "omegat.ru-en.xlf", path)
    text = path.read_text(encoding="utf-8").replace(
        'version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"', 'version="1.1"'
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"version 1\.1"):
        read_xliff(path)


@pytest.mark.skipif(not SCHEMAS.is_dir(), reason="the XLIFF schemas live in ../shared/schemas")
def test_the_tool_fixtures_are_valid_xliff() -> None:
    """The hand-written files are schema-valid (their tools' own elements and attributes sit in
    other namespaces, which the schemas let through), so the import is tested on real XLIFF."""
    files = sorted(p for p in DATA.iterdir() if p.suffix in SUFFIXES)
    assert len(files) == 4
    for path in files:
        assert validate(path.read_bytes()) == [], path


def test_cli_reads_every_tool_file(tmp_path: Path, capsys) -> None:
    """`xliff import` takes .sdlxliff and .mqxliff too, and `check` reads every tool file of a folder."""
    into = tmp_path / "approved.tmx"
    files = sorted(p for p in DATA.iterdir() if p.suffix in SUFFIXES)
    assert main(["xliff", "import", *map(str, files), "--into", str(into)]) == 0
    assert "6 confirmed entries read" in capsys.readouterr().out
    assert main(["check", str(DATA), "--format", "json", "--fail-on", "info"]) in (0, 1)
    captured = capsys.readouterr()
    segments = sum(len(doc.segments()) for path in files for doc in read_xliff(path))
    assert f"in 4 files, {segments} segments" in captured.err
    assert main(["xliff", "import", str(DATA / "README.md"), "--into", str(into)]) == 2
