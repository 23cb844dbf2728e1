"""Scoring term recognition against annotated occurrences (tests/data/terms/<lang>.tsv).

The file has a header `text, concept, surface` (tab-separated); each row is one occurrence of a
concept in a sentence, `surface` being the exact text of the occurrence; a sentence may have
several rows, and concept `-` marks a sentence without any term.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import InputError
from ..find import find_terms
from ..model import Glossary

DATA = Path("tests/data/terms")


@dataclass
class Case:
    """One sentence and its annotated occurrences (concept, start, end)."""

    text: str
    gold: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class Score:
    """Counts of one language's evaluation, with the errors described."""

    gold: int = 0
    found: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def load_cases(path: Path) -> list[Case]:
    """Sentences in file order with the spans of their annotated occurrences."""
    cases: dict[str, Case] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for number, row in enumerate(reader, start=2):
            text, concept, surface = row["text"], row["concept"].strip(), row["surface"]
            case = cases.setdefault(text, Case(text))
            if concept in ("-", ""):
                continue
            taken = {(s, e) for _, s, e in case.gold}
            start = text.find(surface)
            while start >= 0 and (start, start + len(surface)) in taken:
                start = text.find(surface, start + 1)
            if start < 0 or not surface:
                raise InputError(f"surface {surface!r} is not in the sentence", path, number)
            case.gold.append((concept, start, start + len(surface)))
    return list(cases.values())


def evaluate_language(cases: list[Case], lang: str, glossary: Glossary, exact: bool = True) -> Score:
    """Precision and recall: a found term is correct when its concept matches an unused
    annotation with the same span (exact) or an overlapping one."""
    score = Score()
    for case in cases:
        hits = find_terms(case.text, lang, glossary)
        score.gold += len(case.gold)
        score.found += len(hits)
        unused = list(case.gold)
        for hit in hits:
            match = next(
                (
                    g
                    for g in unused
                    if g[0] == hit.concept.id
                    and ((g[1], g[2]) == (hit.start, hit.end) if exact else g[1] < hit.end and hit.start < g[2])
                ),
                None,
            )
            if match is None:
                score.false_positives.append(f"{hit.concept.id} {hit.text!r} in: {case.text}")
            else:
                unused.remove(match)
                score.correct += 1
        for concept, start, end in unused:
            score.misses.append(f"{concept} {case.text[start:end]!r} in: {case.text}")
    return score
