"""translate = read -> segment -> leverage (memory, glossary) -> MT -> assemble -> write bundle."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import InputError, UsageError
from .formats.formatted import FORMATTED_SUFFIXES, FormattedRelease, is_formatted, read_formatted
from .fsutil import combined_hash
from .glossary.files import load_glossary
from .glossary.model import Glossary
from .inline import compare_codes
from .inline_place import codes_for_mt, codes_from_mt, place_codes
from .langs import check_lang, parse_targets, script_problem
from .memory.model import Memory, load_memory, normalise
from .model import AlignedSegment, DocumentResult, LangStats, Origin, Progress, Proposal, RunResult, Signature
from .mt.cache import MTCache
from .mt.enforce import DEFAULT_MAX_DROP
from .mt.engine import DecodeOptions
from .mt.executor import BatchExecutor
from .mt.multilingual import find_models
from .mt.packages import list_packages, models_folder
from .mt.router import EngineSet, Route, Step, find_route, install_hint
from .mt.split import MAX_MT_CHARS
from .mt.typography import post_edit
from .segments import segment_contexts, segment_releases
from .sources import gather_files
from .text.document import Document, doc_id_for, read_release


def collect_releases(paths: Sequence[Path], source: str) -> list[Path]:
    """Files as named; a directory contributes its `*.<source>.txt`, `.html` and `.docx`
    regular files (never other `*.txt`: an English text in a folder of Russian releases must not
    be translated as Russian)."""
    if not paths:
        raise UsageError("no input release given")

    def in_folder(folder: Path) -> list[Path]:
        found = [p for suffix in (".txt", *FORMATTED_SUFFIXES) for p in folder.glob(f"*.{source}{suffix}")]
        return sorted(p for p in found if p.is_file())

    files = gather_files(paths, "release", in_folder, f"no releases (*.{source}.txt, .html or .docx) in this folder")
    seen: dict[str, Path] = {}
    for file in files:
        doc_id = doc_id_for(file)
        if doc_id in seen and seen[doc_id] != file:
            raise InputError(f"two inputs share the document name {doc_id!r} (also {seen[doc_id]})", file)
        seen[doc_id] = file
    return files


def _glossary_only(segment: AlignedSegment, target: str) -> Proposal | None:
    """A segment that is nothing but one glossary term gets the approved equivalent."""
    if len(segment.terms) == 1 and normalise(segment.terms[0].text) == normalise(segment.source):
        equivalent = segment.terms[0].equivalent(target)
        if equivalent:
            return Proposal(equivalent, Origin.glossary(segment.terms[0].concept.id), True)
    return None


def signature(
    packages: Sequence[Step], glossary: Glossary, memory: Memory, engines: EngineSet, max_drop: float | None
) -> Signature:
    """What produced a run's results: versions, model ids, decoding as used, data hashes."""
    return Signature(
        __version__,
        tuple(p.model_id for p in packages),
        engines.describe_used(packages),
        combined_hash(glossary.paths),
        combined_hash(memory.paths),
        engines.n_best,
        max_drop,
    )


def _run_route(
    engines: EngineSet, route: Route, texts: list[str], progress: Progress | None
) -> list[tuple[str, tuple[str, ...]]]:
    """Translate texts along a route (each with its notes), reporting batches done to the
    progress display."""
    if progress is None:
        return engines.translate_noted(route, texts)
    total = len(set(texts)) * len(route.steps)
    advance = progress(route.label.removeprefix("mt "), total)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        advance(n)

    result = engines.translate_noted(route, texts, step)
    advance(max(0, total - done))  # texts this run had already translated count as done
    return result


def read_releases(
    inputs: Sequence[Path], source: str, html_content: str | None = None
) -> list[tuple[Document, FormattedRelease | None]]:
    """The releases the inputs name, read (a web page: its article's paragraphs), each checked
    to be written in the source's script."""
    files = collect_releases(inputs, source)
    documents: list[tuple[Document, FormattedRelease | None]] = [
        read_formatted(path, source, html_content) if is_formatted(path) else (read_release(path, source), None)
        for path in files
    ]
    for path, (document, _) in zip(files, documents):
        problem = script_problem(" ".join(b.text for b in document.blocks if b.translatable), source)
        if problem:
            raise InputError(problem, path)
    return documents


def fill_from_memory(
    segments: Sequence[AlignedSegment],
    memory: Memory,
    source: str,
    target: str,
    stats: LangStats,
    progress: Progress | None = None,
) -> list[AlignedSegment]:
    """Give each segment its best memory match in target; returns the segments left without one."""
    contexts = segment_contexts(segments)
    pending: list[AlignedSegment] = []
    advance = progress(f"memory ->{target}", len(segments)) if progress else None
    for segment in segments:
        if advance is not None:
            advance(1)
        match = memory.best(segment.source, source, target, contexts[segment.id])
        if match is None:
            pending.append(segment)
            continue
        text, label, score, fuzzy = match.target, match.label, match.score, match.fuzzy
        if segment.marked:  # the memory holds plain text: its codes differ, so a person confirms it
            text = place_codes(segment.marked, text, segment.terms, target)
            label, score, fuzzy = f"{label} (inline codes placed)", min(score, 99), True
        shown = match.source if match.kind in ("fuzzy", "number-adjusted") or segment.marked else ""
        origin = Origin.memory(label, score, match.kind, match.origin)
        segment.targets[target] = Proposal(text, origin, fuzzy, shown)
        stats.memory += 1
    return pending


