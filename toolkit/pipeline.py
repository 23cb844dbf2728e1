"""translate = read -> segment -> leverage (memory, glossary) -> MT -> assemble -> write bundle."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import InputError, UsageError
from .formats.bundle import segment_id
from .fsutil import combined_hash
from .glossary.files import load_glossary
from .glossary.model import Glossary
from .langs import check_lang, parse_targets, script_problem
from .memory.model import Memory, load_memory, normalise
from .model import AlignedSegment, DocumentResult, LangStats, Origin, Progress, Proposal, RunResult, Signature
from .mt.cache import MTCache
from .mt.enforce import DEFAULT_MAX_DROP
from .mt.engine import DecodeOptions
from .mt.multilingual import find_models
from .mt.packages import list_packages, models_folder
from .mt.router import EngineSet, Route, Step, find_route, install_hint
from .mt.split import MAX_MT_CHARS
from .mt.typography import post_edit
from .sources import regular_file
from .text.document import Document, block_sentences, doc_id_for, read_release


def collect_releases(paths: Sequence[Path], source: str) -> list[Path]:
    """Files as named; a directory contributes its `*.<source>.txt` regular files (never other
    `*.txt`: an English text in a folder of Russian releases must not be translated as Russian)."""
    if not paths:
        raise UsageError("no input release given")
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.glob(f"*.{source}.txt") if p.is_file())
            if not found:
                raise InputError(f"no releases (*.{source}.txt) in this folder", path)
            files.extend(found)
        else:
            files.append(regular_file(path, "release"))
    seen: dict[str, Path] = {}
    for file in files:
        doc_id = doc_id_for(file)
        if doc_id in seen and seen[doc_id] != file:
            raise InputError(f"two inputs share the document name {doc_id!r} (also {seen[doc_id]})", file)
        seen[doc_id] = file
    return list(dict.fromkeys(files))


def segment_document(
    document: Document, glossary: Glossary, advance: Callable[[int], None] | None = None
) -> list[AlignedSegment]:
    """Split the translatable blocks into sentences and find glossary terms in each;
    advance(1) is called after each block."""
    segments: list[AlignedSegment] = []
    for block in document.blocks:
        if advance is not None:
            advance(1)
        if not block.translatable:
            continue
        for i, sentence in enumerate(block_sentences(block, document.lang)):
            terms = glossary.find(sentence, document.lang)
            seg_id = segment_id(document.doc_id, block.index, i)
            segments.append(AlignedSegment(seg_id, document.doc_id, block, i, sentence, terms))
    return segments


def segment_contexts(results: Sequence[DocumentResult]) -> dict[str, tuple[str, str]]:
    """Each segment's previous and next source sentence in its document ("" at an edge)."""
    contexts: dict[str, tuple[str, str]] = {}
    for result in results:
        texts = [""] + [s.source for s in result.segments] + [""]
        for i, segment in enumerate(result.segments, start=1):
            contexts[segment.id] = (texts[i - 1], texts[i + 1])
    return contexts


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
) -> RunResult:
    """Translate releases into the target languages; nothing is written here (see review.bundle).

    MT output is held to the glossary (mt/enforce.py); `max_drop` bounds how much worse than the
    best hypothesis a translation chosen or forced for a term may score (None: no bound)."""
    source = check_lang(source)
    target_list = (
        parse_targets(targets, source) if isinstance(targets, str) else parse_targets(",".join(targets), source)
    )
    options = options or DecodeOptions()
    files = collect_releases(inputs, source)
    documents = [read_release(path, source) for path in files]
    for path, document in zip(files, documents):
        problem = script_problem(" ".join(b.text for b in document.blocks if b.translatable), source)
        if problem:
            raise InputError(problem, path)
    glossary = load_glossary(glossary_paths)
    memory = load_memory(memory_paths)
    packages = list_packages(models_dir, include_argos=include_argos_dirs)
    multilingual = find_models(models_folder(models_dir), ct2_models)

    advance = progress("segmenting, terms", sum(len(d.blocks) for d in documents)) if progress else None
    results = [DocumentResult(doc, segment_document(doc, glossary, advance)) for doc in documents]
    all_segments = [s for r in results for s in r.segments]
    stats = {t: LangStats() for t in target_list}
    warnings: list[str] = []
    missing: list[str] = []
    engines = EngineSet(options, cache, glossary=glossary, max_drop=max_drop)
    used: dict[str, Step] = {}

    contexts = segment_contexts(results)
    for target in target_list:
        pending: list[AlignedSegment] = []
        advance = progress(f"memory ->{target}", len(all_segments)) if progress else None
        for segment in all_segments:
            if advance is not None:
                advance(1)
            match = memory.best(segment.source, source, target, contexts[segment.id])
            if match is not None:
                shown = match.source if match.kind in ("fuzzy", "number-adjusted") else ""
                origin = Origin.memory(match.label, match.score, match.kind, match.origin)
                segment.targets[target] = Proposal(match.target, origin, match.fuzzy, shown)
                stats[target].memory += 1
            else:
                pending.append(segment)
        route = find_route(packages, source, target, multilingual) if pending else None
        if pending and route is None:
            missing.append(f"{source}->{target}")
            warnings.append(install_hint(source, target))
        if route is not None:
            for package in route.steps:
                used[package.model_id] = package
            texts = _run_route(engines, route, [s.source for s in pending], progress)
            origin = Origin.mt(route.label, [step.model_id for step in route.steps])
            for segment, (text, notes) in zip(pending, texts):
                text, edit = post_edit(text, target)  # the target's typography (French spaces)
                segment.targets[target] = Proposal(text, origin, True, notes=notes + ((edit,) if edit else ()))
                stats[target].mt += 1
            stats[target].routes.add(route.label)
        else:
            for segment in pending:
                proposal = _glossary_only(segment, target)
                segment.targets[target] = proposal or Proposal()
                if proposal:
                    stats[target].glossary += 1
                else:
                    stats[target].untranslated += 1

    if engines.cut_outputs:
        warnings.append(
            f"{engines.cut_outputs} MT output(s) reached the maximum length of {engines.options.max_decoding_length} "
            "tokens and may be cut (see their PO notes; raise --max-length)"
        )
    split = sum(1 for r in results for s in r.segments if len(s.source) > MAX_MT_CHARS)
    if split:
        warnings.append(f"{split} segment(s) longer than {MAX_MT_CHARS} characters were translated in parts")
    sig = signature(sorted(used.values(), key=lambda p: p.pair), glossary, memory, engines, max_drop)
    return RunResult(
        source,
        target_list,
        results,
        stats,
        warnings,
        missing,
        sig,
        mt_decoded=engines.stats.decoded,
        mt_cached=engines.stats.cached,
        glossary=glossary,
    )
