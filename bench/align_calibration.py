#!/usr/bin/env python3
"""How well the aligner's confidence sorts right from wrong groups: strict F1, then, for each
threshold, how many aligned groups reach it, the share of them that are in the gold (precision)
and the share of the gold-correct groups kept (yield). On the release triples of
tests/data/align (glossary, no MT) and, where ../shared holds it, the Text+Berg de-fr dev set
with and without its machine translations. The confidence was fitted on these same sets.

    .venv/bin/python bench/align_calibration.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.align.document import align_versions
from toolkit.align.evaluate import score_alignments
from toolkit.align.version import read_version
from toolkit.glossary.files import load_glossary

DATA = ROOT / "tests" / "data" / "align"
TEXTBERG = ROOT.parent / "shared" / "align" / "textberg-dev"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
Run = tuple[list[tuple[float, bool]], dict[str, float]]


def triples() -> Run:
    glossary = load_glossary([ROOT / "glossaries"])
    groups: list[tuple[float, bool]] = []
    runs = []
    for gold_path in sorted(DATA.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["pairs"]
        versions = [read_version(DATA / f"{name}.{lang}.txt", lang) for lang in ("ru", "en", "kk")]
        result = align_versions(versions, glossary)
        for lang in ("en", "kk"):
            right = {(tuple(a), tuple(b)) for a, b in gold[lang]}
            groups += [(g.score, (g.a, g.b) in right) for g in result.pairs[lang] if g.aligned]
            runs.append((gold[lang], [[g.a, g.b] for g in result.pairs[lang]]))
    return groups, score_alignments(runs).figures()


def textberg(use_mt: bool) -> Run:
    de = read_version(TEXTBERG / "eval1957.de", "de", presegmented=True)
    fr = read_version(TEXTBERG / "eval1957.fr", "fr", presegmented=True)
    translations = None
    if use_mt:
        translations = {
            ("de", "fr"): (TEXTBERG / "eval1957.google.fr").read_text(encoding="utf-8").split("\n")[: len(de)],
            ("fr", "de"): (TEXTBERG / "eval1957.google.de").read_text(encoding="utf-8").split("\n")[: len(fr)],
        }
    result = align_versions([de, fr], translations=translations)
    gold = json.loads((TEXTBERG / "gold.json").read_text(encoding="utf-8"))["gold"]
    right = {(tuple(a), tuple(b)) for a, b in gold}
    groups = [(g.score, (g.a, g.b) in right) for g in result.pairs["fr"] if g.aligned]
    return groups, score_alignments([(gold, [[g.a, g.b] for g in result.pairs["fr"]])]).figures()


def report(name: str, run: Run) -> None:
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
    report("release triples (glossary, no MT)", triples())
    if TEXTBERG.is_dir():
        report("Text+Berg dev, MT", textberg(True))
        report("Text+Berg dev, no MT", textberg(False))
    else:
        print(f"Text+Berg dev set not found at {TEXTBERG}")


if __name__ == "__main__":
    main()
