"""The demo bundle passes its own gate: French MT output gets French typography (recorded in the
PO notes), and the shipped memory agrees with the shipped glossary (`toolkit memory lint`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from conftest import translate_example

from toolkit.cli import main
from toolkit.mt.typography import french_typography, post_edit
from toolkit.qa.model import Severity
from toolkit.qa.runner import CheckOptions, run_check
from toolkit.review.write import write_bundle

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a déclaré: «Le texte»", "Il a déclaré\u00a0: «\u00a0Le texte\u00a0»"),
        ("Pourquoi? Parce que; enfin!", "Pourquoi\u202f? Parce que\u202f; enfin\u202f!"),
        ("à 14:30 ; voir https://gov.kz/a?b=1 ok", "à 14:30\u202f; voir https://gov.kz/a?b=1 ok"),
        ("Déjà correct\u00a0: «\u00a0oui\u00a0»", "Déjà correct\u00a0: «\u00a0oui\u00a0»"),
    ],
)
def test_french_typography(text: str, expected: str) -> None:
    assert french_typography(text) == expected


def test_only_french_is_post_edited_and_a_change_is_noted() -> None:
    assert post_edit("He said: yes", "en") == ("He said: yes", None)
    text, note = post_edit("Il a dit: oui", "fr")
    assert text == "Il a dit\u00a0: oui" and note is not None and "typography" in note
    assert post_edit(text, "fr") == (text, None)


def test_the_demo_bundle_passes_its_own_gate(models_dir: Path, tmp_path: Path) -> None:
    run = translate_example(models_dir)
    write_bundle(run, tmp_path / "review")
    result = run_check([tmp_path / "review"], CheckOptions(glossary_paths=[ROOT / "glossaries"]))
    assert [f"{f.rule}: {f.message}" for f in result.findings if f.severity >= Severity.WARNING] == []
    notes = [e.tcomment for e in polib.pofile(str(tmp_path / "review" / "visit.fr.po")) if "typography" in e.tcomment]
    assert notes, "the French MT output needed French spacing and says so"


def test_memory_lint_finds_a_memory_that_contradicts_the_glossary(tmp_path: Path, capsys) -> None:
    assert main(["memory", "lint", "--memory", str(ROOT / "memories"), "--glossary", str(ROOT / "glossaries")]) == 0
    bad = tmp_path / "bad.tmx"
    text = (ROOT / "memories" / "diplomatic.tmx").read_text(encoding="utf-8")
    bad.write_text(text.replace("Ambassador briefed", "Consul briefed", 1), encoding="utf-8")
    assert "Consul briefed" in bad.read_text(encoding="utf-8")
    assert main(["memory", "lint", "--memory", str(bad), "--glossary", str(ROOT / "glossaries")]) == 1
    out = capsys.readouterr().out
    assert "error term-missing" in out and "'Consul' [title.consul] instead" in out


def test_memory_lint_without_a_memory_is_a_usage_error(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "glossaries", tmp_path / "glossaries")
    assert main(["memory", "lint"]) == 2
    assert "no memory" in capsys.readouterr().err
