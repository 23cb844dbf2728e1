"""Exact-segment accuracy on a corpus of releases in the published style (tests/data/releases).

    .venv/bin/python -m pytest -s tests/test_segment_releases.py   # prints the figures

Each release `<name>.<lang>.txt` has its gold segmentation `<name>.<lang>.gold` (format:
tests/data/releases/README.md). A release is read with parse_release and cut into segments
with block_sentences, as the pipeline does; a gold segment counts as exact when a produced
segment has the same kind and the same text (multiset intersection).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from toolkit.text.document import BlockKind, block_sentences, parse_release

RELEASES = Path(__file__).parent / "data" / "releases"
MIN_ACCURACY = 0.98
Segment = tuple[str, str]  # (kind value, text)


def _unescape(text: str) -> str:
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append("\n" if following == "n" else following)
        else:
            out.append(char)
    return "".join(out)


def read_gold(path: Path) -> list[Segment]:
    """The gold segments of a release: one `kind TAB segment` per line."""
    segments = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, tab, text = line.partition("\t")
        if not tab or not text.strip():
            raise ValueError(f"{path}:{number}: expected kind TAB segment")
        segments.append((BlockKind(kind).value, _unescape(text)))
    return segments


def produced(path: Path) -> list[Segment]:
    """The segments the toolkit makes of a release file, with their block kinds."""
    lang = path.name.split(".")[-2]
    document = parse_release(path.read_text(encoding="utf-8"), lang, path.name)
    return [(block.kind.value, text) for block in document.blocks for text in block_sentences(block, lang)]


def release_paths() -> list[Path]:
    return sorted(RELEASES.glob("*.txt"))


def exact(gold: list[Segment], got: list[Segment]) -> int:
    """How many gold segments were produced exactly (kind and text), as multisets."""
    return sum((Counter(gold) & Counter(got)).values())


def test_corpus_shape() -> None:
    paths = release_paths()
    langs = Counter(path.name.split(".")[-2] for path in paths)
    assert len(paths) >= 36
    assert set(langs) == {"ru", "kk", "en", "fr"}
    assert langs["ru"] + langs["kk"] > langs["en"] + langs["fr"]
    for path in paths:
        assert path.with_suffix(".gold").is_file(), path


@pytest.mark.parametrize("path", release_paths(), ids=lambda p: p.name)
def test_release_reads_back_exactly(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lang = path.name.split(".")[-2]
    assert parse_release(text, lang).render({}) == text
    gold = read_gold(path.with_suffix(".gold"))
    assert [kind for kind, _ in gold].count("headline") == 1
    assert [kind for kind, _ in gold].count("dateline") == 1
    for kind, segment in gold:  # every gold segment stands in the release as written
        assert segment in text, (kind, segment)


def test_exact_segment_accuracy() -> None:
    total = hits = 0
    per_lang: dict[str, list[int]] = {}
    misses = []
    for path in release_paths():
        gold, got = read_gold(path.with_suffix(".gold")), produced(path)
        found = exact(gold, got)
        lang = path.name.split(".")[-2]
        per_lang.setdefault(lang, [0, 0])
        per_lang[lang][0] += found
        per_lang[lang][1] += len(gold)
        total, hits = total + len(gold), hits + found
        missing = Counter(gold) - Counter(got)
        misses += [(path.name, segment) for segment in missing.elements()]
    accuracy = hits / total
    print(f"\nexact segments: {hits}/{total} = {accuracy:.1%} over {len(release_paths())} releases")
    print("  " + ", ".join(f"{lang} {n}/{d}" for lang, (n, d) in sorted(per_lang.items())))
    for name, (kind, segment) in misses:
        print(f"  missed in {name}: {kind} {segment!r}")
    assert accuracy >= MIN_ACCURACY


def test_hazards_are_in_the_corpus() -> None:
    texts = "\n".join(path.read_text(encoding="utf-8") for path in release_paths())
    golds = [segment for path in release_paths() for segment in read_gold(path.with_suffix(".gold"))]
    datelines = {text for kind, text in golds if kind == "dateline"}
    chrome = {text for kind, text in golds if kind == "chrome"}
    sources = {text for kind, text in golds if kind == "source"}
    for dateline in [
        "Астана. 23 февраля. KAZAKHSTAN TODAY",
        "АСТАНА. KAZINFORM",
        "NUR-SULTAN. KAZINFORM",
        "АСТАНА",
        "ASTANA",
        "Страсбург, 2026 жылғы 3 наурыз",
        "Paris, le 3 mars 2026",
        "WASHINGTON, March 3 (Kazinform)",
    ]:
        assert dateline in datelines
    for line in ["Поделиться", "Бөлісу", "Tell a friend", "Материал из архива", "This is an archived page"]:
        assert line in chrome
    assert any(kind == "chrome" and text in {t for k, t in golds if k == "headline"} for kind, text in golds)
    for label in [
        "Источник: ",
        "Дереккөз: ",
        "Source: ",
        "Ақпарат көзі: ",
        "Фото: ",
        "Photo: ",
        "Source de l'information",
    ]:
        assert any(text.startswith(label) for text in sources), label
    assert any(text.startswith("https://") for text in sources)
    for hazard in ["«", "гг.", "т.ч.", "т.б.", "etc.", "М.Тулеубаев", "Е.Көшербаев", "Просмотров:", "Views:"]:
        assert hazard in texts, hazard
    broken = [text for kind, text in golds if kind == "paragraph" and "\n" in text]
    assert len(broken) >= 10
