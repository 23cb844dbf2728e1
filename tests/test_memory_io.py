"""Memory files: PO/CSV/TSV reading, import (confirmed only, merge, conflicts, lock, atomicity),
export, stats, and rejection of malformed or unsafe input with file and line."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import polib
import pytest

from toolkit.errors import InputError, OutputError
from toolkit.formats.tmx import iter_tmx, read_header, read_tmx
from toolkit.memory.exchange import export_bytes, import_into, memory_stats, read_delimited, read_po
from toolkit.memory.model import load_memory

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def write_po(path: Path, entries: list[tuple[str, str, str, bool]], target: str = "en") -> Path:
    """entries: (msgctxt, msgid, msgstr, fuzzy)."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Language": target,
        "X-Source-Language": "ru",
        "Last-Translator": "reviewer",
        "Content-Type": "text/plain; charset=UTF-8",
    }
    for ctxt, msgid, msgstr, fuzzy in entries:
        entry = polib.POEntry(msgctxt=ctxt, msgid=msgid, msgstr=msgstr, occurrences=[("examples/doc.ru.txt", "3")])
        if fuzzy:
            entry.flags.append("fuzzy")
        po.append(entry)
    po.save(str(path))
    return path


ENTRIES = [
    ("doc.b00.s00", "Первое предложение.", "First sentence.", False),
    ("doc.b01.s00", "Второе предложение.", "Second (draft).", True),
    ("doc.b01.s01", "Третье предложение.", "", False),
    ("doc.b02.s00", "Четвёртое предложение.", "Fourth sentence.", False),
]


def test_po_only_confirmed_entries_with_context_and_reviewer(tmp_path: Path) -> None:
    found = read_po(write_po(tmp_path / "doc.en.po", ENTRIES), NOW)
    assert found.source == "ru"
    assert [u.variants for u in found.units] == [
        {"ru": "Первое предложение.", "en": "First sentence."},
        {"ru": "Четвёртое предложение.", "en": "Fourth sentence."},
    ]
    assert found.unconfirmed == ["doc.b01.s00", "doc.b01.s01"]
    first, fourth = found.units
    assert first.props["x-context-prev"] == "" and first.props["x-context-next"] == "Второе предложение."
    assert fourth.props["x-context-prev"] == "Третье предложение." and fourth.props["x-context-next"] == ""
    assert first.props["x-document"] == "doc"
    assert (first.creationid, first.creationdate, first.tuid) == ("reviewer", "20260102T030405Z", "doc.b00.s00")


def test_import_merges_duplicates_fills_languages_and_keeps_conflicts(tmp_path: Path) -> None:
    into = tmp_path / "memories" / "reviewed.tmx"
    po = write_po(tmp_path / "doc.en.po", ENTRIES)
    report = import_into([po], into, now=NOW)
    assert (report.read, report.added, report.unconfirmed) == (2, 2, 2)
    into.chmod(0o644)
    again = import_into([po], into, now=NOW)
    assert into.stat().st_mode & 0o777 == 0o644  # a shared memory stays readable by the team
    assert (again.added, again.duplicates, again.conflicts) == (0, 2, [])
    assert len(read_tmx(into)) == 2

    fr = write_po(tmp_path / "doc.fr.po", [("doc.b00.s00", "Первое предложение.", "Première phrase.", False)], "fr")
    other = write_po(tmp_path / "other.en.po", [("doc.b00.s00", "Первое  предложение.", "The first sentence.", False)])
    report = import_into([fr, other], into, now=NOW)
    assert report.filled == 1 and len(report.conflicts) == 1
    assert "The first sentence." in report.conflicts[0] and "First sentence." in report.conflicts[0]
    assert str(other) in report.conflicts[0]
    units = read_tmx(into)
    firsts = [u for u in units if u.variants["ru"].startswith("Первое")]
    assert firsts[0].variants == {"ru": "Первое предложение.", "en": "First sentence.", "fr": "Première phrase."}
    assert firsts[1].variants["en"] == "The first sentence." and firsts[1].props["x-alternative"] == "yes"
    assert firsts[0].changedate == "20260102T030405Z"
    memory = load_memory([into], cache_dir=tmp_path / "cache")
    found = memory.lookup("Первое предложение.", "ru", "en", kinds=["exact"])
    assert [m.target for m in found] == ["First sentence.", "The first sentence."]


