"""Every command against every kind of broken file: exit 2, one line on stderr naming the file,
no traceback, and every file of the project byte-identical afterwards.

A case is (command, kind): the command reads one file (a release, a glossary, a memory, a PO,
TMX or XLIFF file, a baseline, a configuration, a package, a model folder) and that file is
broken in one way (missing, a folder, empty, NUL bytes, UTF-16, bad UTF-8, random bytes, a
FIFO, a broken link, cut in the middle, an XML entity; an XLIFF file also of a version the
toolkit does not read, or without its target language). `glossary lint` reports a glossary whose
CSV structure is broken as a finding (exit 1), as its job is; it is bad input only when the file
cannot be read as text. Run with `-s` for the size of the matrix.
"""

from __future__ import annotations

import os
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from toolkit.align.version import read_version
from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[1]

GOOD_PO = (
    'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: ru\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgctxt "doc.b01.s00"\nmsgid "Посол Казахстана прибыл в Оттаву."\nmsgstr "The Ambassador of Kazakhstan arrived in Ottawa."\n'
)
GOOD_TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ru" datatype="plaintext" '
    'segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n'
    '<tu tuid="a"><tuv xml:lang="ru"><seg>Посол прибыл.</seg></tuv><tuv xml:lang="en"><seg>The Ambassador arrived.</seg></tuv></tu>\n'
    "</body></tmx>\n"
)
GOOD_TBX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2">'
    '<text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>Envoy</term></termSec></langSec>'
    "</conceptEntry></body></text></tbx>\n"
)
GOOD_XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" '
    'srcLang="ru" trgLang="en"><file id="f1"><unit id="doc.b01"><segment id="doc.b01.s00" state="final">'
    "<source>Посол Казахстана прибыл в Оттаву.</source><target>The Ambassador of Kazakhstan arrived in Ottawa.</target>"
    "</segment></unit></file></xliff>\n"
)
GOOD_XLIFF12 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
    '<file original="doc" source-language="ru" target-language="en" datatype="plaintext"><body>'
    '<trans-unit id="doc.b01.s00" approved="yes"><source>Посол Казахстана прибыл в Оттаву.</source>'
    '<target state="final">The Ambassador of Kazakhstan arrived in Ottawa.</target></trans-unit></body></file></xliff>\n'
)


@dataclass(frozen=True)
class Command:
    """A command line reading one file `{F}` (relative to the project), and that file's good form."""

    name: str
    args: tuple[str, ...]
    file: str
    good: bytes | None  # None: a folder (a CTranslate2 model) or a file copied from the project
    xml: bool = False
    lint_finding: bool = False  # glossary lint: a broken structure is a finding (exit 1)
    xliff: bool = False  # an XLIFF file: also a wrong version and a missing target language


def project_text(path: str) -> bytes:
    return (ROOT / path).read_bytes()


