"""Where a step's batches of unique sentences are decoded: in this process (local, the default)
or on the workers of a Dask cluster (`--executor dask://HOST:PORT`).

Both cut the sentences into the same batches (engine.chunks, in the same order) and yield each
batch's outputs in input order, so the caller (EngineSet.run_step) commits the MT cache batch by
batch as before: the coordinator stays its only writer, and a run killed and run again resumes
with the batches it would have used. Only the raw CTranslate2 decode goes to workers; glossary
enforcement (n-best, scoring) stays with the coordinator. Dask (the `distributed` package) is an
optional extra: `pip install press-toolkit[dask]`.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from ..errors import ToolkitError, UsageError
from .engine import CT2Engine, chunks
from .worker import BatchResult, ModelRef, RouteStep, translate_batch

# (sources, outputs, sources whose output reached the maximum length), one per batch
Batch = tuple[list[str], list[str], set[str]]
ADDRESS = re.compile(r"dask://(?P<host>[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]):(?P<port>[0-9]{1,5})")
INSTALL_HINT = "pip install press-toolkit[dask]"


class BatchExecutor(Protocol):
    def translate_batches(self, step: RouteStep, engine: CT2Engine, sentences: Sequence[str]) -> Iterator[Batch]:
        """Yield each batch of sentences with its outputs, in input order."""
        ...

    def close(self) -> None: ...


class LocalExecutor:
    """Today's behaviour: the engine decodes in this process, two batches queued per thread."""

    def translate_batches(self, step: RouteStep, engine: CT2Engine, sentences: Sequence[str]) -> Iterator[Batch]:
        for chunk, outputs in engine.translate_batches(sentences):
            yield chunk, outputs, {s for s in chunk if s in engine.cut}

    def close(self) -> None:
        pass


class DaskExecutor:
    """Batches sent to the workers of a Dask scheduler, two per worker thread in flight.

    A worker lost mid-run has its batches rerun elsewhere by the scheduler; a batch a worker
    refuses (other weights than the coordinator's) or a compute type other than the
    coordinator's ends the run with one line, as outputs would no longer equal a local run's.
    """

    def __init__(self, client: Any):
        self.client = client

    @classmethod
    def connect(cls, address: str, timeout: float | None = None) -> DaskExecutor:
        """A client of the scheduler at a tcp:// address with at least one worker; UsageError
        (one line) when it cannot be reached or has no worker."""
        from distributed import Client

        try:
            client = Client(address, set_as_default=False, **({"timeout": timeout} if timeout else {}))
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        try:
            client.wait_for_workers(1, timeout=timeout or 30)
        except (OSError, TimeoutError):
            client.close()
            raise UsageError(f"the Dask scheduler at {address} has no worker") from None
        return cls(client)

    def translate_batches(self, step: RouteStep, engine: CT2Engine, sentences: Sequence[str]) -> Iterator[Batch]:
        if not sentences:
            return
        options = engine.options
        ref = ModelRef.of(step, options)
        batches = chunks(((s, engine.encode(s)) for s in sentences), options.batch_size, options.batch_tokens)
        ahead = max(2, 2 * sum(self.client.nthreads().values()))
        pending: deque = deque()
        try:
            for batch in batches:
                chunk = [s for s, _ in batch]
                pending.append((chunk, self.client.submit(translate_batch, ref, chunk, pure=False)))
                if len(pending) >= ahead:
                    yield self._collect(engine, ref, *pending.popleft())
            while pending:
                yield self._collect(engine, ref, *pending.popleft())
        finally:
            if pending:
                self.client.cancel([future for _, future in pending])

    def _collect(self, engine: CT2Engine, ref: ModelRef, chunk: list[str], future: Any) -> Batch:
        from distributed import KilledWorker

        try:
            result: BatchResult = future.result()
        except (KilledWorker, OSError, TimeoutError) as exc:
            raise ToolkitError(f"a Dask batch of {ref.model_id} failed: {type(exc).__name__}: {exc}") from None
        if result.compute_type != engine.compute_type_used:
            raise ToolkitError(
                f"worker {result.worker} runs {ref.model_id} as {result.compute_type}, this machine as "
                f"{engine.compute_type_used}: outputs would differ (pass --compute-type)"
            )
        cut = {s for s, c in zip(chunk, result.cut) if c}
        engine.cut.update(cut)
        return chunk, result.outputs, cut

    def close(self) -> None:
        self.client.close()


def open_executor(spec: str, timeout: float | None = None) -> BatchExecutor:
    """`local`, or `dask://HOST:PORT` connected; UsageError (one line) for anything else, an
    address that cannot be reached, or Dask not installed."""
    if spec == "local":
        return LocalExecutor()
    match = ADDRESS.fullmatch(spec)
    if match is None or not 0 < int(match["port"]) < 65536:
        raise UsageError(f"--executor {spec!r}: expected local or dask://HOST:PORT")
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(f"--executor {spec}: Dask is not installed; {INSTALL_HINT}") from None
    return DaskExecutor.connect(f"tcp://{match['host']}:{match['port']}", timeout)
