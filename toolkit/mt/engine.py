"""Translating sentences with an argos package's CTranslate2 model and SentencePiece tokenizer.

Decoding follows argostranslate's settings (beam 4, length penalty 0.2, replace_unknowns, the
package's target prefix) so results equal argostranslate's `translate()`, with two differences
made on purpose: threads are set explicitly (one CTranslate2 worker per core with one thread each,
the fastest setting bench/mt_throughput.py found on 2 cores; argos's intra_threads=0 is not slower
than 1 there, its small default batch is what costs) and the decoder keeps `_` (argos turns it
into a space, breaking URLs and e-mail addresses).

Batches are submitted asynchronously, two per CTranslate2 worker, so no worker waits while
Python collects a result; results come back batch by batch, in order, for the cache to commit.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .packages import ModelPackage

SPACE_MARK = "\u2581"


@dataclass(frozen=True)
class DecodeOptions:
    """CTranslate2 settings; those that change results are part of every result's signature."""

    beam_size: int = 4
    length_penalty: float = 0.2
    compute_type: str = "auto"
    intra_threads: int = 1
    inter_threads: int = min(2, os.cpu_count() or 1)
    batch_size: int = 8  # sentences per batch at most
    batch_tokens: int = 0  # source pieces per batch at most (0: sentences only); see chunks()
    max_decoding_length: int = 256

    @classmethod
    def with_threads(cls, threads: int | None, **kwargs) -> DecodeOptions:
        """Options using `threads` cores: one CTranslate2 worker per core, one thread each
        (measured fastest on small machines); None keeps the default of min(2, cores)."""
        options = cls(**kwargs)
        if threads is not None:
            options = replace(options, inter_threads=max(1, threads), intra_threads=1)
        return options

    def describe(self, compute_type: str | None = None) -> str:
        """The settings that change results (the MT cache key); compute_type shows the type an
        engine actually ran instead of the one asked for (`auto`)."""
        text = f"beam={self.beam_size} lp={self.length_penalty} compute={compute_type or self.compute_type}"
        if self.max_decoding_length != 256:
            text += f" maxlen={self.max_decoding_length}"
        return text


def check_compute_type(value: str) -> str:
    """value when CTranslate2 can run it on this CPU (or it is auto/default); UsageError listing
    the types it can, before any model is loaded."""
    import ctranslate2

    from ..errors import UsageError

    known = {"auto", "default"} | set(ctranslate2.get_supported_compute_types("cpu"))
    if value not in known:
        raise UsageError(f"--compute-type {value!r} cannot run on this CPU; one of {', '.join(sorted(known))}")
    return value


