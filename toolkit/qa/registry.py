"""The registry of named checks.

A check is a function decorated with `@check(name, severity)`; its docstring's first paragraph
is its description (shown by `toolkit check --list-rules` and in SARIF rule metadata). A segment
check sees one segment at a time and yields `Hit`s; a corpus check sees every segment at once
(consistency across files) and yields `(segment, Hit)` pairs.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .model import Severity


class Hit(NamedTuple):
    """What a check reports: a message, the offset in the target it is about, a fingerprint key,
    and, when the check is less than sure, the highest severity the finding may have (`level`:
    the configured severity of the rule is lowered to it, never raised)."""

    message: str
    offset: int | None = None
    key: str = ""
    level: Severity | None = None

    def severity(self, configured: Severity) -> Severity:
        """The finding's severity under the rule's configured one."""
        return configured if self.level is None else min(configured, self.level)


@dataclass(frozen=True)
class Check:
    """A registered check."""

    name: str
    severity: Severity
    scope: str  # "segment" or "corpus"
    func: Callable[..., Iterable]

    @property
    def description(self) -> str:
        """The first paragraph of the check's docstring, on one line."""
        doc = inspect.getdoc(self.func) or ""
        return " ".join(doc.split("\n\n")[0].split())


CHECKS: dict[str, Check] = {}


def check(name: str, severity: str, scope: str = "segment") -> Callable:
    """Register the decorated function as the check `name` with a default severity."""

    def register(func: Callable) -> Callable:
        if name in CHECKS:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = Check(name, Severity.parse(severity), scope, func)
        return func

    return register
