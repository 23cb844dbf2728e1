"""The data rows of a CSV or TSV file, as the glossary and memory readers both need them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError


def data_rows(reader, width: int, path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each non-blank row of a csv.reader whose header has `width` columns;
    a row of another width is an InputError naming its line."""
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise InputError(f"row has {len(row)} fields, header has {width}", path, line)
        yield line, row
