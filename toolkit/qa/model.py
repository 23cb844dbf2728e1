"""The data `toolkit check` works on: aligned segments read from files, and findings."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path


class Severity(IntEnum):
    """How bad a finding is; `--fail-on` compares against this order."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        """'error' -> ERROR; 'note' is accepted for info (SARIF's word)."""
        name = {"note": "info"}.get(value.strip().lower(), value.strip().lower())
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (error, warning or info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(slots=True)
class Segment:
    """One source sentence and its translation, with where the target stands in its file.

    `line` and `col` locate the target text (1-based); `col_base` is the column of the target's
    first character so that a finding at offset k of the target sits at column col_base + k
    (None when the file does not keep the text on one line).
    """

    file: str
    line: int
    source_lang: str
    target_lang: str
    source: str
    target: str | None
    id: str = ""
    col_base: int | None = None
    escape: str = ""  # "po" when the target is written with PO escapes (for columns)
    codes: tuple[str, str] | None = None  # source and target with inline codes (toolkit.inline), if any

    def column(self, offset: int | None) -> int:
        """The 1-based file column of a target offset (1 when unknown)."""
        if offset is None or self.col_base is None or self.target is None:
            return 1
        head = self.target[:offset]
        if self.escape == "po":
            head = head.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        return self.col_base + len(head)


@dataclass(slots=True)
class Finding:
    """One problem: the rule that found it, how bad, where, and a message."""

    rule: str
    severity: Severity
    file: str
    line: int
    col: int
    message: str
    segment: str = ""  # segment id (PO msgctxt, TMX tuid, doc:block.sentence)
    source_lang: str = ""
    target_lang: str = ""
    key: str = ""  # text the finding is about, for the baseline fingerprint
    extra: dict = field(default_factory=dict)

    def fingerprint(self, root: Path | None = None) -> str:
        """A stable id that survives line shifts: rule, file, segment, languages and key text.
        With root (the project's folder), the file counts relative to it, however it was spelled
        on the command line (`review/x.po`, `./review/x.po`, `/abs/project/review/x.po`)."""
        raw = "\x1f".join(
            (
                self.rule,
                self.relative_file(root),
                self.segment,
                self.source_lang,
                self.target_lang,
                self.key or self.message,
            )
        )
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]

    def relative_file(self, root: Path | None) -> str:
        """The file as a POSIX path relative to root (as given when there is no root)."""
        if root is None:
            return self.file
        return Path(os.path.relpath(Path(self.file).resolve(), Path(root).resolve())).as_posix()

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity.label,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "message": self.message,
            "segment": self.segment,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "fingerprint": self.fingerprint(),
        }


def make_finding(
    rule: str, severity: Severity, segment: Segment, message: str, offset: int | None = None, key: str = ""
) -> Finding:
    """A finding located at an offset of the segment's target text."""
    return Finding(
        rule,
        severity,
        segment.file,
        segment.line,
        segment.column(offset),
        message,
        segment.id,
        segment.source_lang,
        segment.target_lang,
        key,
    )
