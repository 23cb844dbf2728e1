"""The fuzzy index on disk: a folder of numpy arrays and text files under a content hash.

The folder is named by `texts_key`, a hash of the indexed sentences and the format version, so
a changed memory gets a new folder and a stale index is never used. It is written into a
temporary folder that is renamed into place (a reader never sees half an index) and loaded with
memory maps: loading reads the small files (the vocabulary, the bigram list) and maps the rest,
so it does not read every sentence.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .index_build import IndexTables
from .nearwords import NearWords

INDEX_VERSION = "2"
_ARRAYS = (
    "offsets",
    "postings",
    "lengths",
    "frequent",
    "masks",
    "mask_ids",
    "starts",
    "exception_positions",
    "exception_points",
)


def texts_key(texts: Sequence[str]) -> str:
    """A content hash of the indexed sentences (and the index format)."""
    digest = hashlib.sha256(f"memory-index {INDEX_VERSION} {len(texts)}\n".encode())
    for start in range(0, len(texts), 50_000):
        digest.update("\x1e".join(texts[start : start + 50_000]).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


def _write_lines(path: Path, lines: Sequence[str]) -> None:
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")


def _read_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="surrogatepass")
    return text.split("\n") if text else []


def save_tables(tables: IndexTables, folder: Path) -> None:
    """Write the tables into folder atomically (a temporary folder renamed into place)."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        for name in _ARRAYS:
            np.save(tmp / f"{name}.npy", getattr(tables, name))
        np.save(tmp / "code.npy", np.array([ord(c) for c in tables.code], dtype=np.uint32))
        (tmp / "coded.bin").write_bytes(tables.coded)
        _write_lines(tmp / "vocab.txt", tables.vocab)
        _write_lines(tmp / "near_grams.txt", sorted(tables.near.grams, key=tables.near.grams.__getitem__))
        np.save(tmp / "near_offsets.npy", tables.near.offsets)
        np.save(tmp / "near_members.npy", tables.near.members)
        (tmp / "COMPLETE").write_text(f"{INDEX_VERSION} {len(tables)}\n", encoding="utf-8")
        try:
            os.replace(tmp, folder)
        except OSError:  # another process saved the same key first
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _load(path: Path) -> np.ndarray:
    """A memory-mapped array as a plain ndarray view (np.memmap slicing is slow in Python)."""
    return np.load(path, mmap_mode="r").view(np.ndarray)


def _map(path: Path) -> mmap.mmap:
    with open(path, "rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def load_tables(folder: Path, size: int | None = None) -> IndexTables | None:
    """The tables saved in folder (for size sentences, if given), or None when absent, incomplete
    or of another format."""
    folder = Path(folder)
    try:
        version, saved = (folder / "COMPLETE").read_text(encoding="utf-8").split()
        if version != INDEX_VERSION or (size is not None and int(saved) != size):
            return None
        arrays = {name: _load(folder / f"{name}.npy") for name in _ARRAYS}
        code = "".join(chr(c) for c in np.load(folder / "code.npy").tolist())
        vocab = _read_lines(folder / "vocab.txt")
        grams = {gram: i for i, gram in enumerate(_read_lines(folder / "near_grams.txt"))}
        near = NearWords(
            grams, np.load(folder / "near_offsets.npy"), np.load(folder / "near_members.npy", mmap_mode="r")
        )
        coded = _map(folder / "coded.bin")
    except (OSError, ValueError):
        return None
    tables = IndexTables(vocab=vocab, code=code, coded=coded, near=near, **arrays)
    if len(tables.offsets) != len(vocab) + 1 or len(tables) != int(saved) or len(near.offsets) != len(grams) + 1:
        return None
    return tables
