"""Inline code markers: parsing, plain text, comparison of a translation's codes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from toolkit.inline import Marker, compare_codes, has_codes, markers, plain, render, tokens


def test_paired_and_standalone_markers() -> None:
    text = "Министр <1>Ержан Ашикбаев</1> встретился<2/> с <3>послом <4>Канады</4></3>."
    assert plain(text) == "Министр Ержан Ашикбаев встретился с послом Канады."
    assert markers(text) == [
        Marker(1, "open"),
        Marker(1, "close"),
        Marker(2, "standalone"),
        Marker(3, "open"),
        Marker(4, "open"),
        Marker(4, "close"),
        Marker(3, "close"),
    ]
    assert render(tokens(text)) == text
    assert has_codes(text)


def test_what_only_looks_like_a_marker_is_text() -> None:
    for text in ("a <3> b", "x <0/> y", "<1>a</1> <1>b</1>", "a </2> b", "<1/> and <1/>", "a <1/2> b"):
        assert not has_codes(text), text
        assert plain(text) == text
    # crossing pairs: the inner open pair is text, the outer one is kept
    assert plain("<1>a <2>b</1> c</2>") == "a <2>b c</2>"


def test_code_differences() -> None:
    source = "<1>Astana</1> hosts<2/> the <3>forum</3>."
    assert not compare_codes(source, "Le <3>forum</3> a lieu à <1>Astana</1><2/>.")
    lost = compare_codes(source, "<1>Астана</1> принимает форум.")
    assert lost.missing == (Marker(2, "standalone"), Marker(3, "open"), Marker(3, "close"))
    assert "missing <2/> <3> </3>" in lost.describe()
    assert compare_codes("a<1/> b<2/>", "b<2/> a<1/>").reordered
    assert compare_codes("<1><2>a</2></1>", "<2><1>a</1></2>").reordered
    assert compare_codes("a", "a<5/>").added == (Marker(5, "standalone"),)


_piece = st.one_of(
    st.text(alphabet="ab< >/1я", max_size=6),
    st.sampled_from(["<1>", "</1>", "<2/>", "<3>", "</3>", "<12/>"]),
)


@given(st.lists(_piece, max_size=12).map("".join))
def test_tokens_round_trip_and_plain_drops_only_markers(text: str) -> None:
    pieces = tokens(text)
    assert render(pieces) == text
    assert all(piece != "" for piece in pieces)
    assert plain(text) == "".join(p for p in pieces if isinstance(p, str))
    ids = [m.id for m in markers(text) if m.kind != "close"]
    assert len(ids) == len(set(ids))


def test_codes_are_placed_where_their_words_are_found_again() -> None:
    from toolkit.inline_place import complete_codes, place_codes

    # verbatim names and numbers, a pair over the whole sentence, standalone codes at the edges
    assert (
        place_codes(
            "Министр посетил <1>Astana Hub</1> в <2>2025</2> году.<3/>",
            "The minister visited Astana Hub in 2025.",
            [],
            "en",
        )
        == "The minister visited <1>Astana Hub</1> in <2>2025</2>.<3/>"
    )
    assert place_codes("<1>Посол провел переговоры.</1>", "The ambassador held talks.", [], "en") == (
        "<1>The ambassador held talks.</1>"
    )
    assert (
        place_codes("<1><2>Оттава</2></1> и Торонто", "Оттава және Торонто", [], "kk")
        == "<1><2>Оттава</2></1> және Торонто"
    )
    # a break right after a placed label goes with it; words that cannot be found are left out
    assert place_codes("<1>Astana:</1><2/> встреча <3>прошла</3>.", "Astana: the meeting took place.", [], "en") == (
        "<1>Astana:</1><2/> the meeting took place."
    )
    assert complete_codes("a <3>b</3> c<4/>", "x y z") == "<3>x y z</3><4/>"
