"""Words of the index's vocabulary that are spelled like a query word (names, numbers).

Two sentences built the same way often differ by one rare word, a name say, and then their
``fuzz.ratio`` depends on how alike the two names are. Rare words (document frequency at most
``NEAR_MAX_DF``) are indexed by their character bigrams; a query word is compared, with
``fuzz.ratio``, to the rare words that share enough of its bigrams, and the sentences holding a
close one are credited with the common characters (``ratio * (len(a) + len(b)) / 200``, the
length of the longest common subsequence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

NEAR_MAX_DF = 2000
NEAR_MIN_LEN = 4
NEAR_CUTOFF = 50.0
NEAR_LIMIT = 200
NEAR_GRAM_SHARE = 0.4  # a close word shares at least this share of the query word's bigrams


def bigrams(word: str) -> set[str]:
    return {word[i : i + 2] for i in range(len(word) - 1)}


def expandable(word: str) -> bool:
    """Whether a word is looked up among similar spellings (digit pairs and short words are not)."""
    return len(word) >= NEAR_MIN_LEN and not word.startswith("#")


@dataclass
class NearWords:
    """A CSR table bigram -> ids of the rare vocabulary words that contain it."""

    grams: dict[str, int]
    offsets: np.ndarray  # int64, len(grams) + 1
    members: np.ndarray  # int32 word ids, grouped by bigram

    @classmethod
    def build(cls, vocab: Sequence[str], df: np.ndarray) -> NearWords:
        grams: dict[str, int] = {}
        gram_ids: list[int] = []
        word_ids: list[int] = []
        for word_id in np.flatnonzero(df <= NEAR_MAX_DF).tolist():
            word = vocab[word_id]
            if expandable(word):
                for gram in bigrams(word):
                    gram_ids.append(grams.setdefault(gram, len(grams)))
                    word_ids.append(word_id)
        keys = np.asarray(gram_ids, dtype=np.int32)
        members = np.asarray(word_ids, dtype=np.int32)[np.argsort(keys, kind="stable")]
        offsets = np.zeros(len(grams) + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys, minlength=len(grams)), out=offsets[1:])
        return cls(grams, offsets, members)

    def similar(self, word: str, vocab: Sequence[str]) -> list[tuple[int, float]]:
        """(word id, common characters) of the rare words spelled like word (not word itself)."""
        grams = bigrams(word)
        found = [
            self.members[self.offsets[g] : self.offsets[g + 1]] for x in grams if (g := self.grams.get(x)) is not None
        ]
        if not found:
            return []
        ids, shared = np.unique(np.concatenate(found), return_counts=True)
        ids = ids[shared >= max(2.0, NEAR_GRAM_SHARE * len(grams))].tolist()
        if not ids:
            return []
        spelled = [vocab[i] for i in ids]
        close = process.extract(word, spelled, scorer=fuzz.ratio, score_cutoff=NEAR_CUTOFF, limit=NEAR_LIMIT)
        return [(ids[k], score * (len(word) + len(other)) / 200.0) for other, score, k in close if other != word]