COMMANDS = [
    Command(
        "translate",
        ("translate", "{F}", "--from", "ru", "--to", "en", "--out", "out", "-q"),
        "rel/visit.ru.txt",
        project_text("examples/visit.ru.txt"),
    ),
    Command(
        "translate --glossary",
        ("translate", "examples/visit.ru.txt", "--from", "ru", "--to", "en", "--glossary", "{F}", "--out", "out", "-q"),
        "g/extra.csv",
        project_text("glossaries/diplomatic.csv"),
    ),
    Command(
        "translate --memory",
        ("translate", "examples/visit.ru.txt", "--from", "ru", "--to", "en", "--memory", "{F}", "--out", "out", "-q"),
        "m/extra.tmx",
        GOOD_TMX.encode(),
        xml=True,
    ),
    Command(
        "align",
        ("align", "{F}", "examples/visit.ru.txt", "--langs", "ru,en", "--into", "memories/aligned.tmx"),
        "rel/visit.ru.txt",
        project_text("examples/visit.ru.txt"),
    ),
    Command(
        "align --pairs",
        ("align", "--pairs", "{F}", "--langs", "ru,en", "--into", "memories/aligned.tmx"),
        "lists/pairs.tsv",
        b"../examples/visit.ru.txt\t../examples/visit.ru.txt\n",
    ),
    Command(
        "align --mt-a",
        ("align", "examples/visit.ru.txt", "examples/visit.ru.txt", "--langs", "ru,en", "--mt-a", "{F}"),
        "mt/visit.en.txt",
        "".join(f"{i}\n" for i in range(len(read_version(ROOT / "examples" / "visit.ru.txt", "ru")))).encode(),
    ),
    Command("segment", ("segment", "{F}", "--lang", "ru"), "rel/visit.ru.txt", project_text("examples/visit.ru.txt")),
    Command("terms", ("terms", "{F}", "--lang", "ru"), "rel/visit.ru.txt", project_text("examples/visit.ru.txt")),
    Command("check PO", ("check", "{F}"), "review/visit.en.po", GOOD_PO.encode()),
    Command("check TMX", ("check", "{F}"), "review/visit.tmx", GOOD_TMX.encode(), xml=True),
    Command(
        "check --glossary",
        ("check", "bundle/visit.en.po", "--glossary", "{F}"),
        "g/extra.csv",
        project_text("glossaries/diplomatic.csv"),
    ),
    Command(
        "check --baseline",
        ("check", "bundle/visit.en.po", "--baseline", "{F}"),
        "qa-baseline.json",
        b'{"version": 1, "findings": []}\n',
    ),
    Command(
        "check --config",
        ("check", "bundle/visit.en.po", "--config", "{F}"),
        "toolkit.toml",
        b'[check]\nfail-on = "error"\n',
    ),
    Command(
        "glossary lint",
        ("glossary", "lint", "{F}"),
        "g/extra.csv",
        project_text("glossaries/diplomatic.csv"),
        lint_finding=True,
    ),
    Command(
        "glossary export",
        ("glossary", "export", "{F}", "--format", "tbx", "--out", "out.tbx"),
        "g/extra.csv",
        project_text("glossaries/diplomatic.csv"),
    ),
    Command(
        "glossary import",
        ("glossary", "import", "{F}", "--out", "glossaries/diplomatic.csv"),
        "in/terms.tbx",
        GOOD_TBX.encode(),
        xml=True,
    ),
    Command(
        "glossary suggest",
        ("glossary", "suggest", "{F}", "--from", "ru", "--to", "en", "--out", "glossaries/suggested.csv"),
        "m/aligned.tmx",
        GOOD_TMX.encode(),
        xml=True,
    ),
    Command(
        "memory import PO",
        ("memory", "import", "{F}", "--into", "memories/diplomatic.tmx"),
        "in/reviewed.en.po",
        GOOD_PO.encode(),
    ),
    Command(
        "memory import TMX",
        ("memory", "import", "{F}", "--into", "memories/diplomatic.tmx"),
        "in/other.tmx",
        GOOD_TMX.encode(),
        xml=True,
    ),
    Command(
        "memory import CSV",
        ("memory", "import", "{F}", "--into", "memories/diplomatic.tmx"),
        "in/units.csv",
        "ru,en\nПосол прибыл.,The Ambassador arrived.\n".encode(),
    ),
    Command(
        "memory import --into",
        ("memory", "import", "bundle/visit.en.po", "--into", "{F}"),
        "m/target.tmx",
        GOOD_TMX.encode(),
        xml=True,
    ),
    Command(
        "memory lookup",
        ("memory", "lookup", "Посол прибыл.", "--lang", "ru", "--to", "en", "--memory", "{F}"),
        "m/extra.tmx",
        GOOD_TMX.encode(),
        xml=True,
    ),
    Command("memory stats", ("memory", "stats", "--memory", "{F}"), "m/extra.tmx", GOOD_TMX.encode(), xml=True),
    Command(
        "memory export",
        ("memory", "export", "--format", "csv", "--memory", "{F}", "--out", "out.csv"),
        "m/extra.tmx",
        GOOD_TMX.encode(),
        xml=True,
    ),
    Command("memory lint", ("memory", "lint", "--memory", "{F}"), "m/extra.tmx", GOOD_TMX.encode(), xml=True),
    Command(
        "review apply", ("review", "apply", "bundle", "--into", "memories/reviewed.tmx"), "bundle/visit.en.po", None
    ),
    # --port 0 is refused after the bundle was read: a bundle read as good never starts a server here
    Command("review serve", ("review", "serve", "bundle", "--port", "0"), "bundle/visit.en.po", None),
    Command(
        "models install",
        ("models", "install", "{F}", "--models-dir", "models"),
        "in/ru_en.argosmodel",
        sorted((ROOT / "tests" / "fixtures" / "models").glob("*.argosmodel"))[0].read_bytes(),
    ),
    Command(
        "models download --index",
        ("models", "download", "ru", "en", "--index", "{F}", "--models-dir", "models", "-q"),
        "in/index.json",
        b'[{"from_code": "ru", "to_code": "en", "package_version": "1.0", "links": ["http://127.0.0.1:9/p.argosmodel"]}]\n',
    ),
    Command(
        "xliff export",
        ("xliff", "export", "{F}", "--version", "2.1", "--out", "xliff"),
        "bundle/visit.en.po",
        None,
    ),
    Command(
        "xliff import 2.1",
        ("xliff", "import", "{F}", "--into", "memories/diplomatic.tmx"),
        "in/visit.en.xlf",
        GOOD_XLIFF.encode(),
        xml=True,
        xliff=True,
    ),
    Command(
        "xliff import 1.2",
        ("xliff", "import", "{F}", "--into", "memories/diplomatic.tmx"),
        "in/visit.en.xliff",
        GOOD_XLIFF12.encode(),
        xml=True,
        xliff=True,
    ),
    Command(
        "memory import XLIFF",
        ("memory", "import", "{F}", "--into", "memories/diplomatic.tmx"),
        "in/reviewed.en.xlf",
        GOOD_XLIFF.encode(),
        xml=True,
        xliff=True,
    ),
    Command("check XLIFF", ("check", "{F}"), "review/visit.en.xlf", GOOD_XLIFF12.encode(), xml=True, xliff=True),
    # a CTranslate2 model is a folder: every kind here is a file, an empty folder or nothing
    Command("models add-ct2", ("models", "add-ct2", "{F}", "--models-dir", "models"), "in/m2m-ct2", b"model"),
]

