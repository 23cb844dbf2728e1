"""Word releases: paragraphs read with their formatting, translated, written back; unsafe
packages refused."""

from __future__ import annotations

import io
import socket
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import translate_example
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from toolkit.cli import main
from toolkit.formats.docx_file import read_docx
from toolkit.review.write import write_bundle

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
POINTS = ("br", "tab", "footnoteReference", "bookmarkStart", "bookmarkEnd", "fldSimple", "drawing", "fldChar")


def _png() -> bytes:
    """A 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def make_release(path: Path) -> Path:
    """A Word release with every kind of inline formatting, in sentences the test models know."""
    doc = Document()
    doc.add_heading("Посол Казахстана провел переговоры с руководством Онтарио и деловыми кругами Торонто", level=1)
    doc.add_paragraph().add_run(
        "Программа визита включала встречи с руководством провинции, представителями деловых кругов и "
        "академического сообщества."
    ).italic = True
    p = doc.add_paragraph("В ходе встречи с ")
    rid = doc.part.relate_to("https://example.org/lg", HYPERLINK, is_external=True)
    p._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
            "<w:t>Лейтенант-губернатором Онтарио</w:t></w:r></w:hyperlink>"
        )
    )
    p.add_run(" Элизабет Грант стороны обсудили ")
    p.add_run("перспективы развития")  # Word splits runs anywhere: same formatting, two runs
    p.add_run(" межрегионального сотрудничества.")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
    p.add_run(" Э.Грант отметила, что ")
    p.add_run("Онтарио").underline = True
    p.add_run(" рассматривает Казахстан как надежного партнера в Центральной Азии.")
    p = doc.add_paragraph()
    p._p.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="0" w:name="note"/>'))
    p.add_run("Справочно:").bold = True
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("Онтарио является самой населенной провинцией Канады (более 16 млн человек).")
    p._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="0"/>'))
    p.add_run().add_picture(io.BytesIO(_png()))
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="DATE"><w:r><w:t>01.12.2025</w:t></w:r></w:fldSimple>'))
    doc.save(str(path))
    return path


def normalised(path: Path) -> list[list[tuple[str, str, bytes, tuple]]]:
    """Each paragraph's text and formatting: text of adjacent runs with the same properties
    joined, with the properties and the containers around it; standalone elements by name."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    paragraphs = []
    for paragraph in root.iter(W + "p"):
        items: list[tuple[str, str, bytes, tuple]] = []
        for element in paragraph.iter():
            name = element.tag.split("}")[1] if isinstance(element.tag, str) else ""
            if name == "t":
                properties = element.getparent().find(W + "rPr")
                key = etree.tostring(properties) if properties is not None else b""
                around = tuple(a.tag for a in element.iterancestors() if a.tag in (W + "hyperlink", W + "fldSimple"))
                if items and items[-1][0] == "t" and items[-1][2:] == (key, around):
                    items[-1] = ("t", items[-1][1] + (element.text or ""), key, around)
                else:
                    items.append(("t", element.text or "", key, around))
            elif name in POINTS:
                items.append((name, "", b"", ()))
        paragraphs.append(items)
    return paragraphs


def test_runs_are_merged_and_formatting_becomes_codes(tmp_path) -> None:
    release = read_docx(make_release(tmp_path / "visit.ru.docx"))
    marked = [p.marked for p in release.paragraphs]
    assert marked[1].startswith("Программа визита") and "<" not in marked[1]  # all italic: the base
    assert marked[2] == (
        "В ходе встречи с <1><2>Лейтенант-губернатором Онтарио</2></1> Элизабет Грант стороны обсудили "
        "перспективы развития межрегионального сотрудничества.<3/> Э.Грант отметила, что <4>Онтарио</4> "
        "рассматривает Казахстан как надежного партнера в Центральной Азии."
    )
    assert marked[3] == (
        "<1/><2>Справочно:</2><3/> Онтарио является самой населенной провинцией Канады (более 16 млн человек)."
        "<4/><5/><6/>"
    )


