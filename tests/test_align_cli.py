"""`toolkit align` as a user runs it: JSON groups for two and three versions, the memory it
merges into (scores as props, no metadata lines, a second run adds nothing), the HTML view, an
archive from a list, and every input it refuses: one line, exit 2, no file changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from toolkit.align.job import parse_langs
from toolkit.cli import main
from toolkit.errors import UsageError
from toolkit.formats.tmx import read_tmx

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "align"
NAME = "astana-forum"


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for lang in ("ru", "en", "kk"):
        shutil.copy(DATA / f"{NAME}.{lang}.txt", tmp_path / f"{NAME}.{lang}.txt")
    shutil.copytree(ROOT / "glossaries", tmp_path / "glossaries")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _files(*langs: str) -> list[str]:
    return [f"{NAME}.{lang}.txt" for lang in langs]


def test_json_groups_of_two_versions_cover_every_sentence(work: Path, capsys) -> None:
    assert main(["align", *_files("ru", "en"), "--langs", "ru,en", "--format", "json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert set(groups[0]) == {"a", "b", "score"}
    gold = json.loads((DATA / f"{NAME}.gold.json").read_text(encoding="utf-8"))["pairs"]["en"]
    assert sorted(k for g in groups for k in g["a"]) == sorted(k for a, _ in gold for k in a)
    assert sorted(k for g in groups for k in g["b"]) == sorted(k for _, b in gold for k in b)
    assert [[g["a"], g["b"]] for g in groups if g["a"] == [0]] == [[[0], [0]]]  # the headlines


def test_three_versions_have_a_key_per_language(work: Path, capsys) -> None:
    assert main(["align", *_files("ru", "en", "kk"), "--langs", "ru,en,kk", "--format", "json"]) == 0
    units = json.loads(capsys.readouterr().out)
    assert set(units[0]) == {"ru", "en", "kk", "score"}
    assert any(u["ru"] and not u["en"] for u in units)  # the metadata line English dropped


def test_confident_units_go_into_the_memory_once(work: Path, capsys) -> None:
    into = work / "memories" / "penalty-10" / "aligned.tmx"
    args = ["align", *_files("ru", "en", "kk"), "--langs", "ru,en,kk", "--into", str(into)]
    assert main(args) == 0
    out = capsys.readouterr()
    units = read_tmx(into)
    assert len(units) >= 12
    assert all(float(u.props["x-align-score"]) >= 0.8 and u.props["x-document"] == NAME for u in units)
    assert not any("16:25" in u.variants["ru"] or "Источник" in u.variants["ru"] for u in units)
    assert "to look at" in out.out and "15 added" in out.err and "penalty-N" not in out.err
    before = into.read_bytes()
    assert main(args) == 0
    assert "0 added" in capsys.readouterr().err
    assert len(read_tmx(into)) == len(units) and into.read_bytes() != b"" and before


def test_outside_a_penalty_folder_the_command_says_so(work: Path, capsys) -> None:
    assert main(["align", *_files("ru", "en"), "--langs", "ru,en", "--into", "aligned.tmx"]) == 0
    assert "penalty-N" in capsys.readouterr().err


def test_the_html_view_escapes_and_marks_what_to_fix(work: Path) -> None:
    (work / "x.ru.txt").write_text(
        "Визит <script>alert(1)</script>\n\nПосол прибыл в Оттаву 5 мая.\n", encoding="utf-8"
    )
    (work / "x.en.txt").write_text(
        "A visit\n\nThe Ambassador arrived in Ottawa on May 5.\n\nAn extra line.\n", encoding="utf-8"
    )
    assert main(["align", "x.ru.txt", "x.en.txt", "--langs", "ru,en", "--html", "view.html"]) == 0
    page = (work / "view.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'class="none"' in page


def test_an_archive_from_a_list(work: Path, capsys) -> None:
    for name in ("cica-seminar", "montreal-icao"):
        for lang in ("ru", "en"):
            shutil.copy(DATA / f"{name}.{lang}.txt", work / f"{name}.{lang}.txt")
    (work / "list.tsv").write_text(
        "# ru\ten\ncica-seminar.ru.txt\tcica-seminar.en.txt\n\nmontreal-icao.ru.txt\tmontreal-icao.en.txt\n",
        encoding="utf-8",
    )
    assert main(["align", "--pairs", "list.tsv", "--langs", "ru,en", "--format", "json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [Path(d["files"][0]).name for d in docs] == ["cica-seminar.ru.txt", "montreal-icao.ru.txt"]
    for doc in docs:  # versions without divergence: sentence k with sentence k
        assert [(g["a"], g["b"]) for g in doc["groups"]] == [([k], [k]) for k in range(len(doc["groups"]))]
    assert main(["align", "--pairs", "list.tsv", "--langs", "ru,en"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("2 documents: ") and last.endswith(" to look at")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


REFUSED = [
    (["--langs", "ru,en,kk"], "2 files for 3 languages"),
    (["--langs", "ru,ru"], "two or more different languages"),
    (["--langs", "ru,e n"], "not a language code"),
    (["--langs", "ru,en", "--format", "xml"], "unknown --format"),
    (["--langs", "ru,en", "--into", "memories/aligned.txt"], "must name a .tmx"),
    (["--langs", "ru,en", "--threshold", "1.5"], "between 0 and 1"),
    (["--langs", "ru,en", "--mt-a", "short.txt"], "short.txt: 2 lines for the"),
]


@pytest.mark.parametrize(("extra", "message"), REFUSED, ids=[m for _, m in REFUSED])
def test_refused_inputs_leave_everything_as_it_was(work: Path, capsys, extra: list[str], message: str) -> None:
    (work / "short.txt").write_text("one\ntwo\n", encoding="utf-8")
    (work / "memories").mkdir()
    before = _snapshot(work)
    assert main(["align", *_files("ru", "en"), *extra]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and message in err[0], err
    assert _snapshot(work) == before


def test_a_bad_list_names_its_line(work: Path, capsys) -> None:
    (work / "list.tsv").write_text(f"{NAME}.ru.txt\t{NAME}.en.txt\n{NAME}.ru.txt\n", encoding="utf-8")
    assert main(["align", "--pairs", "list.tsv", "--langs", "ru,en"]) == 2
    assert "list.tsv:2: 1 paths for 2 languages" in capsys.readouterr().err
    (work / "list.tsv").write_text(f"{NAME}.ru.txt\tmissing.en.txt\n", encoding="utf-8")
    assert main(["align", "--pairs", "list.tsv", "--langs", "ru,en"]) == 2
    assert "list.tsv:1: no such file" in capsys.readouterr().err


def test_a_memory_in_an_unsupported_language_is_refused_before_any_work(work: Path, capsys) -> None:
    (work / "a.txt").write_text("Eins.\nZwei.\n", encoding="utf-8")
    (work / "b.txt").write_text("Un.\nDeux.\n", encoding="utf-8")
    args = ["align", "a.txt", "b.txt", "--langs", "de,fr", "--presegmented"]
    assert main([*args, "--into", "m.tmx"]) == 2
    assert "a memory holds ru, kk, en, fr, not de" in capsys.readouterr().err
    assert main([*args, "--format", "json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert [(g["a"], g["b"]) for g in groups] == [([0], [0]), ([1], [1])]


def test_the_installed_models_give_the_evidence_with_use_mt(
    tmp_path: Path, models_dir: Path, capsys, monkeypatch
) -> None:
    from conftest import corpus_rows

    rows = [r for r in corpus_rows() if r["ru"] and r["en"]][:8]
    (tmp_path / "a.ru.txt").write_text("".join(f"{r['ru']}\n" for r in rows), encoding="utf-8")
    kept = [r["en"] for k, r in enumerate(rows) if k != 3]  # the English version drops a sentence
    (tmp_path / "a.en.txt").write_text("".join(f"{t}\n" for t in kept), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TOOLKIT_MT_CACHE", str(tmp_path / "cache.sqlite3"))
    args = ["align", "a.ru.txt", "a.en.txt", "--langs", "ru,en", "--presegmented", "--format", "json"]
    assert main([*args, "--use-mt", "--models-dir", str(models_dir)]) == 0
    groups = [(g["a"], g["b"]) for g in json.loads(capsys.readouterr().out)]
    expected = [([k], [k if k < 3 else k - 1]) for k in range(8) if k != 3]
    assert [g for g in groups if g[0] and g[1]] == expected and ([3], []) in groups
    assert (tmp_path / "cache.sqlite3").exists()  # the translations were cached for the next run


@pytest.mark.parametrize(("count", "expected"), [(1, "1 file for 2 languages"), (3, "3 files for 2 languages")])
def test_file_count_against_languages_reads_as_english(count: int, expected: str) -> None:
    with pytest.raises(UsageError, match=expected):
        parse_langs("ru,en", count)
