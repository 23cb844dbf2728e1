"""The review bundle, owned in one place: its file names, segment ids, PO headers and entries,
TMX properties and reassembled texts, written by `translate` and read back by `check`, `memory
import` and `review apply`.

For a document `<doc>` and the languages of a run, a bundle holds `<doc>.<lang>.po` (one entry
per segment: msgctxt the segment id `<doc>.bNN.sNN`, msgid the source, msgstr the proposal,
comments its origin, glossary terms and notes, `fuzzy` what a person must confirm),
`<doc>.tmx`, `<doc>.html`, `<doc>.<lang>.txt` and the source as read, `<doc>.<source>.txt`;
`index.html` for several documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from .. import __version__
from ..errors import InputError
from ..inline import plain
from ..langs import NAMES, SUPPORTED, check_lang
from ..model import AlignedSegment, DocumentResult, Signature
from ..patterns import URL
from ..text.document import BlockKind, doc_id_for
from .po import read_po_file
from .tmx import BLOCK_PROP, DOCUMENT_PROP, TranslationUnit, lang_code

LANGUAGE_HEADER = "Language"
SOURCE_HEADER = "X-Source-Language"
SIGNATURE_HEADER = "X-Toolkit-Signature"
HTML_CONTENT_HEADER = "X-Html-Content"  # the --html-content selector a web page was read with
INDEX = "index.html"
PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "kk": "nplurals=2; plural=(n!=1);",
    "en": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}
# How a source line is labelled in each language; the URL itself is carried unchanged.
SOURCE_LINE_LABELS = {"ru": "Источник информации:", "kk": "Ақпарат көзі:", "en": "Source:", "fr": "Source\u00a0:"}
_SEGMENT_ID = re.compile(r"(?P<doc>.+)\.b(?P<block>\d+)\.s(?P<sentence>\d+)")


def segment_id(doc_id: str, block: int, sentence: int) -> str:
    """`visit.b03.s01`: the document, its block and the sentence in the block."""
    return f"{doc_id}.b{block:02d}.s{sentence:02d}"


def document_of(seg_id: str) -> str:
    """The document of a segment id (a document id may hold dots: `press-2025.06.12.b03.s01`);
    an id of another form is its own document."""
    found = _SEGMENT_ID.fullmatch(seg_id)
    return found.group("doc") if found else seg_id


def block_of(seg_id: str) -> str | None:
    """The block part of a segment id (`visit.b03` of `visit.b03.s01`), None for an id of
    another form."""
    found = _SEGMENT_ID.fullmatch(seg_id)
    return seg_id[: found.end("block")] if found else None


def po_name(doc_id: str, lang: str) -> str:
    return f"{doc_id}.{lang}.po"


def text_name(doc_id: str, lang: str) -> str:
    return f"{doc_id}.{lang}.txt"


def tmx_name(doc_id: str) -> str:
    return f"{doc_id}.tmx"


def html_name(doc_id: str) -> str:
    return f"{doc_id}.html"


# --- writing ---------------------------------------------------------------------------------


def new_po(doc_id: str, source: str, target: str, signature: Signature | None = None) -> polib.POFile:
    """An empty PO file of a bundle, with its header."""
    po = polib.POFile(wrapwidth=0)
    po.header = (
        f"Review file: {doc_id}, {NAMES[source]} -> {NAMES[target]}.\n"
        "Entries flagged fuzzy are proposals a reviewer must confirm; comments give their origin."
    )
    po.metadata = {
        "Project-Id-Version": doc_id,
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": "",
        "Last-Translator": "",
        "Language-Team": NAMES.get(target, target),
        LANGUAGE_HEADER: target,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[target],
        SOURCE_HEADER: source,
        "X-Generator": f"press-toolkit {__version__}",
    }
    if signature is not None:
        po.metadata[SIGNATURE_HEADER] = signature.render()
    return po


def term_comments(segment: AlignedSegment, target: str) -> list[str]:
    """One line per glossary hit: the surface form, the approved equivalent and the concept."""
    lines = []
    for hit in segment.terms:
        equivalent = hit.equivalent(target) or "(no approved term)"
        lines.append(f"term: {hit.text} -> {equivalent} [{hit.concept.id}]")
    return lines


def build_po(result: DocumentResult, source: str, target: str, signature: Signature) -> polib.POFile:
    """The PO file of one document and target language."""
    po = new_po(result.document.doc_id, source, target, signature)
    if result.formatted is not None and result.formatted.selector:
        po.metadata[HTML_CONTENT_HEADER] = result.formatted.selector
    path = result.document.path
    for segment in result.segments:
        proposal = segment.targets.get(target)
        comments = [proposal.origin.label or "untranslated" if proposal else "untranslated"]
        comments += term_comments(segment, target)
        comments += proposal.notes if proposal else ()
        entry = polib.POEntry(
            msgctxt=segment.id,
            msgid=segment.coded,
            msgstr=proposal.text if proposal else "",
            tcomment="\n".join(comments),
            occurrences=[(str(path), str(segment.block.line))] if path else [],
        )
        if proposal and proposal.text and proposal.fuzzy:
            entry.flags.append("fuzzy")
            if proposal.memory_source:  # a fuzzy memory match: its source, as gettext's "#| msgid"
                entry.previous_msgid = proposal.memory_source
        po.append(entry)
    return po


def source_line(text: str, target: str) -> str:
    """A source line relabelled for the target language when it holds a URL, else unchanged."""
    url = URL.search(text)
    return f"{SOURCE_LINE_LABELS[target]} {url.group(0)}" if url else text


def target_text(result: DocumentResult, target: str) -> str:
    """The target text in the source's block structure; untranslated sentences keep the source.

    Metadata lines are carried as they are; a source line keeps its URL under the target's label.
    """
    by_block: dict[int, list[str]] = {
        b.index: [source_line(b.text, target)] for b in result.document.blocks if b.kind is BlockKind.SOURCE
    }
    for segment in result.segments:
        proposal = segment.targets.get(target)
        text = plain(proposal.text) if proposal and proposal.text else segment.source
        by_block.setdefault(segment.block.index, []).append(text)
    return result.document.render({index: " ".join(parts) for index, parts in by_block.items()})


def bundle_units(result: DocumentResult, source: str) -> list[TranslationUnit]:
    """One TMX unit per segment with a variant for each language that has text."""
    units = []
    for segment in result.segments:
        variants = {source: segment.source}
        props = {DOCUMENT_PROP: result.document.doc_id, BLOCK_PROP: segment.block.kind.value}
        for lang, proposal in segment.targets.items():
            if proposal.text:
                variants[lang] = plain(proposal.text)  # the memory holds plain text
                props[f"x-origin-{lang}"] = proposal.origin.label
        units.append(TranslationUnit(variants, segment.id, props))
    return units


def bundle_langs(source: str, targets: Sequence[str]) -> list[str]:
    """The languages of a bundle's TMX, in the toolkit's order."""
    return [lang for lang in SUPPORTED if lang == source or lang in targets]


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BundleEntry:
    """One PO entry of a (reviewed) bundle file, with where its translation stands."""

    id: str
    source: str
    target: str
    fuzzy: bool
    line: int  # the entry's first line
    target_line: int  # the msgstr's line
    target_column: int | None  # the column of the translation's first character (None when wrapped)
    occurrence: str  # the source release the entry names ('' when none)
    previous_source: str = ""
    context: str = ""  # the msgctxt as written ('' when none; `id` then names the entry by position)
    comments: tuple[str, ...] = ()  # the translator comment lines (origin, terms, notes: see build_po)

    @property
    def confirmed(self) -> bool:
        """Translated and not fuzzy: a reviewer's approval."""
        return bool(self.target.strip()) and not self.fuzzy

    @property
    def document(self) -> str:
        """The entry's document: from its segment id, else from the release its occurrence
        names ('' when neither says)."""
        if _SEGMENT_ID.fullmatch(self.id):
            return document_of(self.id)
        return doc_id_for(Path(self.occurrence)) if self.occurrence else ""


