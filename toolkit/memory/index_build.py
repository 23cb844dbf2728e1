"""The fuzzy index's tables and how they are built from a list of sentences.

- a CSR inverted index: word -> ascending sentence ids (``offsets``, ``postings``);
- ``masks``: for the ``FREQUENT_WORDS`` most frequent words (document frequency at least
  ``FREQUENT_MIN_DF``), one bit per sentence telling whether it holds the word, so that a query
  credits them to its candidates without reading their long posting lists. Sentences share few
  distinct masks (211 among 626,613 in the bench's memory), so each sentence keeps the number
  of its mask (``mask_ids``) and the distinct masks are kept once, as 4 uint16 columns;
- ``lengths`` of the sentences, and the sentences coded one byte per character (``coded``,
  ``starts``, plus the uncoded characters in ``exception_positions``/``exception_points``) for
  exact rescoring (see textcode);
- ``near``: the bigram table of rare words (see nearwords).
"""

from __future__ import annotations

import mmap
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .nearwords import NearWords
from .terms import words
from .textcode import choose_code, encode_texts, lookup_table

FREQUENT_WORDS = 64  # bits of a sentence mask
FREQUENT_MIN_DF = 2048
_SORT_CHUNK = 2_000_000  # postings placed at a time by the counting sort


@dataclass
class IndexTables:
    """Everything a FuzzyIndex searches (numpy arrays may be memory maps)."""

    vocab: list[str]
    offsets: np.ndarray  # int64, len(vocab) + 1
    postings: np.ndarray  # int32 sentence ids, grouped by word, ascending within a word
    lengths: np.ndarray  # int32 characters of each sentence
    frequent: np.ndarray  # int32 ids of the words with a mask bit (bit k: frequent[k])
    masks: np.ndarray  # uint16 (4, distinct masks): bits 16r..16r+15 of each distinct mask in row r
    mask_ids: np.ndarray  # int32 per sentence: its mask's column in masks
    code: str  # the coded characters (code k is code[k - 1])
    coded: mmap.mmap  # all sentences, one byte per character (at least one byte long)
    starts: np.ndarray  # int64 position of each sentence in coded, len(lengths) + 1
    exception_positions: np.ndarray  # int64 positions in coded of the characters coded 0
    exception_points: np.ndarray  # uint32 their code points
    near: NearWords

    def __len__(self) -> int:
        return len(self.lengths)


def _tokenise(texts: Sequence[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The vocabulary (by first occurrence), each sentence's word ids, and how many each has."""
    vocab: dict[str, int] = {}
    token_ids = array("i")
    counts = array("i")
    lookup = vocab.setdefault
    for text in texts:
        ids = {lookup(word, len(vocab)) for word in words(text)}
        token_ids.extend(ids)
        counts.append(len(ids))
    return list(vocab), np.frombuffer(token_ids, dtype=np.int32), np.frombuffer(counts, dtype=np.int32)


def _postings(tokens: np.ndarray, counts: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Counting sort of (word, sentence) pairs by word, a chunk at a time (little extra memory)."""
    offsets = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(tokens, minlength=size), out=offsets[1:])
    postings = np.empty(len(tokens), dtype=np.int32)
    cursor = offsets[:-1].copy()
    ends = np.cumsum(counts, dtype=np.int64)
    doc = 0
    while doc < len(counts):
        last = max(doc + 1, int(np.searchsorted(ends, ends[doc] - counts[doc] + _SORT_CHUNK, "right")))
        first_token = int(ends[doc] - counts[doc])
        chunk = tokens[first_token : ends[last - 1]]
        docs = np.repeat(np.arange(doc, last, dtype=np.int32), counts[doc:last])
        order = np.argsort(chunk, kind="stable")
        ordered = chunk[order]
        group = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        rank = np.arange(len(ordered)) - np.repeat(group, np.diff(np.append(group, len(ordered))))
        postings[cursor[ordered] + rank] = docs[order]
        cursor += np.bincount(chunk, minlength=size)
        doc = last
    return offsets, postings


def _masks(
    offsets: np.ndarray, postings: np.ndarray, size: int, frequent_min_df: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    df = np.diff(offsets)
    ids = np.flatnonzero(df >= frequent_min_df)
    frequent = ids[np.lexsort((ids, -df[ids]))][:FREQUENT_WORDS].astype(np.int32)
    masks = np.zeros(size, dtype=np.uint64)
    for bit, word_id in enumerate(frequent.tolist()):
        masks[postings[offsets[word_id] : offsets[word_id + 1]]] |= np.uint64(1 << bit)
    distinct, mask_ids = np.unique(masks, return_inverse=True)
    rows = np.stack([(distinct >> np.uint64(16 * r)) & np.uint64(0xFFFF) for r in range(4)]).astype(np.uint16)
    return frequent, rows, mask_ids.astype(np.int32).reshape(-1)


def build_tables(texts: Sequence[str], frequent_min_df: int = FREQUENT_MIN_DF) -> IndexTables:
    """Tokenise every sentence, group the sentence ids by word, code the sentences."""
    vocab, tokens, counts = _tokenise(texts)
    offsets, postings = _postings(tokens, counts, len(vocab))
    del tokens
    frequent, masks, mask_ids = _masks(offsets, postings, len(texts), frequent_min_df)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int32, count=len(texts))
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    code = choose_code(texts)
    table = lookup_table(code)
    coded = mmap.mmap(-1, max(1, int(starts[-1])))  # anonymous: no second copy of the bytes
    positions: list[np.ndarray] = []
    points: list[np.ndarray] = []
    at = 0
    for data, where, what in encode_texts(texts, table):
        positions.append(where + at)
        points.append(what)
        coded[at : at + len(data)] = data
        at += len(data)
    near = NearWords.build(vocab, np.diff(offsets), frequent)
    exception_positions = np.concatenate(positions) if positions else np.empty(0, dtype=np.int64)
    exception_points = np.concatenate(points) if points else np.empty(0, dtype=np.uint32)
    return IndexTables(
        vocab,
        offsets,
        postings,
        lengths,
        frequent,
        masks,
        mask_ids,
        code,
        coded,
        starts,
        exception_positions.astype(np.int64),
        exception_points.astype(np.uint32),
        near,
    )
