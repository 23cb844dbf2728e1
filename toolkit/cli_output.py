"""Where a command's output goes: a file, written atomically, or standard output."""

from __future__ import annotations

from pathlib import Path

import typer

from .fsutil import atomic_write_bytes


def write_output(data: str | bytes, out: Path | None, note: str | None = None) -> None:
    """Write data to `out` atomically (then print `note` on stderr), or to stdout when out is None."""
    if out is None:
        typer.echo(data, nl=False)
        return
    atomic_write_bytes(out, data.encode("utf-8") if isinstance(data, str) else data)
    if note:
        typer.echo(note, err=True)
