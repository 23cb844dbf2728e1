"""Reading translated material into aligned segments: PO files of review bundles, TMX files,
XLIFF 1.2 / 2.x files (`.xlf`, `.xliff`) and pairs of plain-text releases (`<doc>.<lang>.txt`).

A directory contributes every such file under it; when a folder holds a review bundle
(`<doc>.<lang>.po`, `<doc>.tmx`, `<doc>.<lang>.txt`, perhaps `<doc>.<lang>.xlf`), only its PO
files are read (without PO files, the XLIFF files), so one segment is not checked twice.
Files named explicitly are always read.
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import InputError
from ..formats.bundle import BundlePo, read_bundle_po
from ..formats.tmx import lang_code, read_header, read_tmx
from ..formats.xliff_read import SUFFIXES as XLIFF_FILES
from ..formats.xliff_read import read_xliff
from ..inline import has_codes, plain
from ..langs import SUPPORTED
from ..sources import files_under, gather_files
from ..text.document import block_sentence_spans, doc_id_for, read_release
from .model import Segment

XLIFF_SUFFIXES = XLIFF_FILES
SUFFIXES = (".po", ".tmx", ".txt", *XLIFF_SUFFIXES)


def text_lang(path: Path) -> str | None:
    """The language suffix of `<doc>.<lang>.txt` / `<doc>.<lang>.po`, or None."""
    parts = path.name.split(".")
    return parts[-2].lower() if len(parts) >= 3 and parts[-2].lower() in SUPPORTED else None


def collect_files(paths: Iterable[Path], ignore: Sequence[str] = ()) -> list[Path]:
    """The files to check: named files, and PO/TMX/text releases under named directories (see the
    module docstring), minus those matching an ignore glob. A missing path, a named folder with
    nothing to check, or nothing to check at all is an InputError: a gate must not pass because
    it was pointed at the wrong place."""

    def named(path: Path) -> None:
        if path.suffix.lower() not in SUFFIXES:
            raise InputError("not a PO, TMX, XLIFF or .txt release file", path)

    paths = list(paths)
    empty = "no PO, TMX, XLIFF or <doc>.<lang>.txt files to check in this folder"
    found = gather_files(paths, "file to check", _directory_files, empty, named)
    unique = dict.fromkeys(p for p in found if not _ignored(p, ignore))
    if found and not unique:
        raise InputError("every file to check is ignored (ignore-paths)", next(iter(map(Path, paths))))
    return list(unique)


def _ignored(path: Path, patterns: Sequence[str]) -> bool:
    posix = path.as_posix()
    return any(fnmatch.fnmatch(posix, pat) or fnmatch.fnmatch(path.name, pat) for pat in patterns)


def _directory_files(folder: Path) -> list[Path]:
    files = [p for p in files_under(folder, "*") if p.suffix.lower() in SUFFIXES]
    kinds: dict[tuple[Path, str], set[str]] = defaultdict(set)
    for path in files:
        kinds[(path.parent, doc_key(path))].add(path.suffix.lower())
    chosen = []
    for path in files:
        suffix = path.suffix.lower()
        present = kinds[(path.parent, doc_key(path))]
        xliff = any(s in present for s in XLIFF_SUFFIXES)
        if suffix == ".txt" and (text_lang(path) is None or ".po" in present or ".tmx" in present or xliff):
            continue
        if suffix == ".tmx" and (".po" in present or xliff):
            continue
        if suffix in XLIFF_SUFFIXES and ".po" in present:
            continue
        chosen.append(path)
    return chosen


def doc_key(path: Path) -> str:
    """`visit.en.po`, `visit.tmx`, `visit.fr.txt` -> `visit`."""
    name = path.name[: -len(path.suffix)] if path.suffix else path.name
    stem, dot, suffix = name.rpartition(".")
    return stem if dot and suffix.lower() in SUPPORTED else name


def read_segments(path: Path, source_lang: str | None = None) -> list[Segment]:
    """The segments of one file (PO, TMX, or a `.txt` release paired with its siblings)."""
    suffix = path.suffix.lower()
    if suffix == ".po":
        return read_po(path, source_lang)
    if suffix == ".tmx":
        return read_tmx_segments(path, source_lang)
    if suffix in XLIFF_SUFFIXES:
        return read_xliff_segments(path)
    return read_text_pair(path, source_lang)


def read_xliff_segments(path: Path) -> list[Segment]:
    """XLIFF 1.2 / 2.x segments (every `<file>`): their ids, languages from the file, the
    target's line; a segment without a target is untranslated; codes as in read_po."""
    name = str(path)
    segments = []
    for doc in read_xliff(path):
        for seg in doc.segments():
            coded = has_codes(seg.source) or has_codes(seg.target or "")
            source = plain(seg.source) if coded else seg.source
            target = plain(seg.target) if coded and seg.target is not None else seg.target
            segments.append(Segment(name, seg.line, doc.source_lang, doc.target_lang, source, target, seg.id))
            if coded:
                segments[-1].codes = (seg.source, seg.target or "")
    return segments


