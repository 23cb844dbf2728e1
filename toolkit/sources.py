"""Resolving the file arguments of commands: files, directories and defaults."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import InputError


def expand_files(paths: Iterable[Path], suffix: str, what: str) -> list[Path]:
    """Files named directly plus every `*suffix` file under named directories, sorted, unique.

    A named path that does not exist, that is not a regular file (a FIFO, a device) or a named
    directory without a single such file is an InputError: a misconfigured folder must not pass
    as an empty one.
    """
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            inside = sorted(p for p in path.rglob(f"*{suffix}") if p.is_file())
            if not inside:
                raise InputError(f"no {what} files (*{suffix}) in this folder", path)
            found.extend(inside)
        else:
            found.append(regular_file(path, what))
            if path.suffix.lower() != suffix:
                hint = WRONG_KIND.get((what, path.suffix.lower()), "")
                raise InputError(f"not a {what} file (*{suffix}){hint}", path)
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)


# what to do with a file of another kind given where a glossary or a memory is expected
WRONG_KIND = {
    (
        "glossary",
        ".tbx",
    ): ": a TBX file; convert it first with `toolkit glossary import FILE.tbx --out glossaries/NAME.csv`",
    ("memory", ".po"): ": a PO file; import it first with `toolkit memory import FILE.po --into memories/NAME.tmx`",
    ("memory", ".csv"): ": import it first with `toolkit memory import FILE.csv --into memories/NAME.tmx`",
    ("memory", ".tsv"): ": import it first with `toolkit memory import FILE.tsv --into memories/NAME.tmx`",
}


def regular_file(path: Path, what: str) -> Path:
    """path when it is a regular file; InputError when it is missing or something else (a FIFO
    would block a reader forever, a device never ends)."""
    path = Path(path)
    if path.is_file():
        return path
    if path.exists() or path.is_symlink():
        raise InputError(
            f"not a regular file (a {what} must be one)" if path.exists() else f"broken link, no {what}", path
        )
    raise InputError(f"{what} not found", path)


def default_dir(name: str, suffix: str) -> list[Path]:
    """The project's own folder (glossaries/, memories/) in the working directory, when it holds
    files of that kind (a new project's empty memories/ is no error)."""
    folder = Path(name)
    return [folder] if folder.is_dir() and any(p.is_file() for p in folder.rglob(f"*{suffix}")) else []
