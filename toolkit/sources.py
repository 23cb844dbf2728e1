"""Resolving the file arguments of commands: files, directories and defaults."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import InputError


def expand_files(paths: Iterable[Path], suffix: str, what: str) -> list[Path]:
    """Files named directly plus every `*suffix` file under named directories, sorted, unique.

    A named path that does not exist is an InputError; a named directory may hold none.
    """
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob(f"*{suffix}") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{what} not found", path)
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)


def default_dir(name: str) -> list[Path]:
    """The project's own folder (glossaries/, memories/) in the working directory, if present."""
    folder = Path(name)
    return [folder] if folder.is_dir() else []
