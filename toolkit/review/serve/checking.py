"""`check`'s segment rules for the review server: the findings of a whole PO file (cached until
it changes) and of one segment after a save.

A segment's findings depend on its own source and target and on the concepts the earlier
sources of its file named (CheckContext.earlier); sources never change in review, so after a
save only the saved segment is checked again, and its findings replace its old ones. The
corpus rules (consistency across segments) are left to `toolkit check`.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from ...formats.bundle import BundlePo
from ...glossary.model import Glossary
from ...qa.context import CheckContext
from ...qa.model import Finding, Segment, make_finding
from ...qa.readers import po_segments
from ...qa.runner import CheckOptions, active_checks, check_segments


class SegmentChecker:
    """The segment-scope checks with one glossary and a context that lives as long as the server."""

    def __init__(self, glossary: Glossary | None, options: CheckOptions | None = None):
        checks = active_checks(options or CheckOptions())
        self.checks = {name: chk for name, chk in checks.items() if chk.scope == "segment"}
        self.ctx = CheckContext(glossary)
        self._files: dict[Path, tuple[BundlePo, dict[str, list[Finding]]]] = {}
        self._lock = threading.Lock()

    def file_findings(self, po: BundlePo) -> dict[str, list[Finding]]:
        """Findings of every segment of po, by segment id (the same object until po changes)."""
        with self._lock:
            cached = self._files.get(po.path)
            if cached is not None and cached[0] is po:
                return cached[1]
            by_id: dict[str, list[Finding]] = {e.id: [] for e in po.entries}
            for finding in check_segments(po_segments(po), self.checks, self.ctx):
                by_id.setdefault(finding.segment, []).append(finding)
            self._files[po.path] = (po, by_id)
            return by_id

    def segment_findings(self, po: BundlePo, seg_id: str) -> list[Finding]:
        """Findings of one segment of po (as po holds it now), checked in its document's context;
        the file's cached findings take them."""
        segments = po_segments(po)
        with self._lock:
            found = self._check_one(segments, seg_id)
            cached = self._files.get(po.path)
            if cached is not None:
                self._files[po.path] = (po, {**cached[1], seg_id: found})
            return found

    def _check_one(self, segments: Sequence[Segment], seg_id: str) -> list[Finding]:
        self.ctx.forget_documents()
        for seg in segments:
            self.ctx.begin(seg)  # the concepts earlier sources named
            if seg.id != seg_id:
                continue
            if not (seg.target or "").strip():
                chosen = [c for c in self.checks.values() if c.name == "untranslated"]
            else:
                chosen = list(self.checks.values())
            return [
                make_finding(chk.name, hit.severity(chk.severity), seg, hit.message, hit.offset, hit.key)
                for chk in chosen
                for hit in chk.func(seg, self.ctx)
            ]
        return []
