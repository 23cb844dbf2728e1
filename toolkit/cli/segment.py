"""`toolkit segment`: the blocks and sentences of a release, as the translator will see them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer


def segment(
    file: Path = typer.Argument(..., help="A release file (.txt, .html or .docx).", metavar="FILE"),
    lang: str = typer.Option(..., "--lang", "-l", metavar="LANG"),
    fmt: str = typer.Option(
        "lines", "--format", help="lines (block.sentence, kind, start-end, text) or json", metavar="FORMAT"
    ),
) -> None:
    """Print the blocks and sentences of a release, with offsets into each block's plain text (a
    web page or Word document: its paragraphs' text, inline codes left out)."""
    from ..errors import UsageError
    from ..text.document import block_sentence_spans, read_release

    if fmt not in ("lines", "json"):
        raise UsageError(f"unknown --format {fmt!r}; use lines or json")
    if file.suffix.lower() in (".html", ".htm", ".docx"):
        from ..formats.formatted import read_formatted
        from ..sources import regular_file

        document, _ = read_formatted(regular_file(file, "release"), lang)
    else:
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
