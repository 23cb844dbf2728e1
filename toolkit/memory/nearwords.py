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
    """Whether a word is looked up among similar spellings: words of NEAR_MIN_LEN characters or
    more, not numbers (their digit pairs stand for them) nor digit pairs."""
    return len(word) >= NEAR_MIN_LEN and not word.startswith("#") and not word.isdigit()


@dataclass
class NearWords:
    """A CSR table bigram -> ids of the rare vocabulary words that contain it."""

    grams: dict[str, int]
    offsets: np.ndarray  # int64, len(grams) + 1
    members: np.ndarray  # int32 word ids, grouped by bigram

    @classmethod
    def build(cls, vocab: Sequence[str], df: np.ndarray, frequent: np.ndarray) -> NearWords:
        """The table of the rare words and of the frequent ones (those with a mask bit)."""
        grams: dict[str, int] = {}
        gram_ids: list[int] = []
        word_ids: list[int] = []
        listed = df <= NEAR_MAX_DF
        listed[frequent] = True
        for word_id in np.flatnonzero(listed).tolist():
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

    def similar(self, word: str, vocab: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The ids of the listed words spelled like word (not word itself), closest first, and
        the characters each has in common with it."""
        grams = bigrams(word)
        found = [
            self.members[self.offsets[g] : self.offsets[g + 1]] for x in grams if (g := self.grams.get(x)) is not None
        ]
        if not found:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        ids, shared = np.unique(np.concatenate(found), return_counts=True)
        ids = ids[shared >= max(1.0, NEAR_GRAM_SHARE * len(grams))].tolist()
        spelled = [vocab[i] for i in ids]
        found_ids, common = [], []
        for other, score, k in process.extract(
            word, spelled, scorer=fuzz.ratio, score_cutoff=NEAR_CUTOFF, limit=NEAR_LIMIT
        ):
            if other != word:
                found_ids.append(ids[k])
                common.append(score * (len(word) + len(other)) / 200.0)
        return np.array(found_ids, dtype=np.int64), np.array(common, dtype=np.float32)