class CT2Engine(ABC):
    """A CTranslate2 translator with a SentencePiece tokenizer, loaded lazily.

    Subclasses say how a sentence becomes tokens (`encode`), which target prefix to force
    (`prefix_tokens`) and how output tokens become text (`decode`).
    """

    def __init__(self, model_dir, sp_model, options: DecodeOptions | None = None):
        self.model_dir = model_dir
        self.sp_model = sp_model
        self.options = options or DecodeOptions()
        self.cut: set[str] = set()  # sources whose output reached max_decoding_length
        self._translator: Any = None  # ctranslate2.Translator once loaded
        self._sp: Any = None  # sentencepiece.SentencePieceProcessor once loaded

    @property
    def compute_type_used(self) -> str:
        """The compute type CTranslate2 runs the model with (the model is loaded if need be)."""
        if self._translator is None:
            self._load()
        return str(self._translator.compute_type)

    def _load(self) -> None:
        import ctranslate2
        import sentencepiece

        self._sp = sentencepiece.SentencePieceProcessor(model_file=str(self.sp_model))
        self._translator = ctranslate2.Translator(
            str(self.model_dir),
            device="cpu",
            compute_type=self.options.compute_type,
            inter_threads=self.options.inter_threads,
            intra_threads=self.options.intra_threads,
        )

    @property
    def sp(self):
        if self._sp is None:
            self._load()
        return self._sp

    def encode(self, sentence: str) -> list[str]:
        return self.sp.encode(sentence, out_type=str)

    def prefix_tokens(self) -> list[str]:
        return []

    @abstractmethod
    def decode(self, pieces: Sequence[str]) -> str:
        """Output pieces to text (each model family detokenizes its own way)."""

    def _submit(self, tokens: list[list[str]]):
        """Start one batch asynchronously; returns CTranslate2's async results."""
        assert self._translator is not None
        prefix = self.prefix_tokens()
        return self._translator.translate_batch(
            tokens,
            target_prefix=[list(prefix)] * len(tokens) if prefix else None,
            max_batch_size=len(tokens),
            asynchronous=True,
            replace_unknowns=True,
            beam_size=self.options.beam_size,
            num_hypotheses=1,
            length_penalty=self.options.length_penalty,
            max_decoding_length=self.options.max_decoding_length,
            return_scores=True,
        )

    def search(
        self,
        tokens: list[str],
        num_hypotheses: int,
        prefix: Sequence[str] = (),
        suppress: Sequence[Sequence[str]] = (),
    ) -> list[tuple[list[str], float]]:
        """The n best (output pieces, score) of one tokenized sentence, best first, with the
        run's decoding settings (the beam widened to n if needed); `prefix` is forced (after
        the engine's own prefix tokens) and `suppress` lists piece sequences never to output."""
        if self._translator is None:
            self._load()
        forced = [*self.prefix_tokens(), *prefix]
        result = self._translator.translate_batch(
            [tokens],
            target_prefix=[forced] if forced else None,
            replace_unknowns=True,
            beam_size=max(self.options.beam_size, num_hypotheses),
            num_hypotheses=num_hypotheses,
            length_penalty=self.options.length_penalty,
            max_decoding_length=self.options.max_decoding_length,
            suppress_sequences=[list(s) for s in suppress] or None,
            return_scores=True,
        )[0]
        return list(zip(result.hypotheses, result.scores))

    def score(self, tokens: list[str], output: Sequence[str]) -> float:
        """The model's log-probability of output pieces (forced prefix included) given the
        tokenized source, normalised by length as the beam search does."""
        if self._translator is None:
            self._load()
        result = self._translator.score_batch([tokens], [list(output)])[0]
        return sum(result.log_probs) / max(1, len(result.log_probs)) ** self.options.length_penalty

    def translate_batches(self, sentences: Sequence[str]) -> Iterator[tuple[list[str], list[str]]]:
        """Yield (sources, translations) per batch (see chunks()), in input order.

        The batches depend only on the input order and the batch limits, so the same input always
        gives the same batches; two batches per worker are queued at any time.
        """
        if not sentences:
            return
        if self._translator is None:
            self._load()
        ahead = 2 * max(1, self.options.inter_threads)
        pending: deque = deque()
        batches = chunks(((s, self.encode(s)) for s in sentences), self.options.batch_size, self.options.batch_tokens)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < ahead:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append(([s for s, _ in batch], self._submit([t for _, t in batch])))
            if pending:
                chunk, futures = pending.popleft()
                yield chunk, self._collect(chunk, futures)

    def _collect(self, chunk: list[str], futures) -> list[str]:
        """The decoded outputs of one submitted batch; sources cut at the maximum length are
        added to self.cut."""
        hypotheses = [f.result().hypotheses[0] for f in futures]
        limit = self.options.max_decoding_length
        self.cut.update(s for s, h in zip(chunk, hypotheses) if len(h) >= limit)
        return [self.decode(h) for h in hypotheses]

    def translate_batch(self, sentences: Sequence[str]) -> list[str]:
        """Translate sentences as exactly one batch (as translate_batches would have sent them):
        what a Dask worker runs for one batch of the coordinator's (mt/worker.py)."""
        if not sentences:
            return []
        if self._translator is None:
            self._load()
        chunk = list(sentences)
        return self._collect(chunk, self._submit([self.encode(s) for s in chunk]))

    def translate(self, sentences: Sequence[str], progress: Callable[[int], None] | None = None) -> list[str]:
        """Translate sentences in batches; progress(n) is called after each batch of n."""
        results: list[str] = []
        for chunk, outputs in self.translate_batches(sentences):
            results.extend(outputs)
            if progress is not None:
                progress(len(chunk))
        return results


def chunks(
    encoded: Iterable[tuple[str, list[str]]], size: int, tokens: int = 0
) -> Iterator[list[tuple[str, list[str]]]]:
    """(sentence, pieces) pairs in batches, in order: at most `size` sentences, and when `tokens`
    is set at most that many pieces (a longer sentence goes alone). Callers sort by length, so a
    token budget gives short sentences big batches and long ones small batches."""
    batch: list[tuple[str, list[str]]] = []
    count = 0
    for item in encoded:
        if batch and (len(batch) >= max(1, size) or (tokens and count + len(item[1]) > tokens)):
            yield batch
            batch, count = [], 0
        batch.append(item)
        count += len(item[1])
    if batch:
        yield batch


class ArgosEngine(CT2Engine):
    """One argos package: its CTranslate2 model, SentencePiece model and target prefix."""

    def __init__(self, package: ModelPackage, options: DecodeOptions | None = None):
        super().__init__(package.model_dir, package.sp_model, options)
        self.package = package

    def prefix_tokens(self) -> list[str]:
        return [self.package.target_prefix] if self.package.target_prefix else []

    def decode(self, pieces: Sequence[str]) -> str:
        """Pieces to text as argos does, less its `_` to space replacement."""
        text = self.sp.decode_pieces(list(pieces)).replace(SPACE_MARK, " ")
        prefix = self.package.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text[1:] if text.startswith(" ") else text
