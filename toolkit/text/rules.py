"""What the segmenter knows about each language, read from the packaged data files of
toolkit/data/segment/: abbreviations (<lang>.txt, with tags), sentence starters
(starters.txt), words a line inside a sentence may end with (joiners.txt) and the exception
rules of rules.srx (SRX 2.0); and the parser of the golden segmentation cases."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from lxml import etree

from ..formats.safexml import safe_parser, unsafe_doctype
from ..langs import check_lang

OPENERS = "«“„\"'‘(["
CLOSERS = "»\"”“)'’]"
DASHES = "–—-"
ANY_DASH = "[" + re.escape(DASHES + "‒―") + "]"  # a dash of any kind, as a regex class
NUM_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}"  # 06.12.2025, 2025-12-06
TAG_END = "end"  # the abbreviation may close a sentence: behaves like an ordinary word
TAG_YEAR = "year"  # "г." after a year: see _year_ends_sentence
TAG_STARTER = "starter"  # ends a sentence only before a sentence starter («U.S. The ...»)
_TAGS = {"", TAG_END, TAG_YEAR, TAG_STARTER}
BULLETS = "•⁃▪◦‣∙●"
WRAP_MAX = 100  # a text whose longest line is longer is not hard-wrapped
_RULE_WINDOW = 64  # characters an SRX <beforebreak> sees
_SRX_NS = "{http://www.lisa.org/srx20}"
_ENTRY = re.compile(r"(?P<entry>.+?)(?:\s+:(?P<tag>\w+))?")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Abbreviations:
    """Abbreviations of one language: normalised entry -> tag ("" blocks a boundary)."""

    exact: dict[str, str]
    folded: dict[str, str]

    def tag(self, word: str) -> str | None:
        """The tag of word, or None when it is no listed abbreviation.

        Lowercase entries also match a capitalised word («См.» at a sentence start).
        """
        if word in self.exact:
            return self.exact[word]
        return self.folded.get(word.lower())


@dataclass(frozen=True)
class SrxRule:
    """One SRX rule: break or not where before ends at the candidate and after starts there."""

    breaks: bool
    before: re.Pattern[str]
    after: re.Pattern[str]

    def matches(self, text: str, pos: int) -> bool:
        """Whether the rule applies to a candidate boundary at pos."""
        lo = max(0, pos - _RULE_WINDOW)
        if self.after.match(text, pos) is None:
            return False
        return self.before.search(text, lo, pos) is not None


@dataclass(frozen=True)
class LanguageRules:
    """Everything the segmenter knows about one language."""

    lang: str
    abbreviations: Abbreviations
    starters: frozenset[str]
    srx: tuple[SrxRule, ...]
    any_after: re.Pattern[str]  # all <afterbreak>s in one: when it fails, no rule applies
    joiners: Joiners = field(default_factory=lambda: Joiners(frozenset(), ()))


@dataclass(frozen=True)
class Joiners:
    """Words (and Kazakh word endings) a line inside a sentence may end with: joiners.txt."""

    words: frozenset[str]
    endings: tuple[str, ...]

    def ends_open(self, word: str) -> bool:
        """Whether a line ending in word (lower case) stops inside a sentence."""
        if word in self.words:
            return True
        if not self.endings or not word.endswith(self.endings):
            return False
        return any(word.endswith(ending) and len(word) >= len(ending) + 3 for ending in self.endings)


def _any_after(rules: tuple[SrxRule, ...]) -> re.Pattern[str]:
    if not rules:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{rule.after.pattern})" for rule in rules))


def normalise_abbreviation(entry: str) -> str:
    """Drop a final period and spaces after inner periods: "т. ч." -> "т.ч"."""
    return re.sub(r"\.\s+", ".", entry.strip()).rstrip(".")


def parse_abbreviations(text: str) -> Abbreviations:
    """Parse an abbreviation file: one entry per line, ``#`` comments, optional ``:tag``."""
    exact: dict[str, str] = {}
    for raw in text.splitlines():
        content = raw.split("#", 1)[0].strip()
        if not content:
            continue
        match = _ENTRY.fullmatch(content)
        tag = (match and match["tag"]) or ""
        if match is None or tag not in _TAGS:
            raise ValueError(f"bad abbreviation line: {raw!r}")
        exact[normalise_abbreviation(match["entry"])] = tag
    folded = {key: tag for key, tag in exact.items() if key == key.lower()}
    return Abbreviations(exact, folded)


