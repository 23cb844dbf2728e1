"""The command line: exit codes, one-line errors, nothing written on bad input."""

import json
import subprocess
from pathlib import Path

import pytest
from conftest import MODEL_FILES, toolkit

ROOT = Path(__file__).resolve().parents[1]


def assert_one_line_error(done: subprocess.CompletedProcess, *needles: str) -> None:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    for needle in needles:
        assert needle in lines[0]


def test_models_install_list_translate(tmp_path: Path, project: Path) -> None:
    models = tmp_path / "models"
    for file in MODEL_FILES:
        done = toolkit("models", "install", str(file), env={"TOOLKIT_MODELS_DIR": str(models)})
        assert done.returncode == 0, done.stderr
        assert "installed" in done.stdout
    listed = toolkit("models", "list", "--format", "json", "--no-argos-dirs", "--models-dir", str(models))
    assert sorted(r["from"] + r["to"] for r in json.loads(listed.stdout)) == [
        "enfr",
        "enkk",
        "enru",
        "fren",
        "kken",
        "ruen",
    ]
    done = toolkit(
        "translate",
        "examples/visit.ru.txt",
        "--from",
        "ru",
        "--to",
        "en,kk,fr",
        "--out",
        "review",
        "--models-dir",
        str(models),
        "--no-argos-dirs",
        "--json",
        cwd=project,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["segments"] == 16 and summary["missing_pairs"] == []
    assert summary["languages"]["en"]["memory"] == 2
    assert (project / "review" / "visit.fr.po").is_file()


def test_missing_model_warns_once_and_require_mt_exits_3(tmp_path: Path, project: Path) -> None:
    args = (
        "translate",
        "examples",
        "--from",
        "ru",
        "--to",
        "en,fr",
        "--out",
        "review",
        "--models-dir",
        str(tmp_path / "none"),
        "--no-argos-dirs",
        "--quiet",
    )
    done = toolkit(*args, cwd=project)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2 and "ru->en" in warnings[0] and "ru->fr" in warnings[1]
    assert (project / "review" / "visit.en.po").is_file()
    done = toolkit(*args, "--require-mt", cwd=project)
    assert done.returncode == 3


@pytest.mark.parametrize(
    "args, needles",
    [
        (("translate", "nope.ru.txt", "--from", "ru", "--to", "en"), ("nope.ru.txt", "not found")),
        (("translate", "glossaries", "--from", "ru", "--to", "en"), ("glossaries", "no releases")),
        (("translate", "examples/visit.ru.txt", "--from", "xx", "--to", "en"), ("unknown language", "ru, kk, en, fr")),
        (("translate", "examples/visit.ru.txt", "--from", "ru", "--to", "ru"), ("equals the source",)),
    ],
)
def test_bad_arguments(project: Path, args, needles) -> None:
    done = toolkit(*args, "--out", "review", cwd=project)
    assert_one_line_error(done, *needles)
    assert not (project / "review").exists()


def test_undecodable_release_names_line(project: Path) -> None:
    (project / "bad.ru.txt").write_bytes("Заголовок\nТекст\n".encode() + b"\xff\xfe oops\n")
    done = toolkit("translate", "bad.ru.txt", "--from", "ru", "--to", "en", "--out", "review", cwd=project)
    assert_one_line_error(done, "bad.ru.txt:3", "UTF-8")
    assert not (project / "review").exists()


def test_corrupt_memory_and_glossary_leave_no_output(project: Path) -> None:
    memory = project / "memories" / "diplomatic.tmx"
    original = memory.read_bytes()
    memory.write_bytes(original.replace(b"</body>", b""))
    done = toolkit("translate", "examples", "--from", "ru", "--to", "en", "--out", "review", cwd=project)
    assert_one_line_error(done, "diplomatic.tmx:", "malformed TMX")
    assert not (project / "review").exists()
    memory.write_bytes(original)
    (project / "glossaries" / "extra.csv").write_text("id,domain,ru,en\nx,title,a\n", encoding="utf-8")
    done = toolkit("translate", "examples", "--from", "ru", "--to", "en", "--out", "review", cwd=project)
    assert_one_line_error(done, "extra.csv:2")
    assert not (project / "review").exists()


def test_bad_package_install(tmp_path: Path) -> None:
    fake = tmp_path / "x.argosmodel"
    fake.write_text("not a zip")
    models = tmp_path / "models"
    done = toolkit("models", "install", str(fake), "--models-dir", str(models))
    assert_one_line_error(done, "x.argosmodel", "not a zip")
    assert not models.exists() or not any(models.iterdir())


def test_segment_command_json(project: Path) -> None:
    done = toolkit("segment", "examples/visit.ru.txt", "--lang", "ru", "--format", "json", cwd=project)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    kinds = [r["kind"] for r in rows]
    assert kinds[0] == "headline" and "meta" in kinds and "dateline" in kinds and kinds[-1] == "source"