@dataclass(frozen=True)
class BundlePo:
    """A bundle PO file as read: its languages, header and entries (obsolete ones left out)."""

    path: Path
    source_lang: str
    target_lang: str
    metadata: dict[str, str]
    entries: list[BundleEntry]


def _header_lang(metadata: dict[str, str], key: str, path: Path, hint: str = "") -> str:
    value = metadata.get(key, "").strip()
    if not value:
        raise InputError(f"PO header has no {key}{hint}", path, 1)
    code = lang_code(value)
    if code not in SUPPORTED:
        raise InputError(f"PO header {key}: unsupported language {value!r}", path, 1)
    return code


def po_languages(metadata: dict[str, str], path: Path, source: str | None = None) -> tuple[str, str]:
    """(source, target) of a PO file: the source is `source` when given (PO files of other
    editors have no X-Source-Language header), else that header; the target is Language."""
    hint = " (give the source language: memory import --from, xliff export --from, check --source-lang)"
    src = check_lang(source) if source else _header_lang(metadata, SOURCE_HEADER, path, hint)
    return src, _header_lang(metadata, LANGUAGE_HEADER, path)


def _msgstr_positions(text: str) -> list[tuple[int, int | None]]:
    """(line, column of the text) of every active msgstr / msgstr[0]; column None when wrapped."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for keyword in ('msgstr "', 'msgstr[0] "'):
            if line.startswith(keyword):
                found.append((number, None if line == keyword + '"' else len(keyword) + 1))
    return found


def read_bundle_po(path: Path, source: str | None = None) -> BundlePo:
    """A bundle PO file (or a PO file of another editor with the same layout), checked as
    strictly as msgfmt; errors name the file and line."""
    path = Path(path)
    text, po = read_po_file(path)
    metadata = {str(k): str(v) for k, v in po.metadata.items()}
    src, target = po_languages(metadata, path, source)
    active = [e for e in po if not e.obsolete]
    positions = _msgstr_positions(text)
    if po.metadata and len(positions) == len(active) + 1:
        positions = positions[1:]  # the header's msgstr
    aligned = len(positions) == len(active)
    entries = []
    for i, entry in enumerate(active):
        line, column = positions[i] if aligned else (entry.linenum or 1, None)
        target_text_ = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        entries.append(
            BundleEntry(
                entry.msgctxt or f"entry{i + 1}",
                entry.msgid,
                target_text_,
                "fuzzy" in entry.flags,
                entry.linenum or 1,
                line,
                column,
                " ".join(name for name, _ in entry.occurrences),  # polib splits a path at its spaces
                entry.previous_msgid or "",
                entry.msgctxt or "",
                tuple(entry.tcomment.splitlines()) if entry.tcomment else (),
            )
        )
    return BundlePo(path, src, target, metadata, entries)


@dataclass(frozen=True)
class Provenance:
    """What build_po wrote in an entry's comments, read back: the origin label and its kind
    (memory, mt, glossary, none), a memory match's score and kind and file, the glossary terms
    as (surface, equivalent or '', concept id), and the other notes."""

    label: str
    kind: str
    score: int | None = None
    match: str = ""  # memory: exact, context, fuzzy or number-adjusted
    resource: str = ""  # memory: the TMX file; mt: the route
    terms: tuple[tuple[str, str, str], ...] = ()
    notes: tuple[str, ...] = ()


_TM_LABEL = re.compile(r"tm (?:(?P<kind>fuzzy|number-adjusted) )?(?P<score>\d+)% (?P<file>\S+)")
_TERM_LINE = re.compile(r"term: (?P<text>.*) -> (?P<target>.*) \[(?P<concept>[^\]]+)\]")


def provenance(entry: BundleEntry) -> Provenance:
    """The entry's origin and notes as build_po wrote them (the first comment line is the
    origin; `term:` lines the glossary hits); comments of other editors give kind 'none'."""
    lines = list(entry.comments)
    label = lines[0] if lines else ""
    terms, notes = [], []
    for line in lines[1:]:
        found = _TERM_LINE.fullmatch(line)
        if found:
            target = "" if found["target"] == "(no approved term)" else found["target"]
            terms.append((found["text"], target, found["concept"]))
        else:
            notes.append(line)
    tm = _TM_LABEL.match(label)
    if tm:
        score, kind = int(tm["score"]), tm["kind"] or ("context" if tm["score"] == "101" else "exact")
        return Provenance(label, "memory", score, kind, tm["file"], tuple(terms), tuple(notes))
    kind = "mt" if label.startswith("mt ") else "glossary" if label.startswith("glossary ") else "none"
    resource = label[3:] if kind == "mt" else label[len("glossary ") :] if kind == "glossary" else ""
    if kind == "none" and label and label != "untranslated":
        notes.insert(0, label)
    return Provenance(label if kind != "none" else "", kind, resource=resource, terms=tuple(terms), notes=tuple(notes))


def confirmed_entries(entries: Iterable[BundleEntry]) -> list[BundleEntry]:
    """The entries a reviewer approved (translated, not fuzzy)."""
    return [e for e in entries if e.confirmed and e.source]
