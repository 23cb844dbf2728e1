"""`toolkit check` at scale against translate-toolkit's `pofilter` on the same PO files.

    .venv/bin/python bench/check_bench.py [--bundles 1000] [--jobs 2] [--keep DIR]

Builds, deterministically, N four-language review bundles (a Russian source with Kazakh,
English and French PO files, 13-14 entries each: about 40,000 segments for 1,000 bundles) from
the sentences of the injected-error test set (tests/data/qa/corpus.tsv): years and counts are
varied per bundle in all four languages alike, every segment starts with its own reference tag
(`[R0042-03]`, in source and target) so that no two texts are equal and nothing is served from a
per-text cache, and one segment in ten carries an injected error from
tests/data/qa/injections.tsv. Then it times, in this process's machine and moment:

- `toolkit check DIR --format json` (the CLI, start-up included, glossaries/ plus the test
  glossary, `--jobs` workers);
- `pofilter -i DIR -o OUT` (translate-toolkit, every default filter, one process);

and prints both times, segments per second, the findings per rule and the ratio. Then it
times `toolkit check` with `--jobs 1` and with `--jobs N`, alternately for `--rounds` rounds,
and prints the wall-clock and CPU time (user + system, of the command and its workers) of each,
the speed-up of the best N-job round over the best 1-job round and the CPU it cost, whether the
findings were identical, and the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import polib
from qa_corpus import TARGETS, read_corpus, read_injections

SEED = 20251206
ERROR_RATE = 0.1
_YEAR = re.compile(r"20(2[4-6])")


def vary(text: str, shift: int) -> str:
    """The same change in every language: years 2024-2026 moved by shift."""
    return _YEAR.sub(lambda m: str(2000 + int(m.group(1)) + shift), text)


def build(out: Path, bundles: int) -> int:
    """Write the bundles; returns the number of segments (PO entries)."""
    rng = random.Random(SEED)
    corpus = read_corpus()
    ids = list(corpus)
    injections = read_injections()
    by_slot = {}
    for injection in injections:
        by_slot.setdefault((injection.segment, injection.lang), []).append(injection)
    segments = 0
    for number in range(bundles):
        folder = out / f"release-{number:04d}"
        folder.mkdir(parents=True)
        size = 13 + (number % 3 == 0)
        chosen = rng.sample(ids, size)
        shift = rng.randrange(0, 40)
        for lang in TARGETS:
            po = polib.POFile(wrapwidth=0)
            po.metadata = {
                "Language": lang,
                "X-Source-Language": "ru",
                "Content-Type": "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding": "8bit",
            }
            for k, seg_id in enumerate(chosen):
                target = corpus[seg_id][lang]
                options = by_slot.get((seg_id, lang))
                if options and rng.random() < ERROR_RATE:
                    target = rng.choice(options).apply(target, corpus)
                tag = f"[R{number:04d}-{k:02d}] "  # every text unique: no cache hit across bundles
                po.append(
                    polib.POEntry(
                        msgctxt=f"r{number:04d}.s{k:02d}",
                        msgid=tag + vary(corpus[seg_id]["ru"], shift),
                        msgstr=(tag + vary(target, shift)) if target else "",
                        occurrences=[(f"release-{number:04d}.ru.txt", str(k + 1))],
                    )
                )
                segments += 1
            po.save(str(folder / f"release-{number:04d}.{lang}.po"))
    return segments


def timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - start, done


def timed_cpu(command: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, CPU seconds of the command and its children, the finished process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, done = timed(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def compare_jobs(command: list[str], jobs: int, rounds: int, work: Path) -> None:
    """toolkit check with --jobs 1 and --jobs N, alternately; best round of each."""
    print(f"--jobs 1 against --jobs {jobs} ({rounds} rounds each, alternately; load average {load()})")
    best: dict[int, tuple[float, float]] = {}
    outputs: dict[int, str] = {}
    for _ in range(rounds):
        for n in (1, jobs):
            out = work / f"findings-{n}.json"
            wall, cpu, done = timed_cpu([*command, "--jobs", str(n), "--output", str(out)])
            if done.returncode not in (0, 1):
                raise SystemExit(done.stderr)
            outputs[n] = out.read_text(encoding="utf-8")
            print(f"  --jobs {n}: {wall:5.2f} s wall, {cpu:5.2f} s CPU")
            best[n] = min(best.get(n, (wall, cpu)), (wall, cpu))
    (w1, c1), (wn, cn) = best[1], best[jobs]
    print(
        f"speed-up of --jobs {jobs}: {w1 / wn:.2f}x (best rounds), CPU {cn / c1:.2f}x of one job; "
        f"findings identical: {outputs[1] == outputs[jobs]}; load average {load()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the --jobs comparison")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="check-bench-"))
    corpus_dir = work / "bundles"
    if corpus_dir.exists():
        shutil.rmtree(corpus_dir)
    start = time.perf_counter()
    segments = build(corpus_dir, args.bundles)
    print(f"built {args.bundles} bundles, {segments} segments in {time.perf_counter() - start:.1f} s ({corpus_dir})")

    toolkit = [
        sys.executable,
        "-m",
        "toolkit.cli",
        "check",
        str(corpus_dir),
        "--format",
        "json",
        "--glossary",
        str(ROOT / "glossaries"),
        "--glossary",
        str(ROOT / "tests/data/qa/glossary.csv"),
        "--jobs",
        str(args.jobs),
        "--output",
        str(work / "findings.json"),
    ]
    check_s, done = timed(toolkit)
    if done.returncode not in (0, 1):
        print(done.stderr, file=sys.stderr)
        return 2
    findings = json.loads((work / "findings.json").read_text(encoding="utf-8"))
    print(
        f"toolkit check: {check_s:.1f} s, {segments / check_s:,.0f} segments/s, {len(findings)} findings "
        f"(exit {done.returncode}); {done.stderr.strip()}"
    )
    for rule, count in sorted(Counter(f["rule"] for f in findings).items()):
        print(f"  {rule:20} {count}")
    compare_jobs(toolkit[: toolkit.index("--jobs")], args.jobs, args.rounds, work)

    pofilter = shutil.which("pofilter", path=str(Path(sys.executable).parent)) or shutil.which("pofilter")
    if pofilter is None:
        print("pofilter not installed (pip install translate-toolkit, the `bench` extra): no ratio")
        return 0
    out = work / "pofilter-out"
    shutil.rmtree(out, ignore_errors=True)
    filter_s, done = timed([pofilter, "--progress=none", "-i", str(corpus_dir), "-o", str(out)])
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return 2
    flagged = sum(
        1 for p in out.rglob("*.po") for e in polib.pofile(str(p)) if e.tcomment and "(pofilter)" in e.tcomment
    )
    print(
        f"pofilter (translate-toolkit, default filters, 1 process): {filter_s:.1f} s, "
        f"{segments / filter_s:,.0f} segments/s, {flagged} entries flagged"
    )
    print(
        f"ratio pofilter / toolkit check: {filter_s / check_s:.2f} (toolkit check with --jobs {args.jobs}, "
        f"{os.cpu_count()} cores)"
    )
    if args.keep is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
