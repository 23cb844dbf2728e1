"""What a Dask worker runs for one batch of a coordinator's sentences (see executor.py).

The unit of work is (model reference, sentences): the reference names the route step (an argos
package or one pair of a multilingual model), the sha256 of the weights the coordinator has and
the decoding options. A worker process loads each (model, options) once, in itself (never
forked: CTranslate2 #1414), and refuses a batch whose weights hash differs from its own files.

A model is found on the worker at the coordinator's path, else in the folder of the same name
under the worker's models folder ($TOOLKIT_MODELS_DIR, else the user data dir): `toolkit models
install` of the same package puts it there on any machine.
"""

from __future__ import annotations

import ctypes
import os
import socket
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from ..errors import ToolkitError
from .engine import ArgosEngine, CT2Engine, DecodeOptions
from .multilingual import MultilingualEngine, MultilingualStep
from .packages import ModelPackage, default_models_dir, weights_digest

RouteStep = ModelPackage | MultilingualStep


def build_engine(step: object, options: DecodeOptions) -> CT2Engine:
    """The engine for a route step: an argos package or a multilingual model's pair."""
    if isinstance(step, MultilingualStep):
        return MultilingualEngine(step, options)
    if isinstance(step, ModelPackage):
        return ArgosEngine(step, options)
    raise TypeError(f"no engine for route step {step!r}")


def weights_file(step: RouteStep) -> Path:
    return (step.model_dir if isinstance(step, ModelPackage) else step.model.path) / "model.bin"


@dataclass(frozen=True)
class ModelRef:
    """A route step as the coordinator sees it: its files, weights hash and decoding options."""

    model_id: str
    step: RouteStep
    digest: str  # sha256 of model.bin on the coordinator
    options: DecodeOptions

    @classmethod
    def of(cls, step: RouteStep, options: DecodeOptions) -> ModelRef:
        return cls(step.model_id, step, weights_digest(weights_file(step)), options)


class BatchResult(NamedTuple):
    outputs: list[str]
    cut: list[bool]  # per sentence: the output reached the maximum decoding length
    compute_type: str  # the type CTranslate2 ran the model with on the worker
    worker: str


_ENGINES: dict[tuple[str, str, DecodeOptions], CT2Engine] = {}
_LOCK = threading.Lock()


def _relocated(step: RouteStep) -> RouteStep:
    """The step with its files where this machine has them: the coordinator's path, else the
    folder of the same name in this machine's models folder."""
    root = step.path
    if root.is_dir():
        return step
    local = default_models_dir() / root.name
    if not local.is_dir():
        raise ToolkitError(
            f"worker {socket.gethostname()} has no model {step.model_id}: neither {root} nor {local} exists "
            "(install the same package there, or set $TOOLKIT_MODELS_DIR)"
        )
    if isinstance(step, ModelPackage):
        return replace(step, path=local)
    model = step.model
    sp_model = local / model.sp_model.relative_to(root) if model.sp_model.is_relative_to(root) else model.sp_model
    return replace(step, model=replace(model, path=local, sp_model=sp_model))


def _restore_malloc_thresholds() -> None:
    """Undo the MALLOC_TRIM_THRESHOLD_=65536 that Dask's nanny sets for its workers: it turns off
    glibc's adaptive thresholds, so CTranslate2's large buffers are mmapped and unmapped at every
    batch, which made each batch 2-4x slower (bench/dask_bench.py). The thresholds are set to the
    maxima glibc's adaptive ones reach (mmap 32 MiB on 64-bit, trim twice that)."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    libc.mallopt(m_mmap_threshold, 32 << 20)
    libc.mallopt(m_trim_threshold, 64 << 20)


def _worker_threads() -> int:
    """Threads of the Dask worker running this task (1 outside a worker)."""
    try:
        from distributed import get_worker

        return max(1, int(get_worker().state.nthreads))
    except (ImportError, ValueError, AttributeError):
        return 1


def engine_for(ref: ModelRef) -> CT2Engine:
    """This process's engine for ref, loaded once; ToolkitError when the local weights differ."""
    key = (ref.model_id, ref.digest, ref.options)
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            step = _relocated(ref.step)
            weights = weights_file(step)
            digest = weights_digest(weights) if weights.is_file() else "missing"
            if digest != ref.digest:
                raise ToolkitError(
                    f"worker {socket.gethostname()} refuses {ref.model_id}: its {weights} has sha256 "
                    f"{digest[:12]}, the coordinator's {ref.digest[:12]} (carry the same model to every machine)"
                )
            if not _ENGINES:
                _restore_malloc_thresholds()
            options = replace(ref.options, inter_threads=_worker_threads(), intra_threads=1)
            engine = _ENGINES[key] = build_engine(step, options)
    return engine


def translate_batch(ref: ModelRef, sentences: list[str]) -> BatchResult:
    """Translate one batch of the coordinator's as one CTranslate2 batch (the same batch a local
    run sends, so the same outputs)."""
    engine = engine_for(ref)
    outputs = engine.translate_batch(sentences)
    return BatchResult(outputs, [s in engine.cut for s in sentences], engine.compute_type_used, socket.gethostname())
