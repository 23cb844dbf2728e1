"""`toolkit glossary import X.tbx --out existing.csv` merges: it never silently replaces a
glossary by the few concepts of a TBX."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.formats.tbx import write_tbx
from toolkit.glossary.files import load_glossary
from toolkit.glossary.merge import merge_concepts

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project_glossary(tmp_path: Path) -> Path:
    path = tmp_path / "diplomatic.csv"
    shutil.copy(ROOT / "glossaries" / "diplomatic.csv", path)
    return path


def tbx_of(tmp_path: Path, *concepts) -> Path:
    path = tmp_path / "other-tool.tbx"
    write_tbx(path, concepts)
    return path


def test_a_one_concept_tbx_is_merged_not_substituted(tmp_path: Path, project_glossary: Path, capsys) -> None:
    before = load_glossary([project_glossary]).concepts
    new = replace(
        before[0],
        id="title.envoy",
        terms={"ru": "Посланник", "en": "Envoy"},
        allowed={},
        forbidden={},
        marked={},
        accepted={},
        same_as=(),
        broader=(),
    )
    assert main(["glossary", "import", str(tbx_of(tmp_path, new)), "--out", str(project_glossary)]) == 0
    after = load_glossary([project_glossary]).concepts
    assert [c.id for c in after] == [c.id for c in before] + ["title.envoy"]
    assert "added 1, changed 0, unchanged 0, conflicting 0" in capsys.readouterr().err


def test_a_differing_concept_is_a_conflict_and_nothing_is_written(
    tmp_path: Path, project_glossary: Path, capsys
) -> None:
    before = project_glossary.read_bytes()
    ambassador = load_glossary([project_glossary]).concepts[0]
    edited = replace(ambassador, terms={**ambassador.terms, "en": "Envoy"})
    tbx = tbx_of(tmp_path, edited)
    assert main(["glossary", "import", str(tbx), "--out", str(project_glossary)]) == 1
    err = capsys.readouterr().err
    assert f"conflict: {ambassador.id} differs in en" in err and "nothing written" in err
    assert project_glossary.read_bytes() == before
    assert main(["glossary", "import", str(tbx), "--out", str(project_glossary), "--replace"]) == 0
    merged = {c.id: c for c in load_glossary([project_glossary]).concepts}
    assert merged[ambassador.id].terms["en"] == "Envoy" and len(merged) == len(
        load_glossary([ROOT / "glossaries" / "diplomatic.csv"]).concepts
    )


def test_force_overwrites_with_the_tbx_only(tmp_path: Path, project_glossary: Path) -> None:
    first = load_glossary([project_glossary]).concepts[0]
    assert main(["glossary", "import", str(tbx_of(tmp_path, first)), "--out", str(project_glossary), "--force"]) == 0
    assert [c.id for c in load_glossary([project_glossary]).concepts] == [first.id]


def test_merge_report_counts_every_imported_concept() -> None:
    concepts = load_glossary([ROOT / "glossaries"]).concepts
    report = merge_concepts(concepts[:3], [concepts[0], replace(concepts[1], notes="changed"), concepts[3]])
    assert (report.unchanged, [c for c, _ in report.conflicts], report.added) == (
        [concepts[0].id],
        [concepts[1].id],
        [concepts[3].id],
    )
    assert report.conflicts[0][1] == ["notes"] and len(report.concepts) == 4
