"""Brute-force top hits for many queries, computed once and cached on disk.

Exact: every sentence whose length can reach the cut-off (toolkit.memory.index.length_bounds,
property-tested) is scored with ``rapidfuzz.process.cdist(scorer=fuzz.ratio, workers=2)``; the
sentences it puts at or above the cut-off are scored again one by one with ``fuzz.ratio`` (cdist's
float32 is not the float64 the index returns) and ranked best first, ties by sentence id, as
``toolkit.memory.index.brute_force`` ranks them. The cache file is keyed by the sentences' content
hash, the queries, the limit and the cut-off.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.memory.index import length_bounds, texts_key

DEFAULT_CACHE = Path("/tmp/memory-bench-truth")
Hits = list[tuple[int, float]]


def _chunk_truth(
    texts: Sequence[str], order: np.ndarray, sorted_lengths: np.ndarray, group: list[str], limit: int, cutoff: float
) -> list[Hits]:
    low = min(length_bounds(len(q), cutoff)[0] for q in group)
    high = max(length_bounds(len(q), cutoff)[1] for q in group)
    first, last = np.searchsorted(sorted_lengths, [low - 1, high + 1], side="left")
    ids = order[first:last]
    scores = process.cdist(
        group,
        [texts[i] for i in ids.tolist()],
        scorer=fuzz.ratio,
        score_cutoff=cutoff - 0.01,
        dtype=np.float32,
        workers=2,
    )
    out = []
    for row, query in enumerate(group):
        hits = ((int(i), fuzz.ratio(query, texts[i])) for i in ids[np.flatnonzero(scores[row])].tolist())
        out.append(sorted((h for h in hits if h[1] >= cutoff), key=lambda h: (-h[1], h[0]))[:limit])
    return out


def brute_force_many(texts: Sequence[str], queries: Sequence[str], limit: int, cutoff: float) -> list[Hits]:
    """The brute-force top `limit` of each query (see the module docstring)."""
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    order = np.argsort(lengths, kind="stable")
    sorted_lengths = lengths[order]
    by_length = sorted(range(len(queries)), key=lambda i: len(queries[i]))
    truth: list[Hits] = [[] for _ in queries]
    for start in range(0, len(by_length), 8):
        picked = by_length[start : start + 8]
        for i, hits in zip(
            picked, _chunk_truth(texts, order, sorted_lengths, [queries[i] for i in picked], limit, cutoff)
        ):
            truth[i] = hits
    return truth


def cached_truth(
    texts: Sequence[str], queries: Sequence[str], limit: int, cutoff: float, cache: Path = DEFAULT_CACHE
) -> tuple[list[Hits], float | None]:
    """The brute-force hits from the cache, or computed and cached; and the seconds computing took
    (None when cached)."""
    digest = hashlib.sha256("\x1e".join(queries).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = Path(cache) / f"{texts_key(texts)}-{digest}-{limit}-{cutoff:g}.json"
    if path.is_file():
        return [[(int(i), float(s)) for i, s in hits] for hits in json.loads(path.read_text())], None
    t0 = time.perf_counter()
    truth = brute_force_many(texts, queries, limit, cutoff)
    seconds = time.perf_counter() - t0
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(truth))
    os.replace(tmp, path)
    return truth, seconds
