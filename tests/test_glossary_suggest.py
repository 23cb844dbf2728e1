"""`toolkit glossary suggest`: Russian phrases found inflected and proposed in the nominative,
the target n-gram chosen by association, glossary concepts skipped, a draft glossary that lint
accepts, the command end to end and the inputs it refuses (one line, exit 2, nothing written);
and the accepted suggestions of the round 4 of tests/data/suggest/REVIEW.md and
tests/data/suggest-heldout/REVIEW.md as a floor."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.formats.tmx import TranslationUnit, write_tmx
from toolkit.glossary.files import load_glossary
from toolkit.glossary.lint import has_errors, lint_files
from toolkit.glossary.suggest import suggest
from toolkit.glossary.suggest.associate import GramIndex, best_target
from toolkit.glossary.suggest.phrases import grams, kk_nominative
from toolkit.glossary.suggest.russian import candidates

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "suggest"
HEADER = (ROOT / "glossaries" / "diplomatic.csv").read_text(encoding="utf-8").splitlines()[0]

# a small hand-made memory: two recurring names with their English and Kazakh renderings, in
# different sentences and inflected differently each time
UNITS = [
    (
        "Совет иностранных инвесторов провел заседание.",
        "The Foreign Investors Council held a meeting.",
        "Шетелдік инвесторлар кеңесі отырыс өткізді.",
    ),
    (
        "Министр выступил на заседании Совета иностранных инвесторов.",
        "The Minister spoke at a meeting of the Foreign Investors Council.",
        "Министр Шетелдік инвесторлар кеңесінің отырысында сөз сөйледі.",
    ),
    (
        "Компании пригласили к работе в Совете иностранных инвесторов.",
        "Companies were invited to work in the Foreign Investors Council.",
        "Компаниялар Шетелдік инвесторлар кеңесінің жұмысына шақырылды.",
    ),
    (
        "Посол встретился с Ерланом Жумагуловым в Астане.",
        "The Ambassador met with Yerlan Zhumagulov in Astana.",
        "Елші Астанада Ерлан Жұмағұловпен кездесті.",
    ),
    (
        "Ерлан Жумагулов рассказал о транспортных проектах.",
        "Yerlan Zhumagulov spoke about transport projects.",
        "Ерлан Жұмағұлов көлік жобалары туралы айтты.",
    ),
    (
        "Участники поблагодарили Ерлана Жумагулова за встречу.",
        "The participants thanked Yerlan Zhumagulov for the meeting.",
        "Қатысушылар Ерлан Жұмағұловқа кездесу үшін алғыс айтты.",
    ),
]


def _memory(path: Path, langs: tuple[str, ...] = ("ru", "en", "kk"), rows=UNITS) -> Path:
    units = [
        TranslationUnit({lang: text for lang, text in zip(("ru", "en", "kk"), row) if lang in langs}) for row in rows
    ]
    write_tmx(path, units, langs[0], langs)
    return path


def _glossary(folder: Path, rows: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "terms.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return folder


def _terms(by: dict[str, str]) -> list[str]:
    return [by[key] for key in sorted(by)]


def test_inflected_russian_phrases_are_counted_together_and_proposed_in_the_nominative() -> None:
    found = {
        o.key: o for o in candidates("Он выступил на заседании Постоянного совета и встретился с Ерланом Жумагуловым.")
    }
    council = found[("постоянный", "совет")]
    assert council.nominative == "Постоянный совет"
    assert found[("ерлан", "жумагулов")].nominative == "Ерлан Жумагулов"
    keys = {
        o.key for o in candidates("Постоянный совет собрался. Генеральным консулом Казахстана в Стамбуле назначен он.")
    }
    assert ("постоянный", "совет") in keys
    title = [o for o in candidates("Встреча с Генеральным консулом Казахстана в Стамбуле прошла.") if len(o.key) == 5]
    assert [o.nominative for o in title] == ["Генеральный консул Казахстана в Стамбуле"]
    woman = [o.nominative for o in candidates("Слово предоставили Айгерим Садыковой.") if o.kind == "person"]
    assert woman == ["Айгерим Садыкова"]
    # prepositions and pronouns are never part of a phrase
    assert all("при" not in o.key and "свой" not in o.key for o in candidates("В своем докладе при ОБСЕ он говорил."))


def test_kazakh_terms_lose_their_case_ending_not_their_possessive() -> None:
    assert kk_nominative("кеңесінің") == "кеңесі"
    assert kk_nominative("Елшісімен") == "Елшісі"
    assert kk_nominative("конференцияда") == "конференция"
    assert kk_nominative("күн") == "күн"


def test_association_picks_the_target_ngram_of_the_same_units() -> None:
    texts = [row[1] for row in UNITS]
    index = GramIndex()
    for number, text in enumerate(texts):
        for gram in grams(text, "en"):
            index.add(number, gram.key, gram.content)
    council = best_target({0, 1, 2}, 3, index)
    assert council is not None and council.key == ("foreign", "investor", "council") and council.dice == 1.0
    person = best_target({3, 4, 5}, 2, index)
    assert person is not None and person.key == ("yerlan", "zhumagulov")


def test_a_small_memory_gives_both_concepts_in_three_languages(tmp_path: Path) -> None:
    found, units = suggest(_memory(tmp_path / "m.tmx"), "ru", ["en", "kk"])
    assert len(units) == len(UNITS)
    by_source = {s.source: s for s in found}
    assert by_source["Совет иностранных инвесторов"].targets == {
        "en": "Foreign Investors Council",
        "kk": "Шетелдік инвесторлар кеңесі",
    }
    assert by_source["Ерлан Жумагулов"].targets == {"en": "Yerlan Zhumagulov", "kk": "Ерлан Жұмағұлов"}
    assert by_source["Ерлан Жумагулов"].domain == "person" and by_source["Ерлан Жумагулов"].frequency == 3


def test_concepts_the_glossary_has_are_skipped(tmp_path: Path) -> None:
    memory = _memory(tmp_path / "m.tmx")
    folder = _glossary(
        tmp_path / "g",
        [
            "organization.fic,organization,Совет иностранных инвесторов,,Foreign Investors Council,,,,,,,,,,,,,,,,approved,,,"
        ],
    )
    found, _ = suggest(memory, "ru", ["en", "kk"], load_glossary([folder]))
    assert "Совет иностранных инвесторов" not in {s.source for s in found}
    assert "Ерлан Жумагулов" in {s.source for s in found}


def test_the_draft_passes_lint_next_to_the_projects_glossary(tmp_path: Path, monkeypatch, capsys) -> None:
    memory = _memory(tmp_path / "m.tmx")
    shutil.copytree(ROOT / "glossaries", tmp_path / "glossaries")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "glossaries" / "suggested.csv"
    assert main(["glossary", "suggest", str(memory), "--from", "ru", "--to", "en,kk", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["status"] for r in rows} == {"draft"}
    assert all(re.search(r"frequency \d+ units", r["notes"]) and "example «" in r["notes"] for r in rows)
    _, issues = lint_files([tmp_path / "glossaries"])
    assert not has_errors(issues), [str(i) for i in issues if i.severity == "error"]
    assert main(["glossary", "lint", "glossaries"]) == 0
    # a rerun does not take its own draft for the glossary: the same file again
    before = out.read_bytes()
    assert main(["glossary", "suggest", str(memory), "--from", "ru", "--to", "en,kk", "--out", str(out)]) == 0
    assert out.read_bytes() == before
    capsys.readouterr()


def test_the_command_prints_the_draft_and_a_summary(tmp_path: Path, monkeypatch, capsys) -> None:
    memory = _memory(tmp_path / "m.tmx")
    monkeypatch.chdir(tmp_path)
    assert main(["glossary", "suggest", str(memory), "--from", "ru", "--to", "en,kk", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2  # the header and one concept
    assert "1 draft concepts from 6 units" in captured.err


def _refused(args: list[str], folder: Path, capsys, needle: str) -> None:
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    code = main(args)
    captured = capsys.readouterr()
    assert code == 2, captured.err
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0], lines
    assert "Traceback" not in captured.err + captured.out
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda d: d / "missing.tmx", "missing.tmx"),
        (lambda d: (d / "notes.tmx").write_text("Посол прибыл.\n", encoding="utf-8") and d / "notes.tmx", "notes.tmx"),
        (lambda d: _memory(d / "en-kk.tmx", ("en", "kk")), "no unit has a ru text"),
        (lambda d: _memory(d / "ru-en.tmx", ("ru", "en")), "no unit has both ru and kk"),
    ],
    ids=["missing", "not-a-tmx", "no-source-language", "no-target-language"],
)
def test_bad_memories_are_refused(tmp_path: Path, monkeypatch, capsys, make, needle: str) -> None:
    monkeypatch.chdir(tmp_path)
    memory = make(tmp_path)
    out = tmp_path / "out.csv"
    out.write_text("kept\n", encoding="utf-8")
    _refused(
        ["glossary", "suggest", str(memory), "--from", "ru", "--to", "en,kk", "--out", str(out)],
        tmp_path,
        capsys,
        needle,
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_out_is_refused(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    memory = _memory(tmp_path / "m.tmx")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        _refused(
            ["glossary", "suggest", str(memory), "--from", "ru", "--to", "en,kk", "--out", str(locked / "s.csv")],
            tmp_path,
            capsys,
            "s.csv",
        )
    finally:
        locked.chmod(0o700)


def test_an_out_that_cannot_be_written_is_refused(tmp_path: Path, monkeypatch, capsys) -> None:
    """A folder, a path under a file, a read-only file (refused even for root)."""
    monkeypatch.chdir(tmp_path)
    memory = _memory(tmp_path / "m.tmx")
    (tmp_path / "plain.txt").write_text("a file\n", encoding="utf-8")
    locked = tmp_path / "locked.csv"
    locked.write_text("kept\n", encoding="utf-8")
    locked.chmod(0o444)
    for out in (tmp_path, tmp_path / "plain.txt" / "s.csv", locked):
        args = ["glossary", "suggest", str(memory), "--from", "ru", "--to", "en,kk", "--out", str(out)]
        _refused(args, tmp_path, capsys, out.name)


@pytest.mark.parametrize(("folder", "count"), [("suggest", 23), ("suggest-heldout", 37)])
def test_the_reviewed_suggestions_are_still_found(folder: str, count: int, tmp_path: Path, monkeypatch, capsys) -> None:
    """Every suggestion a REVIEW.md accepts in its round 4 comes out again, as judged."""
    monkeypatch.chdir(ROOT)
    data = ROOT / "tests" / "data" / folder
    memory = tmp_path / "aligned.tmx"
    assert main(["align", "--pairs", str(data / "pairs.tsv"), "--langs", "ru,en,kk", "--into", str(memory)]) == 0
    out = tmp_path / "suggested.csv"
    assert (
        main(["glossary", "suggest", str(memory), "--from", "ru", "--to", "en,kk", "--limit", "50", "--out", str(out)])
        == 0
    )
    capsys.readouterr()
    found = {(r["ru"], r["en"], r["kk"]) for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))}
    review = (data / "REVIEW.md").read_text(encoding="utf-8").split("## Round 4")[1].split("\n## ")[0]
    accepted = {
        tuple(cell.strip() for cell in row.split("|")[3:6])
        for row in review.splitlines()
        if row.startswith("| ") and row.split("|")[6].strip().startswith("A")
    }
    assert len(accepted) == count
    assert accepted <= found, sorted(accepted - found)


def test_an_english_source_gives_its_capitalised_names(tmp_path: Path) -> None:
    found, _ = suggest(_memory(tmp_path / "m.tmx"), "en", ["kk"])
    by_source = {s.source: s for s in found}
    assert by_source["Yerlan Zhumagulov"].targets == {"kk": "Ерлан Жұмағұлов"}
    assert by_source["Foreign Investors Council"].targets == {"kk": "Шетелдік инвесторлар кеңесі"}
    assert by_source["Foreign Investors Council"].domain == "organization"
