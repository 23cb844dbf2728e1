"""Precision and recall of term recognition on the annotated test set.

    .venv/bin/python bench/terms_eval.py [--errors] [LANG ...]

Reads tests/data/terms/<lang>.tsv (columns text, concept, surface: one occurrence per row;
concept `-` marks a sentence with no term) and glossaries/. A found term counts as correct
when its concept and its exact span equal an annotated occurrence ("exact"), or, in the
lenient count, when the concept is right and the spans overlap ("overlap"). Every found term
that matches no annotation is a false positive. `--errors` lists the misses and false positives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.glossary.files import load_glossary
from toolkit.glossary.terms.evaluation import DATA, evaluate_language, load_cases

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=["ru", "kk", "en", "fr"])
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    args = parser.parse_args()
    glossary = load_glossary([ROOT / "glossaries"])
    print(
        f"{'lang':5} {'sentences':>9} {'gold':>5} {'found':>5} | {'exact P':>7} {'exact R':>7} | {'overlap P':>9} {'overlap R':>9}"
    )
    for lang in args.langs:
        path = ROOT / DATA / f"{lang}.tsv"
        if not path.exists():
            print(f"{lang:5} (no {path.relative_to(ROOT)})")
            continue
        cases = load_cases(path)
        exact, overlap = (
            evaluate_language(cases, lang, glossary, exact=True),
            evaluate_language(cases, lang, glossary, exact=False),
        )
        print(
            f"{lang:5} {len(cases):9} {exact.gold:5} {exact.found:5} | {exact.precision:7.3f} {exact.recall:7.3f} | "
            f"{overlap.precision:9.3f} {overlap.recall:9.3f}"
        )
        if args.errors:
            for line in exact.misses:
                print(f"  miss  {line}")
            for line in exact.false_positives:
                print(f"  extra {line}")


if __name__ == "__main__":
    main()
