"""Coverage of the Kazakh form generator (toolkit/terms/kk.py): the share of correct inflected
forms it produces.

    .venv/bin/python bench/kk_forms.py [--errors]
    .venv/bin/python bench/kk_forms.py --oracle /tmp/kaz.gen.hfst --lemmas /tmp/nouns.txt [--errors]

Always: the hand-written tables in tests/data/kk_forms/ (nouns.tsv, names.tsv: one lemma per row,
one column per form, `|` between spellings that are both in use, `-` for none); a listed form
counts as covered when `inflected_forms(lemma)` contains it.

With --oracle: a morphological generator compiled with hfst (for instance from apertium-kaz, which
is GPL and is never shipped here: build it yourself, see tests/data/kk_forms/README.md) is asked,
through `hfst-lookup`, for every form of every lemma of --lemmas (one per line; `lemma<TAB>tags`
to give tags other than `<n>`, e.g. `Тоқаев<TAB><np><cog><m>`) in the cases, the plural, the 3rd
person and 1st plural possessives and their cases; the share of its answers that the toolkit
generates is printed per analysis. Without hfst-lookup or the transducer the oracle part is
skipped with a message. Everything is deterministic.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.glossary.terms.kk import inflected_forms

TABLES = (ROOT / "tests" / "data" / "kk_forms" / "nouns.tsv", ROOT / "tests" / "data" / "kk_forms" / "names.tsv")
CASES = ("gen", "dat", "acc", "loc", "abl", "ins")
# analyses asked of the oracle: (name, tag string after the lemma's own tags)
ORACLE_TAGS = (
    *((case, f"<{case}>") for case in CASES),
    ("pl", "<pl><nom>"),
    *((f"pl_{case}", f"<pl><{case}>") for case in CASES),
    ("px3", "<px3sp><nom>"),
    *((f"px3_{case}", f"<px3sp><{case}>") for case in CASES),
    ("pl_px3", "<pl><px3sp><nom>"),
    *((f"pl_px3_{case}", f"<pl><px3sp><{case}>") for case in CASES),
    ("px1pl", "<px1pl><nom>"),
    ("loc_attr", "<loc><attr>"),
    ("px3_loc_attr", "<px3sp><loc><attr>"),
)

Table = list[tuple[str, str, dict[str, list[str]]]]


def load_table(path: Path) -> Table:
    """Rows of a forms table: (lemma, class, {column: accepted spellings})."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows: Table = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise SystemExit(f"{path}:{number}: {len(cells)} fields, the header has {len(header)}")
        forms = {col: cell.split("|") for col, cell in zip(header[2:], cells[2:], strict=True) if cell != "-"}
        rows.append((cells[0], cells[1], forms))
    return rows


def table_coverage(rows: Table) -> tuple[Counter[str], Counter[str], list[str]]:
    """Listed and covered forms per column, and the misses described."""
    listed: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    misses: list[str] = []
    for lemma, cls, forms in rows:
        generated = inflected_forms(lemma)
        for column, spellings in forms.items():
            for form in spellings:
                listed[column] += 1
                if form.lower() in generated:
                    covered[column] += 1
                else:
                    misses.append(f"{lemma} ({cls}) {column}: {form}")
    return listed, covered, misses


def print_coverage(title: str, listed: Counter[str], covered: Counter[str]) -> float:
    """One line per column and the total; returns the total share."""
    total, hit = sum(listed.values()), sum(covered.values())
    share = hit / total if total else 1.0
    print(f"{title}: {hit}/{total} forms = {share:.2%}")
    print("  " + "  ".join(f"{c} {covered[c]}/{listed[c]}" for c in listed))
    return share


def read_lemmas(path: Path) -> list[tuple[str, str]]:
    """(lemma, tags) pairs of a lemma list; tags default to <n>."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, _, tags = line.strip().partition("\t")
            pairs.append((lemma.split()[0], tags.strip() or "<n>"))
    return pairs


def oracle_forms(generator: Path, lemmas: list[tuple[str, str]], lookup: str) -> dict[tuple[str, str], set[str]]:
    """{(lemma, analysis name): surface forms} from the oracle (analyses it cannot generate are left out)."""
    queries = [(lemma, name, f"{lemma}{tags}{suffix}") for lemma, tags in lemmas for name, suffix in ORACLE_TAGS]
    text = "".join(q[2] + "\n" for q in queries)
    out = subprocess.run([lookup, "-q", str(generator)], input=text, capture_output=True, text=True, check=True).stdout
    surfaces: dict[str, set[str]] = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not parts[1].endswith("+?"):
            surfaces.setdefault(parts[0], set()).add(parts[1])
    return {(lemma, name): surfaces[query] for lemma, name, query in queries if surfaces.get(query)}


def oracle_coverage(answers: dict[tuple[str, str], set[str]]) -> tuple[Counter[str], Counter[str], list[str]]:
    """Oracle forms and covered forms per analysis name, and the misses."""
    listed: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    misses: list[str] = []
    for (lemma, name), surfaces in sorted(answers.items()):
        generated = inflected_forms(lemma)
        for surface in sorted(surfaces):
            listed[name] += 1
            if surface.lower() in generated:
                covered[name] += 1
            else:
                misses.append(f"{lemma} {name}: {surface}")
    return listed, covered, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the forms not generated")
    parser.add_argument("--oracle", type=Path, help="an hfst generator (analysis -> surface)")
    parser.add_argument("--lemmas", type=Path, help="lemmas to ask the oracle about (default: the tables' lemmas)")
    args = parser.parse_args()
    rows = [row for table in TABLES for row in load_table(table)]
    listed, covered, misses = table_coverage(rows)
    print_coverage(f"tables ({len(rows)} lemmas)", listed, covered)
    if args.errors:
        print("\n".join("  miss " + m for m in misses))
    if args.oracle is None:
        return
    lookup = shutil.which("hfst-lookup")
    if lookup is None or not args.oracle.exists():
        print(f"oracle skipped: {'hfst-lookup is not installed' if lookup is None else f'no file {args.oracle}'}")
        return
    lemmas = read_lemmas(args.lemmas) if args.lemmas else [(r[0].lower(), "<n>") for r in rows]
    answers = oracle_forms(args.oracle, lemmas, lookup)
    o_listed, o_covered, o_misses = oracle_coverage(answers)
    print_coverage(f"oracle {args.oracle.name} ({len(lemmas)} lemmas)", o_listed, o_covered)
    if args.errors:
        print("\n".join("  miss " + m for m in o_misses))


if __name__ == "__main__":
    main()
