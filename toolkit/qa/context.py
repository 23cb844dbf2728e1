"""What checks share during one run: the glossary, caches of term recognition, and what earlier
segments of the document being checked mentioned."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..glossary.concept import TermHit
from ..glossary.model import Glossary
from .model import Segment

CACHE_LIMIT = 200_000  # entries kept per cache before it is emptied (memory stays bounded)


@dataclass
class CheckContext:
    """The glossary (None when there is none), per-run caches, and document memory: `begin`
    is called for every segment in document order, before its checks run."""

    glossary: Glossary | None = None
    _terms: dict[tuple[str, str, str, bool], list[TermHit]] = field(default_factory=dict, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _cache: dict[tuple[str, str, str], Any] = field(default_factory=dict, repr=False)
    _mentioned: dict[tuple[str, str, str], set[str]] = field(default_factory=dict, repr=False)
    earlier: frozenset[str] = frozenset()  # concepts the document's source named before this segment

    def cached(self, kind: str, text: str, lang: str, compute: Callable[[str, str], Any]) -> Any:
        """compute(text, lang), computed once per run (a source is seen once per target language)."""
        key = (kind, lang, text)
        value = self._cache.get(key)
        if value is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            value = self._cache[key] = compute(text, lang)
        return value

    def memo(self, name: str, build: Callable[[], Any]) -> Any:
        """A value computed once per run (tables derived from the glossary)."""
        if name not in self._memo:
            self._memo[name] = build()
        return self._memo[name]

    def _find(self, kind: str, text: str, lang: str, overlapping: bool = False) -> list[TermHit]:
        if self.glossary is None or not text:
            return []
        key = (kind, lang, text, overlapping)
        hits = self._terms.get(key)
        if hits is None:
            if len(self._terms) > CACHE_LIMIT:
                self._terms.clear()
            find = self.glossary.find if kind == "terms" else self.glossary.find_accepted
            hits = self._terms[key] = find(text, lang, overlapping)
        return hits

    def terms(self, text: str, lang: str, overlapping: bool = False) -> list[TermHit]:
        """Glossary hits in text (cached: a source sentence is checked once per target language);
        with overlapping, nested and overlapping matches too."""
        return self._find("terms", text, lang, overlapping)

    def source_terms(self, segment: Segment) -> list[TermHit]:
        return self.terms(segment.source, segment.source_lang)

    def target_terms(self, segment: Segment, overlapping: bool = False) -> list[TermHit]:
        return self.terms(segment.target or "", segment.target_lang, overlapping)

    def target_accepted(self, segment: Segment) -> list[TermHit]:
        """Accepted renderings in the target: `<lang>_accepted` terms, surnames, short names
        (see Glossary.find_accepted)."""
        return self._find("accepted", segment.target or "", segment.target_lang, overlapping=True)

    def forget_documents(self) -> None:
        """Start a new sequence of documents (the caches of recognition stay)."""
        self._mentioned.clear()
        self.earlier = frozenset()

    def begin(self, segment: Segment) -> None:
        """Enter a segment: `earlier` becomes the concepts named by the source of the segments
        of the same file and language pair checked before it."""
        seen = self._mentioned.setdefault((segment.file, segment.source_lang, segment.target_lang), set())
        self.earlier = frozenset(seen)
        seen.update(hit.concept.id for hit in self.source_terms(segment))
