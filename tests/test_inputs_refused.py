"""Inputs that used to pass silently are refused with one line naming the file, exit 2: empty
folders given to lint and check, a FIFO among the releases, a folder of other `*.txt`, English
text given as Russian."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[1]


def one_error(capsys, *needles: str) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    for needle in needles:
        assert needle in err[0], err[0]
    return err[0]


@pytest.mark.parametrize("command", [["glossary", "lint"], ["check"]])
def test_an_empty_folder_is_a_configuration_error(tmp_path: Path, capsys, command: list[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main([*command, str(tmp_path / "empty")]) == 2
    one_error(capsys, str(tmp_path / "empty"), "in this folder")


def test_check_with_every_file_ignored_fails(tmp_path: Path, capsys, monkeypatch) -> None:
    folder = tmp_path / "review"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "visit.ru.txt", folder / "visit.ru.txt")
    (folder / "visit.en.txt").write_text(
        (ROOT / "examples" / "visit.ru.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "toolkit.toml").write_text('[check]\nignore-paths = ["*.txt"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "review"]) == 2
    one_error(capsys, "ignored")


def test_a_fifo_among_the_releases_is_skipped_and_a_named_one_refused(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "stuck.ru.txt")
    assert main(["translate", str(folder), "--from", "ru", "--to", "en", "--out", str(tmp_path / "out"), "-q"]) == 2
    one_error(capsys, "no releases (*.ru.txt, .html or .docx) in this folder")
    assert main(["translate", str(folder / "stuck.ru.txt"), "--from", "ru", "--to", "en", "-q"]) == 2
    one_error(capsys, "stuck.ru.txt", "not a regular file")


def test_a_folder_without_releases_of_the_source_language_is_refused(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.txt").write_text("Посол прибыл в Оттаву.\n", encoding="utf-8")
    assert main(["translate", str(folder), "--from", "ru", "--to", "en", "-q"]) == 2
    one_error(capsys, str(folder), "*.ru.txt")


def test_english_text_named_russian_is_refused(tmp_path: Path, capsys) -> None:
    release = tmp_path / "visit.ru.txt"
    release.write_text(
        "Ambassador visits Quebec\nOttawa, 5 November 2025 – The Ambassador of Kazakhstan met the Premier of Quebec.\n",
        encoding="utf-8",
    )
    assert main(["translate", str(release), "--from", "ru", "--to", "en", "--out", str(tmp_path / "out"), "-q"]) == 2
    one_error(capsys, str(release), "not Russian text")
    assert not (tmp_path / "out").exists()


def test_an_empty_language_in_to_is_a_usage_error(tmp_path: Path, capsys) -> None:
    args = ["translate", str(ROOT / "examples" / "visit.ru.txt"), "--from", "ru", "--to", "en,,fr", "-q"]
    assert main([*args, "--out", str(tmp_path / "out")]) == 2
    one_error(capsys, "empty language code in 'en,,fr'")


@pytest.mark.parametrize(
    ("data", "needles"),
    [
        ("Визит\nТекст с \x00 внутри.\n".encode(), ("visit.ru.txt:2:", "NUL byte")),
        ("Визит\nТекст.\n".encode("utf-16"), ("visit.ru.txt:", "UTF-16, not UTF-8")),
    ],
)
def test_nul_bytes_and_utf16_are_named_not_translated(tmp_path: Path, capsys, data: bytes, needles) -> None:
    release = tmp_path / "visit.ru.txt"
    release.write_bytes(data)
    assert main(["translate", str(release), "--from", "ru", "--to", "en", "--out", str(tmp_path / "out"), "-q"]) == 2
    one_error(capsys, *needles)
    assert not (tmp_path / "out").exists()


def test_a_file_of_another_kind_is_named_with_what_to_do(tmp_path: Path, capsys) -> None:
    tbx = tmp_path / "terms.tbx"
    tbx.write_text("<tbx/>", encoding="utf-8")
    po = tmp_path / "reviewed.en.po"
    po.write_text('msgid ""\nmsgstr "Language: en\\n"\n', encoding="utf-8")
    release = str(ROOT / "examples" / "visit.ru.txt")
    assert main(["translate", release, "--from", "ru", "--to", "en", "--glossary", str(tbx), "-q"]) == 2
    one_error(capsys, str(tbx), "not a glossary file (*.csv)", "toolkit glossary import")
    assert main(["memory", "lookup", "Посол", "--lang", "ru", "--to", "en", "--memory", str(po)]) == 2
    one_error(capsys, str(po), "not a memory file (*.tmx)", "toolkit memory import")


def test_an_output_folder_that_is_a_file_is_said_so(tmp_path: Path, capsys) -> None:
    out = tmp_path / "review"
    out.write_text("a file", encoding="utf-8")
    args = ["translate", str(ROOT / "examples" / "visit.ru.txt"), "--from", "ru", "--to", "en", "--out", str(out)]
    assert main([*args, "--models-dir", str(tmp_path / "none"), "--no-argos-dirs", "-q"]) == 2
    one_error(capsys, f"{out} is a file, not a folder")
    assert out.read_text(encoding="utf-8") == "a file"
