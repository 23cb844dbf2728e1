"""Fuzzy translation-memory lookup at scale: the toolkit's index against brute-force rapidfuzz.

    .venv/bin/python bench/memory_bench.py [--sizes 100000,300000,1000000] [--queries 4000]

For each size (units of the synthetic memory of bench/memory_corpus.py) two processes run:
one builds the fuzzy index into a disk cache (timed, peak RSS), then a lookup process loads the
memory and the index from that cache and runs the queries, as a translator's later runs would:
index latency percentiles (wall clock and CPU time of the query thread, with the load average
of the machine; a pass is repeated, up to --repeat times, while the 1-minute load is above
--max-load), the postings and candidates a query touches, Memory.lookup latency, the process's
peak RSS, then recall of the top 5 (>= 75%) against brute force on every query, by kind.
Brute force (bench/memory_truth.py) is cached under /tmp; its speed is timed on --brute queries
with toolkit.memory.index.brute_force (rapidfuzz.process.extract), the baseline of the speed-up.

Recall counts ties fairly: brute-force hit k of a query is found when the index's k-th best
score is at least as high (any sentence with an equal score is an equally good answer).
The last lines project the median latency to 10,000,000 units from a power law fitted to the
measured sizes (least squares on log p50 against log units).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from memory_corpus import KINDS, people_and_rng, queries, synthetic_units
from memory_truth import cached_truth

from toolkit.memory.index import FuzzyIndex, brute_force, texts_key
from toolkit.memory.model import Memory
from toolkit.memory.terms import words


def load() -> str:
    return "load avg " + "/".join(f"{x:.2f}" for x in os.getloadavg())


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def recall_hits(truth: list[tuple[int, float]], got: list[tuple[int, float]]) -> int:
    """How many brute-force hits the index matched rank by rank (ties count as found)."""
    return sum(1 for k, (_, score) in enumerate(truth) if k < len(got) and got[k][1] >= score - 1e-9)


def load_memory(units: int, cache: Path) -> tuple[Memory, list[str], float]:
    t0 = time.perf_counter()
    memory = Memory(units=synthetic_units(units), cache_dir=cache)  # type: ignore[arg-type]
    texts = memory.table("ru").texts
    return memory, texts, time.perf_counter() - t0


def child_build(args: argparse.Namespace) -> dict:
    _memory, texts, gen_s = load_memory(args.units, args.cache)
    rss_memory = peak_mib()
    t0 = time.perf_counter()
    index = FuzzyIndex.cached(texts, args.cache)
    build_s = time.perf_counter() - t0
    disk = sum(f.stat().st_size for f in (args.cache / texts_key(texts)).iterdir()) / 2**20
    print(
        f"  build process: {len(texts):,} distinct sentences generated in {gen_s:.1f} s; index built, saved and "
        f"mapped back in {build_s:.1f} s ({load()}); {len(index.vocab):,} words, {len(index.postings):,} postings, "
        f"{disk:,.0f} MiB on disk; peak RSS {rss_memory:,.0f} MiB with the memory, {peak_mib():,.0f} MiB after building"
    )
    return {"build_s": build_s, "rss_build": peak_mib(), "texts": len(texts)}


def latency_passes(index: FuzzyIndex, qs: list[str], args: argparse.Namespace) -> tuple[list[dict], list[list]]:
    passes, results = [], []
    for attempt in range(args.repeat):
        wall, cpu, got = [], [], []
        for q in qs:
            t0, c0 = time.perf_counter(), time.thread_time()
            got.append(index.search(q, args.limit, args.cutoff))
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
        stats = {k: percentile(wall, k) for k in (50, 95, 99)} | {
            "cpu50": percentile(cpu, 50),
            "cpu95": percentile(cpu, 95),
        }
        stats["load"] = os.getloadavg()[0]
        passes.append(stats)
        results = got
        print(
            f"  pass {attempt + 1}: index lookup over {len(qs)} queries: p50 {stats[50]:.2f} ms, p95 {stats[95]:.2f} ms, "
            f"p99 {stats[99]:.2f} ms wall; CPU p50 {stats['cpu50']:.2f} ms, p95 {stats['cpu95']:.2f} ms ({load()})"
        )
        if stats["load"] <= args.max_load:
            break
    return passes, results


def touched(index: FuzzyIndex, qs: list[str]) -> tuple[list[int], list[int]]:
    """Postings read and distinct candidates touched per query (the work that bounds latency)."""
    postings, candidates = [], []
    for q in qs:
        reading = index._read(words(q))
        postings.append(reading.budget)
        candidates.append(len(index._accumulate(reading)[0]) if reading.slices else 0)
    return postings, candidates


def recall_by_kind(truth: list, results: list) -> dict[str, list[int]]:
    counts = {kind: [0, 0, 0] for kind in KINDS}  # found, total hits, queries
    for i, (expected, got) in enumerate(zip(truth, results)):
        row = counts[KINDS[i % 4]]
        row[0] += recall_hits(expected, got)
        row[1] += len(expected)
        row[2] += 1
    return counts


def child_lookup(args: argparse.Namespace) -> dict:
    memory, texts, gen_s = load_memory(args.units, args.cache)
    rss_memory = peak_mib()
    t0 = time.perf_counter()
    index = FuzzyIndex.cached(texts, args.cache)  # hashes the sentences, then maps the tables
    cached_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    FuzzyIndex.load(args.cache / texts_key(texts))
    load_s = time.perf_counter() - t0
    memory.table("ru").index = index
    print(
        f"  lookup process: memory of {len(texts):,} sentences in {gen_s:.1f} s (peak RSS {rss_memory:,.0f} MiB); index "
        f"from the disk cache in {cached_s:.2f} s (of which mapping the tables {load_s:.3f} s, the rest hashing "
        f"the sentences for the cache key) ({load()})"
    )
    qs = queries(texts, people_and_rng()[0], args.queries)
    index.search(qs[0], args.limit, args.cutoff)
    passes, results = latency_passes(index, qs, args)
    postings, candidates = touched(index, qs[:500])
    print(
        f"  work per query (first 500): postings read p50 {statistics.median(postings):,.0f}, max {max(postings):,}; "
        f"candidates touched p50 {statistics.median(candidates):,.0f}, max {max(candidates):,}"
    )
    memory.lookup(qs[2], "ru", "en")  # builds the number-adjusted table once
    lookup_ms = []
    for q in qs[:500]:
        t0 = time.perf_counter()
        memory.lookup(q, "ru", "en")
        lookup_ms.append((time.perf_counter() - t0) * 1000)
    rss = peak_mib()
    print(
        f"  Memory.lookup (exact, number-adjusted, fuzzy) over 500 queries: p50 {percentile(lookup_ms, 50):.2f} ms, "
        f"p95 {percentile(lookup_ms, 95):.2f} ms ({load()}); peak RSS of the lookup process {rss:,.0f} MiB "
        f"({rss * 2**20 / 1e9:.2f} GB)"
    )
    best = min(passes, key=lambda p: p[50])
    result = {"p50": best[50], "p95": best[95], "cpu50": best["cpu50"], "load": best["load"]}
    result |= {"rss": rss, "cached_s": cached_s, "load_s": load_s, "queries": len(qs)}
    if args.units > args.recall_max_units:
        print(f"  recall not checked above {args.recall_max_units:,} units (--recall-max-units)")
        return result | {"recall": math.nan, "speedup": math.nan}
    return result | recall_and_speedup(index, texts, qs, results, args)


def recall_and_speedup(
    index: FuzzyIndex, texts: list[str], qs: list[str], results: list, args: argparse.Namespace
) -> dict:
    """Recall against brute force on every query, by kind, and the speed-up over brute force."""
    truth, truth_s = cached_truth(texts, qs, args.limit, args.cutoff)
    counts = recall_by_kind(truth, results)
    found, total = sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())
    how = "cached" if truth_s is None else f"computed in {truth_s:.0f} s"
    print(f"  recall of the top {args.limit} vs brute force on all {len(qs)} queries (brute force {how}):")
    for kind, (f, t, n) in counts.items():
        print(f"    {kind:16} {f}/{t} = {f / max(t, 1):.2%} over {n} queries")
    print(
        f"    {'all':16} {found}/{total} = {found / max(total, 1):.2%} ({sum(1 for r in results if r)} queries had a match)"
    )
    brute_ms, index_ms = [], []
    for q in qs[: args.brute]:
        t0 = time.perf_counter()
        brute_force(q, texts, args.limit, args.cutoff)
        brute_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        index.search(q, args.limit, args.cutoff)
        index_ms.append((time.perf_counter() - t0) * 1000)
    speedup = statistics.mean(brute_ms) / statistics.mean(index_ms)
    print(
        f"  baseline brute force (process.extract) on {len(brute_ms)} queries: mean {statistics.mean(brute_ms):.0f} ms, "
        f"index mean {statistics.mean(index_ms):.2f} ms on the same queries: {speedup:.0f}x ({load()})"
    )
    return {"recall": found / max(total, 1), "speedup": speedup}


def run_child(role: str, units: int, cache: str, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--child", role, "--units", str(units), "--cache", cache]
    for name in ("queries", "repeat", "max_load", "brute", "limit", "cutoff", "recall_max_units"):
        command += [f"--{name.replace('_', '-')}", str(getattr(args, name))]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        result = {}
        for line in child.stdout:
            if line.startswith("RESULT "):
                result = json.loads(line[7:])
            else:
                print(line, end="", flush=True)
    if child.returncode:
        raise SystemExit(f"{role} process for {units:,} units failed ({child.returncode})")
    return result


def power_law(sizes: list[int], values: list[float]) -> tuple[float, float]:
    """(exponent, constant) of the least-squares fit log value = log constant + exponent * log size."""
    xs, ys = [math.log(s) for s in sizes], [math.log(v) for v in values]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return slope, math.exp(my - slope * mx)


def summary(sizes: list[int], rows: list[dict]) -> None:
    print("\nsummary (best latency pass of each size; RSS of the lookup process / of the build process):")
    for units, row in zip(sizes, rows):
        print(
            f"  {units:>9,} units {row['texts']:>9,} sentences: p50 {row['p50']:.2f} ms, p95 {row['p95']:.2f} ms, "
            f"CPU p50 {row['cpu50']:.2f} ms (load {row['load']:.2f}); "
            + (
                "recall not checked; "
                if math.isnan(row["recall"])
                else f"recall {row['recall']:.2%} over {row['queries']} queries; {row['speedup']:.0f}x brute force; "
            )
            + f"RSS {row['rss']:,.0f} / {row['rss_build']:,.0f} MiB; "
            f"build {row['build_s']:.1f} s, load {row['cached_s']:.2f} s ({row['load_s']:.3f} s mapping)"
        )
    if len(sizes) >= 2:
        for key, name in (("p50", "wall"), ("cpu50", "CPU")):
            exponent, constant = power_law(sizes, [row[key] for row in rows])
            print(
                f"  {name} p50 ~ units^{exponent:.3f} (fitted on {len(sizes)} sizes): projected "
                f"{constant * 10_000_000**exponent:.2f} ms at 10,000,000 units"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,300000,1000000", help="units of each memory, comma-separated")
    parser.add_argument("--queries", type=int, default=4000, help="queries per size (kinds in turn)")
    parser.add_argument("--repeat", type=int, default=3, help="latency passes at most while the load is high")
    parser.add_argument("--max-load", type=float, default=1.0, help="1-minute load average counted as high")
    parser.add_argument("--brute", type=int, default=10, help="queries timed with brute force (the baseline)")
    parser.add_argument("--recall-max-units", type=int, default=1_000_000, help="sizes above: latency only")
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--cutoff", type=float, default=75.0)
    parser.add_argument("--child", choices=("build", "lookup"), help=argparse.SUPPRESS)
    parser.add_argument("--units", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = child_build(args) if args.child == "build" else child_lookup(args)
        print("RESULT " + json.dumps(result), flush=True)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    print(f"memory bench: {len(sizes)} sizes, {args.queries} queries each ({load()})", flush=True)
    for units in sizes:
        print(f"{units:,} units:", flush=True)
        with tempfile.TemporaryDirectory(prefix="memory-bench-") as cache:
            row = run_child("build", units, cache, args)
            row |= run_child("lookup", units, cache, args)
        rows.append(row)
    summary(sizes, rows)


if __name__ == "__main__":
    main()
