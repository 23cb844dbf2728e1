"""Merging imported concepts (a TBX from another tool) into an existing glossary file.

Concepts are matched by id. A new id is added, an identical concept is left as it is; a concept
whose terms, relations or notes differ is a conflict: it keeps the glossary's version unless the
import is told to replace it. The glossary's order is kept, new concepts come after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..formats.glossary_csv import concept_row
from .concept import Concept


@dataclass
class MergeReport:
    """The merged concepts and what happened to each imported one (ids)."""

    concepts: list[Concept]
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, list[str]]] = field(default_factory=list)  # id, differing columns

    def lines(self) -> list[str]:
        """A summary line, then one line per conflict."""
        head = (
            f"added {len(self.added)}, changed {len(self.changed)}, unchanged {len(self.unchanged)}, "
            f"conflicting {len(self.conflicts)}"
        )
        return [head] + [f"conflict: {cid} differs in {', '.join(columns)}" for cid, columns in self.conflicts]


def differences(ours: Concept, theirs: Concept) -> list[str]:
    """The CSV columns in which two versions of a concept differ."""
    a, b = concept_row(ours), concept_row(theirs)
    return [column for column in a if a[column] != b[column]]


def merge_concepts(existing: Sequence[Concept], imported: Sequence[Concept], replace: bool = False) -> MergeReport:
    """Merge imported concepts into existing ones; with replace, an imported version wins a
    conflict (reported as changed), otherwise the existing one stays (reported as conflicting)."""
    report = MergeReport(list(existing))
    position = {c.id: i for i, c in enumerate(report.concepts)}
    for concept in imported:
        if concept.id not in position:
            position[concept.id] = len(report.concepts)
            report.concepts.append(concept)
            report.added.append(concept.id)
            continue
        ours = report.concepts[position[concept.id]]
        columns = differences(ours, concept)
        if not columns:
            report.unchanged.append(concept.id)
        elif replace:
            report.concepts[position[concept.id]] = concept
            report.changed.append(concept.id)
        else:
            report.conflicts.append((concept.id, columns))
    return report
