#!/usr/bin/env python3
"""The glossary in MT: the share of approved glossary terms present in MT output before and after
enforcement (toolkit/mt/enforce.py), on the six fixture models (tests/fixtures/models).

For every direct pair of the fixture models, the memorised corpus (tests/fixtures/corpus/
parallel.tsv) is translated (a) plainly (1-best, as argostranslate would), (b) with enforcement at
the default score margin, (c) with enforcement and no margin. A term counts once per sentence and
concept: an approved concept found in the source (inflection-aware) whose target term, or an
allowed variant, the output carries. Forbidden target variants left in the output are counted too.

Glossaries: the project's glossaries/ and the two test glossaries of tests/data/mt_glossary/
(`nbest`: an approved en term the ru->en 1-best lacks but a lower hypothesis holds; `forbidden`: an
en term the models never output, its usual word forbidden). Sentences whose output changed are
printed with their notes (--show).

    .venv/bin/python bench/glossary_mt.py [--show]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.glossary.files import load_glossary
from toolkit.mt.enforce import DEFAULT_MAX_DROP, Enforcer, constraints_for
from toolkit.mt.packages import install_package, list_packages
from toolkit.mt.router import EngineSet, Route

CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "parallel.tsv"
GLOSSARIES = {
    "project": [ROOT / "glossaries"],
    "nbest": [ROOT / "tests" / "data" / "mt_glossary" / "nbest.csv"],
    "forbidden": [ROOT / "tests" / "data" / "mt_glossary" / "forbidden.csv"],
}


def count(enforcer: Enforcer, glossary, sources: list[str], outputs: list[str], pair: tuple[str, str]):
    """(terms wanted, terms present, forbidden variants left) over the sentences."""
    wanted = present = forbidden = 0
    for source, output in zip(sources, outputs):
        constraints = constraints_for(glossary, source, *pair)
        wanted += len(constraints.terms)
        present += len(enforcer.carried(output, constraints))
        forbidden += len(enforcer.forbidden_in(output, constraints))
    return wanted, present, forbidden


def share(n: int, total: int) -> str:
    return f"{n:>3} {100 * n / total:5.1f}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the sentences enforcement changed")
    args = parser.parse_args()
    with open(CORPUS, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    models = Path(tempfile.mkdtemp(prefix="glossary-mt-"))
    for file in sorted((ROOT / "tests" / "fixtures" / "models").glob("*.argosmodel")):
        install_package(file, models)
    packages = list_packages(models, include_argos=False)

    header = (
        f"{'glossary':<10} {'pair':<6} {'terms':>5} {'1-best':>12} {'enforced':>12} "
        f"{'no margin':>12} {'forbidden':>11} {'changed':>8} {'time x':>7}"
    )
    print(f"margin (max_drop) = {DEFAULT_MAX_DROP}; 'forbidden' = variants left 1-best/enforced/no margin")
    print(header)
    print("-" * len(header))
    totals = {}
    for name, paths in GLOSSARIES.items():
        glossary = load_glossary(paths)
        for package in packages:
            pair = (package.from_code, package.to_code)
            route = Route(*pair, (package,))
            sources = [r[pair[0]] for r in rows]
            plain = EngineSet()
            start = time.perf_counter()
            before = plain.translate(route, sources)
            plain_time = time.perf_counter() - start
            enforcer = Enforcer(plain.engine(package), glossary, *pair)
            results = {}
            for drop in (DEFAULT_MAX_DROP, None):
                engines = EngineSet(glossary=glossary, max_drop=drop)
                start = time.perf_counter()
                results[drop] = engines.translate_noted(route, sources)
                if drop == DEFAULT_MAX_DROP:
                    enforce_time = time.perf_counter() - start
            wanted, had, left = count(enforcer, glossary, sources, before, pair)
            if not wanted:
                continue
            _, kept, left_k = count(enforcer, glossary, sources, [t for t, _ in results[DEFAULT_MAX_DROP]], pair)
            _, forced, left_f = count(enforcer, glossary, sources, [t for t, _ in results[None]], pair)
            changed = [sum(t != b for (t, _), b in zip(results[d], before)) for d in (DEFAULT_MAX_DROP, None)]
            label = f"{pair[0]}->{pair[1]}"
            print(
                f"{name:<10} {label:<6} {wanted:>5} {share(had, wanted):>12} {share(kept, wanted):>12} {share(forced, wanted):>12} "
                f"{f'{left}/{left_k}/{left_f}':>11} {f'{changed[0]}/{changed[1]}':>8} {enforce_time / plain_time:7.2f}"
            )
            for key, value in zip(("wanted", "had", "kept", "forced"), (wanted, had, kept, forced)):
                totals[(name, key)] = totals.get((name, key), 0) + value
            if args.show:
                for source, old, (new, notes) in zip(sources, before, results[None]):
                    if new != old:
                        print(f"    {source}\n      1-best:    {old}\n      no margin: {new}\n      notes: {notes}")
    print("-" * len(header))
    for name in GLOSSARIES:
        wanted = totals.get((name, "wanted"), 0)
        if wanted:
            had, kept, forced = (totals[(name, k)] for k in ("had", "kept", "forced"))
            print(
                f"{name:<10} all    {wanted:>5} {100 * had / wanted:11.1f}% {100 * kept / wanted:11.1f}% "
                f"{100 * forced / wanted:11.1f}%"
            )
    print("changed = sentences whose output differs from the 1-best (margin/no margin), of", len(rows))
    print("time x = enforced (default margin) / plain decoding, same corpus, same process")


if __name__ == "__main__":
    main()
