"""The whole loop a press office runs, through the `toolkit` command on the files its own
writers produced: translate -> check -> a reviewer confirms -> review apply -> memory import ->
translate again, now from memory."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from toolkit.cli import main
from toolkit.formats.tmx import read_tmx
from toolkit.pipeline import translate_releases


def _confirm(po_path: Path) -> int:
    """What a reviewer does in a PO editor: accept every proposal (the fuzzy flags go)."""
    po = polib.pofile(str(po_path), wrapwidth=0)
    for entry in po:
        if entry.msgstr and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save(str(po_path))
    return sum(1 for e in po if e.msgstr)


def test_translate_check_apply_import_and_reuse(
    project: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    release = Path("examples/visit.ru.txt")
    common = ["--models-dir", str(models_dir), "--no-argos-dirs", "--no-cache"]
    assert main(["translate", str(release), "--from", "ru", "--to", "en,kk", "-o", "review", "-q", *common]) == 0
    bundle = project / "review"
    assert sorted(p.name for p in bundle.glob("*.po")) == ["visit.en.po", "visit.kk.po"]

    # the gate reads the bundle the writer produced: both PO files, every segment, every
    # finding located in them
    segments = len(polib.pofile(str(bundle / "visit.en.po"))) + len(polib.pofile(str(bundle / "visit.kk.po")))
    capsys.readouterr()
    code = main(["check", "review", "--format", "json", "--output", "report.json", "--fail-on", "error"])
    assert code in (0, 1)
    assert f"in 2 files, {segments} segments" in capsys.readouterr().err
    findings = json.loads((project / "report.json").read_text(encoding="utf-8"))
    for finding in findings:
        assert Path(finding["file"]).name in ("visit.en.po", "visit.kk.po") and finding["line"] >= 1
    assert (code == 1) == any(f["severity"] == "error" for f in findings)

    # a reviewer confirms the English file only; review apply writes its final text and
    # imports its confirmed entries, and lists the Kazakh proposals still to confirm
    confirmed = _confirm(bundle / "visit.en.po")
    capsys.readouterr()
    assert main(["review", "apply", "review", "--into", "memories/reviewed.tmx"]) == 0
    out = capsys.readouterr().out
    unconfirmed = [line for line in out.splitlines() if line.startswith("unconfirmed: ")]
    assert unconfirmed and all("visit.kk.po:" in line for line in unconfirmed)
    final = (bundle / "visit.en.txt").read_text(encoding="utf-8")
    po = polib.pofile(str(bundle / "visit.en.po"))
    assert all(e.msgstr in final for e in po if e.msgstr)
    reviewed = read_tmx(project / "memories" / "reviewed.tmx")
    assert len(reviewed) == confirmed
    assert {u.props["x-document"] for u in reviewed} == {"visit"}

    # importing the same reviewed file again through `memory import` adds nothing new
    assert main(["memory", "import", "review/visit.en.po", "--into", "memories/reviewed.tmx"]) == 0
    assert len(read_tmx(project / "memories" / "reviewed.tmx")) == confirmed

    # the next run takes every confirmed sentence from memory, in context, with no MT
    run = translate_releases(
        [release],
        "ru",
        "en",
        glossary_paths=[project / "glossaries"],
        memory_paths=[project / "memories" / "reviewed.tmx"],
        models_dir=models_dir,
        include_argos_dirs=False,
    )
    sources = {e.msgid for e in po if e.msgstr}
    again = [s.targets["en"] for s in run.documents[0].segments if s.source in sources]
    assert len(again) == confirmed
    assert {(p.origin.kind, p.origin.match) for p in again} == {("memory", "context")}
    assert run.stats["en"].mt == 0 and run.mt_decoded == 0
