"""End to end through the real code: fixture models installed, the example release translated."""

import subprocess
from pathlib import Path

import polib
import pytest
from conftest import corpus_rows
from lxml import etree

from toolkit.formats.tmx import XML_LANG, read_tmx
from toolkit.mt.typography import post_edit
from toolkit.pipeline import translate_releases
from toolkit.review.write import write_bundle


@pytest.fixture(scope="module")
def bundle(models_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    root = Path(__file__).resolve().parents[1]
    out = tmp_path_factory.mktemp("review")
    run = translate_releases(
        [root / "examples" / "visit.ru.txt"],
        "ru",
        "en,kk,fr",
        glossary_paths=[root / "glossaries"],
        memory_paths=[root / "memories"],
        models_dir=models_dir,
        include_argos_dirs=False,
    )
    write_bundle(run, out)
    return run, out


def po_entries(out: Path, lang: str) -> dict[str, polib.POEntry]:
    po = polib.pofile(str(out / f"visit.{lang}.po"))
    return {e.msgid: e for e in po}


def test_every_file_of_the_bundle_is_written(bundle) -> None:
    run, out = bundle
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        ["visit.tmx", "visit.html", "visit.ru.txt"]
        + [f"visit.{lang}.{ext}" for lang in ("en", "kk", "fr") for ext in ("po", "txt")]
    )
    assert sorted(p.name for p in run.files) == names


def test_memorised_sentences_translate_exactly_direct_and_pivot(bundle) -> None:
    run, out = bundle
    rows = corpus_rows("visit")
    assert run.segment_count == len(rows)
    memory_hits = {e.msgid for e in po_entries(out, "en").values() if e.tcomment.startswith("tm 100%")}
    assert len(memory_hits) == 2
    for lang in ("en", "kk", "fr"):
        entries = po_entries(out, lang)
        assert list(entries) == [r["ru"] for r in rows]
        for row in rows:
            entry = entries[row["ru"]]
            if row["ru"] in memory_hits and lang in ("en", "fr"):
                continue
            expected = post_edit(row[lang], lang)[0]  # the model's words, French typography after MT
            assert entry.msgstr == expected, (lang, row["ru"])


def test_provenance_comments_and_fuzzy_flags(bundle) -> None:
    _, out = bundle
    en = po_entries(out, "en")
    fr = po_entries(out, "fr")
    kk = po_entries(out, "kk")
    mt_en = [e for e in en.values() if e.tcomment.startswith("mt argos ru->en 1.0")]
    assert mt_en and all("fuzzy" in e.flags for e in mt_en)
    assert all(e.tcomment.startswith("mt argos ru->fr via en") for e in fr.values() if "tm " not in e.tcomment)
    assert all(e.tcomment.startswith(("mt argos ru->kk via en", "tm 100%")) for e in kk.values())
    tm = [e for e in en.values() if e.tcomment.startswith("tm 100%")]
    assert all("fuzzy" not in e.flags and "memories/diplomatic.tmx" in e.tcomment for e in tm)


def test_memory_match_takes_precedence_over_mt(bundle) -> None:
    run, out = bundle
    root = Path(__file__).resolve().parents[1]
    units = read_tmx(root / "memories" / "diplomatic.tmx")
    by_ru = {u.variants["ru"]: u for u in units}
    en = po_entries(out, "en")
    rows = {r["ru"]: r for r in corpus_rows("visit")}
    shared = [ru for ru in rows if ru in by_ru]
    assert len(shared) == 2
    for ru in shared:
        assert en[ru].msgstr == by_ru[ru].variants["en"] != rows[ru]["en"]
    assert run.stats["en"].memory == 2 and run.stats["fr"].memory == 2


