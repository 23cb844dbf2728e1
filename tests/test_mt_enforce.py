"""The glossary in MT, on the real fixture models: n-best selection, prefix forcing, suppressed
forbidden variants, placeholders, PO notes and the cache key.

The fixture models memorise tests/fixtures/corpus/parallel.tsv: their 1-best is the memorised
sentence and lower hypotheses are stutters of it scoring far below, so the tests that need a
lower hypothesis (or a forced prefix) taken turn the score margin off (max_drop=None)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import corpus_rows
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.formats.bundle import build_po
from toolkit.glossary.files import load_glossary
from toolkit.mt.cache import MTCache
from toolkit.mt.enforce import Enforcer, constraints_for
from toolkit.mt.packages import list_packages
from toolkit.mt.placeholders import find_invariants, lost_invariants, placeholder, protect, restore
from toolkit.mt.router import EngineSet, find_route
from toolkit.pipeline import translate_releases

DATA = Path(__file__).parent / "data" / "mt_glossary"
NBEST = DATA / "nbest.csv"  # руководство -> en "lead"
FORBIDDEN = DATA / "forbidden.csv"  # посол -> en "Envoy", en "Ambassador" forbidden
ROWS = corpus_rows()
TALKS = ROWS[0]["ru"]  # "Посол Казахстана провел переговоры с руководством Онтарио ..."
CREDENTIALS = next(r["ru"] for r in ROWS if "верительные" in r["ru"])


@pytest.fixture(scope="module")
def ru_en(models_dir: Path):
    return find_route(list_packages(models_dir, include_argos=False), "ru", "en")


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def test_a_lower_hypothesis_with_the_approved_term_is_chosen(ru_en) -> None:
    plain = EngineSet()
    baseline = plain.translate(ru_en, [TALKS])[0]
    assert "lead" not in words(baseline)
    engine = plain.engine(ru_en.steps[0])
    hyps = [engine.decode(p) for p, _ in engine.search(engine.encode(TALKS), 8)]
    rank = next(i for i, h in enumerate(hyps, start=1) if "lead" in words(h))
    assert rank > 1

    engines = EngineSet(glossary=load_glossary([NBEST]), max_drop=None)
    [(text, notes)] = engines.translate_noted(ru_en, [TALKS])
    assert text == hyps[rank - 1]
    assert notes == (f"glossary enforced: lead [test.lead] (n-best {rank})",)


def test_the_default_margin_keeps_the_1best_and_flags_the_term_missing(ru_en) -> None:
    baseline = EngineSet().translate(ru_en, [TALKS])[0]
    [(text, notes)] = EngineSet(glossary=load_glossary([NBEST])).translate_noted(ru_en, [TALKS])
    assert text == baseline
    assert notes == ("glossary missing: lead [test.lead]",)


def test_a_forbidden_variant_is_suppressed_and_the_term_forced_by_prefix(ru_en) -> None:
    glossary = load_glossary([FORBIDDEN])
    plain = EngineSet()
    baseline = plain.translate(ru_en, [CREDENTIALS])[0]
    assert "Ambassador" in baseline
    enforcer = Enforcer(plain.engine(ru_en.steps[0]), glossary, "ru", "en")
    constraints = constraints_for(glossary, CREDENTIALS, "ru", "en")
    assert constraints.forbidden == ("Ambassador",)
    assert enforcer.suppressed(constraints) == [enforcer.pieces("Ambassador")]

    [(text, notes)] = EngineSet(glossary=glossary, max_drop=None).translate_noted(ru_en, [CREDENTIALS])
    assert "Ambassador" not in text and "Envoy" in words(text)
    assert notes == (
        "glossary enforced: Envoy [test.envoy] (prefix)",
        "glossary forbidden variant suppressed: Ambassador [test.envoy]",
    )
    # with the default margin the forced prefix is refused, the suppression still holds
    [(kept, flagged)] = EngineSet(glossary=glossary).translate_noted(ru_en, [CREDENTIALS])
    assert "Ambassador" not in kept and "glossary missing: Envoy [test.envoy]" in flagged


def test_sentences_without_constraints_decode_exactly_as_before(ru_en) -> None:
    sources = [r["ru"] for r in ROWS]
    glossary = load_glossary([NBEST])
    free = [s for s in sources if not constraints_for(glossary, s, "ru", "en")]
    assert len(free) >= 5
    baseline = EngineSet().translate(ru_en, free)
    enforced = EngineSet(glossary=glossary, max_drop=None).translate_noted(ru_en, free)
    assert [t for t, _ in enforced] == baseline == [r["en"] for r in ROWS if r["ru"] in free]
    assert all(notes == () for _, notes in enforced)


def test_the_cache_key_holds_the_constraints(ru_en, tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text(NBEST.read_text(encoding="utf-8").replace(",lead,", ",leadership,"), encoding="utf-8")
    with MTCache(tmp_path / "cache.sqlite3") as cache:
        first = EngineSet(cache=cache, glossary=load_glossary([NBEST]), max_drop=None)
        [(text, notes)] = first.translate_noted(ru_en, [TALKS])
        again = EngineSet(cache=cache, glossary=load_glossary([NBEST]), max_drop=None)
        engine = again.engine(ru_en.steps[0])
        engine.search = None  # a cached enforced result needs no decoding at all
        assert again.translate_noted(ru_en, [TALKS]) == [(text, notes)]
        changed = EngineSet(cache=cache, glossary=load_glossary([other]), max_drop=None)
        [(text2, notes2)] = changed.translate_noted(ru_en, [TALKS])
    assert "leadership" in words(text2) and text2 != text
    assert notes2 == ("glossary enforced: leadership [test.lead] (n-best 1)",)


def test_po_entries_list_enforced_and_missing_terms(models_dir: Path, tmp_path: Path) -> None:
    release = tmp_path / "talks.ru.txt"
    plain = CREDENTIALS.replace("Посол", "Министр")  # no test concept in it
    release.write_text(f"{TALKS}\n\n{plain}\n", encoding="utf-8")
    notes = {}
    for drop in (None, 3.0):
        run = translate_releases(
            [release],
            "ru",
            "en",
            glossary_paths=[NBEST],
            models_dir=models_dir,
            include_argos_dirs=False,
            max_drop=drop,
        )
        assert (run.signature.n_best, run.signature.margin) == (8, drop)
        assert f"glossary in MT: n-best 8, margin {drop}" in run.signature.render()
        po = build_po(run.documents[0], "ru", "en", run.signature)
        entries = {e.msgid: e for e in po}
        assert not any(line.startswith("glossary") for line in entries[plain].tcomment.splitlines())
        notes[drop] = [line for line in entries[TALKS].tcomment.splitlines() if line.startswith("glossary")]
        if drop is None:
            assert "lead" in words(entries[TALKS].msgstr)
    assert len(notes[None]) == 1 and notes[None][0].startswith("glossary enforced: lead [test.lead] (n-best ")
    assert notes[3.0] == ["glossary missing: lead [test.lead]"]


# -- placeholders --------------------------------------------------------------------------------


def test_invariants_are_found() -> None:
    text = "См. https://gov.kz/mfa и info@mfa.kz: рост на 12,5% в 2025 году, визит Global Affairs Canada."
    assert find_invariants(text, "ru") == [
        "https://gov.kz/mfa",
        "info@mfa.kz",
        "12,5%",
        "2025",
        "Global Affairs Canada",
    ]
    assert find_invariants("Global Affairs Canada, 18-19 November 2025", "en") == ["18-19", "2025"]


def test_protect_then_restore_gives_the_invariants_back_exactly() -> None:
    text = "Подробности: https://www.gov.kz/memleket/entities/mfa?lang=ru, тел. 8-7172-72-05-18, 35-летие."
    protected = protect(text, "ru")
    assert not any(o in protected.text for o in protected.originals)
    assert protected.originals == ("https://www.gov.kz/memleket/entities/mfa?lang=ru", "8-7172-72-05-18", "35")
    assert restore(protected.text, protected.originals) == text
    assert restore(protected.text.replace(placeholder(1), ""), protected.originals) is None
    assert restore(protected.text + placeholder(0), protected.originals) is None
    assert lost_invariants(["35", "35", "2025"], "35 and 2025") == ["35"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["Посол", "встретился", "с", "в", "году", "—", ",", "Ontario Trade", "IT"]),
            st.integers(0, 10**6).map(str),
            st.from_regex(r"https://[a-z]{2,8}\.kz/[a-z0-9]{1,6}", fullmatch=True),
            st.from_regex(r"[a-z]{2,6}@[a-z]{2,6}\.kz", fullmatch=True),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_placeholders_round_trip(parts: list[str]) -> None:
    text = " ".join(parts)
    protected = protect(text, "ru")
    assert len(protected.originals) == len(find_invariants(text, "ru"))
    assert restore(protected.text, protected.originals) == text


def test_a_lost_placeholder_falls_back_to_the_unprotected_translation(ru_en) -> None:
    sentence = "Товарооборот между Казахстаном и Канадой вырос на 47% в 2031 году."
    baseline = EngineSet().translate(ru_en, [sentence])[0]
    assert lost_invariants(find_invariants(sentence, "ru"), baseline)
    [(text, notes)] = EngineSet(glossary=load_glossary([NBEST])).translate_noted(ru_en, [sentence])
    assert text == baseline
    assert len(notes) == 1 and notes[0].startswith("invariant lost: ")
    assert "placeholders did not survive this model" in notes[0]


def test_a_model_that_drops_placeholders_is_probed_once_not_retried_per_sentence(ru_en) -> None:
    from toolkit.mt.router import PLACEHOLDER_PROBE

    # distinct once their numbers are behind placeholders, so every protected source is new
    sentences = [f"Товарооборот {'заметно ' * n}вырос на {n}% в {2030 + n} году." for n in range(PLACEHOLDER_PROBE + 5)]
    engines = EngineSet(glossary=load_glossary([NBEST]))
    engine = engines.engine(ru_en.steps[0])
    decoded: list[str] = []
    original = engine.translate_batches

    def counting(texts):
        decoded.extend(texts)
        return original(texts)

    engine.translate_batches = counting
    results = engines.translate_noted(ru_en, sentences)
    # the plain pass, then only the probe batch of protected sources
    assert len(decoded) == len(sentences) + PLACEHOLDER_PROBE
    assert all(len(notes) == 1 and notes[0].startswith("invariant lost: ") for _, notes in results)


def test_invariants_the_1best_keeps_need_no_placeholders(ru_en) -> None:
    dated = next(r for r in ROWS if "2025" in r["ru"] and "18-19" in r["ru"])
    [(text, notes)] = EngineSet(glossary=load_glossary([NBEST])).translate_noted(ru_en, [dated["ru"]])
    assert text == dated["en"] and notes == ()


def test_enforcement_works_through_a_multilingual_model() -> None:
    from toolkit.mt.multilingual import MultilingualEngine, load_model

    tiny = load_model(Path(__file__).parent / "fixtures" / "multilingual" / "m2m-tiny")
    engine = MultilingualEngine(tiny.step("ru", "en"))
    baseline = engine.translate([TALKS])[0]
    assert "Ambassador" in baseline
    glossary = load_glossary([FORBIDDEN])
    enforcer = Enforcer(engine, glossary, "ru", "en", max_drop=None)
    outcome = enforcer.enforce(TALKS, baseline, constraints_for(glossary, TALKS, "ru", "en"))
    assert "Ambassador" not in outcome.text and "__en__" not in outcome.text
    assert "glossary forbidden variant suppressed: Ambassador [test.envoy]" in outcome.notes
    # forced where the forbidden variant stood in the 1-best, the words before it kept
    assert outcome.text.startswith(baseline[: baseline.index("Ambassador")] + "Envoy ")
    assert "glossary enforced: Envoy [test.envoy] (prefix)" in outcome.notes


class EchoEngine:
    """A 'model' that copies its input pieces (unknown ones included, as replace_unknowns does):
    what a model that carries placeholders through would output."""

    def __init__(self, sp) -> None:
        self.sp = sp

    def encode(self, sentence: str) -> list[str]:
        return self.sp.encode(sentence, out_type=str)

    def prefix_tokens(self) -> list[str]:
        return []

    def decode(self, pieces) -> str:
        return self.sp.decode_pieces(list(pieces)).replace("\u2581", " ").strip()

    def search(self, tokens, num_hypotheses, prefix=(), suppress=()):
        return [(list(tokens), 0.0)]

    def score(self, tokens, output) -> float:
        return 0.0


def test_placeholders_carried_by_a_model_restore_urls_and_numbers_exactly(ru_en, tmp_path: Path) -> None:
    sentence = "Подробности на https://www.gov.kz/memleket/entities/mfa и по адресу press@mfa.kz, тел. 8-7172-72-05-18."
    real = EngineSet().engine(ru_en.steps[0])
    invariants = find_invariants(sentence, "ru")
    damaged = "Details at https://www.gov.kz and press@mfa.kz, 8-7172."  # what a model may do to them
    enforcer = Enforcer(EchoEngine(real.sp), load_glossary([NBEST]), "ru", "en")
    outcome = enforcer.enforce(sentence, damaged, constraints_for(load_glossary([NBEST]), sentence, "ru", "en"))
    assert outcome.text == sentence  # the echo 'translation', every invariant back verbatim
    assert not lost_invariants(invariants, outcome.text)
    assert outcome.notes == ("placeholders restored: " + ", ".join(invariants),)
