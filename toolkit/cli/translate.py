"""`toolkit translate`: releases in, a review bundle out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..fsutil import remove_stale_temp_files
from ..mt.engine import DecodeOptions, check_compute_type
from .common import GlossaryPaths, ModelsDir, echo_err, open_cache, rich_progress

if TYPE_CHECKING:
    from ..model import Progress, RunResult
    from ..mt.executor import BatchExecutor

Releases = Annotated[
    list[Path], typer.Argument(help="Release files, folders of releases, or glob patterns.", metavar="RELEASES")
]
Source = Annotated[str, typer.Option("--from", "-f", help="Source language: ru, kk, en or fr.", metavar="LANG")]
Targets = Annotated[str, typer.Option("--to", "-t", help="Target languages, comma-separated.", metavar="LANGS")]
Out = Annotated[Path, typer.Option("--out", "-o", help="Folder for the review bundle.", metavar="PATH")]
MemoryPaths = Annotated[
    list[Path] | None, typer.Option("--memory", help="TMX files or folders (default: memories/).", metavar="PATH")
]
ArgosDirs = Annotated[
    bool, typer.Option("--argos-dirs/--no-argos-dirs", help="Also use argostranslate's own installs.")
]
BeamSize = Annotated[
    int, typer.Option("--beam-size", min=1, help="Beam search width (1: greedy, fastest).", metavar="N")
]
ComputeType = Annotated[
    str,
    typer.Option(
        "--compute-type",
        help="CTranslate2 weights type: auto (the model's own where the CPU has it), int8, int8_float32, int16, float32.",
        metavar="TYPE",
    ),
]
Threads = Annotated[
    int | None, typer.Option("--threads", min=1, help="CPU cores for MT (default: min(2, cores)).", metavar="N")
]
BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help="Sentences per CTranslate2 batch.", metavar="N")]
BatchTokens = Annotated[
    int,
    typer.Option("--batch-tokens", min=0, help="Source pieces per batch at most (0: sentences only).", metavar="N"),
]
MaxLength = Annotated[int, typer.Option("--max-length", min=1, help="Maximum output length in tokens.", metavar="N")]
Cache = Annotated[
    bool, typer.Option("--cache/--no-cache", help="Reuse and store translations in the persistent MT cache.")
]
CacheFile = Annotated[
    Path | None,
    typer.Option(
        "--cache-file", help="MT cache database (default: $TOOLKIT_MT_CACHE or the user cache dir).", metavar="FILE"
    ),
]
Ct2Models = Annotated[
    list[Path] | None,
    typer.Option("--ct2-model", help="A multilingual CTranslate2 model dir (M2M-100/NLLB) to use.", metavar="FOLDER"),
]
RequireMt = Annotated[bool, typer.Option("--require-mt", help="Exit 3 when a language pair has no model.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")]
JsonSummary = Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")]
Executor = Annotated[
    str,
    typer.Option(
        "--executor",
        help="Where MT batches are decoded: local, or the workers of a Dask scheduler (dask://HOST:PORT).",
        metavar="WHERE",
    ),
]
HtmlContent = Annotated[
    str | None,
    typer.Option("--html-content", help="CSS selector of a web page's article (default: found).", metavar="SELECTOR"),
]


def translate(
    inputs: Releases,
    source: Source,
    targets: Targets,
    out: Out = Path("review"),
    glossary: GlossaryPaths = None,
    memory: MemoryPaths = None,
    models_dir: ModelsDir = None,
    argos_dirs: ArgosDirs = True,
    beam_size: BeamSize = DecodeOptions.beam_size,
    compute_type: ComputeType = DecodeOptions.compute_type,
    threads: Threads = None,
    batch_size: BatchSize = DecodeOptions.batch_size,
    batch_tokens: BatchTokens = DecodeOptions.batch_tokens,
    max_length: MaxLength = DecodeOptions.max_decoding_length,
    cache: Cache = True,
    cache_file: CacheFile = None,
    ct2_model: Ct2Models = None,
    require_mt: RequireMt = False,
    quiet: Quiet = False,
    json_summary: JsonSummary = False,
    html_content: HtmlContent = None,
    executor: Executor = "local",
) -> None:
    """Translate releases (text files or saved web pages) into a review bundle (PO, TMX, HTML,
    texts, translated pages)."""
    from ..pipeline import translate_releases
    from ..sources import default_dir

    decoding = {"beam_size": beam_size, "compute_type": compute_type, "max_decoding_length": max_length}
    options, batch_executor = _mt_setup(executor, threads, batch_size=batch_size, batch_tokens=batch_tokens, **decoding)
    factory, bars = rich_progress(quiet or json_summary)
    mt_cache = open_cache(cache, cache_file)
    try:
        run = translate_releases(
            inputs,
            source,
            targets,
            glossary_paths=glossary if glossary else default_dir("glossaries", ".csv"),
            memory_paths=memory if memory else default_dir("memories", ".tmx"),
            models_dir=models_dir,
            include_argos_dirs=argos_dirs,
            options=options,
            cache=mt_cache,
            ct2_models=ct2_model or (),
            progress=factory,
            html_content=html_content,
            executor=batch_executor,
        )
        if mt_cache is not None:
            mt_cache.close()
            mt_cache = None
        _write(run, out, factory)
    finally:
        if bars is not None and bars.live.is_started:
            bars.stop()
        if mt_cache is not None:
            mt_cache.close()
        batch_executor.close()
    _report(run, out, quiet, json_summary, require_mt)


def _mt_setup(executor: str, threads: int | None, **options) -> tuple[DecodeOptions, BatchExecutor]:
    """The decoding options and where batches are decoded, both checked before any input is read
    or model loaded (an unknown compute type, a bad executor address: one line, exit 2)."""
    from ..mt.executor import open_executor

    check_compute_type(options["compute_type"])
    return DecodeOptions.with_threads(threads, **options), open_executor(executor)


def _write(run: RunResult, out: Path, progress: Progress | None) -> None:
    from ..review.write import write_bundle

    remove_stale_temp_files(out)
    write_bundle(run, out, progress)


def _report(run: RunResult, out: Path, quiet: bool, json_summary: bool, require_mt: bool) -> None:
    """Warnings on stderr, the summary (text or JSON) on stdout; exit 3 for a missing model
    under --require-mt."""
    from ..summary import summary_dict, summary_lines

    for warning in run.warnings:
        echo_err(f"warning: {warning}")
    if json_summary:
        typer.echo(json.dumps(summary_dict(run, out), ensure_ascii=False, indent=2))
    elif not quiet:
        for line in summary_lines(run, out):
            typer.echo(line)
    if require_mt and run.missing_pairs:
        echo_err(f"error: no model for {', '.join(run.missing_pairs)} (--require-mt)")
        raise typer.Exit(3)
