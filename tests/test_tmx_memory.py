from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from toolkit.errors import InputError
from toolkit.formats.tmx import TranslationUnit, read_tmx, tmx_bytes, write_tmx
from toolkit.memory.model import load_memory

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
    assert unit.variants == {
        "ru": "Стороны обсудили  вопросы сотрудничества.",
        "en": "The sides discussed cooperation.",
    }
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
        (
            '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n'
            '<tmx version="1.4"><header/><body><tu><tuv xml:lang="ru"><seg>&remote;</seg></tuv></tu></body></tmx>',
            "entity reference &remote; .entities",
        ),
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


def test_a_doctype_naming_the_tmx_dtd_is_read_without_loading_it(tmp_path: Path) -> None:
    path = tmp_path / "cat-tool.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4"><header srclang="ru"/><body>'
        '<tu><tuv xml:lang="ru"><seg>Посол прибыл.</seg></tuv><tuv xml:lang="en"><seg>The Ambassador arrived.</seg></tuv>'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    assert [u.variants for u in read_tmx(path)] == [{"ru": "Посол прибыл.", "en": "The Ambassador arrived."}]


PEER_TMX = sorted((ROOT.parent / "shared" / "peerfiles" / "tmx").glob("*.tmx"))


@pytest.mark.skipif(not PEER_TMX, reason="../shared/peerfiles is not beside this checkout")
@pytest.mark.parametrize("path", PEER_TMX, ids=lambda p: p.name)
def test_tmx_files_other_tools_wrote_are_read(path: Path) -> None:
    """Three of them declare `<!DOCTYPE tmx SYSTEM ...>` (one in UTF-16): all are read."""
    assert read_tmx(path)


def test_project_memory_loads() -> None:
    memory = load_memory([ROOT / "memories"])
    assert len(memory.units) >= 10
    assert all({"ru", "kk", "en", "fr"} <= set(u.variants) for u in memory.units)


# any code point: controls, U+FFFE/U+FFFF and lone surrogates too (hypothesis leaves out Cs by default)
any_text = st.text(st.characters(blacklist_categories=()), max_size=60)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from(["ru", "kk", "en", "fr"]), any_text, min_size=1))
@example({"ru": "a\ud800b\x00c\r\n\x1fd\uffff", "en": " \t lead and trail \n"})
def test_tmx_write_read_round_trip_any_text(tmp_path_factory, variants: dict[str, str]) -> None:
    path = tmp_path_factory.mktemp("rt") / "rt.tmx"
    unit = TranslationUnit(
        variants,
        "u1",
        {"x-k": "v"},
        creationdate="20251105T093000Z",
        creationid="ana",
        changedate="20251106T100000Z",
        changeid="bo",
    )
    write_tmx(path, [unit], "ru", ["ru", "kk", "en", "fr"])
    (back,) = read_tmx(path)
    # lxml writes CR as &#13;, so it survives the XML parser's line-end normalisation.
    assert back.variants == variants
    assert back.props == {"x-k": "v"}
    assert (back.creationdate, back.creationid, back.changedate, back.changeid) == (
        "20251105T093000Z",
        "ana",
        "20251106T100000Z",
        "bo",
    )


def test_control_characters_travel_as_ph_elements_other_tools_skip() -> None:
    data = tmx_bytes([TranslationUnit({"ru": "a\x01b\ufffec"})], "ru", ["ru"])
    assert b'<seg>a<ph type="x-char">U+0001</ph>b<ph type="x-char">U+FFFE</ph>c</seg>' in data
