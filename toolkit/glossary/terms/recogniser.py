"""The recogniser of one language: a glossary's terms compiled into a token trie of per-word
keys (see the package docstring)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice, product
from typing import Protocol

from ..concept import Concept, TermHit
from ..markers import MAX_ENDING
from .matcher import Match, TokenTrie, longest_non_overlapping
from .tokens import Token, joinable, term_words, words

MAX_PATHS = 64  # key sequences one term may be indexed under
KIND_RANK = {"preferred": 0, "allowed": 1, "derived": 1, "forbidden": 2}
# Domains of proper names: a capitalised word of their terms matches only a capitalised text
# word (the country Того is not the pronoun «того», Chad not «chad», Maurice a name only).
PROPER_DOMAINS = frozenset({"country"})


class LanguageModel(Protocol):
    """What recognition needs from a language."""

    def prepare(self, terms: Sequence[Sequence[str]]) -> None:
        """See every term's words (markers removed) before matching starts."""

    def term_keys(self, word: str) -> tuple:
        """The keys one glossary word may be matched by."""

    def token_keys(self, word: str) -> tuple:
        """The keys of one text word."""

    def retokenize(self, text: str, tokens: list[Token]) -> list[Token]:
        """Language-specific joining of words (kk: ИЫҰ-ның)."""

    def form_ok(self, surface: str, term_word: str) -> bool:
        """A last check of a keyed match of one word (en/fr: no derivations); called only
        when the model has a true `checks_form` attribute."""


def language_model(lang: str) -> LanguageModel:
    """The model of a supported language."""
    if lang == "ru":
        from .ru import RussianModel

        return RussianModel()
    if lang == "kk":
        from .kk import KazakhModel

        return KazakhModel()
    if lang in ("en", "fr"):
        from .latin import LatinModel

        return LatinModel(lang)
    raise ValueError(f"no term recognition for language {lang!r}")


def _marker_key(word: str) -> tuple[str, str] | None:
    """`губернатор|ы` -> ('губернатор', '|'); `ambassad*` -> ('ambassad', '*'); else None."""
    low = word.lower().replace("ё", "е")
    if "|" in low:
        return (low.split("|")[0], "|")
    if low.endswith("*"):
        return (low[:-1], "*")
    return None


def _is_acronym(word: str) -> bool:
    """An all-capitals glossary word (WHO, IT, МИД): text words must be capitals too."""
    return len(word) >= 2 and word.isupper()


class Recogniser:
    """The compiled glossary of one language."""

    def __init__(self, concepts: Sequence[Concept], lang: str, model: LanguageModel | None = None):
        self.lang = lang
        self.concepts = list(concepts)
        self.model = model or language_model(lang)
        self.trie = TokenTrie()
        self._bar_stems: set[str] = set()
        self._star_stems: set[str] = set()
        self._cache: dict[str, tuple] = {}
        entries = []
        for index, concept in enumerate(self.concepts):
            for kind, variants in (
                ("preferred", concept.variants(lang)[:1]),
                ("allowed", concept.variants(lang)[1:]),
                ("derived", concept.derived(lang)),
                ("forbidden", concept.forbidden.get(lang, ())),
            ):
                for variant in variants:
                    written = term_words(variant)
                    join = getattr(self.model, "term_words", None)  # kk: «ҚР-ның» is one word, as in text
                    if join is not None:
                        written = join(variant, written)
                    if written:
                        entries.append((index, variant, kind, written))
        self.model.prepare([[w.replace("|", "").rstrip("*") for w in e[3]] for e in entries])
        for index, variant, kind, written in entries:
            options = []
            for word in written:
                marker = _marker_key(word)
                if marker is not None:
                    (self._bar_stems if marker[1] == "|" else self._star_stems).add(marker[0])
                    options.append((marker,))
                else:
                    options.append(self.model.term_keys(word))
            plain = tuple(None if _marker_key(w) else w for w in written)
            proper = self.concepts[index].domain in PROPER_DOMAINS
            checked = proper or any(_is_acronym(w) for w in written) or getattr(self.model, "checks_form", False)
            for keys in islice(product(*options), MAX_PATHS):
                self.trie.add(keys, (index, variant, kind, plain, checked, proper))

    def _keys(self, word: str) -> tuple:
        keys = self._cache.get(word)
        if keys is None:
            keys = self.model.token_keys(word)
            if self._bar_stems or self._star_stems:
                low = word.lower().replace("ё", "е")
                extra = [
                    (low[:k], "|")
                    for k in range(max(1, len(low) - MAX_ENDING), len(low) + 1)
                    if low[:k] in self._bar_stems
                ]
                extra += [(low[:k], "*") for k in range(1, len(low) + 1) if low[:k] in self._star_stems]
                keys = tuple(keys) + tuple(extra)
            self._cache[word] = keys
        return keys

    def find(self, text: str, overlapping: bool = False) -> list[TermHit]:
        """Concepts in text: longest non-overlapping matches, in text order; with overlapping,
        every match (`Kazakhstan` inside `Ministry of Foreign Affairs of Kazakhstan` too), in
        text order, longer first at one position."""
        tokens = self.model.retokenize(text, words(text))
        if not tokens:
            return []
        cached = self._cache.get
        keys = [cached(t[2]) or self._keys(t[2]) for t in tokens]
        join = joinable(text, tokens)
        model = self.model

        checks_form = getattr(model, "checks_form", False)
        skip_words: frozenset[str] = getattr(model, "skippable", frozenset())
        skippable = [t[2].lower() in skip_words for t in tokens] if skip_words else None

        def accept(match: Match) -> bool:
            payload = match.payload
            if not payload[4]:
                return True
            used = [t for t in range(match.first, match.last + 1) if t != match.skipped]
            for k, word in enumerate(payload[3]):
                if word is None:
                    continue
                surface = tokens[used[k]][2]
                if _is_acronym(word) and not surface[:2].isupper():
                    return False  # WHO is not «who», IT is not «its»
                if payload[5] and word[:1].isupper() and not surface[:1].isupper():
                    return False  # the country Того is not the pronoun «того»
                if checks_form and not model.form_ok(surface, word):
                    return False
            return True

        found = self.trie.matches(keys, join, accept, skippable)

        def rank(m: Match) -> tuple[int, int]:
            return KIND_RANK[m.payload[2]], m.payload[0]

        if overlapping:
            chosen = sorted(found, key=lambda m: (m.first, m.first - m.last, rank(m)))
        else:
            chosen = longest_non_overlapping(found, rank=rank)
        return [self._hit(text, tokens, m) for m in chosen]

    def _hit(self, text: str, tokens: list[Token], match: Match) -> TermHit:
        index, variant, kind = match.payload[:3]
        start, end = tokens[match.first][0], tokens[match.last][1]
        if variant.endswith(".") and text[end : end + 1] == ".":
            end += 1  # «в т.ч.»: the abbreviation's dot belongs to the term
        return TermHit(self.concepts[index], start, end, text[start:end], variant, kind)


def build_recogniser(concepts: Iterable[Concept], lang: str) -> Recogniser:
    """Compile the terms of lang of these concepts."""
    return Recogniser(list(concepts), lang)
