"""Command-line pieces of batch translation: the MT cache, progress columns and
`toolkit models add-ct2`. toolkit/cli.py wires them into its commands."""

from __future__ import annotations

from pathlib import Path

import typer


def open_cache(enabled: bool, path: Path | None):
    """The persistent MT cache, or None with --no-cache."""
    if not enabled:
        return None
    from .mt.cache import MTCache

    return MTCache(path)


def progress_columns():
    """Rich columns: description, bar, done/total, segments per second, time left; one line
    each within 80 columns (a long route name is shortened with an ellipsis)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.table import Column
    from rich.text import Text

    class SegmentRate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            shown = f"{speed:.1f} seg/s" if speed else "- seg/s"  # no estimate yet: not "0.0"
            return Text(shown, style="progress.data.speed")

    description = Column(max_width=28, no_wrap=True, overflow="ellipsis")
    return (
        TextColumn("{task.description}", table_column=description),
        BarColumn(bar_width=16),
        MofNCompleteColumn(),
        SegmentRate(),
        TimeRemainingColumn(),
    )


def add_ct2(
    model_dir: Path = typer.Argument(
        ..., help="A CTranslate2 model directory (M2M-100 or NLLB style).", metavar="FOLDER"
    ),
    langs: str | None = typer.Option(
        None,
        "--langs",
        help="Languages to use it for, e.g. ru,kk,en,fr (default: all whose token it has).",
        metavar="LANGS",
    ),
    name: str | None = typer.Option(
        None, "--name", help="Name in `models list` (default: the folder name).", metavar="NAME"
    ),
    models_dir: Path | None = typer.Option(
        None,
        "--models-dir",
        help="Models folder (default: $TOOLKIT_MODELS_DIR or the user data dir).",
        metavar="FOLDER",
    ),
) -> None:
    """Register a multilingual CTranslate2 model (e.g. a converted M2M-100 or NLLB) for its pairs."""
    from .mt.multilingual import register_model
    from .mt.packages import models_folder

    codes: list[str] | None = [c for c in langs.split(",") if c.strip()] if langs else None
    model = register_model(model_dir, codes, models_folder(models_dir), name)
    typer.echo(f"registered {model.name} ({model.style}, {','.join(model.langs)}) at {model.path}")
