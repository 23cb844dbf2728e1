"""The `toolkit` command: argument parsing and rendering only; the work is done in toolkit/."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from . import __version__
from .cli_check import check_command
from .cli_glossary import glossary_app
from .cli_glossary import terms as terms_command
from .cli_memory import memory_app, review_app
from .cli_mt import add_ct2, open_cache, progress_columns
from .errors import ToolkitError
from .fsutil import remove_stale_temp_files
from .langs import SUPPORTED
from .mt.engine import DecodeOptions, check_compute_type

app = typer.Typer(
    rich_markup_mode=None,
    add_completion=False,
    no_args_is_help=True,
    help="Offline translation and terminology toolkit for diplomatic press releases (ru, kk, en, fr).",
)
models_app = typer.Typer(
    rich_markup_mode=None, no_args_is_help=True, help="Install and list translation models (local files only)."
)
app.add_typer(models_app, name="models")
app.add_typer(memory_app, name="memory")
app.add_typer(review_app, name="review")
app.add_typer(glossary_app, name="glossary")
app.command("terms")(terms_command)
app.command("check")(check_command)
models_app.command("add-ct2")(add_ct2)

MODELS_DIR_HELP = "Models folder (default: $TOOLKIT_MODELS_DIR or the user data dir)."


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Offline translation and terminology toolkit for diplomatic press releases (ru, kk, en, fr)."""


@models_app.command("install")
def models_install(
    file: Path = typer.Argument(..., help="A local .argosmodel file.", metavar="FILE"),
    models_dir: Path | None = typer.Option(None, "--models-dir", help=MODELS_DIR_HELP, metavar="FOLDER"),
) -> None:
    """Validate and install an argos package from a local file."""
    from .mt.packages import install_package

    package = install_package(file, models_dir)
    typer.echo(f"installed {package.name} ({package.pair}, version {package.version}) in {package.path.parent}")
    unused = [code for code in (package.from_code, package.to_code) if code not in SUPPORTED]
    if unused:
        _err(
            f"warning: {', '.join(unused)} is not a language of the toolkit ({', '.join(SUPPORTED)}): "
            f"the {package.pair} package will not be used"
        )


