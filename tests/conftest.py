"""Shared fixtures. argostranslate's settings read XDG dirs at import: point them at a temp dir
first, so tests never see (or write to) the user's own argos installs."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_XDG = Path(tempfile.mkdtemp(prefix="toolkit-tests-xdg-"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_XDG / _name.lower())
os.environ.pop("TOOLKIT_MODELS_DIR", None)
os.environ.pop("ARGOS_PACKAGES_DIR", None)

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MODEL_FILES = sorted((FIXTURES / "models").glob("*.argosmodel"))
CORPUS = FIXTURES / "corpus" / "parallel.tsv"


def corpus_rows(doc: str | None = None) -> list[dict[str, str]]:
    """Rows of the parallel corpus the test models memorised."""
    with open(CORPUS, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if doc is None or r["doc"] == doc]


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models dir with all six test packages installed through the toolkit."""
    from toolkit.mt.packages import install_package

    folder = tmp_path_factory.mktemp("models")
    assert len(MODEL_FILES) == 6, MODEL_FILES
    for file in MODEL_FILES:
        install_package(file, folder)
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the example release, the glossary and the memory copied in."""
    for name in ("examples", "glossaries", "memories"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def translate_example(models_dir: Path, targets: str = "en,kk,fr", inputs: list[Path] | None = None, **kwargs):
    """translate_releases on the example release (or inputs) with the project's glossary and
    memory and the given models only (argos's own installs left out)."""
    from toolkit.pipeline import translate_releases

    return translate_releases(
        inputs or [ROOT / "examples" / "visit.ru.txt"],
        "ru",
        targets,
        glossary_paths=[ROOT / "glossaries"],
        memory_paths=[ROOT / "memories"],
        models_dir=models_dir,
        include_argos_dirs=False,
        **kwargs,
    )


def toolkit(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python cli.py ARGS` in a child process (the app as a user starts it), output captured."""
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
