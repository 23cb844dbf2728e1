"""Precision and recall of term recognition on the annotated test set (tests/data/terms/)
against the project glossary. The floors are what the recogniser honestly reaches on that set,
minus a margin for data that is still being written; `bench/terms_eval.py --errors` lists the
misses and false positives."""

from pathlib import Path

import pytest

from toolkit.glossary.files import load_glossary
from toolkit.glossary.terms.evaluation import DATA, evaluate_language, load_cases

ROOT = Path(__file__).resolve().parents[1]
FLOOR = {"ru": 0.95, "kk": 0.95, "en": 0.95, "fr": 0.95}
MIN_OCCURRENCES = 300


@pytest.fixture(scope="module")
def glossary():
    return load_glossary([ROOT / "glossaries"])


@pytest.mark.parametrize("lang", sorted(FLOOR))
def test_precision_and_recall(lang: str, glossary) -> None:
    path = ROOT / DATA / f"{lang}.tsv"
    if not path.exists():
        pytest.skip(f"no test set {path.name} yet")
    cases = load_cases(path)
    score = evaluate_language(cases, lang, glossary, exact=True)
    assert score.gold >= MIN_OCCURRENCES, f"{lang}: only {score.gold} annotated occurrences"
    report = "\n".join(score.misses + score.false_positives)
    assert score.recall >= FLOOR[lang], f"{lang} recall {score.recall:.3f}\n{report}"
    assert score.precision >= FLOOR[lang], f"{lang} precision {score.precision:.3f}\n{report}"


def test_annotations_name_concepts_of_the_glossary(glossary) -> None:
    ids = {c.id for c in glossary.concepts}
    for path in sorted((ROOT / DATA).glob("*.tsv")):
        unknown = {concept for case in load_cases(path) for concept, _, _ in case.gold} - ids
        assert not unknown, f"{path.name}: concepts not in the glossary: {sorted(unknown)}"
