"""`toolkit translate` options of batch translation: globs, folders, cache, threads, progress."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import toolkit

from toolkit.errors import InputError
from toolkit.fsutil import atomic_write_text, remove_stale_temp_files
from toolkit.mt.engine import DecodeOptions
from toolkit.sources import expand_patterns

ROOT = Path(__file__).resolve().parents[1]


def test_glob_patterns_expand_and_plain_paths_stay(tmp_path: Path) -> None:
    for name in ("b.ru.txt", "a.ru.txt", "c.en.txt"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.ru.txt").write_text("x\n", encoding="utf-8")
    assert expand_patterns([tmp_path / "*.ru.txt"]) == [tmp_path / "a.ru.txt", tmp_path / "b.ru.txt"]
    assert expand_patterns([Path(f"{tmp_path}/**/*.ru.txt")])[-1] == tmp_path / "sub" / "d.ru.txt"
    assert expand_patterns([tmp_path / "sub", tmp_path / "missing.txt"]) == [tmp_path / "sub", tmp_path / "missing.txt"]
    with pytest.raises(InputError, match="no file matches"):
        expand_patterns([tmp_path / "*.fr.txt"])


def test_stale_temporary_files_are_removed_but_nothing_else(tmp_path: Path) -> None:
    atomic_write_text(tmp_path / "visit.en.po", "kept\n")
    (tmp_path / ".visit.en.po.ab12_xyz.tmp").write_text("half a file")
    (tmp_path / ".hidden").write_text("not ours")
    assert [p.name for p in remove_stale_temp_files(tmp_path)] == [".visit.en.po.ab12_xyz.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden", "visit.en.po"]


def test_threads_option_sets_one_worker_per_core() -> None:
    options = DecodeOptions.with_threads(2, beam_size=2)
    assert (options.inter_threads, options.intra_threads, options.beam_size) == (2, 1, 2)
    assert DecodeOptions.with_threads(None).intra_threads == 1
    assert "maxlen=40" in DecodeOptions(max_decoding_length=40).describe()
    assert "maxlen" not in DecodeOptions().describe()  # signatures of default runs are unchanged


def test_translate_glob_with_options_progress_and_cache(models_dir: Path, project: Path, tmp_path: Path) -> None:
    for name in ("visit2", "visit3"):
        shutil.copy(project / "examples" / "visit.ru.txt", project / "examples" / f"{name}.ru.txt")
    env = {"TOOLKIT_MT_CACHE": str(tmp_path / "cache.sqlite3")}
    args = (
        "translate",
        "examples/*.ru.txt",
        "--from",
        "ru",
        "--to",
        "en,kk",
        "--out",
        "review",
        "--models-dir",
        str(models_dir),
        "--no-argos-dirs",
        "--threads",
        "1",
        "--batch-size",
        "3",
    )
    done = toolkit(*args, cwd=project, env=env)
    assert done.returncode == 0, done.stderr
    assert "seg/s" in done.stderr  # the progress bars
    assert "3 document(s)" in done.stdout and "from the cache" in done.stdout
    assert sorted(p.name for p in (project / "review").glob("*.kk.po")) == [
        "visit.kk.po",
        "visit2.kk.po",
        "visit3.kk.po",
    ]
    first = json.loads(toolkit(*args, "--json", cwd=project, env=env).stdout)
    assert first["mt"]["decoded"] == 0 and first["mt"]["cached"] > 0
    uncached = json.loads(toolkit(*args, "--json", "--no-cache", cwd=project, env=env).stdout)
    # three copies of one release: each unique sentence is decoded once per model
    assert uncached["mt"] == {"decoded": first["mt"]["cached"], "cached": 0}
    assert uncached["segments"] == 3 * first["documents"][0]["segments"]


def test_every_command_expands_patterns_the_same_way(tmp_path: Path) -> None:
    from toolkit.pipeline import collect_releases
    from toolkit.qa.readers import collect_files
    from toolkit.sources import expand_files

    for name in ("b.ru.txt", "a.ru.txt", "a.en.po", "g.csv"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    assert collect_releases([tmp_path / "*.ru.txt"], "ru") == [tmp_path / "a.ru.txt", tmp_path / "b.ru.txt"]
    assert collect_files([tmp_path / "*.po"]) == [tmp_path / "a.en.po"]
    assert expand_files([tmp_path / "*.csv"], ".csv", "glossary") == [tmp_path / "g.csv"]
    for gather in (
        lambda: collect_files([tmp_path / "*.tmx"]),
        lambda: collect_releases([tmp_path / "*.kk.txt"], "kk"),
    ):
        with pytest.raises(InputError, match="no file matches this pattern"):
            gather()