def test_with_no_model_the_document_comes_back_with_the_same_text_and_formatting(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = make_release(tmp_path / "visit.ru.docx")
    args = ["translate", str(source), "--from", "ru", "--to", "en", "--out", str(tmp_path / "out"), "--no-cache", "-q"]
    assert main([*args, "--models-dir", str(tmp_path / "none"), "--no-argos-dirs"]) == 0
    assert normalised(tmp_path / "out" / "visit.en.docx") == normalised(source)


def test_a_translated_document_keeps_the_formatting_on_the_translated_words(models_dir, tmp_path) -> None:
    source = make_release(tmp_path / "visit.ru.docx")
    write_bundle(translate_example(models_dir, "en", inputs=[source]), tmp_path / "out")
    heading, italic, body, note = normalised(tmp_path / "out" / "visit.en.docx")
    original = normalised(source)
    assert heading[0][1] == "Kazakh Ambassador holds talks with Ontario leadership and Toronto business circles"
    assert italic[0][1].startswith("The programme of the visit") and italic[0][2] == original[1][0][2]
    texts = [(text, around != ()) for kind, text, _, around in body if kind == "t"]
    assert ("Lieutenant Governor of Ontario", True) in texts  # the link around the translated title
    underlined = [text for kind, text, key, _ in body if kind == "t" and b"w:u " in key]
    assert underlined == ["Ontario"]
    assert [item[0] for item in body if item[0] != "t"] == ["footnoteReference"]
    assert [item[0] for item in note if item[0] != "t"] == [i[0] for i in original[3] if i[0] != "t"]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return path


def _with(source: Path, path: Path, extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as package:
        members = {name: package.read(name) for name in package.namelist()}
    return _zip(path, {**members, **(replace or {}), **extra})


def _bad_inputs(tmp_path: Path) -> list[tuple[Path, str]]:
    good = make_release(tmp_path / "good.docx")
    types = zipfile.ZipFile(good).read("[Content_Types].xml")
    document = zipfile.ZipFile(good).read("word/document.xml")
    doctype = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "boom">]>' + document.split(b"?>", 1)[1]
    macro = types.replace(b"wordprocessingml.document.main+xml", b"PLACEHOLDER").replace(
        b"PLACEHOLDER", b"wordprocessingml.document.main+xml"
    )
    return [
        (tmp_path / "text.ru.docx", "not a DOCX file (not a zip package)"),
        (_zip(tmp_path / "other.ru.docx", {"a.txt": b"hello"}), "not a DOCX file (no [Content_Types].xml)"),
        (_zip(tmp_path / "bomb.ru.docx", {"[Content_Types].xml": types, "big.xml": bytes(60_000_000)}), "zip bomb"),
        (_with(good, tmp_path / "macro.ru.docx", {"word/vbaProject.bin": b"\0" * 100}), "holds macros"),
        (
            _with(
                good,
                tmp_path / "docm.ru.docx",
                {},
                {
                    "[Content_Types].xml": macro.replace(
                        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                        b"application/vnd.ms-word.document.macroEnabled.main+xml",
                    )
                },
            ),
            "macro-enabled (.docm)",
        ),
        (_with(good, tmp_path / "dtd.ru.docx", {}, {"word/document.xml": doctype}), "declares a DTD"),
    ]


def test_unsafe_or_broken_packages_fail_in_one_line_and_write_nothing(tmp_path, capsys) -> None:
    (tmp_path / "text.ru.docx").write_text("plain text, not a package", encoding="utf-8")
    for path, message in _bad_inputs(tmp_path):
        before = path.read_bytes()
        out = tmp_path / f"out-{path.stem}"
        assert main(["translate", str(path), "--from", "ru", "--to", "en", "--out", str(out), "-q", "--no-cache"]) == 2
        err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
        assert len(err) == 1 and message in err[0] and str(path) in err[0], (path.name, err)
        assert not out.exists() and path.read_bytes() == before


def test_external_links_and_templates_are_kept_and_never_followed(tmp_path, monkeypatch) -> None:
    source = make_release(tmp_path / "base.docx")
    rels = zipfile.ZipFile(source).read("word/_rels/document.xml.rels")
    linked = rels.replace(
        b"</Relationships>",
        b'<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'attachedTemplate" Target="http://127.0.0.1:9/evil.dotm" TargetMode="External"/></Relationships>',
    )
    path = _with(source, tmp_path / "linked.ru.docx", {}, {"word/_rels/document.xml.rels": linked})

    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    assert main(["translate", str(path), "--from", "ru", "--to", "en", "--out", str(out), "-q", "--no-cache"]) == 0
    assert b"http://127.0.0.1:9/evil.dotm" in zipfile.ZipFile(out / "linked.en.docx").read(
        "word/_rels/document.xml.rels"
    )


@pytest.mark.parametrize("name", ["visit.ru.docx"])
def test_a_folder_of_releases_includes_word_documents(tmp_path, name, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    make_release(folder / name)
    assert (
        main(
            ["translate", str(folder), "--from", "ru", "--to", "en", "--out", str(tmp_path / "out"), "-q", "--no-cache"]
        )
        == 0
    )
    assert (tmp_path / "out" / "visit.en.docx").is_file()
