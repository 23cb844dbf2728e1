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


def test_codes_go_through_mt_as_private_use_characters_and_come_back() -> None:
    from toolkit.inline_place import CODE_FIRST, codes_for_mt, codes_from_mt

    sent = codes_for_mt("Посол <1>Данияр Ахметов</1> провел встречу.<2/>")
    assert (
        sent is not None
        and sent.text
        == f"Посол {chr(CODE_FIRST)}Данияр Ахметов{chr(CODE_FIRST + 1)} провел встречу.{chr(CODE_FIRST + 2)}"
    )
    a, b, c = (chr(CODE_FIRST + i) for i in range(3))
    # the model moved the pair with its words: accepted; a space inside a pair's end moves out
    assert codes_from_mt(f"{a}Ambassador Daniyar Akhmetov {b}held a meeting.{c}", sent) == (
        "<1>Ambassador Daniyar Akhmetov</1> held a meeting.<2/>"
    )
    assert codes_from_mt(f"Ambassador {a}Daniyar Akhmetov held a meeting.{c}", sent) is None  # </1> lost
    assert codes_from_mt(f"{b}Ambassador{a} held a meeting.{c}", sent) is None  # closed before it opened
    assert codes_from_mt(f"{a}Ambassador{b}{b} held a meeting.{c}", sent) is None  # repeated
    assert codes_for_mt(f"text with {chr(CODE_FIRST)} already") is None


def test_invariant_placeholders_leave_code_characters_alone() -> None:
    from toolkit.inline_place import CODE_FIRST
    from toolkit.mt.placeholders import protect

    protected = protect(f"Визит в {chr(CODE_FIRST)}Astana Hub{chr(CODE_FIRST + 1)} 12 мая", "ru")
    assert protected.originals == ("Astana Hub", "12")


class _EchoingModel:
    """Stands in for the engines in one test: a fixed translation of the plain sentence (the
    pair's words not in it), and, for the sentence with code placeholders, the same with the
    placeholders carried through (what a real argos model does with replace_unknowns)."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def translate_noted(self, route, texts, progress=None):
        from toolkit.inline_place import CODE_FIRST

        self.calls.append(list(texts))
        a, b = chr(CODE_FIRST), chr(CODE_FIRST + 1)
        plain_out = "The meeting was held in the capital."
        coded_out = f"The meeting was held in {a}the capital{b}."
        return [(coded_out if a in text else plain_out, ()) for text in texts]


def test_codes_that_cannot_be_placed_go_through_mt_again_as_placeholders() -> None:
    from types import SimpleNamespace

    from toolkit.model import AlignedSegment, LangStats
    from toolkit.pipeline import fill_from_mt
    from toolkit.text.document import Block, BlockKind

    block = Block(0, BlockKind.PARAGRAPH, "Встреча прошла в столице.", "", 1)
    segment = AlignedSegment(
        "d.b00.s00", "d", block, 0, "Встреча прошла в столице.", marked="Встреча прошла в <1>столице</1>."
    )
    model = _EchoingModel()
    route = SimpleNamespace(label="mt test ru->en", steps=(SimpleNamespace(model_id="m"),))
    fill_from_mt([segment], "en", route, model, LangStats())  # type: ignore[arg-type]
    assert model.calls == [["Встреча прошла в столице."], ["Встреча прошла в \uf000столице\uf001."]]
    proposal = segment.targets["en"]
    assert proposal.text == "The meeting was held in <1>the capital</1>."
    assert proposal.notes[0].startswith("inline codes placed by the model")
