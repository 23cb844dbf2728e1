#!/usr/bin/env python3
"""Sentence alignment at archive scale, without MT: `toolkit align --pairs` on 1,000 document
pairs (the ru/en and ru/kk pairs of tests/data/align, listed over and over), timed end to end in
a child process (reading, segmenting, glossary terms, alignment, the JSON report), against the
goal of 60 s on 2 cores; then the cost per document as documents grow (each pair's versions
repeated 1, 2, 4, 8 and 16 times, as one longer release), aligned in this process.

    .venv/bin/python bench/align_bench.py [--documents 1000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "align"


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def archive(documents: int, work: Path) -> float:
    """Seconds of `toolkit align --pairs`: half the pairs ru/en, half ru/kk (two runs, as a
    list has one language per column)."""
    total = 0.0
    for lang in ("en", "kk"):
        names = sorted(p.name[: -len(".gold.json")] for p in DATA.glob("*.gold.json"))
        rows = [(DATA / f"{n}.ru.txt", DATA / f"{n}.{lang}.txt") for n in names]
        half = documents // 2
        listed = work / f"pairs-{lang}.tsv"
        listed.write_text("".join(f"{a}\t{b}\n" for a, b in (rows * (half // len(rows) + 1))[:half]))
        cmd = [sys.executable, str(ROOT / "cli.py"), "align", "--pairs", str(listed), "--langs", f"ru,{lang}"]
        cmd += ["--format", "json", "--glossary", str(ROOT / "glossaries")]
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=work)
        total += time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(done.stderr)
    return total


def growth() -> None:
    from toolkit.align.document import align_versions
    from toolkit.align.version import segment_text
    from toolkit.glossary.files import load_glossary

    glossary = load_glossary([ROOT / "glossaries"])
    names = sorted(p.name[: -len(".gold.json")] for p in DATA.glob("*.gold.json"))
    texts = {lang: [(DATA / f"{n}.{lang}.txt").read_text(encoding="utf-8") for n in names] for lang in ("ru", "en")}
    base = None
    for times in (1, 2, 4, 8, 16):
        seconds, sentences = 0.0, 0
        for ru, en in zip(texts["ru"], texts["en"]):
            a = segment_text("\n\n".join([ru] * times), "ru")
            b = segment_text("\n\n".join([en] * times), "en")
            start = time.perf_counter()
            align_versions([a, b], glossary)
            seconds += time.perf_counter() - start
            sentences += len(a)
        per_doc = seconds / len(names)
        base = base or per_doc
        print(
            f"  x{times:<2} {sentences / len(names):6.0f} ru sentences a document: {per_doc * 1000:7.1f} ms a document "
            f"({per_doc / base:5.1f}x the x1 cost); {load()}",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-align-") as folder:
        print(f"align bench: {args.documents} document pairs without MT; {load()}", flush=True)
        seconds = archive(args.documents, Path(folder))
        print(
            f"  toolkit align --pairs: {seconds:.1f} s for {args.documents} pairs ({seconds / args.documents * 1000:.1f} ms a pair; "
            f"goal 60 s: {60 / seconds:.2f}x under it); {load()}",
            flush=True,
        )
    print("cost as documents grow (alignment only, one process):")
    growth()
    return 0


if __name__ == "__main__":
    sys.exit(main())
