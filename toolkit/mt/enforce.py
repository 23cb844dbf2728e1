"""Making MT output honour the glossary and keep invariants, by steering the decoder only.

For a sentence whose source holds approved glossary concepts (or invariants), after the ordinary
1-best translation:
1. invariants (placeholders.py): if the 1-best lost one, the sentence is translated again with
   placeholders; the result is used only if every placeholder came back exactly once, else the
   1-best stays and the loss is noted for the reviewer;
2. if the 1-best carries every approved target term (preferred or allowed variant, recognised
   inflection-aware by the glossary) and no forbidden variant, it stays;
3. else CTranslate2 returns the n best hypotheses with the forbidden target variants of those
   concepts in `suppress_sequences`; the best-scored one carrying every approved term is taken;
   (hypotheses scoring more than `max_drop` below the best are never taken);
4. else, term by term, the decoder is forced through `target_prefix` = the best hypothesis up to
   where the term should go (where a variant of the concept stands, else the start if the source
   term opens the sentence, else the same relative place) + the term's pieces, and decodes the
   rest; kept only if the result carries the term, loses none found before and scores within
   `max_drop` of the best hypothesis;
5. what is still missing is noted.
Nothing is ever pasted into the output text: inflected ru/kk output is only ever the model's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from ..glossary.concept import TermHit
from ..glossary.model import Glossary
from .engine import SPACE_MARK, CT2Engine
from .placeholders import Protected, find_invariants, lost_invariants, protect, restore

DEFAULT_N_BEST = 8
DEFAULT_MAX_DROP = 3.0
"""How far (in CTranslate2 score, a length-normalised log-probability) a hypothesis chosen or
forced for a term may fall below the best hypothesis: beyond it the output is taken to be broken
and the term is flagged as missing instead. None: no limit."""
_MARKERS = str.maketrans("", "", "|*")


@dataclass(frozen=True)
class TermConstraint:
    """An approved target term a translation must carry."""

    concept_id: str
    term: str  # the preferred target term, markers removed
    accepted: tuple[str, ...]  # preferred and allowed target variants as written
    position: float  # where the source term starts, as a share of the source length
    at_start: bool  # the source term opens the sentence


@dataclass(frozen=True)
class Constraints:
    """Everything one sentence's translation is held to."""

    terms: tuple[TermConstraint, ...] = ()
    forbidden: tuple[str, ...] = ()  # target variants never to output, markers removed
    invariants: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms or self.forbidden or self.invariants)

    def key(self, *settings: object) -> str:
        """A short stable key for the MT cache: any change here (or in the enforcer's settings)
        re-translates."""
        data = json.dumps(
            [[t.__dict__ for t in self.terms], self.forbidden, self.invariants, [repr(s) for s in settings]],
            ensure_ascii=False,
            sort_keys=True,
        )
        return "enforce " + hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def constraints_for(glossary: Glossary, text: str, source: str, target: str) -> Constraints:
    """The approved concepts of text (with a target term), their forbidden target variants and
    the invariants of text."""
    terms: dict[str, TermConstraint] = {}
    forbidden: list[str] = []
    for hit in glossary.find(text, source):
        concept = hit.concept
        term = concept.terms.get(target)
        if concept.status != "approved" or not term or concept.id in terms:
            continue
        terms[concept.id] = TermConstraint(
            concept.id,
            term,
            concept.variants(target),
            round(hit.start / max(1, len(text)), 3),
            not text[: hit.start].strip(" «\"'“(—–-"),
        )
        forbidden += [v.translate(_MARKERS) for v in concept.forbidden.get(target, ())]
    return Constraints(tuple(terms.values()), tuple(dict.fromkeys(forbidden)), tuple(find_invariants(text, source)))


@dataclass(frozen=True)
class Outcome:
    """The translation chosen and what the reviewer should know about it."""

    text: str
    notes: tuple[str, ...] = ()


Finish = Callable[[str], "str | None"]
"""What becomes of a decoded hypothesis: itself, or its placeholders restored (None if lost)."""


def _unchanged(text: str) -> str:
    return text