def test_glossary_hits_in_po_comments(bundle) -> None:
    _, out = bundle
    en = po_entries(out, "en")
    headline = corpus_rows("visit")[0]["ru"]
    assert "term: Посол -> Ambassador [" in en[headline].tcomment or any(
        "term: Посол" in e.tcomment for e in en.values()
    )
    hits = [line for e in en.values() for line in e.tcomment.splitlines() if line.startswith("term: ")]
    assert len(hits) >= 10
    assert any("МИД РК ->" in h for h in hits)


def test_po_header_and_msgfmt_check(bundle) -> None:
    _run, out = bundle
    for lang in ("en", "kk", "fr"):
        po = polib.pofile(str(out / f"visit.{lang}.po"))
        assert po.metadata["Language"] == lang
        assert po.metadata["X-Source-Language"] == "ru"
        assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
        assert "nplurals" in po.metadata["Plural-Forms"]
        sig = po.metadata["X-Toolkit-Signature"]
        assert "press-toolkit 0.1.0" in sig and "argos:ru_en@1.0#" in sig and "glossary " in sig
        assert len({e.msgctxt for e in po}) == len(po)
        done = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(out / f"visit.{lang}.po")],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr


def test_tmx_has_every_language_in_every_tu(bundle) -> None:
    _, out = bundle
    tree = etree.parse(str(out / "visit.tmx"))
    tus = tree.getroot().findall("body/tu")
    assert len(tus) == len(corpus_rows("visit"))
    for tu in tus:
        assert sorted(t.get(XML_LANG) for t in tu.findall("tuv")) == ["en", "fr", "kk", "ru"]


def test_target_text_keeps_block_structure(bundle) -> None:
    _, out = bundle
    source = (Path(__file__).resolve().parents[1] / "examples" / "visit.ru.txt").read_text(encoding="utf-8")
    target = (out / "visit.en.txt").read_text(encoding="utf-8")
    src_lines, tgt_lines = source.split("\n"), target.split("\n")
    assert len(src_lines) == len(tgt_lines)
    assert tgt_lines[1] == src_lines[1]  # metadata line carried
    url = src_lines[-2].split(" : ")[1]
    assert src_lines[-2].startswith("Источник информации") and tgt_lines[-2] == f"Source: {url}"
    rows = corpus_rows("visit")
    assert tgt_lines[0] == rows[0]["en"]
    assert tgt_lines[2].startswith(rows[1]["en"] + " – ")


def test_html_side_by_side_is_offline(bundle) -> None:
    _, out = bundle
    html = (out / "visit.html").read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace("https://www.gov.kz", "")
    assert html.count('<tr><td class="id">') == len(corpus_rows("visit"))
    for lang in ("Russian", "Kazakh", "English", "French"):
        assert f"<th>{lang}" in html


def test_output_is_deterministic(models_dir: Path, tmp_path: Path, bundle) -> None:
    _, first = bundle
    root = Path(__file__).resolve().parents[1]
    run = translate_releases(
        [root / "examples"],
        "ru",
        ["en", "kk", "fr"],
        glossary_paths=[root / "glossaries"],
        memory_paths=[root / "memories"],
        models_dir=models_dir,
        include_argos_dirs=False,
    )
    write_bundle(run, tmp_path)
    for path in first.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_missing_pair_leaves_segments_untranslated(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    run = translate_releases(
        [root / "examples" / "visit.ru.txt"],
        "ru",
        "en",
        glossary_paths=[root / "glossaries"],
        memory_paths=[root / "memories"],
        models_dir=tmp_path / "no-models",
        include_argos_dirs=False,
    )
    assert run.missing_pairs == ["ru->en"]
    assert len(run.warnings) == 1 and "toolkit models install" in run.warnings[0]
    assert run.stats["en"].memory == 2 and run.stats["en"].mt == 0
    write_bundle(run, tmp_path / "out")
    po = polib.pofile(str(tmp_path / "out" / "visit.en.po"))
    untranslated = [e for e in po if not e.msgstr]
    assert len(untranslated) == len(po) - 2 - run.stats["en"].glossary
    assert all("fuzzy" not in e.flags for e in untranslated)
