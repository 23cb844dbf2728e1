"""`review serve`: a thin wrapper over toolkit.review.serve.run."""

from __future__ import annotations

from pathlib import Path

import typer


def review_serve(
    bundle_dir: Path = typer.Argument(..., help="The bundle folder (its *.po files).", metavar="BUNDLE"),
    port: int = typer.Option(8765, "--port", help="The port to listen on.", metavar="PORT"),
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="The address to listen on (another than 127.0.0.1 is reachable by others).",
        metavar="ADDRESS",
    ),
    glossary: list[Path] | None = typer.Option(
        None, "--glossary", help="Glossary CSV files or folders (default: glossaries/).", metavar="PATH"
    ),
) -> None:
    """Review a bundle in the browser: every language side by side, saved into the PO files."""
    from ..review.serve.run import serve

    serve(bundle_dir, host, port, glossary or None, say=typer.echo)
