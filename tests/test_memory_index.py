"""The fuzzy index: same answers as brute-force rapidfuzz on a small memory, disk cache and invalidation."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from toolkit.formats.tmx import TranslationUnit, write_tmx
from toolkit.memory.index import FuzzyIndex, brute_force, length_bounds, texts_key
from toolkit.memory.model import load_memory

PHRASES = [
    "Посол",
    "провёл встречу",
    "с министром",
    "иностранных дел",
    "Канады",
    "Франции",
    "в Оттаве",
    "в Астане",
    "по вопросам",
    "торгово-экономического сотрудничества",
    "энергетики",
    "в 2024 году",
    "в 2025 году",
    "на сумму 150 млн долларов",
    "на сумму 1500 млн долларов",
    "и культуры",
]


def sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.sample(PHRASES, rng.randint(4, 8))) + "." for _ in range(count)]


def test_index_matches_brute_force_on_a_small_memory() -> None:
    texts = list(dict.fromkeys(sentences(1500, 1)))
    index = FuzzyIndex.build(texts)
    for query in sentences(40, 2):
        expected = brute_force(query, texts, 5, 75)
        assert [round(s, 6) for _, s in index.search(query, 5, 75)] == [round(s, 6) for _, s in expected]


def test_filtered_candidates_still_find_the_edited_sentence() -> None:
    texts = list(dict.fromkeys(sentences(2000, 3)))
    index = FuzzyIndex.build(texts)
    rng = random.Random(4)
    for target in rng.sample(range(len(texts)), 25):
        query = texts[target].replace(" ", "  ", 1).replace("Посол", "Посол РК")
        ((_best, score),) = index.search(query, 1, 75, candidates=50)
        assert score == max(fuzz.ratio(query, t) for t in texts)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 300), st.floats(1, 100))
def test_length_bound_never_excludes_a_reachable_length(length: int, cutoff: float) -> None:
    low, high = length_bounds(length, cutoff)
    for other in range(1, 700):
        best_possible = 200 * min(length, other) / (length + other)  # fuzz.ratio when one contains the other
        if best_possible >= cutoff:
            assert low - 1e-9 <= other <= high + 1e-9


def write(path: Path, texts: list[str]) -> None:
    write_tmx(path, [TranslationUnit({"ru": t, "en": f"EN {i}"}) for i, t in enumerate(texts)], "ru", ["ru", "en"])


def test_index_is_cached_on_disk_and_invalidated_when_a_tmx_changes(tmp_path: Path) -> None:
    texts = list(dict.fromkeys(sentences(300, 5)))
    write(tmp_path / "m.tmx", texts)
    cache = tmp_path / "cache"
    memory = load_memory([tmp_path / "m.tmx"], cache_dir=cache)
    memory.index_min = 0  # use the index even for a small memory
    query = texts[7][:-1] + " и культуры."
    first = memory.lookup(query, "ru", "en")
    (saved,) = list(cache.iterdir())
    assert saved.name == texts_key(memory.table("ru").texts)
    assert FuzzyIndex.load(saved, memory.table("ru").texts) is not None

    again = load_memory([tmp_path / "m.tmx"], cache_dir=cache)
    again.index_min = 0
    assert [m.as_dict() for m in again.lookup(query, "ru", "en")] == [m.as_dict() for m in first]
    assert list(cache.iterdir()) == [saved]  # reused, not rebuilt under another key

    write(tmp_path / "m.tmx", [query] + texts)  # the memory changes: its exact sentence is added
    changed = load_memory([tmp_path / "m.tmx"], cache_dir=cache)
    changed.index_min = 0
    assert changed.lookup(query, "ru", "en")[0].kind == "exact"
    assert len(list(cache.iterdir())) == 2
    assert FuzzyIndex.load(saved, changed.table("ru").texts) is None  # the old tables do not fit


def test_incomplete_cache_folder_is_rebuilt(tmp_path: Path) -> None:
    texts = sentences(50, 6)
    folder = tmp_path / texts_key(texts)
    folder.mkdir()
    (folder / "vocab.txt").write_text("garbage", encoding="utf-8")  # a crash before COMPLETE was written
    index = FuzzyIndex.cached(texts, tmp_path)
    assert (folder / "COMPLETE").is_file() and index.search(texts[0], 1, 75)[0][1] == 100
