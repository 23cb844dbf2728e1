"""Choosing the models for a language pair, and running texts through them with a cache.

A route is a direct argos package, else a direct pair of a multilingual CTranslate2 model, else a
pivot through English whose legs are each argos or multilingual.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..langs import PIVOT
from .cache import MTCache
from .enforce import (
    DEFAULT_MAX_DROP,
    DEFAULT_N_BEST,
    Constraints,
    Enforcer,
    Outcome,
    constraints_for,
)
from .engine import CT2Engine, DecodeOptions
from .executor import Batch, BatchExecutor, LocalExecutor
from .multilingual import MultilingualModel, MultilingualStep
from .packages import ModelPackage
from .placeholders import restore
from .split import MAX_MT_CHARS, split_for_mt
from .worker import build_engine

if TYPE_CHECKING:
    from ..glossary.model import Glossary


class Step(Protocol):
    """What a route step offers: an argos ModelPackage or a MultilingualStep."""

    @property
    def from_code(self) -> str: ...

    @property
    def to_code(self) -> str: ...

    @property
    def pair(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def model_id(self) -> str: ...


def step_kind(step: Step) -> str:
    return "ct2" if isinstance(step, MultilingualStep) else "argos"


@dataclass(frozen=True)
class Route:
    """The models that take text from one language to another, in order."""

    source: str
    target: str
    steps: tuple[Step, ...]

    @property
    def label(self) -> str:
        """Provenance for PO comments: 'mt argos ru->en 1.0', 'mt argos ru->fr via en (...)',
        'mt ct2 ru->kk m2m-tiny 1a2b3c4d5e6f'."""
        kinds = "+".join(dict.fromkeys(step_kind(s) for s in self.steps))
        if len(self.steps) == 1:
            step = self.steps[0]
            name = f"{step.name} " if isinstance(step, MultilingualStep) else ""
            return f"mt {kinds} {self.source}->{self.target} {name}{step.version}"
        via = ", ".join(s.to_code for s in self.steps[:-1])
        versions = " + ".join(f"{s.from_code}_{s.to_code} {s.version}" for s in self.steps)
        return f"mt {kinds} {self.source}->{self.target} via {via} ({versions})"


def install_hint(source: str, target: str) -> str:
    """What to tell a user who lacks a pair."""
    if PIVOT in (source, target):
        needed = f"translate-{source}_{target}"
    else:
        needed = f"translate-{source}_{target} (or translate-{source}_{PIVOT} and translate-{PIVOT}_{target})"
    return (
        f"no model for {source}->{target}: install {needed} from a local file with "
        f"`toolkit models install FILE.argosmodel`, or register a multilingual CTranslate2 model "
        f"with `toolkit models add-ct2 DIR --langs {source},{target}`"
    )


def find_route(
    packages: Sequence[ModelPackage],
    source: str,
    target: str,
    multilingual: Sequence[MultilingualModel] = (),
) -> Route | None:
    """A direct argos package, else a direct multilingual pair, else source->en->target."""

    def direct(src: str, tgt: str) -> Step | None:
        for package in packages:
            if (package.from_code, package.to_code) == (src, tgt):
                return package
        for model in multilingual:
            if src in model.langs and tgt in model.langs:
                return model.step(src, tgt)
        return None

    step = direct(source, target)
    if step is not None:
        return Route(source, target, (step,))
    if PIVOT not in (source, target):
        first, second = direct(source, PIVOT), direct(PIVOT, target)
        if first is not None and second is not None:
            return Route(source, target, (first, second))
    return None


@dataclass
class CacheStats:
    """How many unique (model, text) translations a run decoded and how many it found cached."""

    decoded: int = 0
    cached: int = 0


PLACEHOLDER_PROBE = 8  # sentences tried before deciding that a model carries placeholders


CUT_KEY = " cut"  # appended to the options key of outputs that reached the maximum length


class EngineSet:
    """Loaded engines shared by all routes of a run, with an in-run and a persistent cache.

    Each step translates the unique texts it has not seen, sorted by (length, text), in batches
    of `batch_size`; each finished batch is committed to the persistent cache at once. The
    batches depend only on what is left to translate, so a run killed after some batches and
    run again decodes the remaining texts in exactly the batches the first run would have used.

    With a glossary, each text whose source holds approved concepts or invariants is then held
    to them (enforce.py); texts without any are left exactly as decoded. Enforced results are
    cached under the options plus a key of their constraints, so a glossary change re-translates.

    The batches are decoded by `executor` (executor.py): in this process, or on Dask workers.
    """

    def __init__(
        self,
        options: DecodeOptions | None = None,
        cache: MTCache | None = None,
        glossary: Glossary | None = None,
        n_best: int = DEFAULT_N_BEST,
        max_drop: float | None = DEFAULT_MAX_DROP,
        executor: BatchExecutor | None = None,
    ):
        self.options = options or DecodeOptions()
        self.executor: BatchExecutor = executor or LocalExecutor()
        self.cache = cache
        self.glossary = glossary
        self.n_best = n_best
        self.max_drop = max_drop
        self.stats = CacheStats()
        self._engines: dict[str, CT2Engine] = {}
        self._memo: dict[tuple[str, str], str] = {}
        self._enforced: dict[tuple[str, str], Outcome] = {}
        self._carries_placeholders: dict[str, bool] = {}  # per model, learnt from a probe batch
        self._cut: set[tuple[str, str]] = set()  # (model, source) whose output hit the maximum length

    def engine(self, step: Step) -> CT2Engine:
        key = step.model_id
        if key not in self._engines:
            self._engines[key] = build_engine(step, self.options)
        return self._engines[key]

    def run_step(self, step: Step, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> list[str]:
        """Translate texts with one step, reusing what this run or the cache already has."""
        key = step.model_id
        options_key = self.options.describe()
        todo = sorted({t for t in texts if (key, t) not in self._memo}, key=lambda t: (len(t), t))
        if self.cache is not None and todo:
            found = self.cache.get_many(key, options_key, todo)
            rest = [t for t in todo if t not in found]
            cut_found = self.cache.get_many(key, options_key + CUT_KEY, rest) if rest else {}
            self._cut.update((key, t) for t in cut_found)
            found.update(cut_found)
            for text, result in found.items():
                self._memo[(key, text)] = result
            self.stats.cached += len(found)
            if found and progress is not None:
                progress(len(found))
            todo = [t for t in todo if t not in found]
        for chunk, results, cut in self._batches(step, todo):
            self._cut.update((key, t) for t in cut)
            if self.cache is not None:  # a cut output is kept apart, so a later run notes it again
                self.cache.put_many(key, options_key, [(t, r) for t, r in zip(chunk, results) if t not in cut])
                if cut:
                    self.cache.put_many(
                        key, options_key + CUT_KEY, [(t, r) for t, r in zip(chunk, results) if t in cut]
                    )
            self._memo.update(((key, t), r) for t, r in zip(chunk, results))
            self.stats.decoded += len(chunk)
            if progress is not None:
                progress(len(chunk))
        if self.glossary is not None:
            self._enforce(step, texts)
        return [self._result(key, t).text for t in texts]

    def _batches(self, step: Step, texts: Sequence[str]) -> Iterator[Batch]:
        """(sources, outputs, sources cut) per batch of one step's unique texts, in order."""
        assert isinstance(step, ModelPackage | MultilingualStep), step
        return self.executor.translate_batches(step, self.engine(step), texts)

    def _result(self, key: str, text: str) -> Outcome:
        return self._enforced.get((key, text)) or Outcome(self._memo[(key, text)])

    def _enforce(self, step: Step, texts: Sequence[str]) -> None:
        """Hold each text's translation to its glossary constraints and invariants."""
        assert self.glossary is not None
        key = step.model_id
        enforcer = Enforcer(self.engine(step), self.glossary, step.from_code, step.to_code, self.n_best, self.max_drop)
        work: list[tuple[str, Constraints, str]] = []
        for text in sorted(set(texts), key=lambda t: (len(t), t)):
            if (key, text) in self._enforced:
                continue
            constraints = constraints_for(self.glossary, text, step.from_code, step.to_code)
            if not constraints:
                continue
            options_key = f"{self.options.describe()} {constraints.key(self.n_best, self.max_drop)}"
            cached = self.cache.get_many(key, options_key, [text]) if self.cache is not None else {}
            if text in cached:
                data = json.loads(cached[text])
                self._enforced[(key, text)] = Outcome(data["text"], tuple(data["notes"]))
                continue
            work.append((text, constraints, options_key))
        retry = [t for t, c, _ in work if enforcer.needs_protection(self._memo[(key, t)], c)]
        decoded = self._retry_protected(step, enforcer, retry)
        for text, constraints, options_key in work:
            retried = decoded.get(text) if text in retry else None
            outcome = enforcer.enforce(text, self._memo[(key, text)], constraints, retried)
            self._enforced[(key, text)] = outcome
            if self.cache is not None:
                value = json.dumps({"text": outcome.text, "notes": list(outcome.notes)}, ensure_ascii=False)
                self.cache.put_many(key, options_key, [(text, value)])

    def _retry_protected(self, step: Step, enforcer: Enforcer, texts: list[str]) -> dict[str, str]:
        """Retranslate, in batches, the sources whose translation lost a number, URL or name,
        with those invariants behind placeholders; source -> decoded output.

        The first batch is a probe: when no placeholder of it comes back, the model does not
        carry them, and the rest get "" (no retry) instead of a wasted second decoding.
        """
        if not texts:
            return {}
        key = step.model_id
        protected = {t: enforcer.protect(t) for t in texts}
        decoded: dict[str, str] = {}

        def run(batch: list[str]) -> None:
            ordered = sorted({protected[t].text for t in batch}, key=lambda t: (len(t), t))
            outputs = {src: out for chunk, outs, _ in self._batches(step, ordered) for src, out in zip(chunk, outs)}
            decoded.update((t, outputs[protected[t].text]) for t in batch)

        if key not in self._carries_placeholders:
            probe = texts[:PLACEHOLDER_PROBE]
            run(probe)
            self._carries_placeholders[key] = any(
                restore(decoded[t], protected[t].originals) is not None for t in probe
            )
        rest = [t for t in texts if t not in decoded]
        if self._carries_placeholders[key]:
            run(rest)
        else:
            decoded.update((t, "") for t in rest)
        return decoded

    def translate_noted(
        self, route: Route, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> list[tuple[str, tuple[str, ...]]]:
        """Run texts through every step of a route; each result comes with the notes of every
        step (glossary terms enforced or missing, invariants, an output cut at the maximum
        length), prefixed by the step's pair on a pivot route. A text longer than the split limit
        is translated in parts cut at clause boundaries (split.py) and joined again."""
        parts = [split_for_mt(t) for t in texts]
        current = [p for split in parts for p in split]
        notes: list[tuple[str, ...]] = [()] * len(current)
        for step in route.steps:
            outputs = self.run_step(step, current, progress)
            label = f"{step.from_code}->{step.to_code} " if len(route.steps) > 1 else ""
            notes = [n + tuple(label + line for line in self._step_notes(step, t)) for n, t in zip(notes, current)]
            current = outputs
        results: list[tuple[str, tuple[str, ...]]] = []
        at = 0
        for split in parts:
            pieces, piece_notes = current[at : at + len(split)], notes[at : at + len(split)]
            at += len(split)
            joined = tuple(dict.fromkeys(line for n in piece_notes for line in n))
            if len(split) > 1:
                joined = (
                    f"translated in {len(split)} parts cut at clause boundaries (longer than {MAX_MT_CHARS} characters)",
                ) + joined
            results.append((" ".join(p for p in pieces if p), joined))
        return results

    def _step_notes(self, step: Step, text: str) -> tuple[str, ...]:
        """The notes of one step's result, and a warning when its output was cut."""
        notes = self._result(step.model_id, text).notes
        if (step.model_id, text) in self._cut:
            notes += (
                f"MT output reached the maximum length ({self.options.max_decoding_length} tokens): it may be cut",
            )
        return notes

    def describe_used(self, steps: Sequence[Step]) -> str:
        """The decoding settings as used by steps: the compute type CTranslate2 runs their
        models with (`auto` resolves per model and CPU). A model whose every result came from
        the cache is loaded to learn it, so a cached run records the same as a decoded one."""
        used = sorted({self.engine(step).compute_type_used for step in steps})
        return self.options.describe("+".join(used) if used else None)

    @property
    def cut_outputs(self) -> int:
        """How many outputs of this run reached the maximum decoding length."""
        return len(self._cut)

    def translate(self, route: Route, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> list[str]:
        """Run texts through every step of a route."""
        return [text for text, _ in self.translate_noted(route, texts, progress)]