def test_csv_and_tsv_import(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        'ru,en,document\n"Да, конечно.","Yes, of course.",x\n,,\nТолько русский,,\n', encoding="utf-8"
    )
    (tmp_path / "b.tsv").write_text("tuid\tkk\tru\nt1\tИә.\tДа.\n", encoding="utf-8")
    a = read_delimited(tmp_path / "a.csv")
    assert [u.variants for u in a.units] == [{"ru": "Да, конечно.", "en": "Yes, of course."}]
    assert a.units[0].props == {"x-document": "x"} and a.units[0].line == 2
    b = read_delimited(tmp_path / "b.tsv")
    assert b.source == "kk" and b.units[0].tuid == "t1"
    report = import_into([tmp_path / "a.csv", tmp_path / "b.tsv"], tmp_path / "m.tmx", now=NOW)
    assert report.added == 2


def test_a_po_file_of_another_editor_takes_the_source_language_from_the_option(tmp_path: Path) -> None:
    """Poedit, Lokalize and others write no X-Source-Language header: `--from` names it."""
    po = polib.pofile(str(write_po(tmp_path / "doc.en.po", ENTRIES)))
    del po.metadata["X-Source-Language"]
    po.save(str(tmp_path / "doc.en.po"))
    with pytest.raises(InputError, match="--from"):
        import_into([tmp_path / "doc.en.po"], tmp_path / "m.tmx", now=NOW)
    assert not (tmp_path / "m.tmx").exists()
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "memory", "import", "doc.en.po", "--from", "ru", "--into", "m.tmx"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert [u.variants for u in read_tmx(tmp_path / "m.tmx")] == [
        {"ru": "Первое предложение.", "en": "First sentence."},
        {"ru": "Четвёртое предложение.", "en": "Fourth sentence."},
    ]


def test_entries_without_msgctxt_get_no_made_up_unit_id(tmp_path: Path) -> None:
    """An editor's PO file without msgctxt: the units have no tuid (none is invented), and each
    entry's neighbours are its context."""
    path = tmp_path / "plain.en.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: ru\\n"\n\n'
        'msgid "Один."\nmsgstr "One."\n\nmsgid "Два."\nmsgstr "Two."\n',
        encoding="utf-8",
    )
    units = read_po(path, NOW).units
    assert [u.tuid for u in units] == [None, None]
    assert units[1].props["x-context-prev"] == "Один." and units[1].props["x-document"] == ""


