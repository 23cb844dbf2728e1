"""Errors the toolkit reports to users as one line (file, line, message) with exit code 2."""

from __future__ import annotations

from pathlib import Path


class ToolkitError(Exception):
    """A user-facing error: bad input, bad arguments, or a broken file."""

    exit_code = 2

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        message = " ".join(message.splitlines()) if "\n" in message or "\r" in message else message  # one line
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        return where + self.message


class InputError(ToolkitError):
    """A file the user gave cannot be read or parsed."""


class UsageError(ToolkitError):
    """Arguments that cannot work together (unknown language, equal languages ...)."""


class OutputError(ToolkitError):
    """An output (bundle, memory, glossary, report) cannot be written; nothing was replaced."""
