"""`toolkit models download|verify|bundle`: the only commands that touch the network (download,
when the user runs it) and the lock file that records what was installed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import typer

from .common import ModelsDir, echo_err


def _download_bars(quiet: bool):  # type: ignore[no-untyped-def]
    """A factory of rich download bars (bytes, speed, time left) on stderr, or None when quiet or
    stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

    bars = Progress(
        TextColumn("{task.description}"),
        BarColumn(bar_width=20),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )

    def factory(description: str, total: int | None) -> Callable[[int, int | None], None]:
        if not bars.live.is_started:
            bars.start()
        task = bars.add_task(description, total=total)

        def update(done: int, size: int | None) -> None:
            bars.update(task, completed=done, total=size)

        return update

    return factory, bars


def models_download(
    from_code: str | None = typer.Argument(None, help="Source language, e.g. ru.", metavar="FROM"),
    to_code: str | None = typer.Argument(None, help="Target language, e.g. en.", metavar="TO"),
    pairs: str | None = typer.Option(None, "--pairs", help="Several pairs, e.g. ru-en,en-fr,en-ru.", metavar="PAIRS"),
    index: str | None = typer.Option(
        None,
        "--index",
        help="Package index: a JSON file or an http(s) URL (default: $TOOLKIT_MODELS_INDEX or argospm's index).",
        metavar="FILE|URL",
    ),
    timeout: float = typer.Option(
        20.0, "--timeout", help="Seconds to wait to connect and for each read.", min=0.1, metavar="SECONDS"
    ),
    retries: int = typer.Option(
        2, "--retries", help="Retries per link after a failure that may pass.", min=0, metavar="N"
    ),
    backoff: float = typer.Option(
        1.0, "--backoff", help="Seconds before the first retry (doubled each time).", min=0, metavar="SECONDS"
    ),
    models_dir: ModelsDir = None,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Download packages from an argospm-style index, check and install them (the only command
    that uses the network)."""
    from ..errors import UsageError
    from ..mt.download import download_packages, parse_pair
    from ..mt.fetch import FetchOptions

    wanted: list[tuple[str, str]] = []
    if from_code is not None or to_code is not None:
        if from_code is None or to_code is None:
            raise UsageError("give both languages (FROM TO), or --pairs")
        wanted.append(parse_pair(f"{from_code}-{to_code}"))
    wanted += [parse_pair(p) for p in (pairs or "").split(",") if p.strip()]
    if not wanted:
        raise UsageError("name a pair: `toolkit models download ru en` or --pairs ru-en,en-fr")
    factory, bars = _download_bars(quiet)
    options = FetchOptions(timeout=timeout, retries=retries, backoff=backoff)

    def warn(message: str) -> None:  # above the bars while they are drawn
        if bars is not None and bars.live.is_started:
            bars.console.print(message, markup=False, highlight=False, style="yellow")
        else:
            echo_err(message)

    try:
        installed = download_packages(wanted, models_dir, index, options, progress=factory, warn=warn)
    finally:
        if bars is not None:
            bars.stop()
    for package in installed:
        typer.echo(f"installed {package.name} ({package.pair}, version {package.version}) in {package.path.parent}")


def models_verify(models_dir: ModelsDir = None) -> None:
    """Recheck installed packages against the lock file (exit 1 when one was modified or removed)."""
    from ..mt.lockfile import lock_path, verify
    from ..mt.packages import models_folder

    folder = models_folder(models_dir)
    results = verify(folder)
    if not results:
        typer.echo(f"no packages recorded in {lock_path(folder)}")
    notes = {
        "ok": "ok",
        "modified": "MODIFIED: its files differ from the lock file",
        "missing": "MISSING: recorded in the lock file, not installed",
        "unlocked": "not in the lock file (installed by hand or before it existed): not checked",
    }
    for result in results:
        typer.echo(f"{result.name}: {notes[result.status]}")
    bad = [r for r in results if not r.ok]
    if bad:
        echo_err(f"toolkit: {len(bad)} of {len(results)} packages fail verification against {lock_path(folder)}")
        raise typer.Exit(1)


def models_bundle(
    out: Path = typer.Option(..., "--out", help="The tar file to write.", metavar="FILE"),
    models_dir: ModelsDir = None,
) -> None:
    """Write the installed packages and their lock entries into one tar file, for `models install`
    on a machine without network."""
    from ..mt.bundle import make_bundle

    names = make_bundle(models_dir, out)
    typer.echo(f"bundled {len(names)} packages ({', '.join(names)}) into {out}")
