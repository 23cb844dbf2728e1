"""What checks share during one run: the glossary and caches of term recognition."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .model import Segment

CACHE_LIMIT = 200_000  # entries kept per cache before it is emptied (memory stays bounded)


@dataclass
class CheckContext:
    """The glossary (None when there is none) and per-run caches."""

    glossary: Any = None
    _terms: dict[tuple[str, str], list] = field(default_factory=dict, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _cache: dict[tuple[str, str, str], Any] = field(default_factory=dict, repr=False)

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

    def terms(self, text: str, lang: str) -> list:
        """Glossary hits in text (cached: a source sentence is checked once per target language)."""
        if self.glossary is None or not text:
            return []
        key = (lang, text)
        hits = self._terms.get(key)
        if hits is None:
            if len(self._terms) > CACHE_LIMIT:
                self._terms.clear()
            hits = self.glossary.find(text, lang)
            self._terms[key] = hits
        return hits

    def source_terms(self, segment: Segment) -> list:
        return self.terms(segment.source, segment.source_lang)

    def target_terms(self, segment: Segment) -> list:
        return self.terms(segment.target or "", segment.target_lang)
