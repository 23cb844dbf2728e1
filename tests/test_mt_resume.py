"""A real `toolkit translate` run killed mid-way (kill -9, then SIGINT) and run again gives
byte-identical outputs to an uninterrupted run, and never leaves partial files behind."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import MODEL_FILES

ROOT = Path(__file__).resolve().parents[1]
DOCS = 24


def make_releases(folder: Path) -> None:
    """Many releases shaped like the example, with generated sentences (so each is new to MT)."""
    lines = (ROOT / "examples" / "visit.ru.txt").read_text(encoding="utf-8").split("\n")
    words = sorted({w.strip(".,:;«»()—–") for line in lines[2:-2] for w in line.split()} - {""})
    rng = random.Random(7)
    folder.mkdir()
    for k in range(DOCS):

        def sentence() -> str:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(6, 12)))
            return text[0].upper() + text[1:] + "."

        out = [sentence()[:-1], lines[1]]
        out += [
            " ".join(sentence() for _ in range(3)) if line.strip() and not line.startswith("Источник") else line
            for line in lines[2:]
        ]
        (folder / f"release{k:03d}.ru.txt").write_text("\n".join(out), encoding="utf-8")


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("resume")
    models = base / "models"
    for file in MODEL_FILES:
        subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), "models", "install", str(file), "--models-dir", str(models)],
            check=True,
            capture_output=True,
        )
    make_releases(base / "in")
    return base, models


def command(base: Path, models: Path, out: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        str(ROOT / "cli.py"),
        "translate",
        str(base / "in" / "*.ru.txt"),
        "--from",
        "ru",
        "--to",
        "en,kk,fr",
        "--out",
        str(base / out),
        "--models-dir",
        str(models),
        "--no-argos-dirs",
        "--glossary",
        str(ROOT / "glossaries"),
        "--memory",
        str(ROOT / "memories"),
        "--batch-size",
        "8",
        "--max-length",
        "24",
        "--quiet",
        *extra,
    ]


def cached_rows(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_when_cached(cmd: list[str], db: Path, sig: int, rows: int) -> int:
    """Start a run, wait until at least `rows` translations are committed, then signal it."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while proc.poll() is None and cached_rows(db) < rows and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted; make the input larger"
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    return cached_rows(db)


def bundle_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def test_killed_runs_resume_to_identical_outputs(setup) -> None:
    base, models = setup
    reference = subprocess.run(command(base, models, "reference", "--no-cache"), capture_output=True, text=True)
    assert reference.returncode == 0, reference.stderr
    expected = bundle_files(base / "reference")
    assert len(expected) == DOCS * 9 + 1  # per release: 3 PO, 3 target texts, the source text, TMX, HTML; an index

    db = base / "cache.sqlite3"
    cmd = command(base, models, "out", "--cache-file", str(db))
    after_kill = kill_when_cached(cmd, db, signal.SIGKILL, 16)
    assert after_kill >= 16
    assert bundle_files(base / "out") == {}  # the bundle is written only at the end, never partly

    after_int = kill_when_cached(cmd, db, signal.SIGINT, after_kill + 16)
    assert after_int > after_kill  # the second run kept the first one's batches and added its own
    assert not any(name.endswith(".tmp") for name in os.listdir(base)), "no stray temporary files"

    done = subprocess.run(cmd + ["--json"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert bundle_files(base / "out") == expected
    import json

    mt = json.loads(done.stdout)["mt"]
    assert mt["cached"] >= after_int and mt["decoded"] > 0

    again = subprocess.run(cmd + ["--json"], capture_output=True, text=True)
    assert json.loads(again.stdout)["mt"]["decoded"] == 0  # a rerun translates nothing twice
    assert bundle_files(base / "out") == expected
