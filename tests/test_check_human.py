"""`toolkit check` on translations of human quality (tests/data/human, see its README): a CI gate
that fails good translations gets switched off, so no error-level finding is allowed there.

The corpus shows the habits of published translations (abbreviations expanded, descriptive
titles made specific, pronouns for repeated titles, sources lines in one version only, people
by title and surname). Run with `-s` to see the findings per rule and severity.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from toolkit.qa.model import Severity
from toolkit.qa.runner import CheckOptions, run_check

ROOT = Path(__file__).resolve().parents[1]
HUMAN = ROOT / "tests" / "data" / "human"
GLOSSARY = ROOT / "glossaries"


@pytest.mark.parametrize("direction", ["ru-en", "kk-en", "ru-fr"])
def test_no_error_on_human_translations(direction: str) -> None:
    result = run_check([HUMAN / direction], CheckOptions(glossary_paths=[GLOSSARY]))
    pairs = len(list((HUMAN / direction).glob("*.txt"))) // 2
    assert pairs >= 10 and result.segments > 100
    counts = Counter((f.severity.label, f.rule) for f in result.findings)
    print(f"\n{direction}: {pairs} pairs, {result.segments} segments, findings {dict(sorted(counts.items()))}")
    errors = [f"{f.file}:{f.line} {f.rule}: {f.message}" for f in result.findings if f.severity == Severity.ERROR]
    assert errors == []
