"""`check` reads XLIFF 1.2 and 2.x: the same findings on a bundle's PO files and on their
XLIFF export, each finding at the target's line in the .xlf file; a folder holding both a
bundle and its XLIFF checks the PO files only (one segment is not checked twice)."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from conftest import translate_example

from toolkit.cli import main
from toolkit.review.write import write_bundle
from toolkit.review.xliff_export import export_bundle


@pytest.fixture(scope="module")
def bundle(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example in en, kk, fr, with an error put in: a number changed in one English entry."""
    folder = tmp_path_factory.mktemp("bundle")
    write_bundle(translate_example(models_dir), folder)
    po = polib.pofile(str(folder / "visit.en.po"), wrapwidth=0)
    entry = next(e for e in po if "2025" in e.msgstr)
    entry.msgstr = entry.msgstr.replace("2025", "2024")
    po.save(str(folder / "visit.en.po"))
    return folder


def findings(paths: list[Path], capsys) -> list[dict]:
    capsys.readouterr()
    main(["check", *map(str, paths), "--format", "json", "--glossary", str(Path(__file__).parents[1] / "glossaries")])
    return json.loads(capsys.readouterr().out)


def comparable(found: list[dict]) -> list[tuple]:
    return sorted((f["rule"], f["severity"], f["message"], f["segment"], f["target_lang"]) for f in found)


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_same_findings_as_the_po_files(bundle: Path, tmp_path: Path, version: str, capsys) -> None:
    files = export_bundle([bundle], tmp_path / version, version)
    from_po = findings(sorted(bundle.glob("*.po")), capsys)
    from_xliff = findings([tmp_path / version], capsys)
    assert any(f["rule"] == "numbers" for f in from_po)
    assert comparable(from_xliff) == comparable(from_po)
    for finding in from_xliff:
        path = Path(finding["file"])
        assert path in files
        line = path.read_text(encoding="utf-8").splitlines()[finding["line"] - 1]
        assert "<target" in line  # the target's line


def test_a_folder_with_both_checks_the_po_files_only(bundle: Path, tmp_path: Path, capsys) -> None:
    export_bundle([bundle], bundle, "2.1")
    try:
        found = findings([bundle], capsys)
        assert found and {Path(f["file"]).suffix for f in found} == {".po"}
    finally:
        for path in bundle.glob("*.xlf"):
            path.unlink()
