"""`toolkit align` as a library call: the documents to align (named files, or a list with one
document per line), their machine translations (files given, or the toolkit's own MT), the
alignments with progress, the confident units merged into a memory, and an HTML view."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, UsageError
from ..fsutil import read_utf8
from ..glossary.model import Glossary
from ..model import Progress
from .document import Alignment, Translator, align_versions
from .output import memory_units
from .version import Version, read_version

_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")
DEFAULT_THRESHOLD = 0.8


@dataclass(frozen=True)
class Document:
    """One document to align: a file per language, in the order of the languages."""

    name: str
    files: tuple[Path, ...]


@dataclass
class AlignRun:
    """The alignments of a run, per document, and what went into the memory."""

    langs: list[str]
    threshold: float
    documents: list[tuple[Document, Alignment]] = field(default_factory=list)
    memory_report: list[str] = field(default_factory=list)


def parse_langs(spec: str, count: int | None) -> list[str]:
    """`ru,en,kk` as a list: distinct language codes, as many as files when files are named."""
    langs = [code.strip().lower() for code in spec.split(",") if code.strip()]
    bad = [code for code in langs if not _CODE.fullmatch(code)]
    if bad:
        raise UsageError(f"--langs: {bad[0]!r} is not a language code")
    if len(langs) < 2 or len(set(langs)) != len(langs):
        raise UsageError("--langs needs two or more different languages, e.g. ru,en,kk")
    if count is not None and count != len(langs):
        files = "1 file" if count == 1 else f"{count} files"
        raise UsageError(f"{files} for {len(langs)} languages ({','.join(langs)}): give one file per language")
    return langs


def document_name(path: Path) -> str:
    """visit.ru.txt -> visit."""
    name = path.name
    for _ in range(2):
        stem, dot, _suffix = name.rpartition(".")
        if dot and stem:
            name = stem
    return name


def read_pairs_list(path: Path, langs: Sequence[str]) -> list[Document]:
    """A tab-separated list, one document per line with one path per language (relative paths
    from the list's folder); blank lines and lines starting with # are skipped."""
    documents = []
    for number, line in enumerate(read_utf8(path, "list of documents").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(langs):
            raise InputError(
                f"{len(cells)} paths for {len(langs)} languages ({','.join(langs)}); separate them with tabs",
                path,
                number,
            )
        files = tuple(p if p.is_absolute() else path.parent / p for p in map(Path, cells))
        for file in files:
            if not file.is_file():
                raise InputError(f"no such file: {file}", path, number)
        documents.append(Document(document_name(files[0]), files))
    if not documents:
        raise InputError("no documents listed", path)
    return documents


def read_translations(path: Path, version: Version) -> list[str]:
    """A machine translation of a version: one line per sentence of it."""
    lines = read_utf8(path, "machine translation").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(version):
        raise InputError(
            f"{len(lines)} lines for the {len(version)} sentences of {version.path or version.lang} "
            "(one line per sentence, as `toolkit segment` prints them)",
            path,
        )
    return lines


def align_documents(
    documents: Sequence[Document],
    langs: Sequence[str],
    *,
    presegmented: bool = False,
    glossary: Glossary | None = None,
    mt_files: tuple[Path | None, Path | None] = (None, None),
    translator: Translator | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
) -> AlignRun:
    """Align each document's versions (the first language is the pivot)."""
    if any(mt_files) and (len(documents) != 1 or len(langs) != 2):
        raise UsageError("--mt-a and --mt-b go with one document in two languages")
    if not 0 <= threshold <= 1:
        raise UsageError(f"--threshold {threshold} is not between 0 and 1")
    run = AlignRun(list(langs), threshold)
    advance: Callable[[int], None] | None = progress("aligning", len(documents)) if progress else None
    for document in documents:
        versions = [read_version(path, lang, presegmented) for path, lang in zip(document.files, langs)]
        given = {}
        for path, (x, y) in zip(mt_files, ((versions[0], versions[-1]), (versions[-1], versions[0]))):
            if path is not None:
                given[(x.lang, y.lang)] = read_translations(path, x)
        run.documents.append((document, align_versions(versions, glossary, given, translator)))
        if advance is not None:
            advance(1)
    return run


def check_into(into: Path, langs: Sequence[str]) -> None:
    """UsageError unless `into` can take the units: a .tmx path, languages a memory holds."""
    from ..langs import SUPPORTED

    if Path(into).suffix.lower() != ".tmx":
        raise UsageError(f"--into must name a .tmx file, not {into}")
    unsupported = [lang for lang in langs if lang not in SUPPORTED]
    if unsupported:
        raise UsageError(f"--into: a memory holds {', '.join(SUPPORTED)}, not {', '.join(unsupported)}")


def save_memory(run: AlignRun, into: Path) -> list[str]:
    """Merge the confident units of every document into the TMX `into` (locked, atomic)."""
    from ..memory.exchange import MemoryInput, merge_inputs

    check_into(into, run.langs)
    units = [u for document, alignment in run.documents for u in memory_units(alignment, document.name, run.threshold)]
    report = merge_inputs([MemoryInput(Path(into), run.langs[0], units)], Path(into))
    return report.lines()
