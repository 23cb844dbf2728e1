"""Memory lookup: exact, in-context (101%), number-adjusted, fuzzy; penalties; ranking; pipeline use."""

from __future__ import annotations

import math
from pathlib import Path

import polib
import pytest
from rapidfuzz import fuzz

from toolkit.formats.tmx import TranslationUnit, write_tmx
from toolkit.memory.model import Memory, NumberShapes, adjust_numbers, file_penalty, load_memory, mask_numbers
from toolkit.pipeline import translate_releases
from toolkit.review.write import write_bundle

ROOT = Path(__file__).resolve().parents[1]
A = "Стороны обсудили вопросы торгово-экономического сотрудничества."
A_EN = "The sides discussed trade and economic cooperation."
B = "Министр провёл встречу с представителями деловых кругов Канады."
B_EN = "The Minister met representatives of the Canadian business community."
N = "В 2024 году товарооборот составил 15,5 млн долларов за 9 месяцев."
N_EN = "In 2024 trade turnover amounted to 15.5 million dollars over 9 months; 2024 was a record."


def unit(ru: str, en: str, **props: str) -> TranslationUnit:
    return TranslationUnit({"ru": ru, "en": en}, props=dict(props))


def memory_of(tmp_path: Path, files: dict[str, list[TranslationUnit]]) -> Memory:
    for name, units in files.items():
        write_tmx(tmp_path / name, units, "ru", ["ru", "en"])
    return load_memory([tmp_path / name for name in files], cache_dir=tmp_path / "cache")


def test_exact_match_is_100_and_unflagged(tmp_path: Path) -> None:
    memory = memory_of(tmp_path, {"m.tmx": [unit(A, A_EN), unit(B, B_EN)]})
    (best,) = memory.lookup("Стороны  обсудили вопросы торгово-экономического сотрудничества.", "ru", "en", limit=1)
    assert (best.kind, best.score, best.target, best.fuzzy) == ("exact", 100, A_EN, False)
    assert best.label == f"tm 100% {tmp_path / 'm.tmx'}"
    assert memory.exact(A, "ru", "en") == memory.lookup(A, "ru", "en", limit=1)[0]


def test_context_match_from_props_and_from_document_neighbours(tmp_path: Path) -> None:
    with_props = unit(A, A_EN, **{"x-context-prev": "", "x-context-next": B})
    memory = memory_of(tmp_path, {"p.tmx": [with_props]})
    assert memory.best(A, "ru", "en", ("", B)).score == 101
    assert memory.best(A, "ru", "en", ("", B)).kind == "context"
    assert memory.best(A, "ru", "en", ("Другое.", B)).score == 100
    assert memory.best(A, "ru", "en").score == 100  # no context given: plain exact

    doc = {"x-source-document": "visit"}
    adjacent = memory_of(
        tmp_path / "adj", {"d.tmx": [unit(B, B_EN, **doc), unit(A, A_EN, **doc), unit(N, N_EN, **doc)]}
    )
    assert adjacent.best(A, "ru", "en", (B, N)).score == 101
    assert adjacent.best(A, "ru", "en", (B, "")).score == 100
    assert adjacent.best(B, "ru", "en", ("", A)).score == 101  # document start


def test_fuzzy_score_is_rapidfuzz_ratio_rounded_down(tmp_path: Path) -> None:
    memory = memory_of(tmp_path, {"m.tmx": [unit(A, A_EN), unit(B, B_EN)]})
    query = "Стороны обсудили вопросы культурно-гуманитарного сотрудничества."
    found = memory.lookup(query, "ru", "en")
    assert [m.kind for m in found] == ["fuzzy"]
    assert found[0].score == math.floor(fuzz.ratio(query, A)) and 75 <= found[0].score < 100
    assert found[0].fuzzy and found[0].source == A
    assert found[0].label == f"tm fuzzy {found[0].score}% {tmp_path / 'm.tmx'}"
    assert memory.lookup(query, "ru", "en", threshold=99) == []
    assert memory.lookup("Совсем другой текст о погоде.", "ru", "en") == []


