#!/usr/bin/env python3
"""How well the aligner's confidence sorts right from wrong groups: strict F1, then, for each
threshold, how many aligned groups reach it, the share of them that are in the gold (precision)
and the share of the gold-correct groups kept (yield). On the release triples of
tests/data/align (glossary, no MT) and, where ../shared holds it, the Text+Berg de-fr dev set
with and without its machine translations. The confidence was fitted on these same sets.

    .venv/bin/python bench/align_calibration.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.align.devsets import Run as DevRun
from toolkit.align.devsets import as_pairs, textberg_run, triples_run
from toolkit.align.evaluate import score_alignments
from toolkit.glossary.files import load_glossary

DATA = ROOT / "tests" / "data" / "align"
TEXTBERG = ROOT.parent / "shared" / "align" / "textberg-dev"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
Result = tuple[list[tuple[float, bool]], dict[str, float]]


def judged(run: DevRun) -> Result:
    """Each aligned group's confidence and whether the gold has it, and the run's scores."""
    groups = []
    for gold, found in run:
        right = {(tuple(a), tuple(b)) for a, b in gold}
        groups += [(g.score, (g.a, g.b) in right) for g in found if g.aligned]
    return groups, score_alignments(as_pairs(run)).figures()


def report(name: str, run: Result) -> None:
    groups, figures = run
    correct = sum(ok for _, ok in groups)
    print(
        f"{name}: strict F1 {figures['strict_f1']:.3f} (P {figures['strict_precision']:.3f}, "
        f"R {figures['strict_recall']:.3f}), lax F1 {figures['lax_f1']:.3f}; {len(groups)} aligned groups, "
        f"{correct} in the gold"
    )
    for threshold in THRESHOLDS:
        kept = [ok for score, ok in groups if score >= threshold]
        precision = sum(kept) / len(kept) if kept else 0.0
        print(
            f"  >= {threshold}: {len(kept):4d} groups, precision {precision:.3f}, yield {sum(kept) / max(1, correct):.3f}"
        )


def main() -> None:
    report("release triples (glossary, no MT)", judged(triples_run(DATA, load_glossary([ROOT / "glossaries"]))))
    if TEXTBERG.is_dir():
        report("Text+Berg dev, MT", judged(textberg_run(TEXTBERG, True)))
        report("Text+Berg dev, no MT", judged(textberg_run(TEXTBERG, False)))
    else:
        print(f"Text+Berg dev set not found at {TEXTBERG}")


if __name__ == "__main__":
    main()
