"""The `check` findings of a run's proposals, for the review view: each segment's target checked
with the run's glossary and the default rules, as `toolkit check` would check the bundle."""

from __future__ import annotations

from collections.abc import Callable

from ..formats.html_view import FindingsBySegment
from ..model import DocumentResult, RunResult
from ..qa.context import CheckContext
from ..qa.model import Segment
from ..qa.runner import CheckOptions, active_checks, check_segments


def document_segments(result: DocumentResult, source: str, targets: list[str]) -> list[Segment]:
    """The QA segments of one document's proposals, in document order, per target language."""
    segments = []
    for target in targets:
        for aligned in result.segments:
            proposal = aligned.targets.get(target)
            text = proposal.text if proposal else ""
            segments.append(Segment(result.document.doc_id, 0, source, target, aligned.source, text, aligned.id))
    return segments


def run_findings(run: RunResult, advance: Callable[[int], None] | None = None) -> dict[str, FindingsBySegment]:
    """Findings per document id, then per (segment id, target language); advance(1) after each
    document."""
    checks = {name: chk for name, chk in active_checks(CheckOptions()).items() if chk.scope == "segment"}
    ctx = CheckContext(run.glossary if run.glossary is not None and run.glossary.concepts else None)
    found: dict[str, FindingsBySegment] = {}
    for result in run.documents:
        by_segment: FindingsBySegment = {}
        for finding in check_segments(document_segments(result, run.source, run.targets), checks, ctx):
            by_segment.setdefault((finding.segment, finding.target_lang), []).append(finding)
        found[result.document.doc_id] = by_segment
        if advance is not None:
            advance(1)
    return found
