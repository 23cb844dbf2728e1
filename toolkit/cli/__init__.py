"""The `toolkit` command line: argument parsing and rendering only, the work is done in the
library. app wires the commands: translate, segment, check (gate), models, memory, review,
glossary and terms; common holds what they share."""

from .app import app, main, run

__all__ = ["app", "main", "run"]
