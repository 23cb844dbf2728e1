"""The types every stage shares: proposals with a structured origin, aligned segments, document
and run results, and the run signature.

Stages pass these plain dataclasses along (read -> segment -> leverage -> MT -> write); a writer
or a checker imports this module, not the orchestrator, so it needs none of the MT code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .formats.formatted import FormattedRelease
from .glossary.concept import TermHit
from .glossary.model import Glossary
from .text.document import Block, Document

Progress = Callable[[str, int], Callable[[int], None]]
"""progress(description, total) returns advance(n); the CLI draws it, the library stays quiet."""

ORIGIN_KINDS = ("memory", "mt", "glossary", "none")


@dataclass(frozen=True)
class Origin:
    """Where a proposal came from: its kind (memory, mt, glossary, none), the facts of it, and
    the label reviewers read in PO comments, TMX properties and the HTML view."""

    kind: str = "none"
    label: str = ""
    score: int | None = None  # memory: the match percentage
    match: str = ""  # memory: exact, context, fuzzy or number-adjusted
    resource: str = ""  # memory: the TMX file; glossary: the concept id
    route: str = ""  # mt: the route label (model pair, pivot)
    models: tuple[str, ...] = ()  # mt: the ids of the models of the route

    @classmethod
    def memory(cls, label: str, score: int, match: str, resource: str) -> Origin:
        return cls("memory", label, score, match, resource)

    @classmethod
    def mt(cls, route: str, models: Sequence[str]) -> Origin:
        return cls("mt", route, route=route, models=tuple(models))

    @classmethod
    def glossary(cls, concept_id: str) -> Origin:
        return cls("glossary", f"glossary {concept_id}", resource=concept_id)

    def __str__(self) -> str:
        return self.label


@dataclass
class Proposal:
    """A proposed translation in one language and where it came from."""

    text: str = ""
    origin: Origin = field(default_factory=Origin)
    fuzzy: bool = False  # a person must still confirm it
    memory_source: str = ""  # a fuzzy memory match's own source sentence, shown to the reviewer
    notes: tuple[str, ...] = ()  # MT: glossary terms enforced or missing, invariants lost


@dataclass
class AlignedSegment:
    """One source sentence with its glossary hits and a proposal per target language."""

    id: str
    doc_id: str
    block: Block
    index: int
    source: str
    terms: list[TermHit] = field(default_factory=list)
    targets: dict[str, Proposal] = field(default_factory=dict)
    marked: str = ""  # the source with its inline codes (toolkit.inline), "" when it has none
    place: tuple[int, int, int] | None = None  # a formatted input's paragraph and plain range

    @property
    def coded(self) -> str:
        """The source as the bundle shows it: with its inline codes, if any."""
        return self.marked or self.source


@dataclass
class DocumentResult:
    """A release and its aligned segments."""

    document: Document
    segments: list[AlignedSegment]
    formatted: FormattedRelease | None = None  # a web page's paragraphs, for the translated page


@dataclass
class LangStats:
    """Counts per target language for the run summary."""

    memory: int = 0
    glossary: int = 0
    mt: int = 0
    untranslated: int = 0
    routes: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Signature:
    """What produced a result, so that it can be reproduced; `render` gives the one line that
    bundles record (PO header X-Toolkit-Signature, TMX header, HTML footer)."""

    version: str
    models: tuple[str, ...]
    options: str  # decoding settings as used (the compute type the engines actually ran)
    glossary: str  # hash of the glossary files
    memory: str  # hash of the memory files
    n_best: int
    margin: float | None

    def render(self) -> str:
        models = ",".join(self.models) or "none"
        return (
            f"press-toolkit {self.version}; models {models}; {self.options}; glossary {self.glossary}; "
            f"memory {self.memory}; glossary in MT: n-best {self.n_best}, margin {self.margin}"
        )

    def __str__(self) -> str:
        return self.render()


@dataclass
class RunResult:
    """Everything a run produced: documents, per-language counts, warnings and the signature."""

    source: str
    targets: list[str]
    documents: list[DocumentResult]
    stats: dict[str, LangStats]
    warnings: list[str]
    missing_pairs: list[str]
    signature: Signature
    files: list[Path] = field(default_factory=list)
    mt_decoded: int = 0  # unique (model, text) translations decoded in this run
    mt_cached: int = 0  # ... found in the persistent MT cache instead
    glossary: Glossary | None = None  # the glossary the run used (the review view checks against it)

    @property
    def segment_count(self) -> int:
        return sum(len(d.segments) for d in self.documents)

    @property
    def term_hits(self) -> int:
        return sum(len(s.terms) for d in self.documents for s in d.segments)
