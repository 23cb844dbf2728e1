"""One byte per character: the memory's sentences coded for fast exact ``fuzz.ratio`` scoring.

rapidfuzz scores byte strings several times faster than strings of Cyrillic characters. The
index gives the (up to) 255 most frequent characters of its memory the codes 1..255 and every
other character the code 0. A query whose characters all have a code is coded the same way, and
then ``fuzz.ratio(coded query, coded sentence) == fuzz.ratio(query, sentence)`` exactly: lengths
are kept, and a query character matches a sentence character if and only if they are equal
(codes 1..255 are one character each, and no query character has the code 0). A query with an
uncoded character is scored against the decoded sentences instead. Decoding is exact too: the
characters coded 0 are kept aside with their positions (`exceptions`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

MAX_CODES = 255
_CHUNK = 50_000  # sentences coded at a time (bounds the memory a build needs)
_UNICODE = 0x110000


def code_points(texts: Sequence[str]) -> np.ndarray:
    """The characters of texts, concatenated, as uint32 code points."""
    joined = "".join(texts).encode("utf-32-le", "surrogatepass")
    return np.frombuffer(joined, dtype=np.uint32)


def _chunks(texts: Sequence[str]) -> Iterator[tuple[int, np.ndarray]]:
    for start in range(0, len(texts), _CHUNK):
        yield start, code_points(texts[start : start + _CHUNK])


def choose_code(texts: Sequence[str]) -> str:
    """The coded characters, most frequent first (ties by code point): code k is code[k - 1]."""
    counts = np.zeros(_UNICODE, dtype=np.int64)
    for _, points in _chunks(texts):
        counts += np.bincount(points, minlength=_UNICODE)
    used = np.flatnonzero(counts)
    order = used[np.lexsort((used, -counts[used]))][:MAX_CODES]
    return "".join(chr(c) for c in order.tolist())


def lookup_table(code: str) -> np.ndarray:
    """Code point -> byte code (0 for uncoded characters)."""
    table = np.zeros(_UNICODE, dtype=np.uint8)
    table[[ord(c) for c in code]] = np.arange(1, len(code) + 1, dtype=np.uint8)
    return table


def encode_texts(texts: Sequence[str], table: np.ndarray) -> Iterator[tuple[bytes, np.ndarray, np.ndarray]]:
    """Per chunk of texts: the coded bytes, and the positions (relative to the chunk) and code
    points of the uncoded characters."""
    for _, points in _chunks(texts):
        coded = table[points]
        where = np.flatnonzero(coded == 0)
        yield coded.tobytes(), where, points[where]


def encode_query(text: str, table: np.ndarray) -> bytes | None:
    """The coded query, or None when one of its characters has no code."""
    coded = table[code_points([text])]
    return None if not coded.all() else coded.tobytes()


def decode(data: bytes, code: str, start: int, positions: np.ndarray, points: np.ndarray) -> str:
    """The text coded as data at global position start (exceptions: sorted global positions and
    the code points found there)."""
    chars = ["\x00", *code]
    out = [chars[b] for b in data]
    low, high = np.searchsorted(positions, [start, start + len(data)])
    for pos, point in zip(positions[low:high].tolist(), points[low:high].tolist()):
        out[pos - start] = chr(point)
    return "".join(out)
