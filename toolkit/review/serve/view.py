"""What the review page and the JSON API show of a segment, as plain data: the source in pieces
(text, glossary terms with their equivalents, inline codes), and for each target language its
text, state, version, provenance (with a fuzzy memory match's source as a word diff against
the source) and findings. Every value is text; the templates escape it."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from ...formats.bundle import BundleEntry, provenance
from ...glossary.concept import TermHit
from ...glossary.model import Glossary
from ...inline import Marker, tokens
from ...langs import NAMES
from ...qa.model import Finding
from .store import version_of

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Piece:
    """A piece of a source: kind text, term (with its hover title) or code (an inline marker)."""

    kind: str
    text: str
    title: str = ""


def term_title(hit: TermHit, targets: list[str]) -> str:
    """`ministry.mfa-kz: kk Сыртқы істер министрлігі · en ... (not: ...)` for a hover."""
    parts = []
    for lang in targets:
        preferred = hit.equivalent(lang) or "(no approved term)"
        forbidden = hit.concept.forbidden.get(lang, ())
        parts.append(f"{lang}: {preferred}" + (f" (not: {', '.join(forbidden)})" if forbidden else ""))
    return f"{hit.concept.id} — " + " · ".join(parts)


def source_pieces(source: str, lang: str, targets: list[str], glossary: Glossary | None) -> list[Piece]:
    """The source as text, glossary terms (found in its plain text) and inline codes."""
    parts = tokens(source)
    plain_text = "".join(p for p in parts if isinstance(p, str))
    hits = glossary.find(plain_text, lang) if glossary is not None and plain_text else []
    pieces: list[Piece] = []
    offset = 0  # position in the plain text
    for part in parts:
        if isinstance(part, Marker):
            pieces.append(Piece("code", str(part)))
            continue
        start, end = offset, offset + len(part)
        position = start
        for hit in hits:
            lo, hi = max(hit.start, start), min(hit.end, end)
            if lo >= hi:
                continue
            if lo > position:
                pieces.append(Piece("text", plain_text[position:lo]))
            pieces.append(Piece("term", plain_text[lo:hi], term_title(hit, targets)))
            position = hi
        if position < end:
            pieces.append(Piece("text", plain_text[position:end]))
        offset = end
    return pieces


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) pieces turning old into new word by word: op is same, del or ins."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("ins", "".join(b[j1:j2])))
    return out


def finding_data(finding: Finding) -> dict[str, str]:
    return {"rule": finding.rule, "severity": finding.severity.label, "message": finding.message}


def target_data(entry: BundleEntry, findings: list[Finding]) -> dict[str, Any]:
    """One target of a segment for the page and the API."""
    prov = provenance(entry)
    return {
        "id": entry.id,
        "source": entry.source,
        "target": entry.target,
        "confirmed": entry.confirmed,
        "fuzzy": entry.fuzzy,
        "version": version_of(entry),
        "provenance": {
            "kind": prov.kind,
            "label": prov.label or "untranslated",
            "score": prov.score,
            "match": prov.match,
            "resource": prov.resource,
            "terms": [{"text": t, "equivalent": e, "concept": c} for t, e, c in prov.terms],
            "notes": list(prov.notes),
            "memory_source": entry.previous_source,
        },
        "memory_diff": word_diff(entry.previous_source, entry.source) if entry.previous_source else [],
        "findings": [finding_data(f) for f in findings],
    }


def lang_label(lang: str) -> str:
    return f"{NAMES.get(lang, lang)} ({lang})"