def read_po(path: Path, source_lang: str | None = None) -> list[Segment]:
    """PO entries as segments: target language from `Language`, source from `X-Source-Language`
    (or source_lang), `msgctxt` the segment id, `msgid` the source, `msgstr` the target."""
    return po_segments(read_bundle_po(path, source_lang))


def po_segments(po: BundlePo) -> list[Segment]:
    """The segments of a PO file already read (see read_po)."""
    name = str(po.path)
    segments = []
    for e in po.entries:
        # the checks read plain text; the tags check compares the inline codes
        coded = has_codes(e.source) or has_codes(e.target)
        source, target = (plain(e.source), plain(e.target)) if coded else (e.source, e.target)
        segments.append(
            Segment(name, e.target_line, po.source_lang, po.target_lang, source, target, e.id, e.target_column, "po")
        )
        if coded:
            segments[-1].codes = (e.source, e.target)
    return segments


def tmx_source_lang(path: Path) -> str | None:
    """The `srclang` of a TMX header ('*all*' and absent give None)."""
    value = read_header(path)[0].get("srclang", "")
    return None if value in ("", "*all*") else lang_code(value)


def read_tmx_segments(path: Path, source_lang: str | None = None) -> list[Segment]:
    """TMX units as segments from the source language to every other language of the file."""
    units = read_tmx(path)
    source = source_lang or tmx_source_lang(path)
    langs = sorted({lang for unit in units for lang in unit.variants if lang in SUPPORTED}, key=SUPPORTED.index)
    if source is None:
        source = langs[0] if langs else "ru"
    name = str(path)
    segments = []
    for n, unit in enumerate(units, start=1):
        text = unit.variants.get(source)
        if text is None:
            continue
        for lang in langs:
            if lang != source:
                segments.append(
                    Segment(name, unit.line or 1, source, lang, text, unit.variants.get(lang), unit.tuid or f"tu{n}")
                )
    return segments


def read_text_pair(path: Path, source_lang: str | None = None) -> list[Segment]:
    """A target release `<doc>.<lang>.txt` aligned with its source sibling `<doc>.<src>.txt`:
    translatable blocks by position, then sentences when both blocks have as many (else the
    whole block is one segment). The source language is source_lang or the first of ru, kk, en,
    fr with a sibling file; reading the source file itself gives no segments."""
    lang = text_lang(path)
    if lang is None:
        raise InputError("a release file must be named <doc>.<lang>.txt", path)
    doc = doc_id_for(path)
    siblings = {code: path.with_name(f"{doc}.{code}.txt") for code in SUPPORTED}
    source = source_lang or next((c for c in SUPPORTED if siblings[c].is_file()), lang)
    if source == lang:
        return []
    if not siblings[source].is_file():
        raise InputError(f"no source release {siblings[source].name} next to it", path)
    src_doc, tgt_doc = read_release(siblings[source], source), read_release(path, lang)
    src_blocks = [b for b in src_doc.blocks if b.translatable]
    tgt_blocks = [b for b in tgt_doc.blocks if b.translatable]
    if len(src_blocks) != len(tgt_blocks):
        raise InputError(
            f"{len(tgt_blocks)} translatable blocks, the source {siblings[source].name} has "
            f"{len(src_blocks)}: the texts are not aligned",
            path,
        )
    segments = []
    name = str(path)
    for s_block, t_block in zip(src_blocks, tgt_blocks):
        s_spans = block_sentence_spans(s_block, source)
        t_spans = block_sentence_spans(t_block, lang)
        if len(s_spans) != len(t_spans):
            s_spans, t_spans = [(0, len(s_block.text))], [(0, len(t_block.text))]
        single_line = "\n" not in t_block.text
        for k, ((ss, se), (ts, te)) in enumerate(zip(s_spans, t_spans)):
            segments.append(
                Segment(
                    name,
                    t_block.line,
                    source,
                    lang,
                    s_block.text[ss:se],
                    t_block.text[ts:te],
                    f"{doc}:{t_block.index}.{k}",
                    ts + 1 if single_line else None,
                )
            )
    return segments