@models_app.command("list")
def models_list(
    models_dir: Path | None = typer.Option(None, "--models-dir", help=MODELS_DIR_HELP, metavar="FOLDER"),
    argos_dirs: bool = typer.Option(
        True, "--argos-dirs/--no-argos-dirs", help="Also list argostranslate's own installs."
    ),
    fmt: str = typer.Option("text", "--format", help="text or json", metavar="FORMAT"),
) -> None:
    """List installed packages: the toolkit's own and those argostranslate installed."""
    from .mt.packages import list_packages

    packages = list_packages(models_dir, include_argos=argos_dirs)
    if fmt == "json":
        rows = [
            {
                "name": p.name,
                "from": p.from_code,
                "to": p.to_code,
                "version": p.version,
                "origin": p.origin,
                "path": str(p.path),
            }
            for p in packages
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not packages:
        typer.echo("no models installed; install one with `toolkit models install FILE.argosmodel`")
    for p in packages:
        typer.echo(f"{p.pair:10} {p.version:8} {p.origin:8} {p.name}  {p.path}")
    from .mt.multilingual import registered_models
    from .mt.packages import models_folder

    for m in registered_models(models_folder(models_dir)):
        typer.echo(f"{','.join(m.langs):10} {m.version:8} {'ct2':8} {m.name}  {m.path}")


@models_app.command("remove")
def models_remove(
    name: str = typer.Argument(..., help="Package folder name as `models list` shows it.", metavar="NAME"),
    models_dir: Path | None = typer.Option(None, "--models-dir", help=MODELS_DIR_HELP, metavar="FOLDER"),
) -> None:
    """Remove a package from the toolkit's models folder."""
    from .mt.packages import remove_package

    typer.echo(f"removed {remove_package(name, models_dir)}")


def _rich_progress(quiet: bool):
    """A progress factory drawing rich bars on stderr, or None when quiet."""
    if quiet:
        return None, None
    from rich.console import Console
    from rich.progress import Progress

    bars = Progress(*progress_columns(), console=Console(stderr=True), transient=False)

    def factory(description: str, total: int) -> Callable[[int], None]:
        if not bars.live.is_started:
            bars.start()
        task = bars.add_task(description, total=total)
        return lambda n: bars.advance(task, n)

    return factory, bars


@app.command("translate")
def translate(
    inputs: list[Path] = typer.Argument(
        ..., help="Release files, folders of releases, or glob patterns.", metavar="RELEASES"
    ),
    source: str = typer.Option(..., "--from", "-f", help="Source language: ru, kk, en or fr.", metavar="LANG"),
    targets: str = typer.Option(..., "--to", "-t", help="Target languages, comma-separated.", metavar="LANGS"),
    out: Path = typer.Option(Path("review"), "--out", "-o", help="Folder for the review bundle.", metavar="PATH"),
    glossary: list[Path] | None = typer.Option(
        None, "--glossary", help="Glossary CSV files or folders (default: glossaries/).", metavar="PATH"
    ),
    memory: list[Path] | None = typer.Option(
        None, "--memory", help="TMX files or folders (default: memories/).", metavar="PATH"
    ),
    models_dir: Path | None = typer.Option(None, "--models-dir", help=MODELS_DIR_HELP, metavar="FOLDER"),
    argos_dirs: bool = typer.Option(
        True, "--argos-dirs/--no-argos-dirs", help="Also use argostranslate's own installs."
    ),
    beam_size: int = typer.Option(
        DecodeOptions.beam_size, "--beam-size", min=1, help="Beam search width (1: greedy, fastest).", metavar="N"
    ),
    compute_type: str = typer.Option(
        DecodeOptions.compute_type,
        "--compute-type",
        help="CTranslate2 weights type: auto (the model's own where the CPU has it), int8, int8_float32, int16, float32.",
        metavar="TYPE",
    ),
    threads: int | None = typer.Option(
        None, "--threads", min=1, help="CPU cores for MT (default: min(2, cores)).", metavar="N"
    ),
    batch_size: int = typer.Option(
        DecodeOptions.batch_size, "--batch-size", min=1, help="Sentences per CTranslate2 batch.", metavar="N"
    ),
    max_length: int = typer.Option(
        DecodeOptions.max_decoding_length, "--max-length", min=1, help="Maximum output length in tokens.", metavar="N"
    ),
    cache: bool = typer.Option(
        True, "--cache/--no-cache", help="Reuse and store translations in the persistent MT cache."
    ),
    cache_file: Path | None = typer.Option(
        None,
        "--cache-file",
        help="MT cache database (default: $TOOLKIT_MT_CACHE or the user cache dir).",
        metavar="FILE",
    ),
    ct2_model: list[Path] | None = typer.Option(
        None, "--ct2-model", help="A multilingual CTranslate2 model dir (M2M-100/NLLB) to use.", metavar="FOLDER"
    ),
    require_mt: bool = typer.Option(False, "--require-mt", help="Exit 3 when a language pair has no model."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or summary."),
    json_summary: bool = typer.Option(False, "--json", help="Print the run summary as JSON."),
) -> None:
    """Translate releases into a review bundle (PO, TMX, HTML, texts)."""
    from .pipeline import translate_releases
    from .review.write import write_bundle
    from .sources import default_dir
    from .summary import summary_dict, summary_lines

    check_compute_type(compute_type)  # before any model is loaded
    factory, bars = _rich_progress(quiet or json_summary)
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
            options=DecodeOptions.with_threads(
                threads,
                beam_size=beam_size,
                compute_type=compute_type,
                batch_size=batch_size,
                max_decoding_length=max_length,
            ),
            cache=mt_cache,
            ct2_models=ct2_model or (),
            progress=factory,
        )
        if mt_cache is not None:
            mt_cache.close()
            mt_cache = None
        remove_stale_temp_files(out)
        write_bundle(run, out, factory)
    finally:
        if bars is not None and bars.live.is_started:
            bars.stop()
        if mt_cache is not None:
            mt_cache.close()
    for warning in run.warnings:
        _err(f"warning: {warning}")
    if json_summary:
        typer.echo(json.dumps(summary_dict(run, out), ensure_ascii=False, indent=2))
    elif not quiet:
        for line in summary_lines(run, out):
            typer.echo(line)
    if require_mt and run.missing_pairs:
        _err(f"error: no model for {', '.join(run.missing_pairs)} (--require-mt)")
        raise typer.Exit(3)


@app.command("segment")
def segment(
    file: Path = typer.Argument(..., help="A release file.", metavar="FILE"),
    lang: str = typer.Option(..., "--lang", "-l", metavar="LANG"),
    fmt: str = typer.Option(
        "lines", "--format", help="lines (block.sentence, kind, start-end, text) or json", metavar="FORMAT"
    ),
) -> None:
    """Print the blocks and sentences of a release, with offsets into each block's text."""
    from .errors import UsageError
    from .text.document import block_sentence_spans, read_release

    if fmt not in ("lines", "json"):
        raise UsageError(f"unknown --format {fmt!r}; use lines or json")
    document = read_release(file, lang)
    rows: list[dict[str, Any]] = []
    for block in document.blocks:
        spans = block_sentence_spans(block, document.lang)
        for i, (start, end) in enumerate(spans):
            rows.append(
                {
                    "block": block.index,
                    "kind": block.kind.value,
                    "line": block.line,
                    "index": i,
                    "start": start,
                    "end": end,
                    "text": block.text[start:end],
                }
            )
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            text = row["text"].replace("\n", "\\n")  # one sentence per output line
            typer.echo(f"{row['block']}.{row['index']}\t{row['kind']}\t{row['start']}-{row['end']}\t{text}")


def _usage_error(exc: BaseException) -> int | None:
    """Show a command-line usage error the way click does (usage, then one error line) and give
    its exit code; None when exc is not one. Duck-typed: typer vendors click from 0.29 on, so
    the exception classes live in click or in typer depending on the installed version."""
    show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
    if not callable(show) or not isinstance(code, int):
        return None
    show()
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the app; toolkit errors become one line on stderr with exit code 2, usage errors the
    usage and one line with exit code 2; `toolkit` alone prints the help."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = app(args=args or ["--help"], prog_name="toolkit", standalone_mode=False)
    except ToolkitError as exc:
        _err(f"toolkit: error: {exc}")
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        _err("toolkit: aborted")
        return 130
    except KeyboardInterrupt:
        _err("toolkit: interrupted")
        return 130
    except OSError as exc:
        reason = exc.strerror or str(exc)
        _err(f"toolkit: error: {exc.filename}: {reason}" if exc.filename else f"toolkit: error: {reason}")
        return 2
    except Exception as exc:
        usage_code = _usage_error(exc)
        if usage_code is None:
            raise
        return usage_code
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