def fill_from_mt(
    pending: Sequence[AlignedSegment],
    target: str,
    route: Route,
    engines: EngineSet,
    stats: LangStats,
    progress: Progress | None = None,
) -> None:
    """Machine-translate the segments along route, in the target's typography."""
    texts = _run_route(engines, route, [s.source for s in pending], progress)
    origin = Origin.mt(route.label, [step.model_id for step in route.steps])
    for segment, (text, notes) in zip(pending, texts):
        text, edit = post_edit(text, target)  # the target's typography (French spaces)
        if segment.marked:
            text = place_codes(segment.marked, text, segment.terms, target)
        segment.targets[target] = Proposal(text, origin, True, notes=notes + ((edit,) if edit else ()))
        stats.mt += 1
    _codes_through_mt(pending, target, route, engines)
    stats.routes.add(route.label)


def _codes_through_mt(pending: Sequence[AlignedSegment], target: str, route: Route, engines: EngineSet) -> None:
    """Segments whose codes could not all be placed in their translation are translated again
    with the codes as placeholders; where the model carries every code through, that
    translation is taken instead."""
    retry = []
    for segment in pending:
        if segment.marked and compare_codes(segment.marked, segment.targets[target].text).missing:
            sent = codes_for_mt(segment.marked)
            if sent is not None:
                retry.append((segment, sent))
    if not retry:
        return
    outputs = engines.translate_noted(route, [sent.text for _, sent in retry])
    for (segment, sent), (output, notes) in zip(retry, outputs):
        back = codes_from_mt(output, sent)
        if back is None:
            continue
        text, edit = post_edit(back, target)
        note = "inline codes placed by the model (their placeholders came through)"
        notes = (note, *notes, *((edit,) if edit else ()))
        segment.targets[target] = Proposal(text, segment.targets[target].origin, True, notes=notes)


def fill_without_mt(pending: Sequence[AlignedSegment], target: str, stats: LangStats) -> None:
    """No model for the pair: a segment that is one glossary term gets its equivalent, the rest
    stays untranslated."""
    for segment in pending:
        proposal = _glossary_only(segment, target)
        segment.targets[target] = proposal or Proposal()
        if proposal:
            stats.glossary += 1
        else:
            stats.untranslated += 1


def run_warnings(engines: EngineSet, results: Sequence[DocumentResult]) -> list[str]:
    """What a reviewer should know about the MT output of a run as a whole."""
    warnings = []
    if engines.cut_outputs:
        warnings.append(
            f"{engines.cut_outputs} MT output(s) reached the maximum length of {engines.options.max_decoding_length} "
            "tokens and may be cut (see their PO notes; raise --max-length)"
        )
    split = sum(1 for r in results for s in r.segments if len(s.source) > MAX_MT_CHARS)
    if split:
        warnings.append(f"{split} segment(s) longer than {MAX_MT_CHARS} characters were translated in parts")
    return warnings


def translate_releases(
    inputs: Sequence[Path],
    source: str,
    targets: str | Sequence[str],
    *,
    glossary_paths: Sequence[Path] = (),
    memory_paths: Sequence[Path] = (),
    models_dir: Path | None = None,
    include_argos_dirs: bool = True,
    options: DecodeOptions | None = None,
    cache: MTCache | None = None,
    ct2_models: Sequence[Path] = (),
    progress: Progress | None = None,
    max_drop: float | None = DEFAULT_MAX_DROP,
    html_content: str | None = None,
    executor: BatchExecutor | None = None,
) -> RunResult:
    """Translate releases into the target languages; nothing is written here (see review.write).

    Each segment takes its best memory match, else machine translation along the route the
    installed models offer, else (no model) the approved equivalent when it is one glossary term.
    MT output is held to the glossary (mt/enforce.py); `max_drop` bounds how much worse than the
    best hypothesis a translation chosen or forced for a term may score (None: no bound).
    `executor` decodes the MT batches (mt/executor.py; default: in this process)."""
    source = check_lang(source)
    target_list = parse_targets(targets if isinstance(targets, str) else ",".join(targets), source)
    read = read_releases(inputs, source, html_content)
    documents = [document for document, _ in read]
    glossary = load_glossary(glossary_paths)
    memory = load_memory(memory_paths)
    packages = list_packages(models_dir, include_argos=include_argos_dirs)
    multilingual = find_models(models_folder(models_dir), ct2_models)

    results = segment_releases(documents, glossary, progress, [page for _, page in read])
    segments = [s for r in results for s in r.segments]
    stats = {t: LangStats() for t in target_list}
    engines = EngineSet(options or DecodeOptions(), cache, glossary=glossary, max_drop=max_drop, executor=executor)
    missing: list[str] = []
    warnings: list[str] = []
    used: dict[str, Step] = {}
    for target in target_list:
        pending = fill_from_memory(segments, memory, source, target, stats[target], progress)
        route = find_route(packages, source, target, multilingual) if pending else None
        if route is not None:
            used.update((step.model_id, step) for step in route.steps)
            fill_from_mt(pending, target, route, engines, stats[target], progress)
        else:
            fill_without_mt(pending, target, stats[target])
            if pending:
                missing.append(f"{source}->{target}")
                warnings.append(install_hint(source, target))
    warnings += run_warnings(engines, results)
    sig = signature(sorted(used.values(), key=lambda p: p.pair), glossary, memory, engines, max_drop)
    result = RunResult(source, target_list, results, stats, warnings, missing, sig, glossary=glossary)
    result.mt_decoded, result.mt_cached = engines.stats.decoded, engines.stats.cached
    return result