def parse_sections(text: str) -> dict[str, list[str]]:
    """Parse a word-list file: ``[lang]`` sections of space-separated entries, ``#`` comments."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        content = raw.split("#", 1)[0].strip()
        if not content:
            continue
        if content.startswith("[") and content.endswith("]"):
            current = sections.setdefault(content[1:-1].strip(), [])
        elif current is None:
            raise ValueError(f"words before any [lang] section: {raw!r}")
        else:
            current.extend(content.split())
    return sections


def parse_starters(text: str) -> dict[str, frozenset[str]]:
    """Parse starters.txt: each word is kept up to its first non-letter («L'Union» -> «L»)."""
    return {lang: frozenset(first_word(word) for word in words) for lang, words in parse_sections(text).items()}


def parse_joiners(text: str) -> dict[str, Joiners]:
    """Parse joiners.txt: words in lower case (’ read as '), and endings written "-ның"."""
    out: dict[str, Joiners] = {}
    for lang, entries in parse_sections(text).items():
        words = frozenset(entry.lower().replace("’", "'") for entry in entries if not entry.startswith("-"))
        endings = tuple(entry[1:].lower() for entry in entries if entry.startswith("-") and len(entry) > 1)
        out[lang] = Joiners(words, endings)
    return out


def parse_srx(data: bytes, lang: str) -> tuple[SrxRule, ...]:
    """The rules an SRX 2.0 document applies to lang, in cascade order.

    The parser loads no DTD, resolves no entities and refuses a DOCTYPE.
    """
    root = etree.fromstring(data, safe_parser())
    if unsafe_doctype(root.getroottree().docinfo):
        raise ValueError("SRX rules must not declare entities or elements in a DOCTYPE")
    by_name: dict[str, list[SrxRule]] = {}
    for language in root.iter(f"{_SRX_NS}languagerule"):
        rules = by_name.setdefault(language.get("languagerulename", ""), [])
        for rule in language.iter(f"{_SRX_NS}rule"):
            before = rule.findtext(f"{_SRX_NS}beforebreak") or ""
            after = rule.findtext(f"{_SRX_NS}afterbreak") or ""
            breaks = rule.get("break", "yes") != "no"
            rules.append(SrxRule(breaks, re.compile(f"(?:{before})\\Z"), re.compile(after)))
    selected: list[SrxRule] = []
    for mapping in root.iter(f"{_SRX_NS}languagemap"):
        if re.fullmatch(mapping.get("languagepattern", ""), lang):
            name = mapping.get("languagerulename", "")
            if name not in by_name:
                raise ValueError(f"SRX languagemap names an unknown languagerule {name!r}")
            selected.extend(by_name[name])
    return tuple(selected)


def data_file(name: str) -> bytes:
    """The bytes of a packaged file of toolkit/data/segment/."""
    return resources.files("toolkit").joinpath("data", "segment", name).read_bytes()


@cache
def abbreviations(lang: str) -> Abbreviations:
    """The packaged abbreviation list of a supported language."""
    lang = check_lang(lang)
    return parse_abbreviations(data_file(f"{lang}.txt").decode("utf-8"))


@cache
def language_rules(lang: str) -> LanguageRules:
    """Abbreviations, starters and SRX rules of a supported language (cached)."""
    lang = check_lang(lang)
    starters = parse_starters(data_file("starters.txt").decode("utf-8")).get(lang, frozenset())
    joiners = parse_joiners(data_file("joiners.txt").decode("utf-8")).get(lang, Joiners(frozenset(), ()))
    srx = parse_srx(data_file("rules.srx"), lang)
    return LanguageRules(lang, abbreviations(lang), starters, srx, _any_after(srx), joiners)


def first_word(text: str, pos: int = 0) -> str:
    """The run of letters at pos ("L'Union" -> "L", "Сондай-ақ" -> "Сондай")."""
    found = _WORD.match(text, pos)
    return found.group() if found else ""


def parse_golden(text: str) -> list[tuple[str, list[str]]]:
    """Parse a golden file of segmentation cases (format: tests/data/segment/README.md).

    Cases are separated by blank lines; each line of a case is one expected sentence, and
    the input is those sentences joined by one space, unless the case opens with a
    ``<<< input`` line. ``\\n`` in a line stands for a line break, ``\\\\`` for a backslash;
    lines starting with ``#`` are comments.
    """
    cases: list[tuple[str, list[str]]] = []
    for chunk in re.split(r"\n[^\S\n]*\n", text):
        lines = [_unescape(ln) for ln in chunk.splitlines() if ln and not ln.startswith("#")]
        if not lines:
            continue
        source = None
        if lines[0].startswith("<<< "):
            source, lines = lines[0][4:], lines[1:]
        if not lines:
            raise ValueError(f"golden case without sentences: {chunk!r}")
        cases.append((" ".join(lines) if source is None else source, lines))
    return cases


def _unescape(line: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], line)
