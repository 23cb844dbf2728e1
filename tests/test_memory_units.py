"""Units stored by column come back as they went in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.formats.tmx import TranslationUnit
from toolkit.memory.model import Memory
from toolkit.memory.units import UnitStore

maybe_text = st.one_of(st.none(), st.text(max_size=8))
units = st.builds(
    TranslationUnit,
    st.dictionaries(st.sampled_from(["ru", "en", "kk", "fr"]), st.text(max_size=12), max_size=4),
    maybe_text,
    st.dictionaries(st.sampled_from(["x-document", "x-context-prev"]), st.text(max_size=5), max_size=2),
    st.sampled_from(["", "a.tmx", "penalty-5/b.tmx"]),
    st.one_of(st.none(), st.integers(0, 10**6)),
    maybe_text,
    maybe_text,
    maybe_text,
    maybe_text,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(units, max_size=12), st.lists(units, max_size=5))
def test_store_gives_back_every_unit(first: list[TranslationUnit], more: list[TranslationUnit]) -> None:
    store = UnitStore(first)
    store.extend(more)  # languages first seen here get a column padded for the earlier units
    expected = first + more
    assert len(store) == len(expected) and list(store) == expected and store[:] == expected
    for position, unit in enumerate(expected):
        assert store.text(position, "ru") == unit.variants.get("ru")
        assert store.column("kk")[position] == unit.variants.get("kk")
        assert store.props(position) == unit.props and store.origin(position) == unit.origin
    if expected:
        assert store[-1] == expected[-1]


def test_memory_takes_a_list_of_units() -> None:
    memory = Memory(units=[TranslationUnit({"ru": "Да.", "en": "Yes."}, "t1")])  # type: ignore[arg-type]
    assert isinstance(memory.units, UnitStore)
    assert memory.lookup("Да.", "ru", "en")[0].target == "Yes."
