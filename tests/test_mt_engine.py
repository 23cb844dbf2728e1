"""The engine's decoding keeps `_` (argos turns it into a space, breaking URLs and e-mails),
and batches (by sentences or by a token budget) run on every CTranslate2 worker with the same
results as one call per sentence."""

from __future__ import annotations

from pathlib import Path

from conftest import corpus_rows

from toolkit.mt.engine import ArgosEngine, DecodeOptions, chunks
from toolkit.mt.packages import list_packages


def _package(models_dir: Path, pair: str):
    return next(p for p in list_packages(models_dir, include_argos=False) if p.pair == pair)


def test_underscores_in_urls_and_emails_survive_decoding(models_dir: Path) -> None:
    from argostranslate.tokenizer import SentencePieceTokenizer

    package = _package(models_dir, "ru->en")
    engine = ArgosEngine(package)
    text = "See https://www.gov.kz/mfa_ottawa/press and write to press_service@mfa.kz today"
    pieces = engine.encode(text)
    assert engine.decode(pieces) == text
    argos = SentencePieceTokenizer(package.sp_model).decode(pieces).lstrip(" ")
    assert argos != text and "mfa ottawa" in argos  # what the toolkit avoids


def test_batched_asynchronous_translation_equals_one_sentence_at_a_time(models_dir: Path) -> None:
    package = _package(models_dir, "en->fr")
    sources = [r["en"] for r in corpus_rows()]
    batched = ArgosEngine(package, DecodeOptions(batch_size=4, inter_threads=2)).translate(sources)
    done: list[int] = []
    single = ArgosEngine(package, DecodeOptions(batch_size=1, inter_threads=1)).translate(sources, done.append)
    assert batched == single == [r["fr"] for r in corpus_rows()]
    assert done == [1] * len(sources)


def test_a_token_budget_batches_short_sentences_together_and_long_ones_alone() -> None:
    encoded = [(f"s{i}", ["x"] * n) for i, n in enumerate([2, 3, 4, 10, 30, 5])]
    sizes = [[len(t) for _, t in batch] for batch in chunks(encoded, 8, tokens=12)]
    assert sizes == [[2, 3, 4], [10], [30], [5]]
    assert [len(b) for b in chunks(encoded, 4)] == [4, 2]  # no budget: sentences only
    assert [len(b) for b in chunks(encoded, 2, tokens=100)] == [2, 2, 2]  # both limits hold
    assert [s for b in chunks(encoded, 3, tokens=7) for s, _ in b] == [s for s, _ in encoded]


def test_a_token_budget_gives_the_same_translations(models_dir: Path) -> None:
    package = _package(models_dir, "en->fr")
    sources = sorted((r["en"] for r in corpus_rows()), key=len)
    budget = ArgosEngine(package, DecodeOptions(batch_size=64, batch_tokens=40, inter_threads=2))
    sizes = [len(chunk) for chunk, _ in budget.translate_batches(sources)]
    assert sizes[0] > sizes[-1] and sum(sizes) == len(sources)
    assert budget.translate(sources) == ArgosEngine(package, DecodeOptions(batch_size=1)).translate(sources)