KINDS = [
    "missing",
    "directory",
    "empty",
    "nul",
    "utf16",
    "bad-utf8",
    "random",
    "fifo",
    "broken-link",
    "truncated",
    "entity",
    "xliff-version",
    "xliff-no-target-lang",
]


# kinds of "broken" file that are valid input for a command, with why
NOT_BROKEN = {
    ("check --config", "empty"): "an empty toolkit.toml sets nothing",
    ("memory import --into", "missing"): "--into a new file creates the memory",
    (
        "xliff export",
        "truncated",
    ): "the bundle's PO cut in half ends in a comment: valid PO, and export needs no release",
    ("review serve", "truncated"): "the bundle's PO cut in half ends in a comment: valid PO",
}


def applies(command: Command, kind: str) -> bool:
    """Whether a kind breaks the command's file (plain text cut short is still a valid release;
    XML may be UTF-16: a BOM says so, and Trados writes it; a package is binary, so NUL bytes and
    bad encodings are the `random` kind there)."""
    if (command.name, kind) in NOT_BROKEN:
        return False
    if kind == "entity":
        return command.xml
    if kind.startswith("xliff-"):
        return command.xliff
    if kind == "truncated":
        return command.file.endswith((".po", ".tmx", ".tbx", ".json", ".toml", ".argosmodel", ".csv", ".xlf", ".xliff"))
    if command.name == "models add-ct2":
        return kind in ("missing", "directory", "empty", "random", "fifo", "broken-link")
    if command.name == "models install" and kind in ("nul", "utf16", "bad-utf8"):
        return False
    if command.xml and kind == "utf16":
        return False
    return (command.name, kind) not in NOT_BROKEN


