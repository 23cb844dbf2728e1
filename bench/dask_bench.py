#!/usr/bin/env python3
"""MT throughput of the Dask executor against the local one, on the same batches, in one run.

At the seam both executors share (executor.translate_batches: one route step's unique sentences,
cut into the same batches, outputs in input order), with the coordinator's engine loaded
beforehand and one warm-up pass (each Dask worker loads the model once), best of --rounds:
- local, 1 thread and 2 threads (`--threads 1`, the default on 2 cores);
- a LocalCluster of 1 worker process (1 thread), and of 2 worker processes (1 thread each).
Two models: the tiny ru->en test fixture (decoding costs almost nothing: the Dask overhead per
batch shows), and a transformer-base-shaped ru->en model with random weights built as in
bench/mt_throughput.py (outputs capped at --max-length tokens, as there). Every executor's
outputs are compared with the local ones. The per-batch overhead is (Dask time - local time on
the same number of cores) / batches. On one machine of 2 cores Dask cannot be faster than the
local executor, which already uses both cores: the figures show what the distribution costs.

    .venv/bin/python bench/dask_bench.py          # about 10 minutes on 2 cores under a load of 3-5
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def tiny_workload(work: Path, count: int):
    """The fixture ru->en package and `count` distinct sentences of the example's words."""
    from toolkit.mt.packages import install_package, list_packages

    install_package(ROOT / "tests" / "fixtures" / "models" / "translate-ru_en-1_0.argosmodel", work / "tiny")
    package = list_packages(work / "tiny", include_argos=False)[0]
    text = (ROOT / "examples" / "visit.ru.txt").read_text(encoding="utf-8")
    words = sorted({w.strip(".,:;«»()—–") for w in text.split()} - {""})
    rng = random.Random(7)
    sentences: set[str] = set()
    while len(sentences) < count:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 14)))
        sentences.add(sentence[0].upper() + sentence[1:] + ".")
    return package, sorted(sentences, key=lambda s: (len(s), s))


def base_workload(work: Path, count: int, sp_sentences: int):
    """The transformer-base-shaped random model of bench/mt_throughput.py and `count` sentences."""
    import mt_throughput as mt

    from toolkit.mt.packages import list_packages

    rng = random.Random(mt.SEED)
    lexicon = mt.make_lexicon(rng, 40000)
    mt.build_package(work / "base", mt.train_sentencepiece(rng, lexicon, sp_sentences))
    package = list_packages(work / "base", include_argos=False)[0]
    sentences = sorted({mt.make_sentence(rng, lexicon) for _ in range(count)}, key=lambda s: (len(s), s))
    return package, sentences


def timed(run: Callable[[], list[str]], rounds: int) -> tuple[float, list[str]]:
    """Best seconds of `rounds` runs after a warm-up, and the outputs."""
    outputs = run()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        again = run()
        best = min(best, time.perf_counter() - start)
        assert again == outputs, "outputs changed between rounds"
    return best, outputs


def measure(package, sentences: list[str], args) -> None:
    from distributed import LocalCluster

    from toolkit.mt.engine import ArgosEngine, DecodeOptions
    from toolkit.mt.executor import DaskExecutor, LocalExecutor

    batches = -(-len(sentences) // args.batch_size)
    print(f"\n{package.model_id}: {len(sentences)} sentences, {batches} batches of {args.batch_size}; {load()}")
    results: dict[str, tuple[float, list[str]]] = {}

    def through(executor, threads: int) -> Callable[[], list[str]]:
        options = DecodeOptions.with_threads(threads, batch_size=args.batch_size, max_decoding_length=args.max_length)
        engine = ArgosEngine(package, options)
        engine.compute_type_used  # noqa: B018 (loads the coordinator's model before timing)
        return lambda: [o for _, outs, _ in executor.translate_batches(package, engine, sentences) for o in outs]

    for threads in (1, 2):
        results[f"local, {threads} thread(s)"] = timed(through(LocalExecutor(), threads), args.rounds)
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            executor = DaskExecutor.connect(cluster.scheduler_address)
            try:
                results[f"dask, {workers} worker(s) x 1 thread"] = timed(through(executor, 1), args.rounds)
            finally:
                executor.close()
    reference = results["local, 2 thread(s)"][1]
    for name, (seconds, outputs) in results.items():
        cores = 1 if name.startswith(("local, 1", "dask, 1")) else 2
        same_cores = results[f"local, {cores} thread(s)"][0]
        line = f"  {name:30} {seconds:7.2f} s  {len(sentences) / seconds:7.1f} sentences/s"
        line += f"  {same_cores / seconds:5.2f}x local on {cores} core(s)"
        if name.startswith("dask"):
            line += f"  overhead {1000 * (seconds - same_cores) / batches:+6.1f} ms/batch"
        line += "  outputs " + ("identical" if outputs == reference else "DIFFER")
        print(line)
    print(f"  {load()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tiny-sentences", type=int, default=2000)
    ap.add_argument("--base-sentences", type=int, default=240)
    ap.add_argument("--sp-sentences", type=int, default=20000, help="generated sentences to train SentencePiece")
    ap.add_argument("--batch-size", type=int, default=8, help="the toolkit's default")
    ap.add_argument("--max-length", type=int, default=32, help="decoding cap in tokens (random weights)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"{os.cpu_count()} cores; {load()}")
    with tempfile.TemporaryDirectory(prefix="dask-bench-") as tmp:
        work = Path(tmp)
        measure(*tiny_workload(work, args.tiny_sentences), args)
        if args.base_sentences:
            measure(*base_workload(work, args.base_sentences, args.sp_sentences), args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
