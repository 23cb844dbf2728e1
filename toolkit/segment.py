"""Sentence segmentation of press-release text (ru, kk, en, fr).

Rules (first version):

* A candidate boundary is a run of ``. ! ? …`` (plus closing quotes or brackets, also a
  French `` »`` after a space) followed by whitespace. It is a boundary when the next
  character starts a sentence: an uppercase letter, a digit, an opening quote or bracket,
  or a dash followed by a space and an uppercase letter (direct speech).
* A single ``.`` is no boundary after an abbreviation listed in ``data/segment/<lang>.txt``
  (see the header of those files for the ``:end`` and ``:year`` tags) or after a single
  letter: initials such as «К. Токаевым», «B.T. Innovation», lowercase «в XX в.».
  Acronyms (РК, МИД, ООН) are not abbreviations: «… между РК. Далее …» splits.
* A blank line always ends a sentence. A single newline is plain whitespace, so a
  hard-wrapped sentence stays whole and keeps its newline in the returned text.
* Decimal numbers, dates, times, URLs and e-mails contain no terminal followed by
  whitespace, so they never split.

One compiled regex finds the candidates in a single scan; each candidate is judged by
looking at a bounded window around it, so the whole run is linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .langs import check_lang

OPENERS = "«“„\"'‘(["
DASHES = "–—-"
TAG_END = "end"    # the abbreviation may close a sentence: behaves like an ordinary word
TAG_YEAR = "year"  # "г." after a year: see _year_ends_sentence
_TAGS = {"", TAG_END, TAG_YEAR}
_WINDOW = 48       # characters looked at before a period (abbreviations are short)
_YEAR_CONTEXT = 200
_MIN_WORDS_BEFORE_YEAR = 4

_CANDIDATE = re.compile(
    r"(?<![.!?…])(?P<term>[.!?…]++)(?P<close>(?:[»\"”“)'’\]]|[^\S\n]++»)*+)(?P<ws>\s++)"
    r"|(?<!\s)(?P<blank>[^\S\n]*+\n[^\S\n]*+\n)\s*+"
)
_ENTRY = re.compile(r"(?P<entry>.+?)(?:\s+:(?P<tag>\w+))?")
_LETTER_PIECE = re.compile(r"[.\-]")
_YEAR = re.compile(r"(?:1[89]|2\d)\d\d(?:[-–—](?:(?:1[89]|2\d)\d\d|\d\d))?")


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


@lru_cache(maxsize=None)
def abbreviations(lang: str) -> Abbreviations:
    """The packaged abbreviation list of a supported language."""
    lang = check_lang(lang)
    data = resources.files("toolkit").joinpath("data", "segment", f"{lang}.txt")
    return parse_abbreviations(data.read_text(encoding="utf-8"))


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of text as they stand in it, stripped of surrounding whitespace."""
    return [text[start:end] for start, end in sentence_spans(text, lang)]


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Character offsets [start, end) of the stripped sentences of text, in order."""
    abbr = abbreviations(check_lang(lang))
    start = len(text) - len(text.lstrip())
    spans: list[tuple[int, int]] = []
    for match in _CANDIDATE.finditer(text):
        if match.end() >= len(text) or match.start() < start:
            continue
        if _is_boundary(text, match, abbr, start):
            end = match.start("ws") if match["blank"] is None else match.start()
            if start < end:
                spans.append((start, end))
            start = match.end()
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans


def _is_boundary(text: str, match: re.Match[str], abbr: Abbreviations, sent_start: int) -> bool:
    """Whether a candidate match ends the sentence that began at sent_start."""
    if match["blank"] is not None or match["ws"].count("\n") >= 2:
        return True
    nxt = match.end()
    if not _starts_sentence(text, nxt):
        return False
    if match["term"] != "." or match["close"]:
        return True
    return not _period_after_abbreviation(text, match.start(), nxt, abbr, sent_start)


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the character at pos can begin a sentence."""
    char = text[pos]
    if char.isupper() or char.istitle() or char.isdigit() or char in OPENERS:
        return True
    if char in DASHES and pos + 2 < len(text) and text[pos + 1].isspace():
        after = text[pos + 2]
        return after.isupper() or after in OPENERS
    return False


def _words_before(text: str, pos: int) -> list[str] | None:
    """The whitespace-separated words just before pos, or None if the last is cut off."""
    lo = max(0, pos - _WINDOW)
    window = text[lo:pos]
    if not window or window[-1].isspace():
        return []
    words = window.split()
    if lo > 0 and not text[lo - 1].isspace() and not window[0].isspace():
        words = words[1:]
        if not words:
            return None
    return words


def _period_after_abbreviation(
    text: str, pos: int, nxt: int, abbr: Abbreviations, sent_start: int
) -> bool:
    """Whether the period at pos follows an abbreviation or an initial (so: no boundary)."""
    words = _words_before(text, pos)
    if not words:
        return False
    word = words[-1].lstrip(OPENERS)
    prev = words[-2].lstrip(OPENERS) if len(words) > 1 else ""
    tag = None
    if prev:
        if prev.endswith("."):
            tag = abbr.tag(prev + word)
        if tag is None:
            tag = abbr.tag(prev + " " + word)
    if tag is None:
        tag = abbr.tag(word)
    if tag is None:
        return _is_single_letter(word)
    if tag == TAG_END:
        return False
    if tag == TAG_YEAR:
        return not _year_ends_sentence(text, pos, nxt, prev, sent_start)
    return True


def _is_single_letter(word: str) -> bool:
    """An initial ("К", "B.T", "Ж.-К") or a one-letter lowercase abbreviation ("в")."""
    last = _LETTER_PIECE.split(word)[-1]
    return len(last) == 1 and last.isalpha()


def _year_ends_sentence(text: str, pos: int, nxt: int, prev: str, sent_start: int) -> bool:
    """«… в 2026 г. Стороны …» ends a sentence; «В 2025 г. Казахстан …» does not.

    True when "г." follows a year, an uppercase letter comes next and the sentence had at
    least _MIN_WORDS_BEFORE_YEAR words before the year.
    """
    if not _YEAR.fullmatch(prev) or not text[nxt].isupper():
        return False
    lo = max(sent_start, pos - _YEAR_CONTEXT)
    if lo > sent_start:
        return True
    return len(text[lo:pos].split()) - 2 >= _MIN_WORDS_BEFORE_YEAR