def expected_code(command: Command, kind: str) -> int:
    structural = kind in ("empty", "truncated")
    return 1 if command.lint_finding and structural else 2


CASES = [(c, k) for c in COMMANDS for k in KINDS if applies(c, k)]


def break_file(path: Path, kind: str, good: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    text = good.decode("utf-8", errors="replace")
    if kind == "missing":
        return
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "broken-link":
        path.symlink_to(path.parent / "nowhere" / path.name)
    else:
        data = {
            "empty": b"",
            "nul": good[: len(good) // 2] + b"\x00" + good[len(good) // 2 :],
            "utf16": text.encode("utf-16"),
            "bad-utf8": good[:40] + b"\xc3\x28" + good[40:],
            "random": random.Random(7).randbytes(2000),
            "truncated": good[: len(good) // 2],
            "entity": b'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
            + good.split(b"?>", 1)[-1].replace(b"<body>", b"<body>&b;", 1),
            "xliff-version": good.replace(b'version="2.1"', b'version="1.0"').replace(
                b'version="1.2"', b'version="1.0"'
            ),
            "xliff-no-target-lang": good.replace(b' trgLang="en"', b"").replace(b' target-language="en"', b""),
        }[kind]
        path.write_bytes(data)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the example, glossaries, memories and a bundle (no models: untranslated)."""
    project = tmp_path_factory.mktemp("template")
    for name in ("examples", "glossaries", "memories"):
        shutil.copytree(ROOT / name, project / name)
    cwd = os.getcwd()
    os.chdir(project)
    try:
        args = ["translate", "examples/visit.ru.txt", "--from", "ru", "--to", "en", "--out", "bundle", "-q"]
        assert main([*args, "--models-dir", "no-models", "--no-argos-dirs"]) == 0
    finally:
        os.chdir(cwd)
    return project


def snapshot(folder: Path) -> dict[str, bytes | str]:
    state: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            state[key] = f"link {os.readlink(path)}"
        elif path.is_fifo():
            state[key] = "fifo"
        elif path.is_dir():
            state[key] = "dir"
        else:
            state[key] = path.read_bytes()
    return state


def test_the_matrix_covers_every_command_and_kind() -> None:
    print(
        f"\nbad-input suite: {len(CASES)} cases = {len(COMMANDS)} commands x {len(KINDS)} kinds of broken file (where they apply)"
    )
    assert len(COMMANDS) >= 20 and {k for _, k in CASES} == set(KINDS)


@pytest.mark.parametrize(("command", "kind"), CASES, ids=[f"{c.name}:{k}" for c, k in CASES])
def test_broken_input(command: Command, kind: str, template: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    project = tmp_path / "p"
    shutil.copytree(template, project, symlinks=True)
    target = project / command.file
    good = command.good if command.good is not None else target.read_bytes()
    break_file(target, kind, good)
    monkeypatch.chdir(project)
    monkeypatch.setenv("TOOLKIT_MODELS_DIR", str(project / "no-models"))
    monkeypatch.setenv("TOOLKIT_MT_CACHE", str(project / "no-cache.sqlite3"))
    before = snapshot(project)
    args = [a.replace("{F}", command.file) for a in command.args]
    code = main(args)
    captured = capsys.readouterr()
    assert code == expected_code(command, kind), (args, captured.err)
    assert "Traceback" not in captured.err + captured.out
    if code == 2:
        lines = [line for line in captured.err.splitlines() if line.strip()]
        assert len(lines) == 1, lines
        assert Path(command.file).name in lines[0] or command.file.rsplit("/", 1)[0] in lines[0], lines[0]
    else:  # lint: the finding names the file
        assert command.file in captured.out
    after = snapshot(project)
    assert after == before, sorted(set(after) ^ set(before)) or [k for k in after if after[k] != before[k]]
