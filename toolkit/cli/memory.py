"""The `memory` and `review` commands: thin wrappers over toolkit.memory, memory_io and review.apply."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .common import GlossaryPaths, write_output

memory_app = typer.Typer(
    rich_markup_mode=None, no_args_is_help=True, help="Translation memories: import, stats, lookup, export."
)
review_app = typer.Typer(rich_markup_mode=None, no_args_is_help=True, help="Close the review loop of a bundle.")

MEMORY_HELP = "TMX files or folders (default: memories/)."


def _memory(paths: list[Path] | None):
    from ..errors import UsageError
    from ..memory.model import load_memory
    from ..sources import default_dir

    chosen = list(paths) if paths else default_dir("memories", ".tmx")
    if not chosen:
        raise UsageError("no memory: pass --memory PATH or run where a memories/ folder is")
    return load_memory(chosen)


@memory_app.command("import")
def memory_import(
    inputs: list[Path] = typer.Argument(..., help="Reviewed .po, .tmx, .csv or .tsv files.", metavar="FILES"),
    into: Path = typer.Option(..., "--into", help="The memory to merge into (memories/NAME.tmx).", metavar="TMX"),
    source: str | None = typer.Option(
        None, "--from", help="Source language of the inputs (default: their headers).", metavar="LANG"
    ),
) -> None:
    """Import confirmed entries; duplicates are merged, conflicts kept as alternatives and reported."""
    from ..memory.exchange import import_into

    for line in import_into(inputs, into, source=source).lines():
        typer.echo(line)


@memory_app.command("lint")
def memory_lint(
    memory: list[Path] | None = typer.Option(None, "--memory", help=MEMORY_HELP, metavar="PATH"),
    glossary: GlossaryPaths = None,
    fmt: str = typer.Option("text", "--format", help="text or json", metavar="FORMAT"),
) -> None:
    """Check approved memory units against the glossary (terms, forbidden variants, Kazakh
    script): a memory that contradicts the glossary fails its own gate. Exit 1 on errors."""
    from ..errors import UsageError
    from ..qa.model import Severity
    from ..qa.report import REPORTERS, summary_line
    from ..qa.runner import lint_memory, reaches
    from ..sources import default_dir

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown --format {fmt!r}; use text or json")
    paths = list(memory) if memory else default_dir("memories", ".tmx")
    if not paths:
        raise UsageError("no memory: pass --memory PATH or run where a memories/ folder is")
    result = lint_memory(paths, glossary)
    typer.echo(REPORTERS[fmt](result.findings, result.rules, result.files), nl=False)
    typer.echo(summary_line(result.findings, len(result.files), result.segments, 0), err=True)
    if reaches(result.findings, Severity.ERROR):
        raise typer.Exit(1)


@memory_app.command("stats")
def memory_stats(
    memory: list[Path] | None = typer.Option(None, "--memory", help=MEMORY_HELP, metavar="PATH"),
    fmt: str = typer.Option("text", "--format", help="text or json", metavar="FORMAT"),
) -> None:
    """Units per file and language, distinct sentences, users and dates."""
    from ..memory.exchange import memory_stats as stats

    data = stats(_memory(memory))
    if fmt == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{data['units']} units; languages: " + ", ".join(f"{k} {v}" for k, v in data["languages"].items()))
    typer.echo("distinct sentences: " + ", ".join(f"{k} {v}" for k, v in data["distinct_sentences"].items()))
    for row in data["files"]:
        penalty = f" (penalty {row['penalty']})" if row["penalty"] else ""
        typer.echo(f"  {row['path']}: {row['units']} units{penalty}")
    typer.echo(
        f"users: {', '.join(data['users']) or '-'}; dates: {data['first_date'] or '-'} .. {data['last_date'] or '-'}"
    )


@memory_app.command("lookup")
def memory_lookup(
    text: str = typer.Argument(..., help="The source sentence.", metavar="TEXT"),
    lang: str = typer.Option(..., "--lang", "-l", help="Its language.", metavar="LANG"),
    target: str = typer.Option(..., "--to", "-t", help="The target language.", metavar="LANGS"),
    memory: list[Path] | None = typer.Option(None, "--memory", help=MEMORY_HELP, metavar="PATH"),
    prev: str | None = typer.Option(
        None, "--prev", help="Previous segment (for 101% in-context matches).", metavar="PREV"
    ),
    next_: str | None = typer.Option(None, "--next", help="Next segment (with --prev).", metavar="NEXT_"),
    limit: int = typer.Option(5, "--limit", min=1, metavar="N"),
    threshold: int = typer.Option(
        75, "--threshold", min=1, max=100, help="Lowest fuzzy score in percent.", metavar="N"
    ),
    fmt: str = typer.Option("text", "--format", help="text or json", metavar="FORMAT"),
) -> None:
    """Ranked candidates (exact, context, number-adjusted, fuzzy) with their provenance."""
    from ..langs import check_lang

    source, to = check_lang(lang), check_lang(target)
    context = (prev or "", next_ or "") if prev is not None or next_ is not None else None
    found = _memory(memory).lookup(text, source, to, context=context, limit=limit, threshold=threshold)
    if fmt == "json":
        typer.echo(json.dumps([m.as_dict() for m in found], ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo("no match")
    for m in found:
        where = f"{m.origin}:{m.unit.line}" if m.unit.line else m.origin
        typer.echo(
            f"{m.score:>3}% {m.kind:15} {m.target}\n     source: {m.source}\n     from:   {where}"
            + (f" ({m.note})" if m.note else "")
            + (f" penalty {m.penalty}" if m.penalty else "")
        )


@memory_app.command("export")
def memory_export(
    fmt: str = typer.Option(..., "--format", help="tmx, csv or po", metavar="FORMAT"),
    memory: list[Path] | None = typer.Option(None, "--memory", help=MEMORY_HELP, metavar="PATH"),
    source: str = typer.Option("ru", "--from", help="Source language.", metavar="LANG"),
    target: str | None = typer.Option(None, "--to", help="Target language (PO only).", metavar="LANGS"),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Output file (default: standard output).", metavar="PATH"
    ),
) -> None:
    """Write the memories as one TMX, a CSV with a column per language, or a PO file."""
    from ..langs import check_lang
    from ..memory.exchange import export_bytes

    data = export_bytes(_memory(memory), fmt, check_lang(source), check_lang(target) if target else None)
    write_output(data, out, f"wrote {out}")


@review_app.command("apply")
def review_apply(
    bundle_dir: Path = typer.Argument(..., help="The reviewed bundle folder (its *.po files).", metavar="BUNDLE"),
    into: Path = typer.Option(
        Path("memories/reviewed.tmx"), "--into", help="Memory that receives the confirmed entries.", metavar="TMX"
    ),
    no_import: bool = typer.Option(False, "--no-import", help="Write the texts only."),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Folder for the final texts (default: the bundle).", metavar="PATH"
    ),
    source: Path | None = typer.Option(
        None,
        "--source",
        help="The source release, or a folder of them (default: the bundle's own copy).",
        metavar="PATH",
    ),
) -> None:
    """Write the final <doc>.<lang>.txt texts and import the confirmed entries into a memory."""
    from ..review.apply import apply_review

    report = apply_review(bundle_dir, None if no_import else into, out, source=source)
    for line in report.lines():
        typer.echo(line)
