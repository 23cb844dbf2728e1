"""The engine's decoding keeps `_` (argos turns it into a space, breaking URLs and e-mails),
and batches run on every CTranslate2 worker with the same results as one call per sentence."""

from __future__ import annotations

from pathlib import Path

from conftest import corpus_rows

from toolkit.mt.engine import ArgosEngine, DecodeOptions
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
