"""CLI for glossaries and term recognition: `toolkit glossary lint|export|import|suggest` and
`toolkit terms`. Rendering only; the work is done in toolkit.glossary_lint, toolkit.tbx,
toolkit.terms."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import UsageError
from .common import GlossaryPaths, write_output

glossary_app = typer.Typer(rich_markup_mode=None, no_args_is_help=True, help="Check and exchange glossary files.")

GLOSSARY_HELP = "Glossary CSV files or folders (default: glossaries/)."


def _glossary_paths(paths: list[Path] | None) -> list[Path]:
    from ..sources import default_dir

    chosen = list(paths) if paths else default_dir("glossaries", ".csv")
    if not chosen:
        raise UsageError("no glossary given and no glossaries/ folder here")
    return chosen


def _check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise UsageError(f"unknown format {fmt!r}; one of {', '.join(allowed)}")
    return fmt


@glossary_app.command("lint")
def lint(
    paths: list[Path] | None = typer.Argument(None, help=GLOSSARY_HELP, metavar="PATH"),
    fmt: str = typer.Option("text", "--format", help="text or json", metavar="FORMAT"),
) -> None:
    """Check glossary files; exit 1 when there are errors."""
    from ..glossary.lint import has_errors, lint_files, report_dict, report_lines

    _check_format(fmt, ("text", "json"))
    files, issues = lint_files(_glossary_paths(paths))
    if fmt == "json":
        typer.echo(json.dumps(report_dict(files, issues), ensure_ascii=False, indent=2))
    else:
        for line in report_lines(files, issues):
            typer.echo(line)
    if has_errors(issues):
        raise typer.Exit(1)


@glossary_app.command("export")
def export(
    paths: list[Path] | None = typer.Argument(None, help=GLOSSARY_HELP, metavar="PATH"),
    fmt: str = typer.Option("tbx", "--format", help="tbx (TBX-Basic) or csv", metavar="FORMAT"),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Output file (default: standard output).", metavar="PATH"
    ),
) -> None:
    """Export glossaries as TBX-Basic (or as one CSV with the full header)."""
    from ..formats.glossary_csv import glossary_csv
    from ..formats.tbx import tbx_bytes
    from ..glossary.files import load_glossary

    _check_format(fmt, ("tbx", "csv"))
    concepts = load_glossary(_glossary_paths(paths)).concepts
    data = tbx_bytes(concepts) if fmt == "tbx" else glossary_csv(concepts).encode("utf-8")
    write_output(data, out, f"{len(concepts)} concepts written to {out}")


@glossary_app.command("import")
def import_tbx(
    file: Path = typer.Argument(..., help="A TBX-Basic file.", metavar="FILE"),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Glossary CSV to write or merge into (default: standard output).", metavar="PATH"
    ),
    replace: bool = typer.Option(False, "--replace", help="Where a concept differs, take the TBX's version."),
    force: bool = typer.Option(False, "--force", help="Overwrite --out with the TBX's concepts only."),
) -> None:
    """Convert a TBX-Basic file into a glossary CSV, or merge it into an existing one (--out):
    new concepts are added; a concept that differs is a conflict, and nothing is written unless
    --replace takes the TBX's version. Exit 1 on conflicts."""
    from ..formats.glossary_csv import glossary_csv, parse_glossary_csv
    from ..formats.tbx import read_tbx
    from ..glossary.files import check_relations, read_text
    from ..glossary.merge import merge_concepts

    concepts = read_tbx(file)
    if out is None or force or not out.exists():
        write_output(glossary_csv(concepts), out, f"{len(concepts)} concepts written to {out}")
        return
    report = merge_concepts(parse_glossary_csv(read_text(out), out), concepts, replace=replace)
    for line in report.lines():
        typer.echo(line, err=True)
    if report.conflicts:
        typer.echo(
            f"nothing written to {out}: resolve the conflicts, or take the TBX's versions with --replace", err=True
        )
        raise typer.Exit(1)
    check_relations(report.concepts)
    write_output(glossary_csv(report.concepts), out, f"{len(report.concepts)} concepts written to {out}")


def terms(
    file: Path = typer.Argument(..., help="A UTF-8 text file.", metavar="FILE"),
    lang: str = typer.Option(..., "--lang", "-l", help="ru, kk, en or fr", metavar="LANG"),
    glossary: GlossaryPaths = None,
    fmt: str = typer.Option("text", "--format", help="text or json", metavar="FORMAT"),
) -> None:
    """Find glossary concepts in a text, inflected forms included."""
    from ..glossary.find import find_terms_in_file, hit_dict

    _check_format(fmt, ("text", "json"))
    text, hits = find_terms_in_file(file, lang, _glossary_paths(glossary))
    rows = [hit_dict(hit, text) for hit in hits]
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        flag = "" if row["kind"] == "preferred" else f"  ({row['kind']})"
        shown = str(row["text"]).replace("\n", "\\n")  # one hit per output line
        typer.echo(f"{row['line']}:{row['start']}-{row['end']}\t{row['concept']}\t{shown}{flag}")


@glossary_app.command("suggest")
def suggest(
    memory: Path = typer.Argument(
        ..., help="An aligned memory (TMX) with the source and target languages.", metavar="TMX"
    ),
    source: str = typer.Option(
        ..., "--from", help="Source language of the candidates (ru, kk, en, fr).", metavar="LANG"
    ),
    to: str = typer.Option(..., "--to", help="Target languages, comma-separated (en,kk).", metavar="LANGS"),
    glossary: GlossaryPaths = None,
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Draft glossary CSV to write (default: standard output).", metavar="PATH"
    ),
    limit: int = typer.Option(
        50, "--limit", help="At most this many suggestions, best first (0: all).", min=0, metavar="N"
    ),
    min_frequency: int = typer.Option(
        2, "--min-frequency", help="Units a candidate must occur in.", min=1, metavar="N"
    ),
) -> None:
    """Propose concepts the glossary lacks: recurring names and titles of the source paired with
    the target n-grams most associated with them across the memory's units, written as a draft
    glossary (status draft) for a reviewer."""
    from ..glossary.suggest.command import suggest_draft
    from ..sources import default_dir

    paths = list(glossary) if glossary else default_dir("glossaries", ".csv")
    text, summary = suggest_draft(memory, source, to, paths, out, limit or None, min_frequency)
    write_output(text, out, summary if out is not None else None)
    if out is None:
        typer.echo(summary, err=True)
