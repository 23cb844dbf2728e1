"""What the commands share: error lines, output files, progress bars, the MT cache and the
help of options several commands take."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from ..fsutil import atomic_write_bytes

ModelsDir = Annotated[
    Path | None,
    typer.Option(
        "--models-dir", help="Models folder (default: $TOOLKIT_MODELS_DIR or the user data dir).", metavar="FOLDER"
    ),
]
GlossaryPaths = Annotated[
    list[Path] | None,
    typer.Option("--glossary", help="Glossary CSV files or folders (default: glossaries/).", metavar="PATH"),
]


def echo_err(message: str) -> None:
    """One line on standard error."""
    typer.echo(message, err=True)


def write_output(data: str | bytes, out: Path | None, note: str | None = None) -> None:
    """Write data to `out` atomically (then print `note` on stderr), or to stdout when out is None."""
    if out is None:
        typer.echo(data, nl=False)
        return
    atomic_write_bytes(out, data.encode("utf-8") if isinstance(data, str) else data)
    if note:
        typer.echo(note, err=True)


def open_cache(enabled: bool, path: Path | None):
    """The persistent MT cache, or None with --no-cache."""
    if not enabled:
        return None
    from ..mt.cache import MTCache

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


def rich_progress(quiet: bool):
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
