"""Fuzzy search over many source sentences: a word inverted index picks candidates, rapidfuzz scores them.

The score is ``rapidfuzz.fuzz.ratio`` (normalised Indel similarity, in percent) between the
normalised query and a memory sentence, exactly what brute-force
``rapidfuzz.process.extract(query, texts, scorer=fuzz.ratio)`` computes. The index only decides
which sentences are scored: the query's words (lower case, ``\\w+``) are looked up rarest first
in a CSR posting table (numpy), each sentence accumulates a weight per shared word, sentences whose
length cannot reach the cut-off are dropped (a ratio >= c needs the shorter length to be at least
c/(200-c) of the longer), and the best ``candidates`` sentences are rescored exactly. This is a
filter, not a proof: recall against brute force is measured by bench/memory_bench.py.

The tables are cached on disk under a key hashed from the sentences themselves, so any change to
a memory's source texts gives a new key (a stale index is never used) and an unchanged memory
loads its index with numpy memory maps instead of rebuilding it.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import shutil
import tempfile
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

INDEX_VERSION = "1"
TOKEN = re.compile(r"\w+")
DIGITS = re.compile(r"\d{2,}")
DEFAULT_CANDIDATES = 3000
POSTING_BUDGET = 600_000  # postings read per query at most (rarest words first)


def words(text: str) -> set[str]:
    """The distinct index words of a text: runs of word characters in lower case, plus the digit
    pairs of every number ("#22", "#28" for 228) so that numbers that share digits count as close."""
    found = set(TOKEN.findall(text.lower()))
    for number in DIGITS.findall(text):
        found.update("#" + number[i : i + 2] for i in range(len(number) - 1))
    return found


def word_weight(word: str, df: int, n: int) -> float:
    """How much sharing a word says about two sentences' fuzz.ratio: its characters, and rarity."""
    return (len(word) + 1) * math.log(1.0 + n / df)


def length_bounds(length: int, cutoff: float) -> tuple[float, float]:
    """The text lengths that can reach a fuzz.ratio of cutoff against a text of length."""
    if cutoff <= 0:
        return 0.0, math.inf
    factor = cutoff / (200.0 - cutoff)
    return length * factor, length / factor