def test_number_adjusted_substitutes_numbers_in_the_target(tmp_path: Path) -> None:
    memory = memory_of(tmp_path, {"m.tmx": [unit(N, N_EN)]})
    query = "В 2025 году товарооборот составил 17,2 млн долларов за 9 месяцев."
    (best,) = memory.lookup(query, "ru", "en", limit=1)
    assert best.kind == "number-adjusted" and best.score == 99 and best.fuzzy
    # the decimal comma of 15,5 is a point in the English target: the new number follows it
    assert best.target == "In 2025 trade turnover amounted to 17.2 million dollars over 9 months; 2025 was a record."
    assert best.note == "2024 -> 2025, 15,5 -> 17,2"
    assert best.source == N


def test_numbers_missing_from_the_target_give_a_fuzzy_match(tmp_path: Path) -> None:
    source = "Встреча состоялась 5 ноября в Астане."
    memory = memory_of(
        tmp_path, {"m.tmx": [unit(source, "The meeting took place on the fifth of November in Astana.")]}
    )
    query = "Встреча состоялась 7 ноября в Астане."
    assert adjust_numbers(query, source, "The meeting took place on the fifth of November in Astana.") is None
    (best,) = memory.lookup(query, "ru", "en", limit=1)
    assert best.kind == "fuzzy" and best.score == math.floor(fuzz.ratio(query, source))


def test_number_adjusted_when_every_changed_number_is_in_the_target(tmp_path: Path) -> None:
    source = "Подписано 12 соглашений на сумму 300 млн долларов."
    target = "12 agreements worth 300 million dollars were signed."
    memory = memory_of(tmp_path, {"m.tmx": [unit(source, target)]})
    (best,) = memory.lookup("Подписано 14 соглашений на сумму 300 млн долларов.", "ru", "en", limit=1)
    assert best.kind == "number-adjusted"
    assert best.target == "14 agreements worth 300 million dollars were signed."
    assert best.note == "12 -> 14" and "number-adjusted 99%" in best.label
    swapped = adjust_numbers("В 2025 и 2024 годах.", "В 2024 и 2025 годах.", "In 2024 and 2025.")
    assert swapped == ("In 2025 and 2024.", {"2024": "2025", "2025": "2024"})


def test_penalty_folders_lower_scores_and_ranking(tmp_path: Path) -> None:
    assert file_penalty("memories/penalty-10/old.tmx") == 10
    assert file_penalty("memories/a/penalty-30/b/x.tmx") == 30
    assert file_penalty("memories/penalty-10.tmx") == 0 and file_penalty("m/x.tmx") == 0
    (tmp_path / "penalty-10").mkdir()
    memory = memory_of(tmp_path, {"main.tmx": [unit(A, A_EN)], "penalty-10/old.tmx": [unit(A, "Old translation.")]})
    found = memory.lookup(A, "ru", "en")
    assert [(m.score, m.target) for m in found] == [(100, A_EN), (90, "Old translation.")]
    assert found[1].fuzzy and "(penalty 10)" in found[1].label


def test_candidates_ranked_with_provenance_and_deduplicated(tmp_path: Path) -> None:
    alt = TranslationUnit(
        {"ru": A, "en": "Cooperation in trade and the economy was discussed."},
        changedate="20251201T000000Z",
        changeid="editor",
    )
    memory = memory_of(tmp_path, {"a.tmx": [unit(A, A_EN), alt], "b.tmx": [unit(A, A_EN)]})
    found = memory.lookup(A, "ru", "en")
    assert len(found) == 2  # the same source and target from two files is listed once
    assert found[0].unit.changeid == "editor"  # newer first among equal scores
    assert {m.as_dict()["origin"] for m in found} == {str(tmp_path / "a.tmx")}
    assert all(m.as_dict()["line"] for m in found)


