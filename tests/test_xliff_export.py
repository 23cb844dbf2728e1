"""`xliff export`: a real bundle (the fixture models, the project's memory and glossary) plus
entries a reviewer edited and entries holding inline-code markers, written as XLIFF 2.1 and
1.2; every file validates against the schemas in ../shared/schemas (and the XLIFF 2
Schematron rules checked in code), translate-toolkit reads it as an independent client, and
the toolkit's own reader gives back every segment exactly."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from conftest import translate_example
from lxml import etree
from xliff_schemas import SCHEMAS, validate

from toolkit.cli import main
from toolkit.formats.bundle import read_bundle_po
from toolkit.formats.xliff_model import Status
from toolkit.formats.xliff_read import read_xliff
from toolkit.review.write import write_bundle
from toolkit.review.xliff_export import entry_segment, export_bundle

needs_schemas = pytest.mark.skipif(not SCHEMAS.is_dir(), reason="the XLIFF schemas live in ../shared/schemas")
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
X12 = "{urn:oasis:names:tc:xliff:document:1.2}"
# text for entries a test gives inline codes: nested pairs, a standalone code, an id used in
# two sentences of one block (XLIFF 2 needs ids unique in the unit)
CODED = {
    0: ("<1>Посол</1> Казахстана провел переговоры<2/>", "<1>Ambassador</1> of Kazakhstan held talks<2/>"),
    1: ("Визит <1>в <3>Торонто</3></1> завершён.", "The <1>visit to <3>Toronto</3></1> ended."),
}


@pytest.fixture(scope="module")
def bundle(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example translated into en, kk, fr; in the en PO a reviewer confirmed one MT entry
    (and edited it), cleared one, and two entries of one block carry inline codes."""
    folder = tmp_path_factory.mktemp("bundle")
    write_bundle(translate_example(models_dir), folder)
    po_path = folder / "visit.en.po"
    po = polib.pofile(str(po_path), wrapwidth=0)
    mt = [e for e in po if "fuzzy" in e.flags]
    mt[0].msgstr += " (edited)"
    mt[0].flags.remove("fuzzy")
    mt[1].msgstr = ""
    mt[1].flags.remove("fuzzy")
    block = next(
        b
        for b in sorted({e.msgctxt.rsplit(".", 1)[0] for e in po})
        if sum(e.msgctxt.startswith(b + ".") for e in po) >= 2
    )
    in_block = [e for e in po if e.msgctxt.startswith(block + ".")]
    for k, entry in enumerate(in_block[:2]):
        entry.msgid, entry.msgstr = CODED[k]
    po.save(str(po_path))
    return folder


