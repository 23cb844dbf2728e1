"""`toolkit review serve` server time on a 500-segment bundle against the issue's goals: a
document page rendered in under 300 ms, a save in under 50 ms.

    .venv/bin/python bench/review_serve_bench.py [--segments 500] [--rounds 20] [--saves 60]

Builds, deterministically, one document of N segments in Kazakh, English and French PO files
(the sentences of tests/data/qa/corpus.tsv, each with its own reference tag `[R0042]` so that no
two are equal; MT provenance and glossary term lines as `translate` writes them, every entry
fuzzy), opens it with glossaries/ as `review serve` does, and times, in process through
Starlette's TestClient (the app's own time: routing, reading, checks, templates, the write and
its fsync; no network):

- the start (every PO file read, checked, the glossary's recognisers built, the findings of
  every file);
- GET /doc/<doc> (every language side by side; the cells' HTML is cached until an entry's version
  or findings change, so a page with every fragment rendered afresh is timed too) and
  GET /api/documents/<doc>/kk/segments;
- PUT of one segment (lock, re-read when changed, atomic write with fsync, the segment's checks),
  alternately confirming and un-confirming segments spread over the document;

and prints median, 90th percentile and max of each, the ratio of the median (and the 90th
percentile) to the goal, and the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import polib
from qa_corpus import TARGETS, read_corpus

from toolkit.formats.bundle import new_po, segment_id

warnings.filterwarnings("ignore", message=".*httpx.*")  # TestClient's notice about httpx2

PAGE_GOAL = 0.300
SAVE_GOAL = 0.050
DOC = "bench"


def build_bundle(folder: Path, count: int) -> None:
    """One document of count segments in three PO files (see the module docstring)."""
    rows = list(read_corpus().values())
    for lang in TARGETS:
        po = new_po(DOC, "ru", lang)
        for n in range(count):
            row = rows[n % len(rows)]
            block, sentence = divmod(n, 4)
            tag = f"[R{n:04d}] "
            entry = polib.POEntry(
                msgctxt=segment_id(DOC, block, sentence),
                msgid=tag + row["ru"],
                msgstr=tag + row[lang],
                tcomment=f"mt argos ru->{lang} 1.0\nterm: Казахстан -> Kazakhstan [place.kazakhstan]",
                flags=["fuzzy"],
            )
            po.append(entry)
        (folder / f"{DOC}.{lang}.po").write_text(str(po) + "\n", encoding="utf-8")


def summary(name: str, times: list[float], goal: float | None) -> str:
    ordered = sorted(times)
    median = statistics.median(ordered)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    line = f"{name:<34} median {median * 1000:7.1f} ms  p90 {p90 * 1000:7.1f} ms  max {ordered[-1] * 1000:7.1f} ms"
    if goal is not None:
        line += f"  goal {goal * 1000:.0f} ms: median {median / goal:.2f}x, p90 {p90 / goal:.2f}x of it"
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--saves", type=int, default=60)
    args = parser.parse_args()

    from starlette.testclient import TestClient

    from toolkit.review.serve.app import create_app
    from toolkit.review.serve.run import open_bundle

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        folder = Path(tmp) / "review"
        folder.mkdir()
        build_bundle(folder, args.segments)
        started = time.perf_counter()
        store, glossary = open_bundle(folder, [ROOT / "glossaries"])
        app = create_app(store, glossary, token="bench")
        start_time = time.perf_counter() - started
        client = TestClient(app, base_url="http://127.0.0.1:8765")

        # every cell and source rendered afresh: the fragment caches emptied (as after a change to every entry)
        review = app.app.state.review
        review._cells.clear()
        review._sources.clear()
        t = time.perf_counter()
        response = client.get(f"/doc/{DOC}?filter=unconfirmed")
        cold = time.perf_counter() - t
        assert response.text.count("<textarea") == 3 * args.segments
        pages, lists, saves = [], [], []
        for _ in range(args.rounds):
            t = time.perf_counter()
            response = client.get(f"/doc/{DOC}")
            pages.append(time.perf_counter() - t)
            assert response.status_code == 200 and response.text.count("<textarea") == 3 * args.segments
            t = time.perf_counter()
            response = client.get(f"/api/documents/{DOC}/kk/segments")
            lists.append(time.perf_counter() - t)
            assert len(response.json()["segments"]) == args.segments

        segments = client.get(f"/api/documents/{DOC}/kk/segments").json()["segments"]
        step = max(1, args.segments // args.saves)
        for k in range(args.saves):
            seg = segments[(k * step) % len(segments)]
            body = {"target": seg["target"] + " ә", "confirmed": k % 2 == 0, "version": seg["version"]}
            t = time.perf_counter()
            response = client.put(
                f"/api/documents/{DOC}/kk/segments/{seg['id']}", json=body, headers={"X-CSRF-Token": "bench"}
            )
            saves.append(time.perf_counter() - t)
            assert response.status_code == 200, response.text
            segments[(k * step) % len(segments)] = response.json()["segment"]
        # a page right after saves: the file changed, its findings are cached per segment
        t = time.perf_counter()
        client.get(f"/doc/{DOC}")
        after_saves = time.perf_counter() - t

    print(f"review serve, one document of {args.segments} segments x 3 target languages (in process, TestClient)")
    print(f"start (read, check, glossary, findings): {start_time * 1000:.0f} ms")
    print(summary("GET /doc (the page, 4 languages)", pages, PAGE_GOAL))
    print(
        f"{'':<34} the page with every fragment rendered afresh: {cold * 1000:.1f} ms, {cold / PAGE_GOAL:.2f}x of the goal"
    )
    print(f"{'':<34} the first page after the saves: {after_saves * 1000:.1f} ms")
    print(summary("GET /api/.../kk/segments", lists, None))
    print(summary("PUT one segment (save + checks)", saves, SAVE_GOAL))
    print(f"load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
