"""Overlong segments are translated in parts cut at clause boundaries, and an MT output that
reaches the maximum decoding length is never cut silently: a PO note and a warning say so, and
the note comes back when the output is taken from the cache."""

from __future__ import annotations

import re
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.mt.cache import MTCache
from toolkit.mt.engine import DecodeOptions
from toolkit.mt.split import MAX_MT_CHARS, split_for_mt
from toolkit.pipeline import translate_releases
from toolkit.review.write import write_bundle

ROOT = Path(__file__).resolve().parents[1]


def test_short_text_is_one_part() -> None:
    assert split_for_mt("Посол прибыл.") == ["Посол прибыл."]


def test_cuts_prefer_semicolons_then_commas_near_the_middle() -> None:
    clause = "стороны обсудили вопросы двустороннего сотрудничества в сфере энергетики"
    text = f"{clause}, {clause}; {clause}, {clause}."
    assert split_for_mt(text, limit=160) == [f"{clause}, {clause};", f"{clause}, {clause}."]
    assert split_for_mt(text, limit=80) == [f"{clause},", f"{clause};", f"{clause},", f"{clause}."]


def test_a_dash_starts_the_next_part() -> None:
    left, right = "а" * 50, "б" * 50
    assert split_for_mt(f"{left} – {right}", limit=60) == [left, f"– {right}"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("абв ,;:–-.xy")), min_size=0, max_size=2000), st.integers(20, 500))
def test_parts_fit_and_keep_every_character(text: str, limit: int) -> None:
    parts = split_for_mt(text, limit)
    assert all(len(p) <= limit for p in parts)
    assert re.sub(r"\s", "", "".join(parts)) == re.sub(r"\s", "", text)


def run(models_dir: Path, release: Path, **kwargs):
    return translate_releases([release], "ru", "en", models_dir=models_dir, include_argos_dirs=False, **kwargs)


def test_a_page_long_line_is_translated_in_parts_with_a_note(models_dir: Path, tmp_path: Path) -> None:
    clause = "Посол Казахстана в Канаде провел встречу с руководством провинции"
    release = tmp_path / "long.ru.txt"
    release.write_text("Длинный текст\n" + ", ".join([clause] * 60) + ".\n", encoding="utf-8")
    result = run(models_dir, release)
    assert any("translated in parts" in w for w in result.warnings)
    write_bundle(result, tmp_path / "out")
    (entry,) = [e for e in polib.pofile(str(tmp_path / "out" / "long.en.po")) if len(e.msgid) > MAX_MT_CHARS]
    assert "parts cut at clause boundaries" in entry.tcomment
    assert len(entry.msgstr) > 1000  # every part translated, nothing cut off


def test_an_output_at_the_maximum_length_is_noted_even_from_the_cache(models_dir: Path, tmp_path: Path) -> None:
    cache = MTCache(tmp_path / "cache.sqlite3")
    result = run(
        models_dir, ROOT / "examples" / "visit.ru.txt", options=DecodeOptions(max_decoding_length=4), cache=cache
    )
    assert any("reached the maximum length of 4 tokens" in w for w in result.warnings)
    write_bundle(result, tmp_path / "out")
    notes = [e.tcomment for e in polib.pofile(str(tmp_path / "out" / "visit.en.po")) if e.msgstr]
    assert any("maximum length (4 tokens): it may be cut" in n for n in notes)
    assert result.mt_decoded > 0
    again = run(
        models_dir, ROOT / "examples" / "visit.ru.txt", options=DecodeOptions(max_decoding_length=4), cache=cache
    )
    assert again.mt_decoded == 0 and again.mt_cached == result.mt_decoded
    assert any("reached the maximum length of 4 tokens" in w for w in again.warnings)
    cache.close()


def test_every_phase_of_a_long_run_shows_progress(tmp_path: Path) -> None:
    """Segmenting, the memory and writing the bundle report progress, not only MT."""
    release = tmp_path / "long.ru.txt"
    release.write_text(
        "Заголовок\n" + "\n".join(f"Пункт {i}. Стороны обсудили сотрудничество." for i in range(50)), encoding="utf-8"
    )
    seen: dict[str, list[int]] = {}

    def progress(description: str, total: int):
        seen[description] = [total, 0]

        def advance(n: int) -> None:
            seen[description][1] += n

        return advance

    result = translate_releases(
        [release],
        "ru",
        "en",
        memory_paths=[ROOT / "memories"],
        models_dir=tmp_path / "none",
        include_argos_dirs=False,
        progress=progress,
    )
    write_bundle(result, tmp_path / "out", progress)
    assert {"segmenting, terms", "memory ->en", "writing the bundle"} <= set(seen)
    assert all(done == total for total, done in seen.values()), seen