def texts_key(texts: Sequence[str]) -> str:
    """A content hash of the indexed sentences (and the index format)."""
    digest = hashlib.sha256(f"memory-index {INDEX_VERSION} {len(texts)}\n".encode())
    for start in range(0, len(texts), 50_000):
        digest.update("\x1e".join(texts[start : start + 50_000]).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


def brute_force(query: str, texts: Sequence[str], limit: int, cutoff: float) -> list[tuple[int, float]]:
    """The top `limit` (index, score) pairs over all texts, best first, ties by index."""
    found = process.extract(query, texts, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
    ranked = sorted(((index, score) for _, score, index in found), key=lambda r: (-r[1], r[0]))
    return ranked[:limit]


@dataclass
class FuzzyIndex:
    """A CSR inverted index (word -> sorted sentence ids) over a fixed list of sentences."""

    texts: Sequence[str]
    vocab: dict[str, int]
    offsets: np.ndarray  # int64, len(vocab) + 1
    postings: np.ndarray  # int32 sentence ids, grouped by word
    lengths: np.ndarray  # int32 length of each sentence
    _acc: np.ndarray | None = field(default=None, repr=False)  # per-query scratch (not thread-safe)

    @classmethod
    def build(cls, texts: Sequence[str]) -> FuzzyIndex:
        """Tokenise every sentence and group the sentence ids by word."""
        vocab: dict[str, int] = {}
        token_ids = array("i")
        counts = array("i")
        lookup = vocab.setdefault
        for text in texts:
            ids = {lookup(word, len(vocab)) for word in words(text)}
            token_ids.extend(ids)
            counts.append(len(ids))
        tokens = np.frombuffer(token_ids, dtype=np.int32)
        docs = np.repeat(np.arange(len(texts), dtype=np.int32), np.frombuffer(counts, dtype=np.int32))
        order = np.argsort(tokens, kind="stable")
        postings = docs[order]
        per_word = np.bincount(tokens, minlength=len(vocab)).astype(np.int64)
        offsets = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(per_word, out=offsets[1:])
        lengths = np.fromiter((len(t) for t in texts), dtype=np.int32, count=len(texts))
        return cls(texts, vocab, offsets, postings, lengths)

    def save(self, folder: Path) -> None:
        """Write the tables into folder atomically (a temporary folder renamed into place)."""
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            np.save(tmp / "offsets.npy", self.offsets)
            np.save(tmp / "postings.npy", self.postings)
            np.save(tmp / "lengths.npy", self.lengths)
            words_in_order = sorted(self.vocab, key=self.vocab.__getitem__)
            (tmp / "vocab.txt").write_text("\n".join(words_in_order), encoding="utf-8", errors="surrogatepass")
            (tmp / "COMPLETE").write_text(f"{INDEX_VERSION} {len(self.texts)}\n", encoding="utf-8")
            try:
                os.replace(tmp, folder)
            except OSError:  # another process saved the same key first
                shutil.rmtree(tmp, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    @classmethod
    def load(cls, folder: Path, texts: Sequence[str]) -> FuzzyIndex | None:
        """The tables saved in folder for these texts, or None when absent or incomplete."""
        folder = Path(folder)
        try:
            if (folder / "COMPLETE").read_text(encoding="utf-8").split() != [INDEX_VERSION, str(len(texts))]:
                return None
            vocab_text = (folder / "vocab.txt").read_text(encoding="utf-8", errors="surrogatepass")
            offsets = np.load(folder / "offsets.npy", mmap_mode="r")
            postings = np.load(folder / "postings.npy", mmap_mode="r")
            lengths = np.load(folder / "lengths.npy", mmap_mode="r")
        except (OSError, ValueError):
            return None
        vocab = {word: i for i, word in enumerate(vocab_text.split("\n"))} if vocab_text else {}
        if len(offsets) != len(vocab) + 1 or len(lengths) != len(texts):
            return None
        return cls(texts, vocab, offsets, postings, lengths)

    @classmethod
    def cached(cls, texts: Sequence[str], cache_dir: Path | None) -> FuzzyIndex:
        """Load the index of texts from cache_dir, or build it and save it there."""
        if cache_dir is None:
            return cls.build(texts)
        folder = Path(cache_dir) / texts_key(texts)
        index = cls.load(folder, texts)
        if index is None:
            index = cls.build(texts)
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
            index.save(folder)
        return index

    def _scratch(self) -> np.ndarray:
        """A zeroed float32 accumulator, one cell per sentence, reused across queries."""
        if self._acc is None or len(self._acc) != len(self.texts):
            self._acc = np.zeros(len(self.texts), dtype=np.float32)
        return self._acc

    def candidates(self, query: str, cutoff: float, limit: int = DEFAULT_CANDIDATES) -> np.ndarray:
        """Ids of the sentences most worth scoring against query (at most limit)."""
        n = len(self.texts)
        found = [
            (int(self.offsets[i + 1] - self.offsets[i]), w, i)
            for w in words(query)
            if (i := self.vocab.get(w)) is not None
        ]
        if not found or n == 0:
            return np.empty(0, dtype=np.int32)
        found.sort()
        acc = self._scratch()
        budget = 0
        for rank, (df, word, word_id) in enumerate(found):
            if rank and budget + df > POSTING_BUDGET:
                break
            budget += df
            # a word occurs once per sentence in its postings, so this fancy-index add is exact
            acc[self.postings[self.offsets[word_id] : self.offsets[word_id + 1]]] += word_weight(word, df, n)
        low, high = length_bounds(len(query), cutoff)
        hit = np.flatnonzero((acc != 0) & (self.lengths >= low) & (self.lengths <= high))
        scores = acc[hit]
        acc.fill(0.0)  # leave the scratch array zeroed for the next query
        if len(hit) > limit:
            keep = np.argpartition(-scores, limit - 1)[:limit]
            hit = np.sort(hit[keep])
        return hit.astype(np.int32, copy=False)

    def search(
        self, query: str, limit: int = 5, cutoff: float = 75.0, candidates: int = DEFAULT_CANDIDATES
    ) -> list[tuple[int, float]]:
        """The best `limit` (sentence id, fuzz.ratio) pairs with a score >= cutoff, best first."""
        ids = self.candidates(query, cutoff, candidates)
        if len(ids) == 0:
            return []
        picked = ids.tolist()
        choices = [self.texts[i] for i in picked] if len(picked) < 2 else itemgetter(*picked)(self.texts)
        # ids are ascending, so rapidfuzz's ties (by position) are ties by sentence id, as brute_force
        found = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [(picked[k], score) for _, score, k in found]
