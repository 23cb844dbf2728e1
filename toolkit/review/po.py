"""PO files of a review bundle: one entry per segment, provenance and glossary terms as comments."""

from __future__ import annotations

import polib

from .. import __version__
from ..langs import NAMES
from ..model import AlignedSegment, DocumentResult, Signature

PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "kk": "nplurals=2; plural=(n!=1);",
    "en": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}


def term_comments(segment: AlignedSegment, target: str) -> list[str]:
    """One line per glossary hit: the surface form, the approved equivalent and the concept."""
    lines = []
    for hit in segment.terms:
        equivalent = hit.equivalent(target) or "(no approved term)"
        lines.append(f"term: {hit.text} -> {equivalent} [{hit.concept.id}]")
    return lines


def build_po(result: DocumentResult, source: str, target: str, signature: Signature) -> polib.POFile:
    """The PO file of one document and target language."""
    po = polib.POFile(wrapwidth=0)
    po.header = (
        f"Review file: {result.document.doc_id}, {NAMES[source]} -> {NAMES[target]}.\n"
        "Entries flagged fuzzy are proposals a reviewer must confirm; comments give their origin."
    )
    po.metadata = {
        "Project-Id-Version": f"{result.document.doc_id}",
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": "",
        "Last-Translator": "",
        "Language-Team": f"{NAMES.get(target, target)}",
        "Language": target,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[target],
        "X-Source-Language": source,
        "X-Generator": f"press-toolkit {__version__}",
        "X-Toolkit-Signature": signature.render(),
    }
    path = result.document.path
    for segment in result.segments:
        proposal = segment.targets.get(target)
        comments = [proposal.origin.label or "untranslated" if proposal else "untranslated"]
        comments += term_comments(segment, target)
        comments += proposal.notes if proposal else ()
        entry = polib.POEntry(
            msgctxt=segment.id,
            msgid=segment.source,
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
