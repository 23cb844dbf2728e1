"""pySBD's golden rules for ru, kk, en and fr: toolkit.text.sentences against pysbd, case by case.

    .venv/bin/python bench/pysbd_golden.py [--golden /tmp/pysbd-golden] [--quiet]

The golden files are pySBD's own tests (nipunsadvilkar/pySBD, tests/lang/test_russian.py,
test_kazakh.py, test_english.py, test_french.py), copied by hand into the --golden folder. They
are third-party text: they are read from there at run time and never stored in this repository.

Each file is parsed with ``ast`` (nothing in it is imported or run): every list literal assigned
at module level whose items are ``(text, [sentence, ...])`` tuples or
``pytest.param(text, [sentence, ...], ...)`` calls contributes its cases (a case marked xfail in
pySBD is counted like any other and shown with "xfail").

Comparison: both segmenters' outputs are compared with the expected list after stripping the
whitespace around each segment (``str.strip``) and dropping segments that are then empty, on
both sides; a case passes when the lists are equal. toolkit.text.sentences.split_sentences already
returns stripped sentences; pysbd runs as ``Segmenter(language=lang, clean=False)``.

Prints the pass counts per language for both, then each case the toolkit fails with what it
returned.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pysbd

from toolkit.text.sentences import split_sentences

FILES = {
    "ru": "test_russian.py",
    "kk": "test_kazakh.py",
    "en": "test_english.py",
    "fr": "test_french.py",
}


@dataclass(frozen=True)
class Case:
    """One golden case: its input, the expected sentences and where it was found."""

    lang: str
    name: str  # "<list name>[<index>]"
    text: str
    expected: list[str]
    xfail: bool


def _strings(node: ast.expr) -> list[str] | None:
    """The strings of a list literal of string constants, or None for anything else."""
    if not isinstance(node, ast.List):
        return None
    out = []
    for item in node.elts:
        if not (isinstance(item, ast.Constant) and isinstance(item.value, str)):
            return None
        out.append(item.value)
    return out


def _is_xfail(call: ast.Call) -> bool:
    """Whether a pytest.param(...) call carries marks=pytest.mark.xfail."""
    return any(kw.arg == "marks" and "xfail" in ast.unparse(kw.value) for kw in call.keywords)


def _case_parts(node: ast.expr) -> tuple[ast.expr, ast.expr, bool] | None:
    """(text node, expected node, xfail) of a (text, expected) tuple or pytest.param call."""
    if isinstance(node, ast.Tuple) and len(node.elts) == 2:
        return node.elts[0], node.elts[1], False
    if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("param") and len(node.args) == 2:
        return node.args[0], node.args[1], _is_xfail(node)
    return None


def parse_cases(source: str, lang: str) -> list[Case]:
    """The golden cases of one pySBD test file's source."""
    cases: list[Case] = []
    for stmt in ast.parse(source).body:
        if not (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.List)):
            continue
        name = ",".join(ast.unparse(target) for target in stmt.targets)
        for index, item in enumerate(stmt.value.elts):
            parts = _case_parts(item)
            if parts is None:
                continue
            text_node, expected_node, xfail = parts
            expected = _strings(expected_node)
            if not isinstance(text_node, ast.Constant) or not isinstance(text_node.value, str) or expected is None:
                continue
            cases.append(Case(lang, f"{name}[{index}]", text_node.value, expected, xfail))
    return cases


def load_cases(golden: Path) -> dict[str, list[Case]]:
    """All cases of the four files in the golden folder, by language."""
    cases: dict[str, list[Case]] = {}
    for lang, filename in FILES.items():
        path = golden / filename
        if not path.is_file():
            raise SystemExit(f"{path}: missing (copy pySBD's tests/lang/{filename} there)")
        cases[lang] = parse_cases(path.read_text(encoding="utf-8"), lang)
    return cases


def normalised(segments: list[str]) -> list[str]:
    """Segments stripped of surrounding whitespace, empty ones dropped."""
    return [s.strip() for s in segments if s.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--golden", type=Path, default=Path("/tmp/pysbd-golden"), help="folder of the test files")
    parser.add_argument("--quiet", action="store_true", help="only the pass counts")
    args = parser.parse_args(argv)

    failures: list[tuple[Case, list[str]]] = []
    print("cases pySBD marks xfail are counted apart (xfail columns)")
    print(f"{'lang':<6}{'cases':>6}{'toolkit':>9}{'pysbd':>7}{'xfail':>8}{'toolkit':>9}{'pysbd':>7}")
    for lang, cases in load_cases(args.golden).items():
        segmenter = pysbd.Segmenter(language=lang, clean=False)
        counts = {(xfail, who): 0 for xfail in (False, True) for who in ("ours", "theirs", "cases")}
        for case in cases:
            expected = normalised(case.expected)
            got = normalised(split_sentences(case.text, lang))
            counts[case.xfail, "cases"] += 1
            counts[case.xfail, "ours"] += got == expected
            counts[case.xfail, "theirs"] += normalised(segmenter.segment(case.text)) == expected
            if got != expected:
                failures.append((case, got))
        row = [counts[xfail, who] for xfail in (False, True) for who in ("cases", "ours", "theirs")]
        print(f"{lang:<6}{row[0]:>6}{row[1]:>9}{row[2]:>7}{row[3]:>8}{row[4]:>9}{row[5]:>7}")
    if not args.quiet:
        for case, got in failures:
            mark = " (xfail in pySBD)" if case.xfail else ""
            print(f"\n{case.lang} {case.name}{mark}\n  input:    {case.text!r}")
            print(f"  expected: {normalised(case.expected)!r}\n  toolkit:  {got!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
