"""The `xliff` commands: thin wrappers over review.xliff_export and memory.exchange."""

from __future__ import annotations

from pathlib import Path

import typer

xliff_app = typer.Typer(
    rich_markup_mode=None, no_args_is_help=True, help="Exchange review bundles with CAT tools as XLIFF 2.1 or 1.2."
)


@xliff_app.command("export")
def xliff_export(
    inputs: list[Path] = typer.Argument(..., help="Bundle folders or their .po files.", metavar="BUNDLE"),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the <doc>.<lang>.xlf files.", metavar="FOLDER"),
    version: str = typer.Option("2.1", "--version", help="XLIFF version: 2.1 or 1.2.", metavar="VERSION"),
    source: str | None = typer.Option(
        None, "--from", help="Source language of PO files without X-Source-Language.", metavar="LANG"
    ),
) -> None:
    """One XLIFF file per document and target language, status from each entry's provenance."""
    from ..review.xliff_export import export_bundle

    for path in export_bundle(inputs, out, version, source):
        typer.echo(f"wrote {path}")


@xliff_app.command("import")
def xliff_import(
    inputs: list[Path] = typer.Argument(..., help="XLIFF files (.xlf, .xliff, .sdlxliff, .mqxliff).", metavar="FILES"),
    into: Path = typer.Option(..., "--into", help="The memory to merge into (memories/NAME.tmx).", metavar="TMX"),
    accept_translated: bool = typer.Option(
        False, "--accept-translated", help="Count segments in state translated as confirmed (tools with no review)."
    ),
) -> None:
    """Import the confirmed segments (reviewed, final, approved, signed off) into a memory."""
    from ..errors import InputError
    from ..formats.xliff_read import SUFFIXES
    from ..memory.exchange import import_into

    for path in inputs:
        if path.suffix.lower() not in SUFFIXES:
            raise InputError(f"not an XLIFF file ({', '.join('*' + s for s in SUFFIXES)})", path)
    for line in import_into(inputs, into, accept_translated=accept_translated).lines():
        typer.echo(line)
