"""Fuzzy search over many source sentences: word tables pick candidates, rapidfuzz scores them.

The score is ``rapidfuzz.fuzz.ratio`` (normalised Indel similarity, in percent) between the
normalised query and a memory sentence, exactly what brute-force
``rapidfuzz.process.extract(query, texts, scorer=fuzz.ratio)`` computes; ties rank by sentence
id. The index only decides which sentences are scored. It estimates each sentence's ratio as
``200 * common / (len(query) + len(sentence))``, where ``common`` counts the characters of the
words it shares with the query (terms), of rare words spelled alike (nearwords) and, for the
words of the query it did not read, their characters as if shared (so the estimate errs high).
Posting lists are read rarest word first, at most ``POSTING_BUDGET`` postings a query, into a
scratch accumulator of which only the touched cells are read and reset; the most frequent words
are credited from per-sentence bit masks instead. Sentences whose length cannot reach the
cut-off are dropped, and the ``candidates`` best estimates are scored exactly on their one-byte
codes (textcode). Per query the work is proportional to the postings and candidates touched,
not to the memory's size. This is a filter, not a proof: recall against brute force is measured
by bench/memory_bench.py.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from .index_build import FREQUENT_MIN_DF, IndexTables, build_tables
from .index_store import INDEX_VERSION, load_tables, save_tables, texts_key
from .nearwords import NEAR_MAX_DF, expandable
from .terms import credit, words
from .textcode import decode, encode_query, lookup_table

__all__ = ["INDEX_VERSION", "FuzzyIndex", "brute_force", "length_bounds", "texts_key", "words"]

DEFAULT_CANDIDATES = 4000  # scored exactly; 3,000 missed 0.5-0.9% of the top 5 at 100k, 5,000 costs 0.6 ms at 1M
POSTING_BUDGET = 150_000  # postings read per query at most (rarest words first)
NEAR_BUDGET = 10_000  # postings read for the words spelled like one query word, at most
_BITS = ((np.arange(256)[:, None] >> np.arange(8)) & 1).astype(np.float32)  # byte value -> its bits


def length_bounds(length: int, cutoff: float) -> tuple[float, float]:
    """The text lengths that can reach a fuzz.ratio of cutoff against a text of length."""
    if cutoff <= 0:
        return 0.0, math.inf
    factor = cutoff / (200.0 - cutoff)
    return length * factor, length / factor


def brute_force(query: str, texts: Sequence[str], limit: int, cutoff: float) -> list[tuple[int, float]]:
    """The top `limit` (index, score) pairs over all texts, best first, ties by index."""
    found = process.extract(query, texts, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
    ranked = sorted(((index, score) for _, score, index in found), key=lambda r: (-r[1], r[0]))
    return ranked[:limit]


@dataclass
class _Reading:
    """The posting lists a query reads, and what it credits without reading."""

    slices: list[np.ndarray] = field(default_factory=list)  # sentence ids, each at most once per list
    weights: list[float | np.ndarray] = field(default_factory=list)  # credit per list or per id
    unread: float = 0.0  # characters of rarer-than-frequent words left unread (credited to all)
    frequent: np.ndarray = field(default_factory=lambda: np.zeros(64, dtype=np.float32))  # credit per mask bit
    budget: int = 0
    read_bits: set[int] = field(default_factory=set)  # frequent words whose lists were read


def _best(ids: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """The ids of the `limit` best scores, ties by smaller id, in ascending id order."""
    if len(ids) <= limit:
        return np.sort(ids)
    kth = np.partition(scores, len(scores) - limit)[len(scores) - limit]
    above = ids[scores > kth]
    tied = np.sort(ids[scores == kth])[: limit - len(above)]
    return np.sort(np.concatenate((above, tied)))


def _closest(ids: np.ndarray, credits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each id once, with its largest credit."""
    order = np.lexsort((-credits, ids))
    ids, credits = ids[order], credits[order]
    first = np.concatenate(([True], ids[1:] != ids[:-1]))
    return ids[first], credits[first]