@pytest.mark.parametrize(
    "name, text, line, message",
    [
        ("bad.csv", "ru,en\nа,b\nв,c,d\n", 3, "3 fields"),
        ("bad.csv", 'ru,en\n"open,x\n', 2, "malformed CSV"),
        ("bad.csv", "ru,notalang\nа,b\n", 1, "header"),
        ("bad.po", 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "a"\nmsgstr "b"\ngarbage\n', 7, "malformed PO"),
        ("nolang.po", 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "a"\nmsgstr "b"\n', 1, "X-Source-Language"),
        (
            "bad.tmx",
            '<?xml version="1.0"?>\n<tmx version="1.4"><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>',
            3,
            "xml:lang",
        ),
    ],
)
def test_malformed_input_rejected_and_memory_untouched(
    tmp_path: Path, name: str, text: str, line: int, message: str
) -> None:
    into = tmp_path / "m.tmx"
    import_into([write_po(tmp_path / "ok.en.po", ENTRIES)], into, now=NOW)
    before = into.read_bytes()
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        import_into([tmp_path / "ok.en.po", bad], into, now=NOW)
    assert (info.value.path, info.value.line) == (str(bad), line)
    assert into.read_bytes() == before


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="ru"><seg>&c;</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize(
    "text, needle",
    [
        (BILLION_LAUGHS, "DOCTYPE"),
        (  # an external DTD is never loaded: an entity it would declare stays undefined
            '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "file:///etc/passwd">\n'
            '<tmx version="1.4"><header/><body><tu><tuv xml:lang="ru"><seg>&passwd;</seg></tuv></tu></body></tmx>',
            "entity reference &passwd; (entities",
        ),
        (
            '<?xml version="1.0"?>\n<tmx><body><tu><tuv xml:lang="ru"><seg>&undefined;</seg></tuv></tu></body></tmx>',
            "malformed",
        ),
        ('<?xml version="1.0"?>\n<tmx><body>\n<tu>\n</body></tmx>', "malformed"),
    ],
)
def test_cli_import_of_unsafe_or_broken_tmx_exits_2_and_changes_nothing(tmp_path: Path, text: str, needle: str) -> None:
    into = tmp_path / "m.tmx"
    import_into([write_po(tmp_path / "ok.en.po", ENTRIES)], into, now=NOW)
    before = into.read_bytes()
    (tmp_path / "evil.tmx").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "memory", "import", str(tmp_path / "evil.tmx"), "--into", str(into)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert f"{tmp_path / 'evil.tmx'}:" in line and needle in line and "Traceback" not in done.stderr
    assert into.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.tmx", "m.tmx", "ok.en.po"]  # no lock file left


def test_streaming_reader_yields_units_before_a_later_error(tmp_path: Path) -> None:
    path = tmp_path / "s.tmx"
    path.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n'
        '<tu><tuv xml:lang="ru"><seg>один</seg></tuv></tu>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    units = iter_tmx(path)
    assert next(units).variants == {"ru": "один"}
    with pytest.raises(InputError, match="xml:lang"):
        next(units)


def test_crash_during_write_leaves_the_old_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    into = tmp_path / "m.tmx"
    import_into([write_po(tmp_path / "a.en.po", ENTRIES[:1])], into, now=NOW)
    before = into.read_bytes()
    import toolkit.fsutil

    def crash(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(toolkit.fsutil.os, "fsync", crash)
    with pytest.raises(OutputError, match="disk full") as info:
        import_into([write_po(tmp_path / "b.en.po", ENTRIES[3:])], into, now=NOW)
    assert info.value.path == str(into)
    assert into.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


IMPORTER = """
import sys
from toolkit.memory.exchange import import_into
for path in sys.argv[2:]:
    import_into([path], sys.argv[1])
"""


def test_concurrent_imports_lose_nothing(tmp_path: Path) -> None:
    files = []
    for worker in range(3):
        rows = ["ru,en\n"] + [f"Предложение {worker}-{i}.,Sentence {worker}-{i}.\n" for i in range(6)]
        batch = []
        for i, row in enumerate(rows[1:]):
            path = tmp_path / f"w{worker}-{i}.csv"
            path.write_text(rows[0] + row, encoding="utf-8")
            batch.append(str(path))
        files.append(batch)
    into = tmp_path / "shared.tmx"
    procs = [subprocess.Popen([sys.executable, "-c", IMPORTER, str(into), *batch], cwd=ROOT) for batch in files]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    assert len(read_tmx(into)) == 18


def test_export_formats_round_trip(tmp_path: Path) -> None:
    memory = load_memory([ROOT / "memories"], cache_dir=tmp_path / "cache")
    csv_path = tmp_path / "all.csv"
    csv_path.write_bytes(export_bytes(memory, "csv"))
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert len(rows) == len(memory.units) and rows[0]["ru"] == memory.units[0].variants["ru"]
    report = import_into([csv_path], tmp_path / "back.tmx")
    assert report.added == len(memory.units)
    assert [u.variants for u in read_tmx(tmp_path / "back.tmx")] == [u.variants for u in memory.units]

    (tmp_path / "all.tmx").write_bytes(export_bytes(memory, "tmx"))
    assert [u.variants for u in read_tmx(tmp_path / "all.tmx")] == [u.variants for u in memory.units]

    po_path = tmp_path / "all.en.po"
    po_path.write_bytes(export_bytes(memory, "po", "ru", "en"))
    po = polib.pofile(str(po_path))
    assert [(e.msgid, e.msgstr) for e in po] == [(u.variants["ru"], u.variants["en"]) for u in memory.units]
    assert read_po(po_path).source == "ru" and len(read_po(po_path).units) == len(memory.units)


def test_stats_counts(tmp_path: Path) -> None:
    memory = load_memory([ROOT / "memories"], cache_dir=tmp_path / "cache")
    stats = memory_stats(memory)
    assert stats["units"] == len(memory.units)
    assert stats["languages"] == {lang: len(memory.units) for lang in ("en", "fr", "kk", "ru")}
    assert stats["files"][0]["units"] == len(memory.units) and "press.office" in stats["users"]
    assert stats["first_date"] <= stats["last_date"]


def test_import_keeps_the_memory_header_as_it_was(tmp_path: Path) -> None:
    into = tmp_path / "cat.tmx"
    into.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">'
        '<header creationtool="OmegaT" creationtoolversion="6.1" creationdate="20240102T030405Z" creationid="anna" '
        'segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="ru" datatype="plaintext">'
        '<prop type="x-project">press</prop></header><body/></tmx>\n',
        encoding="utf-8",
    )
    import_into([write_po(tmp_path / "doc.en.po", ENTRIES)], into, now=NOW)
    attrs, props = read_header(into)
    assert {k: attrs[k] for k in ("creationtool", "creationtoolversion", "creationdate", "creationid", "o-tmf")} == {
        "creationtool": "OmegaT",
        "creationtoolversion": "6.1",
        "creationdate": "20240102T030405Z",
        "creationid": "anna",
        "o-tmf": "OmegaT TMX",
    }
    assert props == {"x-project": "press"} and len(read_tmx(into)) == 2
