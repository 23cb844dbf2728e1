"""`toolkit glossary lint`: each check, exit codes, and the project glossary passes it."""

import json
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.formats.glossary_csv import COLUMNS
from toolkit.glossary.lint import has_errors, lint_files, script_problems

ROOT = Path(__file__).resolve().parents[1]
HEADER = ",".join(COLUMNS)
GOOD = {"domain": "title", "ru": "Посол", "kk": "Елші", "en": "Ambassador", "fr": "ambassadeur"}


def row(**cells: str) -> str:
    return ",".join(cells.get(c, "") for c in COLUMNS)


def lint_rows(tmp_path: Path, *rows: dict) -> list[tuple[int, str, str]]:
    path = tmp_path / "g.csv"
    path.write_text(HEADER + "\n" + "\n".join(row(**r) for r in rows) + "\n", encoding="utf-8")
    _, issues = lint_files([path])
    return [(i.line, i.severity, i.code) for i in issues]


def test_clean_file_has_no_issue(tmp_path: Path) -> None:
    assert lint_rows(tmp_path, {"id": "a", **GOOD}) == []


@pytest.mark.parametrize(
    "second, code",
    [
        ({"id": "a", **GOOD, "ru": "Посланник", "kk": "x", "en": "Envoy", "fr": "envoyé"}, "duplicate-id"),
        ({"id": "b", **GOOD}, "duplicate-concept"),
        ({"id": "b", **GOOD, "kk": "Өкіл", "en": "Envoy", "fr": "envoyé"}, "term-conflict"),
        (
            {"id": "b", **GOOD, "ru": "Посланник", "kk": "Өкіл", "en": "Envoy", "fr": "envoyé", "ru_allowed": "ПОСОЛ"},
            "term-conflict",
        ),
        (
            {
                "id": "b",
                **GOOD,
                "ru": "Посланник",
                "kk": "Өкіл",
                "en": "Envoy",
                "fr": "envoyé",
                "en_forbidden": "envoy",
            },
            "forbidden-approved",
        ),
        (
            {
                "id": "b",
                **GOOD,
                "ru": "Посланник",
                "kk": "Өкіл",
                "en": "Envoy",
                "fr": "envoyé",
                "en_allowed": "Legate",
                "en_forbidden": "Legate",
            },
            "forbidden-approved",
        ),
        ({"id": "b", "domain": "title", "ru_forbidden": "Посланник"}, "no-term"),
        ({"id": "b", **GOOD, "ru": "Пoсланник", "kk": "Өкіл", "en": "Envoy", "fr": "envoyé"}, "mixed-script"),
        ({"id": "b", **GOOD, "ru": "Посланник", "kk": "Өкiл", "en": "Envoy", "fr": "envoyé"}, "mixed-script"),
        ({"id": "b", **GOOD, "ru": "Посланник", "kk": "Өкіл", "en": "Еnvoy", "fr": "envoyé"}, "mixed-script"),
        ({"id": "b", **GOOD, "ru": "Посланник ", "kk": "Өкіл", "en": "Envoy", "fr": "envoyé"}, "whitespace"),
        ({"id": "b", **GOOD, "ru": "Временный  поверенный", "kk": "Өкіл", "en": "Envoy", "fr": "envoyé"}, "whitespace"),
        (
            {
                "id": "b",
                **GOOD,
                "ru": "Посланник",
                "kk": "Өкіл",
                "en": "Envoy",
                "fr": "envoyé",
                "ru_allowed": "Посл|ан|ник",
            },
            "invalid-marker",
        ),
        (
            {"id": "b", **GOOD, "ru": "Посланник", "kk": "Өкіл", "en": "Envoy", "fr": "envoyé", "en_allowed": "En*voy"},
            "invalid-marker",
        ),
        (
            {"id": "b", **GOOD, "ru": "Посланник | Легат", "kk": "Өкіл", "en": "Envoy", "fr": "envoyé"},
            "several-preferred",
        ),
        (
            {"id": "b", **GOOD, "ru": "Посланник", "kk": "Өкіл", "en": "Envoy", "fr": "envoyé", "status": "final"},
            "unknown-status",
        ),
        ({"id": "", **GOOD, "ru": "Посланник", "kk": "Өкіл", "en": "Envoy", "fr": "envoyé"}, "empty-id"),
    ],
)
def test_each_error_is_found_on_its_line(tmp_path: Path, second: dict, code: str) -> None:
    issues = lint_rows(tmp_path, {"id": "a", **GOOD}, second)
    assert (3, "error", code) in issues, issues
    assert all(line == 3 for line, _, _ in issues)


def test_an_approved_concept_may_lack_kazakh_and_french_terms(tmp_path: Path) -> None:
    """A real glossary grows language by language: a missing term is a warning, not an error."""
    issues = lint_rows(tmp_path, {"id": "a", "domain": "title", "ru": "Посланник", "en": "Envoy"})
    assert issues == [(2, "warning", "missing-language"), (2, "warning", "missing-language")]


def test_draft_concepts_may_lack_languages_and_warnings_do_not_fail(tmp_path: Path) -> None:
    issues = lint_rows(tmp_path, {"id": "a", "domain": "", "ru": "Посланник", "status": "draft"})
    assert {c for _, s, c in issues if s == "warning"} == {"missing-language", "empty-domain"}
    assert not any(s == "error" for _, s, _ in issues)


def test_homoglyph_messages_name_the_letters() -> None:
    assert "Latin 'o' (Cyrillic 'о'?)" in script_problems("Пoсол")[0]
    assert "Latin 'i' (Cyrillic 'і'?)" in script_problems("Өкiл")[0]
    assert "Cyrillic 'Е'" in script_problems("Еnvoy")[0]
    assert script_problems("ВАДА | WADA") == [] and script_problems("Астана Hub") == []


def test_structural_error_and_old_header(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("id,domain,ru\na,title\n", encoding="utf-8")
    old = tmp_path / "old.csv"
    old.write_text("id,domain,ru,kk,en,fr\nb,title,Посол,Елші,Ambassador,ambassadeur\n", encoding="utf-8")
    _files, issues = lint_files([broken, old])
    assert [(Path(i.path).name, i.line, i.code) for i in issues] == [("broken.csv", 2, "structure")]


def test_cross_file_conflicts(tmp_path: Path) -> None:
    for name, cid in (("a.csv", "x"), ("b.csv", "y")):
        (tmp_path / name).write_text(HEADER + "\n" + row(id=cid, **GOOD) + "\n", encoding="utf-8")
    _, issues = lint_files([tmp_path])
    assert {i.code for i in issues} == {"term-conflict", "duplicate-concept"}
    assert all(Path(i.path).name == "b.csv" for i in issues)


def test_cli_exit_codes_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "\n" + row(id="a", **GOOD) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "\n" + row(id="a", **{**GOOD, "ru": "Пoсол"}) + "\n", encoding="utf-8")
    assert main(["glossary", "lint", str(good)]) == 0
    assert "0 error(s)" in capsys.readouterr().out
    assert main(["glossary", "lint", str(bad)]) == 1
    assert f"{bad}:2: error [mixed-script] ru:" in capsys.readouterr().out
    assert main(["glossary", "lint", str(bad), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1 and report["issues"][0]["code"] == "mixed-script"
    assert main(["glossary", "lint", str(tmp_path / "none.csv")]) == 2
    assert "glossary not found" in capsys.readouterr().err


def test_project_glossary_passes_its_own_lint() -> None:
    files, issues = lint_files([ROOT / "glossaries"])
    assert files and not has_errors(issues), "\n".join(str(i) for i in issues if i.severity == "error")
