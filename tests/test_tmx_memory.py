from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.errors import InputError
from toolkit.memory import load_memory
from toolkit.tmx import TranslationUnit, read_tmx, tmx_bytes, write_tmx

ROOT = Path(__file__).resolve().parents[1]

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/>
<body>
<tu tuid="1"><prop type="x-source-document">a.txt</prop>
 <tuv xml:lang="ru-RU"><seg>Стороны обсудили  вопросы сотрудничества.</seg></tuv>
 <tuv xml:lang="en"><seg>The sides discussed <ph>&lt;b&gt;</ph>cooperation.</seg></tuv>
</tu>
{extra}
</body></tmx>
"""


def test_read_units_languages_props_and_inline_codes(tmp_path: Path) -> None:
    path = tmp_path / "m.tmx"
    path.write_text(TMX.format(extra=""), encoding="utf-8")
    (unit,) = read_tmx(path)
    assert unit.tuid == "1"
    assert unit.variants == {"ru": "Стороны обсудили  вопросы сотрудничества.", "en": "The sides discussed cooperation."}
    assert unit.props == {"x-source-document": "a.txt"}


def test_exact_lookup_folds_whitespace(tmp_path: Path) -> None:
    path = tmp_path / "m.tmx"
    path.write_text(TMX.format(extra=""), encoding="utf-8")
    memory = load_memory([tmp_path])
    match = memory.exact("Стороны обсудили вопросы сотрудничества.", "ru", "en")
    assert match is not None and match.score == 100
    assert match.label == f"tm 100% {path}"
    assert memory.exact("Стороны обсудили вопросы сотрудничества.", "ru", "fr") is None
    assert memory.exact("Другое предложение.", "ru", "en") is None


@pytest.mark.parametrize(
    "text, message",
    [
        (TMX.format(extra="<tu><tuv><seg>x</seg></tuv></tu>"), "without xml:lang"),
        (TMX.format(extra="<tu><tuv xml:lang='en'></tuv></tu>"), "without <seg>"),
        (TMX.format(extra="<tu>").replace("</body>", "</bdy>"), "malformed TMX"),
        ('<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaa">]>\n<tmx version="1.4"><body/></tmx>', "DOCTYPE"),
        ('<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n<tmx/>', "DOCTYPE"),
        ('<?xml version="1.0"?>\n<xliff/>', "not a TMX"),
    ],
)
def test_bad_tmx_rejected_with_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_tmx(path)
    assert info.value.path == str(path)
    assert info.value.line is not None


def test_project_memory_loads() -> None:
    memory = load_memory([ROOT / "memories"])
    assert len(memory.units) >= 10
    assert all({"ru", "kk", "en", "fr"} <= set(u.variants) for u in memory.units)


xml_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff"), max_size=60
).filter(lambda s: all(c in "\t\n\r" or ord(c) >= 0x20 for c in s))


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["ru", "kk", "en", "fr"]), xml_text, min_size=1))
def test_tmx_write_read_round_trip(tmp_path_factory, variants: dict[str, str]) -> None:
    path = tmp_path_factory.mktemp("rt") / "rt.tmx"
    write_tmx(path, [TranslationUnit(variants, "u1", {"x-k": "v"})], "ru", ["ru", "kk", "en", "fr"])
    (unit,) = read_tmx(path)
    # lxml writes CR as &#13;, so it survives the XML parser's line-end normalisation.
    assert unit.variants == variants
    assert unit.props == {"x-k": "v"}


def test_control_characters_are_dropped_on_write() -> None:
    data = tmx_bytes([TranslationUnit({"ru": "a\x01b\x1fc"})], "ru", ["ru"])
    assert b"<seg>abc</seg>" in data
