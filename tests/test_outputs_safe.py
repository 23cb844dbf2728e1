"""Outputs are replaced whole or not at all: a bundle that cannot be written completely (a full
disk) leaves the older bundle as it was and names the file; a memory shared through a symbolic
link is written through the link; a read-only memory or output is refused, not rewritten."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from conftest import translate_example

import toolkit.fsutil
from toolkit.errors import OutputError
from toolkit.formats.tmx import read_tmx
from toolkit.fsutil import atomic_write_bytes
from toolkit.memory.exchange import import_into
from toolkit.review.write import write_bundle


def run_example(models_dir: Path):
    return translate_example(models_dir, "en,fr")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_full_disk_leaves_the_older_bundle_whole(models_dir: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "review"
    out.mkdir()
    for name in ("visit.en.po", "visit.fr.po", "visit.en.txt", "visit.fr.txt", "visit.tmx", "visit.html"):
        (out / name).write_text(f"older {name}\n", encoding="utf-8")
    before = snapshot(out)
    run = run_example(models_dir)
    calls = {"n": 0}
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 5:  # the fifth file of the bundle finds the disk full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(toolkit.fsutil.os, "fsync", fsync)
    with pytest.raises(OutputError, match="No space left on device") as info:
        write_bundle(run, out)
    assert info.value.path is not None and Path(info.value.path).parent == out
    assert snapshot(out) == before  # no file of the new bundle, no temporary file left


def test_the_bundle_is_written_when_the_disk_has_room(models_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "review"
    write_bundle(run_example(models_dir), out)
    assert sorted(snapshot(out)) == sorted(
        ["visit.en.po", "visit.fr.po", "visit.en.txt", "visit.fr.txt", "visit.ru.txt", "visit.tmx", "visit.html"]
    )


def test_a_linked_memory_is_written_through_its_link(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "approved.tmx"
    memories = tmp_path / "project" / "memories"
    memories.mkdir(parents=True)
    first = tmp_path / "a.en.po"
    first.write_text(PO.format(msgid="Посол прибыл.", msgstr="The Ambassador arrived."), encoding="utf-8")
    import_into([first], shared)
    shared.chmod(0o640)
    (memories / "approved.tmx").symlink_to(shared)
    second = tmp_path / "b.en.po"
    second.write_text(PO.format(msgid="Стороны обсудили.", msgstr="The sides discussed."), encoding="utf-8")
    import_into([second], memories / "approved.tmx")
    assert (memories / "approved.tmx").is_symlink()
    assert len(read_tmx(shared)) == 2
    assert shared.stat().st_mode & 0o777 == 0o640


def test_a_read_only_memory_is_refused_and_kept(tmp_path: Path) -> None:
    memory = tmp_path / "m.tmx"
    first = tmp_path / "a.en.po"
    first.write_text(PO.format(msgid="Посол прибыл.", msgstr="The Ambassador arrived."), encoding="utf-8")
    import_into([first], memory)
    memory.chmod(0o444)
    before = memory.read_bytes()
    with pytest.raises(OutputError, match="read-only"):
        import_into([first], memory)
    assert memory.read_bytes() == before


def test_a_file_the_user_cannot_write_is_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "m.tmx"
    path.write_bytes(b"old")
    monkeypatch.setattr(toolkit.fsutil.os, "access", lambda p, mode: False)  # another user's file
    with pytest.raises(OutputError, match="read-only") as info:
        atomic_write_bytes(path, b"new")
    assert info.value.path == str(path) and path.read_bytes() == b"old"


def test_an_output_folder_that_is_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "review").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, not a folder") as info:
        atomic_write_bytes(tmp_path / "review" / "visit.en.po", b"x")
    assert info.value.path == str(tmp_path / "review" / "visit.en.po")


PO = """msgid ""
msgstr ""
"Language: en\\n"
"X-Source-Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "doc.b1.s0"
msgid "{msgid}"
msgstr "{msgstr}"
"""
