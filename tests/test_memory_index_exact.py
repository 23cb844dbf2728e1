"""The fuzzy index's guarantees: every pair it returns is one brute force would return with the
same score, the one-byte code scores and decodes exactly, and the disk cache changes nothing."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from toolkit.memory.index import FuzzyIndex, brute_force
from toolkit.memory.terms import words
from toolkit.memory.textcode import choose_code, decode, encode_query, encode_texts, lookup_table

WORDS = "посол министр встреча Канады Франции Оттаве Астане 2024 2025 150 1500 сотрудничества энергетики и в по".split()
NAMES = ["Иванов", "Иваненко", "Петров", "Петренко", "Сидоров", "Кенжебеков", "Кенжеев", "Ахметов"]


def sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = [" ".join(rng.sample(WORDS, rng.randint(4, 9)) + [rng.choice(NAMES)]) + "." for _ in range(count)]
    return list(dict.fromkeys(out))


TEXTS = sentences(900, 11)
INDEXES = {"plain": FuzzyIndex.build(TEXTS), "masks": FuzzyIndex.build(TEXTS, frequent_min_df=40)}
queries = st.builds(
    lambda words, name, extra: " ".join(words + [name, extra]).strip(),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=9),
    st.sampled_from(NAMES + ["Ивановский", "Кенжебек", "Ψ-Кенжебеков"]),
    st.sampled_from(["", ".", "2026", "😀"]),
)


def check(index: FuzzyIndex, query: str, limit: int = 5, cutoff: float = 60.0) -> None:
    got = index.search(query, limit, cutoff)
    truth = brute_force(query, TEXTS, limit, cutoff)
    for k, (sentence, score) in enumerate(got):
        assert score == fuzz.ratio(query, TEXTS[sentence]) >= cutoff  # exactly brute force's score
        assert score <= truth[k][1]  # never better than the true k-th best
    assert got == sorted(got, key=lambda r: (-r[1], r[0]))  # best first, ties by sentence id
    assert len(got) == len(set(got))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(queries, st.sampled_from(sorted(INDEXES)))
def test_index_returns_only_what_brute_force_returns_with_its_scores(query: str, kind: str) -> None:
    check(INDEXES[kind], query)


def test_index_finds_brute_force_top_on_edited_sentences() -> None:
    rng = random.Random(3)
    for kind, index in INDEXES.items():
        for target in rng.sample(range(len(TEXTS)), 30):
            words = TEXTS[target].split()
            words[rng.randrange(len(words))] = rng.choice(NAMES)
            query = " ".join(words)
            assert index.search(query, 1, 75)[:1] == brute_force(query, TEXTS, 1, 75), (kind, query)


def test_query_of_frequent_words_only_reads_their_lists() -> None:
    index = FuzzyIndex.build(TEXTS, frequent_min_df=1)  # every word has a mask bit
    query = " ".join(TEXTS[5].split()[:-1])
    assert index.search(query, 3, 50) == brute_force(query, TEXTS, 3, 50)


def test_scratch_array_is_left_zeroed() -> None:
    index = INDEXES["masks"]
    index.search(TEXTS[3], 5, 50)
    assert index._acc is not None and not index._acc.any()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=20), st.integers(1, 40), st.data())
def test_one_byte_code_scores_and_decodes_exactly(texts: list[str], codes: int, data: st.DataObject) -> None:
    code = choose_code(texts)[:codes]  # a short code leaves characters uncoded
    table = lookup_table(code)
    coded, positions, points = b"", [], []
    for chunk, where, what in encode_texts(texts, table):
        positions.append(where + len(coded))
        points.append(what)
        coded += chunk
    exception_positions, exception_points = np.concatenate(positions), np.concatenate(points)
    starts = np.cumsum([0] + [len(t) for t in texts])
    for i, text in enumerate(texts):
        assert (
            decode(coded[starts[i] : starts[i + 1]], code, int(starts[i]), exception_positions, exception_points)
            == text
        )
    query = data.draw(st.text(alphabet=code, max_size=30) if code else st.just(""))
    coded_query = encode_query(query, table)
    assert coded_query is not None or not query
    for i, text in enumerate(texts):
        assert fuzz.ratio(coded_query or b"", coded[starts[i] : starts[i + 1]]) == fuzz.ratio(query, text)
    assert encode_query("\U0010fffd", table) is None or "\U0010fffd" in code


def test_results_are_the_same_built_saved_and_loaded(tmp_path: Path) -> None:
    built = FuzzyIndex.build(TEXTS)
    cached = FuzzyIndex.cached(TEXTS, tmp_path)  # builds, saves and maps back
    (folder,) = tmp_path.iterdir()
    standalone = FuzzyIndex.load(folder)  # without the sentences: it decodes its own
    assert standalone is not None and len(standalone) == len(TEXTS)
    assert [standalone.text(i) for i in range(len(TEXTS))] == TEXTS
    for query in sentences(40, 12) + ["Ψ " + TEXTS[0]]:
        expected = built.search(query, 5, 60)
        assert cached.search(query, 5, 60) == expected
        assert standalone.search(query, 5, 60) == expected
    assert FuzzyIndex.load(folder, TEXTS[:-1]) is None  # made for another number of sentences


def test_frequent_credit_is_the_same_per_mask_and_per_sentence() -> None:
    index = FuzzyIndex.build(TEXTS, frequent_min_df=1)
    t = index.tables
    full = sum(t.masks[r].astype(np.uint64)[t.mask_ids] << np.uint64(16 * r) for r in range(4))
    reading = index._read(words(TEXTS[8] + " Ахметов"))
    assert reading.frequent.any()
    every = np.arange(len(TEXTS), dtype=np.int32)
    few = every[:3]  # fewer sentences than distinct masks: credited one by one
    assert t.masks.shape[1] <= len(every) and t.masks.shape[1] > len(few)
    bits = ((full[:, None] >> np.arange(64, dtype=np.uint64)) & np.uint64(1)).astype(np.float32)
    expected = bits @ reading.frequent
    assert np.allclose(index._frequent_credit(every, reading), expected)
    assert np.allclose(index._frequent_credit(few, reading), expected[:3])