@dataclass
class FuzzyIndex:
    """Candidate selection and exact rescoring over a fixed list of sentences (see the module)."""

    tables: IndexTables
    _lookup: dict[str, int] | None = field(default=None, repr=False)
    _bits: dict[int, int] | None = field(default=None, repr=False)
    _bit_of: np.ndarray | None = field(default=None, repr=False)
    _code_table: np.ndarray | None = field(default=None, repr=False)
    _acc: np.ndarray | None = field(default=None, repr=False)  # per-query scratch (not thread-safe)

    @classmethod
    def build(cls, texts: Sequence[str], frequent_min_df: int = FREQUENT_MIN_DF) -> FuzzyIndex:
        """Index texts in memory (frequent_min_df: see index_build)."""
        return cls(build_tables(texts, frequent_min_df))

    def save(self, folder: Path) -> None:
        """Write the tables into folder atomically."""
        save_tables(self.tables, folder)

    @classmethod
    def load(cls, folder: Path, texts: Sequence[str] | None = None) -> FuzzyIndex | None:
        """The index saved in folder (for as many sentences as texts, if given), or None."""
        tables = load_tables(folder, None if texts is None else len(texts))
        return None if tables is None else cls(tables)

    @classmethod
    def cached(cls, texts: Sequence[str], cache_dir: Path | None) -> FuzzyIndex:
        """Load the index of texts from cache_dir, or build it, save it there and map it back."""
        if cache_dir is None:
            return cls.build(texts)
        folder = Path(cache_dir) / texts_key(texts)
        index = cls.load(folder, texts)
        if index is None:
            built = cls.build(texts)
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
            built.save(folder)
            index = cls.load(folder, texts) or built
        return index

    def __len__(self) -> int:
        return len(self.tables)

    @property
    def vocab(self) -> dict[str, int]:
        """Word -> word id."""
        if self._lookup is None:
            self._lookup = {word: i for i, word in enumerate(self.tables.vocab)}
        return self._lookup

    @property
    def postings(self) -> np.ndarray:
        return self.tables.postings

    def text(self, sentence: int) -> str:
        """A sentence, decoded from its one-byte code."""
        t = self.tables
        start, end = int(t.starts[sentence]), int(t.starts[sentence + 1])
        return decode(t.coded[start:end], t.code, start, t.exception_positions, t.exception_points)

    def _mask_bits(self) -> dict[int, int]:
        if self._bits is None:
            self._bits = {word: bit for bit, word in enumerate(self.tables.frequent.tolist())}
        return self._bits

    def _read(self, query_words: set[str]) -> _Reading:
        """Rarest words first: which posting lists to read, and what to credit without reading."""
        t, vocab, bits = self.tables, self.vocab, self._mask_bits()
        df = [(int(t.offsets[i + 1] - t.offsets[i]), w, i) for w in query_words if (i := vocab.get(w)) is not None]
        df.sort()
        reading = _Reading()
        for count, word, word_id in df:
            if word_id in bits:
                reading.frequent[bits[word_id]] = credit(word)
            elif reading.slices and reading.budget + count > POSTING_BUDGET:
                reading.unread += credit(word)
            else:
                self._take(reading, word_id, credit(word))
        if not reading.slices:  # only frequent words: read them too, rarest first
            for count, word, word_id in df:
                if reading.slices and reading.budget + count > POSTING_BUDGET:
                    break
                reading.frequent[bits[word_id]] = 0.0
                reading.read_bits.add(bits[word_id])
                self._take(reading, word_id, credit(word))
        self._read_near(reading, [w for w in query_words if expandable(w)], {w: c for c, w, _ in df})
        return reading

    def _take(self, reading: _Reading, word_id: int, weight: float) -> None:
        start, end = int(self.tables.offsets[word_id]), int(self.tables.offsets[word_id + 1])
        reading.slices.append(self.tables.postings[start:end])
        reading.weights.append(weight)
        reading.budget += end - start

    def _read_near(self, reading: _Reading, query_words: list[str], df: dict[str, int]) -> None:
        """Credit the sentences holding a rare word spelled like a rare query word (the closest
        such word of a sentence counts, once per query word; frequent ones through the masks)."""
        offsets, postings = self.tables.offsets, self.tables.postings
        for word in sorted(query_words):
            if df.get(word, 0) > NEAR_MAX_DF:
                continue
            word_ids, common = self.tables.near.similar(word, self.tables.vocab)
            bits = self._bit_array()[word_ids]
            for bit, credit_ in zip(bits[bits >= 0].tolist(), (common[bits >= 0] + 1.0).tolist()):
                if bit not in reading.read_bits:
                    reading.frequent[bit] = max(reading.frequent[bit], credit_)
            word_ids, common = word_ids[bits < 0], common[bits < 0]
            counts = offsets[word_ids + 1] - offsets[word_ids]
            keep = np.cumsum(counts) <= min(NEAR_BUDGET, POSTING_BUDGET - reading.budget)
            word_ids, common, counts = word_ids[keep], common[keep], counts[keep]
            if len(word_ids):
                lists = [postings[a:b] for a, b in zip(offsets[word_ids].tolist(), offsets[word_ids + 1].tolist())]
                held, credits = _closest(np.concatenate(lists), np.repeat(common + np.float32(1.0), counts))
                reading.slices.append(held)
                reading.weights.append(credits)
                reading.budget += int(counts.sum())

    def _bit_array(self) -> np.ndarray:
        """Word id -> its mask bit, or -1."""
        if self._bit_of is None:
            self._bit_of = np.full(len(self.tables.vocab), -1, dtype=np.int16)
            self._bit_of[self.tables.frequent] = np.arange(len(self.tables.frequent), dtype=np.int16)
        return self._bit_of

    def _accumulate(self, reading: _Reading) -> tuple[np.ndarray, np.ndarray]:
        """The distinct sentences of the read lists and their summed credits (sparse: only the
        touched cells of the scratch array are read and reset)."""
        if self._acc is None or len(self._acc) != len(self):
            self._acc = np.zeros(len(self), dtype=np.float32)
        acc = self._acc
        # take/put/compress: the same as fancy indexing, a little faster
        acc.put(reading.slices[0], reading.weights[0])  # the first list's ids are all new
        fresh = [reading.slices[0]]
        for ids, weight in zip(reading.slices[1:], reading.weights[1:]):
            before = acc.take(ids)
            fresh.append(ids.compress(before == 0))  # every credit is positive: 0 means not yet touched
            acc.put(ids, before + weight)
        touched = np.concatenate(fresh)
        common = acc.take(touched)
        acc.put(touched, 0.0)
        return touched, common

    def _frequent_credit(self, ids: np.ndarray, reading: _Reading) -> np.ndarray:
        """The credits of the query's frequent words held by each sentence, from its mask bits
        (each distinct mask is credited once when there are fewer of them than sentences)."""
        if not reading.frequent.any():
            return np.zeros(len(ids), dtype=np.float32)
        masks, mask_ids = self.tables.masks, self.tables.mask_ids.take(ids)
        per_mask = masks.shape[1] <= len(ids)
        total = np.zeros(masks.shape[1] if per_mask else len(ids), dtype=np.float32)
        for chunk, row in enumerate(masks):
            weights = reading.frequent[16 * chunk : 16 * chunk + 16]
            if weights.any():
                values = row if per_mask else row.take(mask_ids)
                total += (_BITS @ weights[:8])[values & 255] + (_BITS @ weights[8:])[values >> 8]
        return total.take(mask_ids) if per_mask else total

    def candidates(self, query: str, cutoff: float, limit: int = DEFAULT_CANDIDATES) -> np.ndarray:
        """Ids of the sentences most worth scoring against query (at most limit), ascending."""
        reading = self._read(words(query))
        if not reading.slices:
            return np.empty(0, dtype=np.int32)
        ids, common = self._accumulate(reading)
        lengths = self.tables.lengths.take(ids)
        low, high = length_bounds(len(query), cutoff)
        keep = (lengths >= low) & (lengths <= high)
        ids, common, lengths = ids[keep], common[keep], lengths[keep]
        common += reading.unread + self._frequent_credit(ids, reading)
        return _best(ids, common / (len(query) + lengths), limit)

    def search(
        self, query: str, limit: int = 5, cutoff: float = 75.0, candidates: int = DEFAULT_CANDIDATES
    ) -> list[tuple[int, float]]:
        """The best `limit` (sentence id, fuzz.ratio) pairs with a score >= cutoff, best first."""
        ids = self.candidates(query, cutoff, candidates)
        if len(ids) == 0:
            return []
        picked = ids.tolist()
        if self._code_table is None:
            self._code_table = lookup_table(self.tables.code)
        coded = encode_query(query, self._code_table)
        choices: list[str] | list[bytes]
        if coded is None:  # a character the memory's code lacks: score the decoded sentences
            choices = [self.text(i) for i in picked]
        else:
            blob, starts = self.tables.coded, self.tables.starts
            choices = [blob[a:b] for a, b in zip(starts[ids].tolist(), starts[ids + 1].tolist())]
        # ids are ascending, so rapidfuzz's ties (by position) are ties by sentence id, as brute_force
        found = process.extract(
            query if coded is None else coded, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
        )
        return [(picked[k], score) for _, score, k in found]
