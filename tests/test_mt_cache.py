"""The persistent MT cache: what it stores, that a rerun decodes nothing, and batch-wise resume."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import translate_example
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.mt.cache import MTCache
from toolkit.mt.engine import ArgosEngine, DecodeOptions
from toolkit.mt.packages import list_packages
from toolkit.mt.router import EngineSet
from toolkit.review.write import write_bundle


def test_cache_is_wal_and_keyed_by_model_options_and_source(tmp_path: Path) -> None:
    with MTCache(tmp_path / "c.sqlite3") as cache:
        cache.put_many("m1", "beam=4", [("a", "A"), ("b", "B")])
        cache.put_many("m2", "beam=4", [("a", "other model")])
        cache.put_many("m1", "beam=1", [("a", "other options")])
        assert cache.get_many("m1", "beam=4", ["a", "b", "c"]) == {"a": "A", "b": "B"}
        assert cache.get_many("m2", "beam=4", ["a", "b"]) == {"a": "other model"}
        assert cache.get_many("m1", "beam=1", ["a"]) == {"a": "other options"}
        assert cache.count() == 4
    db = sqlite3.connect(tmp_path / "c.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_cache_answers_more_sources_than_sqlite_parameters(tmp_path: Path) -> None:
    pairs = [(f"s{i}", f"t{i}") for i in range(2500)]
    with MTCache(tmp_path / "c.sqlite3") as cache:
        cache.put_many("m", "o", pairs)
        assert cache.get_many("m", "o", [s for s, _ in pairs] + ["missing"]) == dict(pairs)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=40), st.text(max_size=40)), max_size=20))
def test_any_text_round_trips(tmp_path_factory, pairs) -> None:
    path = tmp_path_factory.mktemp("cache") / "c.sqlite3"
    with MTCache(path) as cache:
        cache.put_many("model", "opts", pairs)
    with MTCache(path) as cache:  # a new connection reads what the old one committed
        assert cache.get_many("model", "opts", [s for s, _ in pairs]) == dict(pairs)


def test_corrupt_cache_file_is_a_one_line_error(tmp_path: Path) -> None:
    from toolkit.errors import ToolkitError

    bad = tmp_path / "c.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    cache = MTCache(bad)  # opened at its first use: a run refused for bad input creates no file
    with pytest.raises(ToolkitError, match="MT cache"):
        cache.get_many("m", "o", ["x"])
    assert not (tmp_path / "new" / "c.sqlite3").exists()
    MTCache(tmp_path / "new" / "c.sqlite3").close()
    assert not (tmp_path / "new").exists()


def _run(models_dir: Path, cache: MTCache | None, **options):
    return translate_example(
        models_dir,
        options=DecodeOptions(**options),
        cache=cache,
    )


def test_rerun_decodes_nothing_and_writes_the_same_bundle(models_dir: Path, tmp_path: Path) -> None:
    with MTCache(tmp_path / "c.sqlite3") as cache:
        first = _run(models_dir, cache)
        write_bundle(first, tmp_path / "one")
        # ru->en is shared by the three targets and translated once; en->kk and en->fr once each
        assert first.mt_decoded > 0 and first.mt_cached == 0
        second = _run(models_dir, cache)
        write_bundle(second, tmp_path / "two")
        assert second.mt_decoded == 0 and second.mt_cached == first.mt_decoded
        other_beam = _run(models_dir, cache, beam_size=2)
        assert other_beam.mt_decoded == first.mt_decoded  # decoding options are part of the key
    uncached = _run(models_dir, None)
    write_bundle(uncached, tmp_path / "three")
    for path in sorted((tmp_path / "one").iterdir()):
        assert (tmp_path / "two" / path.name).read_bytes() == path.read_bytes(), path.name
        assert (tmp_path / "three" / path.name).read_bytes() == path.read_bytes(), path.name


def test_batches_depend_only_on_input_and_resume_uses_the_same_batches(models_dir: Path, tmp_path: Path) -> None:
    """A run stopped after two batches resumes with exactly the batches a full run would use."""
    from conftest import corpus_rows

    package = next(p for p in list_packages(models_dir, include_argos=False) if p.pair == "ru->en")
    texts = [r["ru"] for r in corpus_rows()]
    options = DecodeOptions(batch_size=5)
    plan = sorted(set(texts), key=lambda t: (len(t), t))
    full_batches = [c for c, _ in ArgosEngine(package, options).translate_batches(plan)]
    assert [t for c in full_batches for t in c] == plan and all(len(c) == 5 for c in full_batches[:-1])

    class Stop(Exception):
        pass

    with MTCache(tmp_path / "c.sqlite3") as cache:
        engines = EngineSet(options, cache)
        done: list[int] = []

        def stop_after_two(n: int) -> None:
            done.append(n)
            if len(done) == 2:
                raise Stop

        with pytest.raises(Stop):
            engines.run_step(package, texts, stop_after_two)
        assert cache.count() == 10  # both finished batches were committed

        resumed = EngineSet(options, cache)
        seen: list[list[str]] = []
        engine = resumed.engine(package)
        original = engine.translate_batches

        def spy(sentences):
            for chunk, out in original(sentences):
                seen.append(chunk)
                yield chunk, out

        engine.translate_batches = spy
        results = resumed.run_step(package, texts)
    assert seen == full_batches[2:]
    assert resumed.stats.cached == 10 and resumed.stats.decoded == len(plan) - 10
    assert results == ArgosEngine(package, options).translate(texts)
    assert results == [r["en"] for r in corpus_rows()]
