"""The bundle's HTML view: a legend of its colours, each proposal's notes and `check` findings,
and an index page when a run has several documents."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import translate_example
from lxml import html

from toolkit.review.write import write_bundle

ROOT = Path(__file__).resolve().parents[1]


def translate(models_dir: Path, inputs: list[Path], out: Path, targets: str = "en,fr"):
    run = translate_example(models_dir, targets, inputs)
    write_bundle(run, out)
    return run


def test_the_view_explains_its_colours_and_shows_notes_and_findings(models_dir: Path, tmp_path: Path) -> None:
    translate(models_dir, [ROOT / "examples" / "visit.ru.txt"], tmp_path, "en,fr,kk")
    page = html.fromstring((tmp_path / "visit.html").read_bytes())
    legend = page.xpath('//p[@class="legend"]/span/text()')
    assert any("approved" in t for t in legend) and any("to confirm" in t for t in legend)
    notes = page.xpath('//span[@class="note"]/text()')
    assert any("typography" in n for n in notes)  # the French post-edit is visible to the reviewer
    assert not page.xpath("//script") and not page.xpath("//link")
    assert not (tmp_path / "index.html").exists()  # one document: no index


def test_a_finding_is_shown_in_its_cell(tmp_path: Path) -> None:
    release = tmp_path / "visit.ru.txt"
    shutil.copy(ROOT / "examples" / "visit.ru.txt", release)
    translate(tmp_path / "no-models", [release], tmp_path / "out", "en")  # no model: untranslated cells
    page = html.fromstring((tmp_path / "out" / "visit.html").read_bytes())
    findings = page.xpath('//td[@class="none"]/span[contains(@class, "finding")]/text()')
    assert findings and all("untranslated" in f for f in findings)


def test_several_documents_get_an_index(models_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("visit", "visit-copy"):
        shutil.copy(ROOT / "examples" / "visit.ru.txt", folder / f"{name}.ru.txt")
    translate(models_dir, sorted(folder.glob("*.ru.txt")), tmp_path / "out")
    index = html.fromstring((tmp_path / "out" / "index.html").read_bytes())
    assert index.xpath("//a/@href") == ["visit-copy.html", "visit.html"]
    for href in index.xpath("//a/@href"):
        assert (tmp_path / "out" / href).is_file()
    assert "error(s)" in index.text_content() and "to confirm" in index.text_content()
