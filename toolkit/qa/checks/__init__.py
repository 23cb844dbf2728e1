"""The built-in checks; importing this package registers them (see toolkit.qa.registry)."""

from __future__ import annotations

from ..registry import CHECKS, Check
from . import consistency, kkscript, numbers, preserve, punctuation, tags, terms, text  # noqa: F401


def all_checks() -> dict[str, Check]:
    """Every check, by name."""
    return dict(sorted(CHECKS.items()))
