"""`review apply`: final texts from reviewed PO files, unconfirmed listed, confirmed entries imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest

from toolkit.errors import InputError
from toolkit.formats.tmx import read_tmx
from toolkit.pipeline import translate_releases
from toolkit.review.apply import apply_review
from toolkit.review.write import write_bundle
from toolkit.text.document import read_release

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def reviewed(project: Path) -> Path:
    """A bundle of the example (no MT models) whose en PO a reviewer confirmed except the last entry."""
    run = translate_releases(
        [project / "examples" / "visit.ru.txt"],
        "ru",
        "en",
        glossary_paths=[],
        memory_paths=[project / "memories"],
        models_dir=project / "no-models",
        include_argos_dirs=False,
    )
    bundle = project / "review"
    write_bundle(run, bundle)
    po_path = bundle / "visit.en.po"
    po = polib.pofile(str(po_path), wrapwidth=0)
    for i, entry in enumerate(po):
        if i < len(po) - 1:
            entry.msgstr = entry.msgstr or f"EN {i}: confirmed."
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        else:
            entry.msgstr, entry.flags = "Draft only.", ["fuzzy"]
    po.save(str(po_path))
    return bundle


def test_apply_writes_final_text_lists_unconfirmed_and_imports(reviewed: Path, project: Path) -> None:
    into = project / "memories" / "reviewed.tmx"
    report = apply_review(reviewed, into)
    po = polib.pofile(str(reviewed / "visit.en.po"))
    last = po[-1]
    assert report.texts == [reviewed / "visit.en.txt"]
    assert report.unconfirmed == [f"{reviewed / 'visit.en.po'}:{last.linenum}: {last.msgctxt}"]
    text = (reviewed / "visit.en.txt").read_text(encoding="utf-8")
    source = read_release(project / "examples" / "visit.ru.txt", "ru")
    assert text.count("\n") == source.render().count("\n")  # the source's block structure
    for entry in po[:-1]:
        assert entry.msgstr in text
    assert "Draft only." not in text and last.msgid in text  # unconfirmed keeps the source sentence
    units = read_tmx(into)
    assert len(units) == report.imported.added == len(po) - 1
    assert all(u.props["x-document"] == "visit" and u.props["x-status"] == "reviewed" for u in units)

    # the memory now gives in-context (101%) matches for the confirmed segments
    run = translate_releases(
        [project / "examples" / "visit.ru.txt"],
        "ru",
        "en",
        glossary_paths=[],
        memory_paths=[into],
        models_dir=project / "no-models",
        include_argos_dirs=False,
    )
    proposals = [s.targets["en"] for s in run.documents[0].segments]
    assert [(p.origin.kind, p.origin.match, p.origin.score) for p in proposals[:-1]] == [("memory", "context", 101)] * (
        len(po) - 1
    )
    assert not any(p.fuzzy for p in proposals[:-1])


@pytest.mark.parametrize("edited", ["review/visit.ru.txt", "examples/visit.ru.txt"])
def test_apply_refuses_a_release_edited_after_translation(reviewed: Path, project: Path, edited: str) -> None:
    release = project / edited
    release.write_text(release.read_text(encoding="utf-8").replace("Казахстан", "Казахстaн", 1), encoding="utf-8")
    into = project / "memories" / "reviewed.tmx"
    before = (reviewed / "visit.en.txt").read_bytes()
    given = release if edited.startswith("examples") else None  # the bundle's own copy is the default
    with pytest.raises(InputError, match="does not match the source release") as info:
        apply_review(reviewed, into, source=given)
    assert info.value.path == str(reviewed / "visit.en.po")
    assert not into.exists() and (reviewed / "visit.en.txt").read_bytes() == before


def test_the_bundle_is_self_contained(reviewed: Path, project: Path, tmp_path: Path) -> None:
    """Moved elsewhere, away from the release it was made from, the bundle still applies."""
    moved = tmp_path / "elsewhere" / "bundle"
    moved.parent.mkdir()
    reviewed.rename(moved)
    (project / "examples" / "visit.ru.txt").unlink()
    report = apply_review(moved, None)
    assert report.texts == [moved / "visit.en.txt"] and len(report.unconfirmed) == 1


def test_an_occurrence_path_with_spaces_is_found(project: Path, tmp_path: Path) -> None:
    folder = project / "press releases"
    folder.mkdir()
    (folder / "visit.ru.txt").write_text(
        (project / "examples" / "visit.ru.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    run = translate_releases(
        [folder / "visit.ru.txt"],
        "ru",
        "en",
        memory_paths=[project / "memories"],
        models_dir=project / "none",
        include_argos_dirs=False,
    )
    write_bundle(run, tmp_path / "review")
    (tmp_path / "review" / "visit.ru.txt").unlink()  # only the occurrences lead to the release now
    assert apply_review(tmp_path / "review", None).texts == [tmp_path / "review" / "visit.en.txt"]


def test_cli_review_apply(reviewed: Path, project: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "review", "apply", "review"], cwd=project, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "wrote review/visit.en.txt" in done.stdout and "unconfirmed:" in done.stdout
    assert "memories/reviewed.tmx" in done.stdout and (project / "memories" / "reviewed.tmx").is_file()
    missing = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "review", "apply", "nowhere"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "nowhere" in missing.stderr and "Traceback" not in missing.stderr
