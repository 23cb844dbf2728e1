"""XLIFF of a bundle with real inline codes: the example web page (tests/data/html) translated
with the fixture models; its PO entries carry `<1>…</1>` / `<2/>` markers from the page's
markup. Both versions validate, read back exactly, are read by translate-toolkit, and `check`
finds the same on the XLIFF as on the PO files (the tags rule included)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, translate_example
from lxml import etree
from xliff_schemas import SCHEMAS, validate

from toolkit.cli import main
from toolkit.formats.bundle import read_bundle_po
from toolkit.formats.xliff_read import read_xliff
from toolkit.inline import has_codes
from toolkit.review.write import write_bundle
from toolkit.review.xliff_export import export_bundle

PAGE = ROOT / "tests" / "data" / "html" / "visit.ru.html"


@pytest.fixture(scope="module")
def bundle(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("coded")
    write_bundle(translate_example(models_dir, "en,kk", inputs=[PAGE]), folder)
    return folder


@pytest.fixture(scope="module")
def exported(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    out = tmp_path_factory.mktemp("coded-xliff")
    return {v: export_bundle([bundle], out / v, v) for v in ("2.1", "1.2")}


def test_the_bundle_has_codes(bundle: Path) -> None:
    entries = read_bundle_po(bundle / "visit.en.po").entries
    assert sum(has_codes(e.source) for e in entries) >= 2


@pytest.mark.skipif(not SCHEMAS.is_dir(), reason="the XLIFF schemas live in ../shared/schemas")
def test_coded_files_validate(exported: dict[str, list[Path]]) -> None:
    for files in exported.values():
        for path in files:
            assert validate(path.read_bytes()) == [], path
    codes = 0
    for path in exported["2.1"]:
        root = etree.parse(str(path)).getroot()
        codes += sum(1 for e in root.iter() if etree.QName(e).localname in ("pc", "ph"))
    assert codes > 0


def test_coded_segments_read_back_exactly(bundle: Path, exported: dict[str, list[Path]]) -> None:
    for files in exported.values():
        for path in files:
            entries = {e.id: e for e in read_bundle_po(bundle / f"{path.stem}.po").entries}
            (doc,) = read_xliff(path)
            assert {s.id: (s.source, s.target or "") for s in doc.segments()} == {
                i: (e.source, e.target) for i, e in entries.items()
            }


def test_translate_toolkit_reads_the_coded_files(exported: dict[str, list[Path]]) -> None:
    from translate.storage import xliff, xliff2

    for version, store_class in (("2.1", xliff2.Xliff2File), ("1.2", xliff.xlifffile)):
        for path in exported[version]:
            (doc,) = read_xliff(path)
            units = [u for u in store_class.parsefile(str(path)).units if not u.isheader()]
            assert len(units) == len(doc.segments())


def test_check_finds_the_same_on_xliff(bundle: Path, exported: dict[str, list[Path]], capsys) -> None:
    def found(paths) -> list[tuple]:
        capsys.readouterr()
        main(["check", *map(str, paths), "--format", "json", "--glossary", str(ROOT / "glossaries")])
        rows = json.loads(capsys.readouterr().out)
        return sorted((f["rule"], f["message"], f["segment"], f["target_lang"]) for f in rows)

    from_po = found(sorted(bundle.glob("*.po")))
    for files in exported.values():
        assert found(files) == from_po
