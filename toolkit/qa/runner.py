"""Running the checks: read the files, run segment checks (in parallel over files when there are
many), then corpus checks over every segment, and sort the findings."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..glossary.files import load_glossary
from ..glossary.model import Glossary
from ..sources import default_dir, expand_files
from .checks import all_checks
from .context import CheckContext
from .model import Finding, Segment, Severity, make_finding
from .readers import collect_files, doc_key, read_segments
from .registry import Check

PARALLEL_MIN_FILES = 64


@dataclass
class CheckOptions:
    """What to check and how (the CLI fills this from options and toolkit.toml)."""

    glossary_paths: Sequence[Path] | None = None  # None: the project's glossaries/ if present
    source_lang: str | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    ignore_rules: set[str] = field(default_factory=set)
    ignore_paths: Sequence[str] = ()
    jobs: int = 1


@dataclass
class CheckResult:
    """Findings in file/line order, with what was checked."""

    findings: list[Finding]
    files: list[Path]
    segments: int
    rules: dict[str, Check]
    glossary_concepts: int = 0


def active_checks(options: CheckOptions) -> dict[str, Check]:
    """The checks that run, with their configured severities."""
    checks = {}
    for name, chk in all_checks().items():
        if name in options.ignore_rules:
            continue
        severity = options.severities.get(name, chk.severity)
        checks[name] = Check(chk.name, severity, chk.scope, chk.func)
    return checks


def check_segments(segments: Iterable[Segment], checks: dict[str, Check], ctx: CheckContext) -> list[Finding]:
    """Segment-scope findings of segments, in document order (checks may look at what earlier
    segments of the same document mentioned). Only `untranslated` looks at an empty target."""
    segment_checks = [c for c in checks.values() if c.scope == "segment"]
    findings: list[Finding] = []
    ctx.forget_documents()
    for seg in segments:
        ctx.begin(seg)
        empty = not (seg.target or "").strip()
        for chk in segment_checks:
            if empty and chk.name != "untranslated":
                continue
            for hit in chk.func(seg, ctx):
                findings.append(
                    make_finding(chk.name, hit.severity(chk.severity), seg, hit.message, hit.offset, hit.key)
                )
    return findings


def check_corpus(segments: Sequence[Segment], checks: dict[str, Check], ctx: CheckContext) -> list[Finding]:
    """Corpus-scope findings (consistency across every segment)."""
    findings = []
    for chk in checks.values():
        if chk.scope == "corpus":
            for seg, hit in chk.func(segments, ctx):
                findings.append(
                    make_finding(chk.name, hit.severity(chk.severity), seg, hit.message, hit.offset, hit.key)
                )
    return findings


def load_check_glossary(paths: Sequence[Path] | None) -> Any:
    """The glossary of the named files/folders (default glossaries/), or None when there is none."""
    paths = list(paths) if paths is not None else default_dir("glossaries", ".csv")
    if not paths:
        return None
    glossary = load_glossary(paths)
    return glossary if glossary.concepts else None


_WORKER: dict[str, Any] = {}


def _init_worker(glossary: Glossary | None, options: CheckOptions) -> None:
    _WORKER["checks"] = active_checks(options)
    _WORKER["ctx"] = CheckContext(glossary)
    _WORKER["source_lang"] = options.source_lang


def _work(files: list[Path]) -> tuple[list[Segment], list[Finding]]:
    return _check_files(files, _WORKER["checks"], _WORKER["ctx"], _WORKER["source_lang"])


def document_chunks(files: Sequence[Path], count: int) -> list[list[Path]]:
    """files split into up to count chunks of about equal size, the files of one document (its
    PO files of every language, which share their source sentences and so the terms found in
    them) kept in one chunk, in order."""
    groups: dict[tuple[Path, str], list[Path]] = {}
    for path in files:
        groups.setdefault((path.parent, doc_key(path)), []).append(path)
    chunks: list[list[Path]] = [[] for _ in range(max(1, count))]
    size = -(-len(files) // len(chunks))  # ceiling division
    k = 0
    for group in groups.values():
        if len(chunks[k]) >= size and k + 1 < len(chunks):
            k += 1
        chunks[k].extend(group)
    return [chunk for chunk in chunks if chunk]


def _check_files(
    files: list[Path], checks: dict[str, Check], ctx: CheckContext, source_lang: str | None
) -> tuple[list[Segment], list[Finding]]:
    segments = [seg for path in files for seg in read_segments(path, source_lang)]
    return segments, check_segments(segments, checks, ctx)


def _check_in_parallel(
    files: list[Path], jobs: int, glossary: Glossary | None, options: CheckOptions
) -> tuple[list[Segment], list[Finding]]:
    """Segment checks over chunks of files in jobs worker processes, put together in file order."""
    segments: list[Segment] = []
    findings: list[Finding] = []
    # the workers get the glossary as loaded here (each builds its own recognisers lazily)
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(glossary, options)) as pool:
        for chunk_segments, chunk_findings in pool.map(_work, document_chunks(files, jobs * 32)):
            segments.extend(chunk_segments)
            findings.extend(chunk_findings)
    return segments, findings


def run_check(paths: Iterable[Path], options: CheckOptions | None = None) -> CheckResult:
    """Check every file under paths; InputError for unreadable input (nothing is written)."""
    options = options or CheckOptions()
    files = collect_files(paths, options.ignore_paths)
    checks = active_checks(options)
    glossary_paths = list(options.glossary_paths) if options.glossary_paths is not None else None
    jobs = max(1, min(options.jobs, os.cpu_count() or 1))
    glossary = load_check_glossary(glossary_paths)
    ctx = CheckContext(glossary)
    if jobs > 1 and len(files) >= PARALLEL_MIN_FILES:
        segments, findings = _check_in_parallel(files, jobs, glossary, options)
    else:
        segments, findings = _check_files(files, checks, ctx, options.source_lang)
    findings.extend(check_corpus(segments, checks, ctx))
    findings.sort(key=lambda f: (f.file, f.line, f.col, f.rule, f.message))
    concepts = len(glossary.concepts) if glossary is not None else 0
    return CheckResult(findings, files, len(segments), checks, concepts)


def reaches(findings: Iterable[Finding], fail_on: Severity) -> bool:
    """Whether any finding is at least as severe as fail_on."""
    return any(f.severity >= fail_on for f in findings)


GLOSSARY_RULES = frozenset({"term-missing", "term-forbidden", "kk-script"})


def lint_memory(paths: Iterable[Path], glossary_paths: Sequence[Path] | None = None) -> CheckResult:
    """The glossary rules (GLOSSARY_RULES) over the units of memory TMX files: approved
    translations that contradict the glossary."""
    files = expand_files(paths, ".tmx", "memory")
    ignore = set(all_checks()) - GLOSSARY_RULES
    return run_check(files, CheckOptions(glossary_paths=glossary_paths, ignore_rules=ignore))