class Enforcer:
    """Steers one engine (one language pair) towards a glossary's approved target terms."""

    def __init__(
        self,
        engine: CT2Engine,
        glossary: Glossary,
        source: str,
        target: str,
        n_best: int = DEFAULT_N_BEST,
        max_drop: float | None = DEFAULT_MAX_DROP,
    ):
        self.engine = engine
        self.glossary = glossary
        self.source = source
        self.target = target
        self.n_best = max(1, n_best)
        self.max_drop = max_drop
        self._by_id = {c.id: c for c in glossary.concepts}
        self._restricted: dict[frozenset[str], Glossary] = {}

    def find(self, text: str, constraints: Constraints) -> list[TermHit]:
        """Target-side hits of the constrained concepts only, so that no longer term of another
        concept hides one (ministère des Affaires étrangères du Kazakhstan holds Kazakhstan)."""
        ids = frozenset(t.concept_id for t in constraints.terms)
        if ids not in self._restricted:
            self._restricted[ids] = Glossary([self._by_id[i] for i in sorted(ids) if i in self._by_id])
        return self._restricted[ids].find(text, self.target)

    # -- recognition on the target side ------------------------------------------------------
    def carried(self, text: str, constraints: Constraints) -> set[str]:
        """Ids of the constrained concepts text holds by a preferred or allowed variant."""
        return {h.concept.id for h in self.find(text, constraints) if h.kind != "forbidden"}

    def forbidden_in(self, text: str, constraints: Constraints) -> list[str]:
        """Forbidden variants of the constrained concepts found in text."""
        return [f"{h.text} [{h.concept.id}]" for h in self.find(text, constraints) if h.kind == "forbidden"]

    def suppressed(self, constraints: Constraints) -> list[list[str]]:
        """The forbidden variants as piece sequences, as written and with a capital first
        (a sequence with a piece outside the vocabulary cannot be output, nor suppressed)."""
        forms = dict.fromkeys(f for v in constraints.forbidden for f in (v, v[:1].upper() + v[1:]))
        sp = self.engine.sp
        sequences = [self.pieces(f) for f in forms if f]
        return [s for s in sequences if all(sp.piece_to_id(p) != sp.unk_id() for p in s)]

    def pieces(self, text: str) -> list[str]:
        return self.engine.sp.encode(text, out_type=str)

    def _output(self, pieces: Sequence[str]) -> list[str]:
        """Output pieces less the engine's own forced prefix tokens."""
        own = self.engine.prefix_tokens()
        return list(pieces[len(own) :]) if list(pieces[: len(own)]) == own else list(pieces)

    # -- the steps ----------------------------------------------------------------------------
    def needs_protection(self, baseline: str, constraints: Constraints) -> bool:
        """Whether the plain translation lost an invariant, so placeholders are worth a try."""
        return bool(lost_invariants(list(constraints.invariants), baseline))

    def protect(self, source_text: str) -> Protected:
        return protect(source_text, self.source)

    def enforce(
        self, source_text: str, baseline: str, constraints: Constraints, protected_output: str | None = None
    ) -> Outcome:
        """Hold one translation to its constraints. `protected_output` is the decoded
        translation of the placeholder-protected source when the caller batched those ("" when
        the model is known not to carry placeholders; None: decode it here)."""
        notes: list[str] = []
        tokens = self.engine.encode(source_text)
        finish: Finish = _unchanged
        text = baseline
        lost = lost_invariants(list(constraints.invariants), baseline)
        if lost:
            protected = self.protect(source_text)
            if protected_output is None:
                hyps = self.engine.search(self.engine.encode(protected.text), 1)
                protected_output = self.engine.decode(hyps[0][0]) if hyps else None
            restored = restore(protected_output, protected.originals) if protected_output else None
            if restored is not None and not lost_invariants(list(constraints.invariants), restored):
                text, tokens = restored, self.engine.encode(protected.text)
                finish = partial(restore, originals=protected.originals)
                notes.append(f"placeholders restored: {', '.join(protected.originals)}")
            else:
                notes.append(
                    f"invariant lost: {', '.join(lost)} (placeholders did not survive "
                    f"this model; unprotected translation kept)"
                )
        if constraints.terms or constraints.forbidden:
            text, term_notes = self._glossary(tokens, text, constraints, finish)
            notes += term_notes
        return Outcome(text, tuple(notes))

    def _glossary(
        self, tokens: list[str], best: str, constraints: Constraints, finish: Finish
    ) -> tuple[str, list[str]]:
        needed = [t.concept_id for t in constraints.terms]
        how: dict[str, str] = {}
        if set(needed) <= self.carried(best, constraints) and not self.forbidden_in(best, constraints):
            return best, self._notes(constraints, dict.fromkeys(needed, "n-best 1"), best, best)
        suppress = self.suppressed(constraints)
        hyps = self.engine.search(tokens, self.n_best, suppress=suppress)
        floor = -float("inf")
        if self.max_drop is not None and hyps:
            floor = self.engine.score(tokens, hyps[0][0]) - self.max_drop
        scored = []
        for rank, (pieces, _) in enumerate(hyps, start=1):
            text = finish(self.engine.decode(pieces))
            if text is None or (floor > -float("inf") and self.engine.score(tokens, pieces) < floor):
                continue
            carried = self.carried(text, constraints)
            if set(needed) <= carried and not self.forbidden_in(text, constraints):
                return text, self._notes(constraints, dict.fromkeys(needed, f"n-best {rank}"), text, best)
            scored.append((len(carried), -rank, text, self._output(pieces)))
        if not scored:
            return best, self._notes(constraints, {}, best, best)
        _, rank, text, pieces = max(scored)
        carried = self.carried(text, constraints)
        how = dict.fromkeys(carried, f"n-best {-rank}")
        for term in sorted(constraints.terms, key=lambda t: t.position):
            if term.concept_id in carried:
                continue
            cut = self._insertion_point(pieces, text, best, term, constraints)
            forced = term.term[:1].upper() + term.term[1:] if cut == 0 else term.term
            prefix = pieces[:cut] + self.pieces(forced)
            out = self.engine.search(tokens, 1, prefix=prefix, suppress=suppress)
            candidate = finish(self.engine.decode(out[0][0])) if out else None
            if candidate is None or (floor > -float("inf") and self.engine.score(tokens, out[0][0]) < floor):
                continue
            now = self.carried(candidate, constraints)
            if term.concept_id in now and carried <= now:
                text, pieces, carried = candidate, self._output(out[0][0]), now
                how[term.concept_id] = "prefix"
        return text, self._notes(constraints, how, text, best)

    def _insertion_point(
        self, pieces: list[str], text: str, first: str, term: TermConstraint, constraints: Constraints
    ) -> int:
        """The piece index the term should start at in text (where a variant of its concept
        stands in text, else in the first 1-best, else the start if the source term opens the
        sentence, else the same relative place), moved back to a word start."""
        spans = [
            h.start
            for candidate in (text, first)
            for h in self.find(candidate, constraints)
            if h.concept.id == term.concept_id
        ]
        if not spans and term.at_start:
            return 0
        char = spans[0] if spans else round(term.position * len(text))
        cut = len(pieces)
        for i in range(len(pieces) + 1):
            if len(self.engine.decode(pieces[:i])) >= char:
                cut = i
                break
        while 0 < cut < len(pieces) and not pieces[cut].startswith(SPACE_MARK):
            cut -= 1
        return cut

    def _notes(self, constraints: Constraints, how: dict[str, str], text: str, first: str) -> list[str]:
        """PO comment lines: each term enforced (and how), each still missing, each forbidden
        variant of the first 1-best suppressed, each forbidden variant left."""
        carried = self.carried(text, constraints)
        lines = []
        for term in constraints.terms:
            if term.concept_id in carried:
                lines.append(
                    f"glossary enforced: {term.term} [{term.concept_id}] ({how.get(term.concept_id, 'n-best 1')})"
                )
            else:
                lines.append(f"glossary missing: {term.term} [{term.concept_id}]")
        left = self.forbidden_in(text, constraints)
        lines += [
            f"glossary forbidden variant suppressed: {f}"
            for f in dict.fromkeys(self.forbidden_in(first, constraints))
            if f not in left
        ]
        lines += [f"glossary forbidden variant left: {f}" for f in left]
        return lines