@pytest.fixture(scope="module")
def exported(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    out = tmp_path_factory.mktemp("xliff")
    return {v: export_bundle([bundle], out / v, v) for v in ("2.1", "1.2")}


def test_one_file_per_document_and_target_language(exported: dict[str, list[Path]]) -> None:
    for files in exported.values():
        assert sorted(p.name for p in files) == ["visit.en.xlf", "visit.fr.xlf", "visit.kk.xlf"]


@needs_schemas
def test_every_file_validates(exported: dict[str, list[Path]]) -> None:
    counts = {}
    for version, files in exported.items():
        for path in files:
            assert validate(path.read_bytes()) == [], path
        counts[version] = len(files)
    print(f"\nvalidated: {counts['2.1']} XLIFF 2.1 files (core + matches + glossary), {counts['1.2']} XLIFF 1.2 files")


@needs_schemas
def test_the_validator_rejects_what_the_schemas_forbid(exported: dict[str, list[Path]]) -> None:
    """The validation has teeth: a state outside the spec, a match pointing nowhere, a 1.2
    qualifier outside the list each fail."""
    data21 = exported["2.1"][0].read_bytes()
    data12 = exported["1.2"][0].read_bytes()
    assert validate(data21.replace(b'state="initial"', b'state="draft"', 1))
    assert validate(data21.replace(b'ref="#', b'ref="#nowhere', 1))
    assert validate(data21.replace(b'state="initial"', b'state="final"'))  # F29: untranslated segments
    assert validate(data12.replace(b'state-qualifier="leveraged-mt"', b'state-qualifier="guessed"', 1))


def _entries(bundle: Path, lang: str):
    return {e.id: e for e in read_bundle_po(bundle / f"visit.{lang}.po").entries}


def test_the_reader_gives_back_every_segment_exactly(bundle: Path, exported: dict[str, list[Path]]) -> None:
    for files in exported.values():
        for path in files:
            entries = _entries(bundle, path.stem.split(".")[1])
            (doc,) = read_xliff(path)
            assert [s.id for s in doc.segments()] == list(entries)
            for seg in doc.segments():
                entry = entries[seg.id]
                assert (seg.source, seg.target or "") == (entry.source, entry.target)
                assert seg.status is entry_segment(entry).status


def test_status_follows_provenance(bundle: Path, exported: dict[str, list[Path]]) -> None:
    """memory 100% -> translated, confirmed by the reviewer -> final, MT -> initial, none -> no target."""
    entries = _entries(bundle, "en")
    kinds = {}
    for entry in entries.values():
        label = entry.comments[0] if entry.comments else ""
        kind = (
            "empty"
            if not entry.target
            else "fuzzy"
            if entry.fuzzy
            else "tm"
            if label.startswith("tm 100%")
            else "confirmed"
        )
        kinds.setdefault(kind, entry.id)
    assert set(kinds) == {"empty", "fuzzy", "tm", "confirmed"}
    root2 = etree.parse(str(exported["2.1"][0].with_name("visit.en.xlf"))).getroot()
    root12 = etree.parse(str(exported["1.2"][0].with_name("visit.en.xlf"))).getroot()
    expected = {
        "fuzzy": ("initial", "needs-review-translation", None),
        "tm": ("translated", "translated", None),
        "confirmed": ("final", "final", "yes"),
        "empty": ("initial", None, None),
    }
    for kind, seg_id in kinds.items():
        seg = root2.find(f".//{X2}segment[@id='{seg_id}']")
        unit = root12.find(f".//{X12}trans-unit[@id='{seg_id}']")
        target = unit.find(f"{X12}target")
        state12 = target.get("state") if target is not None else None
        assert (seg.get("state"), state12, unit.get("approved")) == expected[kind], kind
        assert (seg.find(f"{X2}target") is None) == (kind == "empty")
    fuzzy = root12.find(f".//{X12}trans-unit[@id='{kinds['fuzzy']}']")
    assert fuzzy.find(f"{X12}target").get("state-qualifier") == "leveraged-mt"
    assert fuzzy.find(f"{X12}alt-trans").get("origin").startswith("mt argos")
    tm = root2.find(f".//{X2}segment[@id='{kinds['tm']}']")
    assert tm.get("subState") == "pt:exact-match"


def test_inline_codes_are_pc_ph_and_g_x(bundle: Path, exported: dict[str, list[Path]]) -> None:
    root2 = etree.parse(str(exported["2.1"][0].with_name("visit.en.xlf"))).getroot()
    root12 = etree.parse(str(exported["1.2"][0].with_name("visit.en.xlf"))).getroot()
    coded = [s for s in root2.iter(f"{X2}segment") if s.find(f".//{X2}pc") is not None]
    assert len(coded) == 2
    first, second = (seg.find(f"{X2}source") for seg in coded)
    # both sentences use id 1, so ids are made unique in the unit: sentence K, marker N -> K-N
    assert [e.get("id") for e in first.iter(f"{X2}pc", f"{X2}ph")] == ["1-1", "1-2"]
    assert [e.get("id") for e in second.iter(f"{X2}pc")] == ["2-1", "2-3"]
    assert first.find(f"{X2}ph") is not None and second.find(f"{X2}pc/{X2}pc") is not None
    g = [u for u in root12.iter(f"{X12}trans-unit") if u.find(f".//{X12}g") is not None]
    assert len(g) == 2
    assert [e.get("id") for e in g[0].find(f"{X12}source").iter(f"{X12}g", f"{X12}x")] == ["1", "2"]
    assert g[1].find(f"{X12}target/{X12}g/{X12}g").text == "Toronto"


def test_translate_toolkit_reads_what_is_written(bundle: Path, exported: dict[str, list[Path]]) -> None:
    from translate.storage import xliff, xliff2

    for version, module in (("2.1", xliff2.Xliff2File), ("1.2", xliff.xlifffile)):
        for path in exported[version]:
            entries = _entries(bundle, path.stem.split(".")[1])
            store = module.parsefile(str(path))
            units = [u for u in store.units if not u.isheader()]
            assert len(units) == len(entries), (version, path)
            for unit in units:
                seg_id = unit.getid().split("::")[-1].split("\x04")[-1]  # 2.x unit::segment, 1.2 file\x04id
                entry = entries[seg_id]
                if "<" not in entry.source:  # coded text: translate-toolkit renders codes its own way
                    assert unit.source == entry.source
                    assert (unit.target or "") == entry.target
                expected = entry_segment(entry).status
                assert unit.isapproved() == (expected in (Status.FINAL, Status.REVIEWED)), (version, seg_id)
                # translate-toolkit: 2.x initial is fuzzy; 1.2 anything translated but not approved is
                fuzzy = {Status.INITIAL} if version == "2.1" else {Status.INITIAL, Status.TRANSLATED}
                assert unit.isfuzzy() == (expected in fuzzy and bool(entry.target)), (version, seg_id)


def test_cli_export_and_bad_version(bundle: Path, tmp_path: Path, capsys) -> None:
    assert main(["xliff", "export", str(bundle), "--version", "1.2", "--out", str(tmp_path / "x")]) == 0
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == ["visit.en.xlf", "visit.fr.xlf", "visit.kk.xlf"]
    capsys.readouterr()
    assert main(["xliff", "export", str(bundle), "--version", "1.1", "--out", str(tmp_path / "y")]) == 2
    assert "1.1" in capsys.readouterr().err and not (tmp_path / "y").exists()


def test_unwritable_out_is_one_line_and_writes_nothing(bundle: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["xliff", "export", str(bundle), "--out", str(blocker)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(blocker) in err[0]
    out = tmp_path / "out"
    out.mkdir()
    (out / "visit.fr.xlf").write_text("kept", encoding="utf-8")
    (out / "visit.fr.xlf").chmod(0o444)
    assert main(["xliff", "export", str(bundle), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "visit.fr.xlf" in err[0] and "read-only" in err[0]
    assert sorted(p.name for p in out.iterdir()) == ["visit.fr.xlf"]  # en and kk were not written either
    assert (out / "visit.fr.xlf").read_text(encoding="utf-8") == "kept"


def test_po_files_of_other_editors_need_from(tmp_path: Path, capsys) -> None:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": "en", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt="doc.b01.s00", msgid="Посол прибыл.", msgstr="The Ambassador arrived."))
    po.save(str(tmp_path / "doc.en.po"))
    assert main(["xliff", "export", str(tmp_path / "doc.en.po"), "--out", str(tmp_path / "x")]) == 2
    assert "--from" in capsys.readouterr().err and not (tmp_path / "x").exists()
    assert main(["xliff", "export", str(tmp_path / "doc.en.po"), "--from", "ru", "--out", str(tmp_path / "x")]) == 0
    (doc,) = read_xliff(tmp_path / "x" / "doc.en.xlf")
    assert (doc.source_lang, doc.target_lang, doc.segments()[0].status) == ("ru", "en", Status.FINAL)


HAND_PO = """msgid ""
msgstr ""
"Language: en\\n"
"X-Source-Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# tm fuzzy 85% memories/diplomatic.tmx
# term: Посол -> Ambassador [title.ambassador]
#, fuzzy
#| msgid "Посол прибыл в Астану."
msgctxt "doc.b01.s00"
msgid "Посол прибыл в Оттаву."
msgstr "The Ambassador arrived in Astana."

# tm 101% memories/diplomatic.tmx
msgctxt "doc.b01.s01"
msgid "Стороны обсудили сотрудничество."
msgstr "The parties discussed cooperation."

# glossary title.ambassador
# term: Посол -> (no approved term) [title.ambassador]
#, fuzzy
msgctxt "doc.b02.s00"
msgid "Посол"
msgstr "Ambassador"
"""


def test_memory_candidates_and_glossary_fills(tmp_path: Path) -> None:
    """A fuzzy memory match: its candidate has the memory's own source and the score; an
    in-context match is translated; a glossary fill is initial; a term without an approved
    equivalent is a glossary entry with a definition (the module wants one or the other)."""
    (tmp_path / "doc.en.po").write_text(HAND_PO, encoding="utf-8")
    files = {v: export_bundle([tmp_path / "doc.en.po"], tmp_path / v, v)[0] for v in ("2.1", "1.2")}
    if SCHEMAS.is_dir():
        assert [validate(p.read_bytes()) for p in files.values()] == [[], []]
    root2 = etree.parse(str(files["2.1"])).getroot()
    match = root2.find(".//{urn:oasis:names:tc:xliff:matches:2.0}match")
    assert (match.get("ref"), match.get("type"), match.get("similarity"), match.get("origin")) == (
        "#doc.b01.s00",
        "tm",
        "85",
        "memories/diplomatic.tmx",
    )
    assert match.find(f"{X2}source").text == "Посол прибыл в Астану."
    states = {s.get("id"): (s.get("state"), s.get("subState")) for s in root2.iter(f"{X2}segment")}
    assert states == {
        "doc.b01.s00": ("initial", "pt:fuzzy-match"),
        "doc.b01.s01": ("translated", "pt:exact-match"),
        "doc.b02.s00": ("initial", "pt:leveraged-glossary"),
    }
    definition = root2.find(".//{urn:oasis:names:tc:xliff:glossary:2.0}definition")
    assert definition is not None
    root12 = etree.parse(str(files["1.2"])).getroot()
    alt = root12.find(f".//{X12}alt-trans")
    assert (alt.get("match-quality"), alt.find(f"{X12}source").text) == ("85", "Посол прибыл в Астану.")
    quals = [u.find(f"{X12}target").get("state-qualifier") for u in root12.iter(f"{X12}trans-unit")]
    assert quals == ["fuzzy-match", "exact-match", "leveraged-glossary"]
