"""The aligner's measurement sets, aligned as the tests and benches measure them: the release
triples with their hand-made gold (tests/data/align) and Bleualign's Text+Berg de-fr
development set (read from ../shared, never copied). Each run gives, per aligned pair of
versions, the gold groups and the groups found."""

from __future__ import annotations

import json
from pathlib import Path

from ..glossary.model import Glossary
from .document import align_versions
from .search import Group
from .version import read_version

Gold = list[list[list[int]]]
Run = list[tuple[Gold, list[Group]]]


def triples_run(folder: Path, glossary: Glossary | None) -> Run:
    """Every `<name>.gold.json` of folder with its ru/en/kk versions, aligned (no MT)."""
    run: Run = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["pairs"]
        versions = [read_version(folder / f"{name}.{lang}.txt", lang) for lang in ("ru", "en", "kk")]
        result = align_versions(versions, glossary)
        run += [(gold[lang], result.pairs[lang]) for lang in ("en", "kk")]
    return run


def textberg_run(folder: Path, use_mt: bool) -> Run:
    """The Text+Berg dev set (eval1957.de / .fr, one sentence a line), aligned with both machine
    translations (eval1957.google.fr / .de) or without any."""
    de = read_version(folder / "eval1957.de", "de", presegmented=True)
    fr = read_version(folder / "eval1957.fr", "fr", presegmented=True)
    translations = None
    if use_mt:
        translations = {
            ("de", "fr"): (folder / "eval1957.google.fr").read_text(encoding="utf-8").split("\n")[: len(de)],
            ("fr", "de"): (folder / "eval1957.google.de").read_text(encoding="utf-8").split("\n")[: len(fr)],
        }
    result = align_versions([de, fr], translations=translations)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["gold"]
    return [(gold, result.pairs["fr"])]


def as_pairs(run: Run) -> list[tuple[Gold, list[list[tuple[int, ...]]]]]:
    """A run in the shape evaluate.score_alignments takes."""
    return [(gold, [[g.a, g.b] for g in groups]) for gold, groups in run]
