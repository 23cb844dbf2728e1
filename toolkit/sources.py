"""Resolving the file arguments of commands: files, directories and defaults."""

from __future__ import annotations

import glob
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError

_GLOB_CHARS = re.compile(r"[*?\[]")


def expand_patterns(paths: Iterable[Path]) -> list[Path]:
    """Paths as given; a path that does not exist but holds a glob pattern is expanded (sorted,
    `**` spans folders), so `toolkit translate 'releases/**/*.ru.txt'` works without a shell."""
    expanded: list[Path] = []
    for path in paths:
        text = str(path)
        if not Path(text).exists() and _GLOB_CHARS.search(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", text)
            expanded.extend(Path(m) for m in matches)
        else:
            expanded.append(Path(path))
    return expanded


def gather_files(
    paths: Iterable[Path],
    what: str,
    in_folder: Callable[[Path], list[Path]],
    empty_folder: str,
    named: Callable[[Path], None] | None = None,
) -> list[Path]:
    """The files a command's path arguments stand for, in order, each once: glob patterns are
    expanded, a folder gives in_folder(folder) (a folder that gives none is an InputError with
    the message empty_folder: a misconfigured folder must not pass as an empty one), and a
    named file must be a regular file that passes named(path), which raises InputError."""
    found: list[Path] = []
    for path in expand_patterns(paths):
        if path.is_dir():
            inside = in_folder(path)
            if not inside:
                raise InputError(empty_folder, path)
            found.extend(inside)
        else:
            found.append(regular_file(path, what))
            if named is not None:
                named(path)
    return list(dict.fromkeys(found))


def files_under(folder: Path, pattern: str) -> list[Path]:
    """The regular files under folder (at any depth) whose name matches pattern, sorted."""
    return sorted(p for p in folder.rglob(pattern) if p.is_file())


def expand_files(paths: Iterable[Path], suffix: str, what: str) -> list[Path]:
    """Files named directly plus every `*suffix` file under named folders (see gather_files); a
    named file of another kind is an InputError that says what to do with it."""

    def named(path: Path) -> None:
        if path.suffix.lower() != suffix:
            hint = WRONG_KIND.get((what, path.suffix.lower()), "")
            raise InputError(f"not a {what} file (*{suffix}){hint}", path)

    return gather_files(
        paths,
        what,
        lambda folder: files_under(folder, f"*{suffix}"),
        f"no {what} files (*{suffix}) in this folder",
        named,
    )


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
