"""Reading PO files: the charset their header names, then a strict syntax check before polib
(which is lenient) is trusted with the text.

The check refuses what GNU msgfmt refuses, with the line: NUL bytes, an unterminated string, an invalid
escape, text that is neither a comment, a keyword nor a string, keywords out of order (msgstr
before msgid, msgid twice), a comment inside an entry, an entry without its msgstr, plural forms
out of order, the same msgctxt + msgid twice (obsolete `#~` entries included, as msgfmt counts
them), a translation that does not begin and end with a line break where its source does, and
a Plural-Forms header that does not parse. Like msgfmt, it lexes tokens, not lines: entries need
no blank line between them, `#~` / `#|` lines hold tokens too, and a backslash at the end of a
line joins it to the next.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..errors import InputError
from ..fsutil import read_bytes

_TOKEN = re.compile(
    r"""(?P<space>[ \t\r\f\v]+)
      | (?P<obsolete>\#~)
      | (?P<previous>\#\|)
      | (?P<comment>\#.*)
      | (?P<keyword>msgctxt|msgid_plural|msgid|msgstr)(?![\w])
      | (?P<bracket>[\[\]])
      | (?P<number>\d+)(?![\w])
      | (?P<string>"(?:[^"\\\n]|\\.)*")
      | (?P<open>"(?:[^"\\\n]|\\.)*\\?$)
      | (?P<other>\S+)""",
    re.VERBOSE,
)
_ESCAPE = re.compile(r"\\(?:[ntrbfva\\\"?']|[0-7]{1,3}|x[0-9a-fA-F]+)|\\(.?)")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_NPLURALS = re.compile(r"\bnplurals\s*=\s*([^;\s]*)")
_PLURAL = re.compile(r"\bplural\s*=\s*([^;]*)")


def _unquote(literal: str) -> str:
    """The text of a checked PO string literal (the escapes the header check needs)."""
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), literal[1:-1])


@dataclass
class _Entry:
    """The entry being read: its keywords in order, their strings and its first line."""

    line: int = 0
    keywords: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    plural_forms: int = 0
    obsolete: bool = False  # its keywords are on `#~` lines


class _Checker:
    """The entry grammar over one stream of keyword and string tokens (active or obsolete)."""

    def __init__(self, path: Path, seen: dict[tuple[str | None, str], int]):
        self.path = path
        self.entry = _Entry()
        self.last: str | None = None  # the keyword a following string belongs to
        self.expect_string = False
        self.seen = seen
        self.obsolete_line = False  # the current line is a `#~` line
        self.pending: tuple[int, bool, list[str]] | None = None  # a msgstr waiting for `[N]`: line, obsolete, tokens

    def fail(self, message: str, line: int) -> InputError:
        return InputError(f"malformed PO file: {message}", self.path, line)

    def keyword_token(self, name: str, line: int) -> None:
        """A keyword; msgstr waits for a possible `[N]` before it counts."""
        self.flush()
        if name == "msgstr":
            self.pending = (line, self.obsolete_line, [])
        else:
            self.keyword(name, None, line)

    def index_token(self, token: str, line: int) -> None:
        """`[`, a number or `]` of `msgstr[N]`."""
        if self.pending is None:
            raise self.fail(f"syntax error at {token!r}", line)
        parts = self.pending[2]
        expected = "[" if not parts else "number" if len(parts) == 1 else "]"
        if (expected == "number") != token.isdigit() or (expected != "number" and token != expected):
            raise self.fail(f"syntax error at {token!r} in msgstr[N]", line)
        parts.append(token)
        if token == "]":
            start, obsolete, _ = self.pending
            self.pending = None
            self.obsolete_line, current = obsolete, self.obsolete_line
            self.keyword("msgstr", parts[1], start)
            self.obsolete_line = current

    def flush(self) -> None:
        """Count a waiting msgstr (an unfinished `msgstr[N` is a syntax error)."""
        if self.pending is None:
            return
        start, obsolete, parts = self.pending
        self.pending = None
        if parts:
            raise self.fail("unfinished msgstr[N]", start)
        self.obsolete_line, current = obsolete, self.obsolete_line
        self.keyword("msgstr", None, start)
        self.obsolete_line = current

    def keyword(self, name: str, index: str | None, line: int) -> None:
        if self.expect_string:
            raise self.fail(f"{self.last} without its string", line)
        keys = self.entry.keywords
        if name in ("msgctxt", "msgid") and ("msgstr" in keys or self.entry.plural_forms):
            self.close()
            keys = self.entry.keywords
        if name == "msgctxt" and keys:
            raise self.fail("msgctxt after the entry's msgid", line)
        if name == "msgid" and "msgid" in keys:
            raise self.fail("missing 'msgstr' section before this msgid", line)
        if name == "msgid_plural" and keys[-1:] != ["msgid"]:
            raise self.fail("msgid_plural without a msgid before it", line)
        if name == "msgstr" and "msgid" not in keys:
            raise self.fail("msgstr without a msgid before it", line)
        plural = "msgid_plural" in keys
        if name == "msgstr" and index is None and (plural or "msgstr" in keys):
            raise self.fail("missing plural forms msgstr[N]" if plural else "a second msgstr", line)
        if index is not None:
            if not plural:
                raise self.fail("missing 'msgid_plural' section", line)
            if int(index) != self.entry.plural_forms:
                raise self.fail(f"plural form msgstr[{index}] has the wrong index", line)
            self.entry.plural_forms += 1
        if not keys:
            self.entry.line, self.entry.obsolete = line, self.obsolete_line
        elif self.entry.obsolete != self.obsolete_line:
            raise self.fail("inconsistent use of #~ within an entry", line)
        keys.append(name)
        self.last = name if index is None else f"msgstr[{index}]"
        self.entry.texts[self.last] = ""
        self.expect_string = True

    def string(self, literal: str, line: int, column: int) -> None:
        for bad in _ESCAPE.finditer(literal):
            if bad.group(1) is not None:
                raise self.fail(f"invalid escape sequence \\{bad.group(1)} in a string (column {column})", line)
        if self.last is None:
            raise self.fail("a string without a keyword before it", line)
        if self.entry.obsolete != self.obsolete_line:
            raise self.fail("inconsistent use of #~ within an entry", line)
        self.entry.texts[self.last] += _unquote(literal)
        self.expect_string = False

    def comment(self, line: int) -> None:
        """A comment ends the strings of the current keyword; inside an entry that has no
        msgstr yet it is a syntax error (msgfmt's grammar puts comments before an entry)."""
        self.flush()
        keys = self.entry.keywords
        if keys and (("msgstr" not in keys and not self.entry.plural_forms) or self.expect_string):
            raise self.fail("a comment inside an entry", line)
        self.close()

    def check_newlines(self, entry: _Entry) -> None:
        """msgfmt refuses a translation that does not begin and end with a line break where the
        source does (or the reverse)."""
        msgid = entry.texts["msgid"]
        for name, text in entry.texts.items():
            if not name.startswith("msgstr") or not text:
                continue
            for where, test in (("begin", str.startswith), ("end", str.endswith)):
                if test(msgid, "\n") != test(text, "\n"):
                    raise self.fail(f"'msgid' and '{name}' do not both {where} with a line break", entry.line)

    def close(self) -> None:
        """End the current entry: it needs its msgstr; its msgctxt + msgid must be new."""
        self.flush()
        entry = self.entry
        if entry.keywords:
            if self.expect_string:
                raise self.fail(f"{self.last} without its string", entry.line)
            if "msgid" not in entry.keywords:
                raise self.fail("msgctxt without a msgid", entry.line)
            if "msgstr" not in entry.keywords and not entry.plural_forms:
                raise self.fail("missing 'msgstr' section", entry.line)
            key = (entry.texts.get("msgctxt"), entry.texts["msgid"])
            if key in self.seen:
                raise self.fail(f"duplicate message definition (first on line {self.seen[key]})", entry.line)
            self.seen[key] = entry.line
            if key == (None, "") and not entry.obsolete:
                _check_header(entry.texts.get("msgstr", ""), self.path, entry.line)
            elif key[1] and not entry.obsolete:  # msgfmt compares line breaks of active entries only
                self.check_newlines(entry)
        self.entry = _Entry()
        self.last = None


def _check_header(header: str, path: Path, line: int) -> None:
    """The nplurals and plural expression of a Plural-Forms header must parse, where the header
    gives them (msgfmt --check-header refuses them otherwise)."""
    for row in header.split("\n"):
        name, _, value = row.partition(":")
        if name.strip().lower() != "plural-forms":
            continue
        count = _NPLURALS.search(value)
        if count and (not count.group(1).isdigit() or int(count.group(1)) < 1):
            raise InputError(f"malformed PO file: header Plural-Forms: invalid nplurals {count.group(1)!r}", path, line)
        expression = _PLURAL.search(value)
        if count and expression and not _plural_expression_ok(expression.group(1)):
            raise InputError(f"malformed PO file: invalid plural expression {expression.group(1)!r}", path, line)


_EXPR_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))")
_BINARY = ("||", "&&", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%")


def _plural_expression_ok(expression: str) -> bool:
    """Whether a C plural expression over n parses (numbers, n, operators, ?:, parentheses)."""
    tokens: list[str] = []
    at = 0
    text = expression.rstrip().rstrip(";")
    while at < len(text.rstrip()):
        match = _EXPR_TOKEN.match(text, at)
        if match is None:
            return False
        tokens.append(match.group(match.lastindex or 0))
        at = match.end()
    position = 0

    def operand() -> bool:
        nonlocal position
        if position >= len(tokens):
            return False
        token = tokens[position]
        position += 1
        if token == "!" or token == "-":
            return operand()
        if token == "(":
            if not conditional() or position >= len(tokens) or tokens[position] != ")":
                return False
            position += 1
            return True
        return token == "n" or token.isdigit()

    def conditional() -> bool:
        nonlocal position
        if not operand():
            return False
        while position < len(tokens) and tokens[position] in _BINARY:
            position += 1
            if not operand():
                return False
        if position < len(tokens) and tokens[position] == "?":
            position += 1
            if not conditional() or position >= len(tokens) or tokens[position] != ":":
                return False
            position += 1
            return conditional()
        return True

    return conditional() and position == len(tokens)


def check_po_syntax(text: str, path: Path) -> None:
    """InputError naming the file and line of the first syntax error of a PO text, if any."""
    path = Path(path)
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError("malformed PO file: NUL byte", path, text.count("\n", 0, nul) + 1)
    checker = _Checker(path, {})
    for number, line in _logical_lines(text):
        _tokens(checker, line, number)
    checker.close()


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each logical line: a backslash before a line break splices
    the two lines, anywhere (in comments and strings too), as msgfmt's lexer does."""
    physical = text.split("\n")
    lines: list[tuple[int, str]] = []
    i = 0
    while i < len(physical):
        number, line = i + 1, physical[i]
        while line.endswith("\\") and i + 1 < len(physical):
            i += 1
            line = line[:-1] + physical[i]
        lines.append((number, line))
        i += 1
    return lines


def _tokens(checker: _Checker, line: str, number: int) -> None:
    """Feed one line's tokens to the checker. `#~` marks the rest of the line obsolete, `#|`
    starts a previous message (only lexed), any other `#` a comment to the end of the line;
    `msgstr [ N ]` may spread over lines, as in msgfmt's lexer."""
    checker.obsolete_line = previous = False
    for match in _TOKEN.finditer(line):
        kind = match.lastgroup
        if kind == "space":
            continue
        if kind == "obsolete":
            checker.obsolete_line = True
        elif kind in ("previous", "comment"):
            checker.comment(number)
            if kind == "comment":
                return
            previous = True
        elif kind == "open":
            raise checker.fail("end-of-line within string", number)
        elif kind == "other":
            raise checker.fail(f"syntax error at {match.group()[:30]!r}", number)
        elif previous:
            continue
        elif kind in ("bracket", "number"):
            checker.index_token(match.group(), number)
        elif kind == "keyword":
            checker.keyword_token(match.group("keyword"), number)
        else:
            checker.flush()
            checker.string(match.group(), number, match.start() + 1)


_CHARSET = re.compile(rb"Content-Type:[^\n]*?charset=([\w.:-]+)", re.IGNORECASE)


def po_charset(data: bytes) -> str:
    """The charset the header of a PO file names (UTF-8 when none or the CHARSET placeholder)."""
    found = _CHARSET.search(data[:8192])
    name = found.group(1).decode("ascii") if found else "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def read_po_file(path: Path, what: str = "PO file") -> tuple[str, polib.POFile]:
    """The text of a PO file (decoded by its header's charset, syntax checked) and its polib
    parse; every problem is an InputError naming the file and line."""
    path = Path(path)
    data = read_bytes(path, what)
    charset = po_charset(data)
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        text = body.decode(charset)
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid {charset} (byte 0x{body[exc.start]:02x}), the header's charset", path, line
        ) from None
    check_po_syntax(text, path)
    try:
        return text, polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:  # what the syntax check let through and polib still refuses
        raise InputError(f"malformed PO file: {exc}", path) from None
