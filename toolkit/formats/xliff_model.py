"""XLIFF documents as the toolkit sees them, for both versions it writes and reads (1.2, 2.1).

A document is one source release in one target language: units are the release's blocks,
segments its sentences with the toolkit's segment ids (`visit.b03.s01`, unit `visit.b03`).
Text carries inline codes as markers (toolkit.inline: `<1>bold</1>`, `<2/>`).

A segment's status is one of four, named after XLIFF 2.1's states; `Status.confirmed` is what
`memory import` accepts (see the README's status table for the 1.2 states and attributes):
- initial: a proposal a person must confirm (MT, a fuzzy memory match, a glossary fill), or none;
- translated: an exact (100%/101%) memory match, or a translation nobody has reviewed yet;
- reviewed / final: a person confirmed it (a reviewer in the bundle, or a CAT tool's
  reviewed/approved/signed-off states).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Status(str, Enum):
    INITIAL = "initial"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"
    FINAL = "final"

    @property
    def confirmed(self) -> bool:
        return self in (Status.REVIEWED, Status.FINAL)


@dataclass(frozen=True)
class Candidate:
    """A memory or MT candidate for a segment: XLIFF 2.1 `mtc:match`, 1.2 `alt-trans`."""

    kind: str  # "tm" or "mt"
    source: str
    target: str
    origin: str  # the memory file or the MT route
    score: int | None = None  # the memory match in percent


@dataclass(frozen=True)
class Term:
    """A glossary term found in the source, with its approved equivalent (or '')."""

    source: str
    target: str
    concept: str


@dataclass
class XliffSegment:
    id: str
    source: str
    target: str | None  # None: no target element
    status: Status = Status.INITIAL
    qualifier: str = ""  # how the target came to be: exact-match, fuzzy-match, leveraged-mt ...
    origin: str = ""  # the provenance label of the bundle (`tm 100% memories/x.tmx`, `mt argos ...`)
    candidates: list[Candidate] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    line: int = 1  # where it was read (the target's line, else the segment's)

    @property
    def confirmed(self) -> bool:
        return self.status.confirmed and bool((self.target or "").strip())


@dataclass
class XliffUnit:
    id: str
    segments: list[XliffSegment]
    line: int = 1


@dataclass
class XliffDocument:
    """One `<file>`: its original (the document id), languages and units."""

    original: str
    source_lang: str
    target_lang: str
    units: list[XliffUnit]

    def segments(self) -> list[XliffSegment]:
        return [segment for unit in self.units for segment in unit.segments]
