"""Saved web pages: the article read with its formatting, translated, written back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest
from conftest import ROOT, translate_example
from lxml import html

from toolkit.cli import main
from toolkit.formats.html_page import read_html_page
from toolkit.qa.checks import all_checks
from toolkit.qa.readers import read_po
from toolkit.review.write import write_bundle

PAGE = ROOT / "tests" / "data" / "html" / "visit.ru.html"


def _article(path: Path) -> str:
    """The article's markup, whitespace runs as one space."""
    tree = html.fromstring(path.read_bytes())
    return re.sub(r"\s+", " ", html.tostring(tree.cssselect("article")[0], encoding="unicode"))


def test_the_article_is_read_with_its_codes_and_the_page_chrome_is_not() -> None:
    page = read_html_page(PAGE)
    marked = [p.marked for p in page.paragraphs]
    assert marked[0] == "Посол Казахстана провел переговоры с руководством <1>Онтарио</1> и деловыми кругами Торонто"
    assert marked[2].startswith("В ходе встречи с <1>Лейтенант-губернатором Онтарио</1> Элизабет")
    assert "сотрудничества.<2/> Э.Грант" in marked[2]  # a footnote reference is a code, not text
    text = " ".join(marked)
    assert "Поделиться" not in text and "Главная" not in text and "Не текст" not in text and "©" not in text


def test_a_translated_page_keeps_its_markup_with_the_formatting_on_the_translated_words(models_dir, tmp_path) -> None:
    run = translate_example(models_dir, "en,kk", inputs=[PAGE])
    write_bundle(run, tmp_path)
    english = _article(tmp_path / "visit.en.html")
    assert (
        "<h1>Kazakh Ambassador holds talks with <b>Ontario</b> leadership and Toronto business circles</h1>" in english
    )
    assert (
        "<p><i>The programme of the visit comprised meetings" in english and "academic communities.</i></p>" in english
    )
    assert '<a href="https://example.org/lg">Lieutenant Governor of Ontario</a> Elizabeth Grant' in english
    assert "interregional cooperation.<sup>1</sup> E. Grant noted that <u>Ontario</u> regards" in english
    page = (tmp_path / "visit.en.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and 'var s = "<p>Не текст.</p>"' in page and "Поделиться" in page
    # Kazakh declines the title, the link cannot be placed: it goes around the sentence, and check says so
    kazakh = _article(tmp_path / "visit.kk.html")
    assert '<p><a href="https://example.org/lg">Онтарионың Лейтенант-губернаторы' in kazakh
    po = polib.pofile(str(tmp_path / "visit.kk.po"))
    entry = next(e for e in po if e.msgctxt == "visit.b02.s00")
    assert (
        entry.msgid.startswith("В ходе встречи с <1>Лейтенант-губернатором Онтарио</1>") and "<1>" not in entry.msgstr
    )
    (segment,) = [s for s in read_po(tmp_path / "visit.kk.po") if s.id == "visit.b02.s00"]
    assert "<1>" not in segment.source  # the other checks read plain text
    assert [hit.message for hit in all_checks()["tags"].func(segment, None)] == ["inline codes missing <1> </1>"]


def test_with_no_model_the_page_comes_back_with_the_same_text_and_formatting(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no glossaries/ or memories/ here
    work = tmp_path / "in"
    work.mkdir()
    shutil.copy(PAGE, work / "visit.ru.html")
    args = ["translate", str(work / "visit.ru.html"), "--from", "ru", "--to", "en", "--out", str(tmp_path / "out")]
    assert main([*args, "--models-dir", str(tmp_path / "none"), "--no-argos-dirs", "--no-cache", "-q"]) == 0
    assert _article(tmp_path / "out" / "visit.en.html") == _article(PAGE)


def test_a_memory_match_of_a_formatted_sentence_is_fuzzy_with_its_codes_placed(models_dir) -> None:
    run = translate_example(models_dir, "en", inputs=[PAGE])
    proposal = run.documents[0].segments[1].targets["en"]
    assert proposal.origin.kind == "memory" and proposal.origin.score == 99 and proposal.fuzzy
    assert proposal.text.startswith("<1>The programme of the visit") and proposal.text.endswith("communities.</1>")


ENTITY_PAGE = b"""<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/hostname"><!ENTITY big "AAAAAAAAAA">]>
<html><body><article><p>\xd0\x9f\xd0\xbe\xd1\x81\xd0\xbe\xd0\xbb &secret; &big; \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb1\xd1\x8b\xd0\xbb.</p></article></body></html>"""


def test_entities_declared_in_a_doctype_are_never_expanded(tmp_path) -> None:
    path = tmp_path / "page.ru.html"
    path.write_bytes(ENTITY_PAGE)
    text = " ".join(p.marked for p in read_html_page(path).paragraphs)
    assert "AAAAAAAAAA" not in text and Path("/etc/hostname").read_text().strip() not in text


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (PAGE.read_bytes(), ["--html-content", "div[["], "is not a CSS selector"),
        (PAGE.read_bytes(), ["--html-content", "#missing"], "no element matches --html-content '#missing'"),
        (b"<html><body><nav>menu</nav></body></html>", [], "no article text found in this page"),
        (b"", [], "not an HTML page (Document is empty)"),
    ],
)
def test_a_page_that_cannot_be_read_fails_in_one_line_and_writes_nothing(tmp_path, capsys, content, extra, message):
    path = tmp_path / "page.ru.html"
    path.write_bytes(content)
    args = ["translate", str(path), "--from", "ru", "--to", "en", "--out", str(tmp_path / "out"), "--no-cache", "-q"]
    assert main([*args, *extra]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and message in err[0], err
    assert not (tmp_path / "out").exists() and path.read_bytes() == content


def test_segment_shows_a_page_as_the_translator_will_see_it(capsys) -> None:
    assert main(["segment", str(PAGE), "--lang", "ru"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[1:] == [
        "headline",
        "0-84",
        "Посол Казахстана провел переговоры с руководством Онтарио и деловыми кругами Торонто",
    ]
    assert not any("<1>" in line or "Поделиться" in line for line in lines)