@pytest.fixture
def fuzzy_bundle(tmp_path: Path) -> tuple[Path, dict]:
    """A memory holding an edited copy of one sentence of the example and an exact copy of another."""
    from toolkit.glossary.model import Glossary
    from toolkit.segments import segment_document
    from toolkit.text.document import read_release

    segments = segment_document(read_release(ROOT / "examples" / "visit.ru.txt", "ru"), Glossary())
    long = max(segments[2:], key=lambda s: len(s.source))
    edited = long.source.replace(" ", "  ", 1)[:-1] + " в целом."
    exact = segments[1]
    units = [
        unit(edited, "FUZZY-EN"),
        unit(exact.source, "EXACT-EN", **{"x-context-prev": segments[0].source, "x-context-next": segments[2].source}),
    ]
    write_tmx(tmp_path / "mem" / "m.tmx", units, "ru", ["ru", "en"])
    run = translate_releases(
        [ROOT / "examples" / "visit.ru.txt"],
        "ru",
        "en",
        glossary_paths=[],
        memory_paths=[tmp_path / "mem"],
        models_dir=tmp_path / "no-models",
        include_argos_dirs=False,
    )
    write_bundle(run, tmp_path / "out")
    return tmp_path / "out", {"fuzzy": long, "edited": edited, "exact": exact}


def test_pipeline_shows_fuzzy_and_in_context_matches(fuzzy_bundle) -> None:
    out, seg = fuzzy_bundle
    po = polib.pofile(str(out / "visit.en.po"))
    fuzzy = po.find(seg["fuzzy"].id, by="msgctxt")
    assert fuzzy.msgstr == "FUZZY-EN" and "fuzzy" in fuzzy.flags
    assert fuzzy.tcomment.splitlines()[0].startswith("tm fuzzy ") and "% " in fuzzy.tcomment
    assert fuzzy.previous_msgid == " ".join(seg["edited"].split())
    exact = po.find(seg["exact"].id, by="msgctxt")
    assert exact.msgstr == "EXACT-EN" and "fuzzy" not in exact.flags
    assert exact.tcomment.splitlines()[0].startswith("tm 101% ")


def test_number_adjusted_prefers_the_fewest_changed_numbers(tmp_path: Path) -> None:
    units = [
        unit(f"Подписано {n} соглашений на сумму {m} млн долларов.", f"{n} agreements worth {m} million.")
        for n in range(10, 20)
        for m in (100, 200, 300)
    ]
    memory = memory_of(tmp_path, {"m.tmx": units})
    found = memory.lookup("Подписано 15 соглашений на сумму 250 млн долларов.", "ru", "en", kinds=["number-adjusted"])
    # 15/100, 15/200 and 15/300 need one change, all others two: they come first
    assert [m.note.count("->") for m in found] == [1, 1, 1, 2, 2]
    assert {m.target for m in found[:3]} == {"15 agreements worth 250 million."}
    assert all(m.target == "15 agreements worth 250 million." for m in found)


def test_number_adjusted_checks_the_shape_a_hash_picks(tmp_path: Path) -> None:
    other = "Подписано 3 меморандума о сотрудничестве."
    units = [
        unit(f"Подписано {n} соглашений на сумму {n}0 млн долларов.", f"{n} agreements, {n}0 million.")
        for n in (10, 11)
    ]
    memory = memory_of(tmp_path, {"m.tmx": [*units, unit(other, "3 memoranda.")]})
    query = "Подписано 12 соглашений на сумму 120 млн долларов."
    expected = [m.as_dict() for m in memory.lookup(query, "ru", "en", kinds=["number-adjusted"])]
    shapes = NumberShapes(memory.table("ru").texts)
    shapes._hashes[:] = hash(mask_numbers(query))  # every sentence with a number collides
    memory.table("ru").shapes = shapes
    found = memory.lookup(query, "ru", "en", kinds=["number-adjusted"])
    assert [m.as_dict() for m in found] == expected and len(found) == 2
    assert other not in {m.source for m in found}
