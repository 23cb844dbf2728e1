"""Formatted paragraphs as marked text: cutting into segments and putting back together."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from toolkit.inline import plain
from toolkit.text.coded import Point, Span, flatten, marked_of, replace_ranges, slice_marked

TEXT = "Министр <1>Ержан Ашикбаев</1> встретился.<2/> Затем <3>он <4>сказал</4> «да».</3> Конец<5></5>."
RANGES = [(0, 34), (35, 56), (57, 63)]


def test_flatten_keeps_nesting_points_and_empty_pairs() -> None:
    pieces = flatten(TEXT)
    assert Span("сказал", (3, 4)) in pieces
    assert Point(2) in pieces and Span("", (5,)) in pieces
    assert marked_of(pieces) == TEXT


def test_segments_take_their_codes_and_codes_at_an_edge_go_with_the_sentence_before() -> None:
    assert [plain(TEXT)[a:b] for a, b in RANGES] == [
        "Министр Ержан Ашикбаев встретился.",
        "Затем он сказал «да».",
        "Конец.",
    ]
    assert [slice_marked(TEXT, a, b, RANGES) for a, b in RANGES] == [
        "Министр <1>Ержан Ашикбаев</1> встретился.<2/>",
        "Затем <3>он <4>сказал</4> «да».</3>",
        "Конец<5></5>.",
    ]


def test_translated_segments_replace_their_ranges_and_the_rest_stays() -> None:
    new = ["<1>Yerzhan</1> met.<2/>", "Then <3>he <4>said</4></3>", "End<5></5>."]
    pieces = replace_ranges(TEXT, [(a, b, t) for (a, b), t in zip(RANGES, new)])
    assert marked_of(pieces) == "<1>Yerzhan</1> met.<2/> Then <3>he <4>said</4></3> End<5></5>."


def test_a_pair_over_two_sentences_is_cut_and_joined_again() -> None:
    text, ranges = "<1>Первое. Второе.</1>", [(0, 7), (8, 15)]
    assert [slice_marked(text, a, b, ranges) for a, b in ranges] == ["<1>Первое.</1>", "<1>Второе.</1>"]
    assert marked_of(replace_ranges(text, [(0, 7, "<1>One.</1>"), (8, 15, "<1>Two.</1>")])) == "<1>One. Two.</1>"


_words = st.text(alphabet="аб .", max_size=5)


@st.composite
def _marked(draw: st.DrawFn, depth: int = 0, ids: list[int] | None = None) -> str:
    """Well-formed marked text: words, standalone codes and nested pairs, each id once."""
    ids = ids if ids is not None else []
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "point", "pair"] if depth < 2 else ["text", "point"]))
        if kind == "text":
            parts.append(draw(_words))
            continue
        ids.append(len(ids) + 1)
        code = ids[-1]
        parts.append(f"<{code}/>" if kind == "point" else f"<{code}>{draw(_marked(depth + 1, ids))}</{code}>")
    return "".join(parts)


@st.composite
def _paragraph(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(_marked())
    length = len(plain(text))
    cuts = sorted(set(draw(st.lists(st.integers(0, length), max_size=6))))
    ranges = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    return text, ranges


@given(_paragraph())
def test_segments_put_back_unchanged_give_the_paragraph(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, ranges = case
    slices = [slice_marked(text, a, b, ranges) for a, b in ranges]
    assert [plain(s) for s in slices] == [plain(text)[a:b] for a, b in ranges]
    rebuilt = replace_ranges(text, [(a, b, s) for (a, b), s in zip(ranges, slices)])
    assert marked_of(rebuilt) == marked_of(flatten(text))
