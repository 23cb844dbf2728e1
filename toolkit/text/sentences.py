"""Sentence segmentation of press-release text (ru, kk, en, fr).

How a boundary is found:

* One compiled regex scans the text once for candidates: a run of ``. ! ? …`` (plus closing
  quotes or brackets, also a French `` »`` after a space) followed by whitespace or by a
  glued letter («(KIS).During», «жағдайы.XVIII ғасырдың»); a blank line; a single line break
  after a line without final punctuation.
* A blank line always ends a sentence.
* Inline lists: in a line that opens with a list marker («1. », «2) », «1.) », «• 9. », «a. »),
  the marker with the next number or letter starts a new sentence («1. The first item
  2. The second item»), and the period of a marker that opens a sentence ends none.
* Omissions end no sentence: «[...]», «(…)», an ellipsis after a space («is . . . I»); a
  period glued to a word and followed by a spaced ellipsis («compounds. . . . The») ends
  the sentence, and the next one opens with the ellipsis.
* The exception rules of the language in ``data/segment/rules.srx`` (SRX 2.0) are asked
  next; the first that matches decides.
* Otherwise the built-in judgement, driven by the language's data files:
  - the next character must start a sentence: an uppercase letter, a digit, an opening
    quote or bracket not followed by a lowercase letter («(тағы басқа)» goes on), or a dash,
    a space and an uppercase letter (direct speech), except inside an open «…» («…? –
    спросила мама. – Завтра …»: the quotation goes on after the author's words); a question
    mark followed by a lowercase word outside quotes also ends a sentence («кім? не?»);
  - a single ``.`` after an abbreviation of ``data/segment/<lang>.txt`` is no boundary,
    unless the entry is tagged ``:end`` (any sentence start follows), ``:starter`` (a word
    of ``data/segment/starters.txt`` follows) or ``:year`` (see _year_ends_sentence); an
    elided article before it is dropped («l'art.»);
  - a single letter before ``.`` is an initial («К. Токаевым», «B.T. Innovation», «в XX в.»);
    capital letters with periods («you and I.», «the E.U.», «Фредерику X.») end the sentence
    when a starter follows whose next word is not capitalised («… and I. Did you …», but
    «M. Le Drian»);
  - a glued boundary needs a lowercase word (two letters or more) or a closing bracket or
    quote before the period, a capital and a lowercase letter or a space (or a Roman
    numeral) after it, and no URL or e-mail around it;
  - a single line break ends a sentence after a line without final punctuation (a
    heading) when the next line starts like a sentence, the text is not hard-wrapped
    (its longest line exceeds WRAP_MAX: one paragraph per line), the line is one sentence
    from its start, and it does not stop inside a sentence (line_is_open: a comma, a
    dash, a word of ``data/segment/joiners.txt``). Otherwise, and before a lowercase word,
    a line break is plain whitespace, kept in the sentence; with ``headings=False`` (a
    block of toolkit.text.document, whose line breaks the reader judged) always.
* Decimal numbers, dates, times, URLs and e-mails hold no terminal followed by whitespace.

Every candidate is judged from a bounded window around it, so a run is linear in the
text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..patterns import LINK_HINT
from .lists import MARKER_MAX, is_list_marker, list_items
from .omissions import is_omission, spaced_dots
from .rules import (
    CLOSERS,
    DASHES,
    OPENERS,
    TAG_END,
    TAG_STARTER,
    TAG_YEAR,
    WRAP_MAX,
    Abbreviations,
    Joiners,
    LanguageRules,
    first_word,
    language_rules,
)

_WINDOW = 48  # characters looked at before a period (abbreviations are short)
_YEAR_CONTEXT = 200
_MIN_WORDS_BEFORE_YEAR = 4

# Every alternative starts with a terminal or a line break, so the scan skips other text
# fast, and every terminal run matches as a whole (possessively), so no run is scanned twice.
# What comes before a match and whether a terminal run is followed by whitespace or a glued
# letter is checked in _boundaries.
_CANDIDATE = re.compile(
    r"(?P<term>[.!?…]++)(?P<close>(?:[»\"”“)'’\]]|[^\S\n]++»)*+)(?P<ws>\s*+)"
    r"|(?P<blank>\n[^\S\n]*+\n)\s*+"
    r"|(?P<nl>\n[^\S\n]*+)(?=\S)"
)
_LINE_END = frozenset(CLOSERS) - {"'", "“"}  # closers that may end a heading line
_LETTER_PIECE = re.compile(r"[.\-]")
_YEAR = re.compile(r"(?:1[89]|2\d)\d\d(?:[-–—](?:(?:1[89]|2\d)\d\d|\d\d))?")
_ROMAN_WORD = re.compile(r"[IVXLCDMІХ]{2,7}(?=[\s\-–])")
_QUOTE_REACH = 400  # how far back an opening « is looked for
_ELISION = re.compile(r"(?:[cdjlmnst]|qu)['’](?=\w)", re.IGNORECASE)


class Decision(NamedTuple):
    """A boundary decision: whether to break, and where the next sentence starts."""

    end: int
    start: int


def split_sentences(text: str, lang: str, *, headings: bool = True) -> list[str]:
    """The sentences of text as they stand in it, stripped of surrounding whitespace.

    headings=False: the line breaks of text were already judged (a block of
    toolkit.text.document.parse_release, whose lines belong to one paragraph), so a single line
    break is whitespace and never ends a heading; blank lines still end a sentence.
    """
    return [text[start:end] for start, end in sentence_spans(text, lang, headings=headings)]


def sentence_spans(text: str, lang: str, *, headings: bool = True) -> list[tuple[int, int]]:
    """Character offsets [start, end) of the stripped sentences of text, in order
    (headings: see split_sentences)."""
    rules = language_rules(lang)
    start = len(text) - len(text.lstrip())
    spans: list[tuple[int, int]] = []
    for end, next_start in _boundaries(text, rules, start, headings):
        if start < end:
            spans.append((start, end))
        start = next_start
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans


def _boundaries(text: str, rules: LanguageRules, start: int, headings: bool = True) -> Iterator[Decision]:
    """The sentence boundaries of text: where a sentence ends and the next one starts."""
    longest: list[int] = []  # the longest line, computed on the first line-break candidate
    items = list_items(text)
    items.append(len(text) + 1)  # a sentinel: no item starts there
    item, k = items[0], 0
    size = len(text)
    for match in _CANDIDATE.finditer(text):
        pos, after = match.span()
        while item <= pos:  # an inline list item starts before this candidate
            end = _end_of_content(text, item, start)
            if end > start:
                yield Decision(end, item)
                start = item
            k += 1
            item = items[k]
        if after >= size or pos <= start:
            continue
        if match["term"] is None:
            end = _end_of_content(text, pos, start)
            if end <= start:
                continue
            if match["blank"] is None:
                before = text[end - 1]
                if not headings or not (before.isalnum() or before in _LINE_END):
                    continue
                if not longest:
                    longest.append(max(map(len, text.split("\n"))))
                line_start = text.rfind("\n", 0, end) + 1
                if not _heading_break(text, after, longest[0], line_start, end, start, rules):
                    continue
            yield Decision(end, after)
            start = after
            continue
        cut = match.end("close")
        if not match["ws"] and not text[cut].isalpha():
            continue
        if _is_boundary(text, match, rules, start, cut):
            if not (pos and (text[pos - 1].isspace() or text[pos - 1] in "[(") and is_omission(text, match)):
                yield Decision(cut, after)
                start = after
        elif text[after] == ".":
            opening = _ellipsis_opens_next(text, match)
            if opening is not None:
                yield Decision(pos + 1, opening)
                start = opening
    for item in items[k:-1]:
        end = _end_of_content(text, item, start)
        if end > start:
            yield Decision(end, item)
            start = item


def _ellipsis_opens_next(text: str, match: re.Match[str]) -> int | None:
    """«compounds. . . . The practice»: a period glued to a word and followed by a spaced
    ellipsis and a sentence start ends the sentence; the next one opens with the ellipsis.
    Returns the offset where the next sentence starts, or None."""
    pos = match.start()
    if match["term"] != "." or match["close"] or not pos or text[pos - 1].isspace():
        return None
    run = spaced_dots(text, pos)
    if run is None or run[0] != pos or run[2] != 4:
        return None
    after = run[1] + 1
    gap = text[after : after + _WINDOW]
    nxt = after + len(gap) - len(gap.lstrip())
    if nxt == after or nxt >= len(text) or not _starts_sentence(text, nxt):
        return None
    return pos + 2


def _end_of_content(text: str, pos: int, floor: int) -> int:
    """The offset after the last non-whitespace character before pos (at least floor)."""
    while pos > floor and text[pos - 1].isspace():
        pos -= 1
    return pos


def _is_boundary(text: str, match: re.Match[str], rules: LanguageRules, sent_start: int, cut: int) -> bool:
    """Whether a terminal candidate ends the sentence that began at sent_start."""
    ws = match["ws"]
    if ws.count("\n") >= 2:
        return True
    nxt = match.end()
    if not ws and not _glued_start(text, nxt):
        return False
    pos = match.start()
    if pos - sent_start <= MARKER_MAX and match["term"] == "." and is_list_marker(text, sent_start, match):
        return False
    if rules.any_after.match(text, cut) is not None:
        for rule in rules.srx:
            if rule.matches(text, cut):
                return rule.breaks
    if not ws:
        return _glued_boundary(text, match, rules)
    if not _starts_sentence(text, nxt):
        return _question_before_lowercase(text, match, sent_start)
    if text[nxt] in DASHES and _inside_guillemets(text, sent_start, cut):
        return False  # «…? – спросила мама. – Завтра …»: the quotation goes on after the author's words
    if match["term"] != "." or match["close"]:
        return True
    return _period_ends_sentence(text, match.start(), nxt, rules, sent_start)


def _question_before_lowercase(text: str, match: re.Match[str], sent_start: int) -> bool:
    """«… – кім? не?»: a question mark followed by a lowercase word ends the question, unless
    a closing quote follows it or it stands inside «…» (quoted speech goes on)."""
    if "?" not in match["term"] or match["close"] or not text[match.end()].islower():
        return False
    return not _inside_guillemets(text, sent_start, match.start())


def _inside_guillemets(text: str, sent_start: int, pos: int) -> bool:
    """Whether an opening « before pos (in this sentence, at most _QUOTE_REACH back) is not
    closed before pos."""
    lo = max(sent_start, pos - _QUOTE_REACH)
    return text.rfind("«", lo, pos) > text.rfind("»", lo, pos)


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the character at pos can begin a sentence."""
    char = text[pos]
    if char.isupper() or char.istitle() or char.isdigit():
        return True
    if char in OPENERS:  # «(тағы басқа)», « l'exemple »: a bracket or quote before lowercase goes on
        inner = text[pos : pos + 4].lstrip(OPENERS + " \u00a0")
        return not inner[:1].islower()
    if char in DASHES and pos + 2 < len(text) and text[pos + 1].isspace():
        after = text[pos + 2]
        return after.isupper() or after in OPENERS
    return False


def _glued_start(text: str, pos: int) -> bool:
    """A capital followed by a lowercase letter or a space («During», «В ходе», not «U.S»),
    or a Roman numeral followed by a space or hyphen («жағдайы.XVIII ғасырдың»)."""
    if not text[pos].isupper() or pos + 1 >= len(text):
        return False
    return text[pos + 1].islower() or text[pos + 1].isspace() or _ROMAN_WORD.match(text, pos) is not None


def _glued_boundary(text: str, match: re.Match[str], rules: LanguageRules) -> bool:
    """«(KIS).During», «қатысты.Тараптар»: a terminal glued to the next sentence."""
    nxt = match.end()
    words = _words_before(text, match.start())
    if not words or LINK_HINT.search(words[-1] + text[match.start() : nxt] + _word_at(text, nxt)):
        return False
    word = words[-1]
    if word[-1] in CLOSERS:
        return True
    tail = _LETTER_PIECE.split(word)[-1]
    if len(tail) < 2 or not tail.isalpha() or not tail[-1].islower():
        return False
    return rules.abbreviations.tag(tail) in (None, TAG_END)


def _word_at(text: str, pos: int) -> str:
    """The whitespace-delimited word starting at pos, at most _WINDOW characters of it."""
    chunk = text[pos : pos + _WINDOW]
    return chunk.split(maxsplit=1)[0] if chunk.strip() else ""


def _words_before(text: str, pos: int) -> list[str] | None:
    """The last two whitespace-separated words before pos (fewer at the text start), or
    None if the last one is longer than the window."""
    lo = max(0, pos - _WINDOW)
    window = text[lo:pos]
    if not window or window[-1].isspace():
        return []
    words = window.rsplit(None, 2)
    if lo > 0 and not text[lo - 1].isspace() and not window[0].isspace():
        if len(words) == 1:
            return None
        if len(words) == 2:
            words = words[1:]
    return words[-2:]


def _period_ends_sentence(text: str, pos: int, nxt: int, rules: LanguageRules, sent_start: int) -> bool:
    """Whether the period at pos, with a sentence start at nxt, ends the sentence."""
    words = _words_before(text, pos)
    if not words:
        return True
    word = words[-1].lstrip(OPENERS)
    prev = words[-2].lstrip(OPENERS) if len(words) > 1 else ""
    tag = _abbreviation_tag(rules.abbreviations, word, prev)
    if tag is None:
        if not _is_single_letter(word):
            return True
        if _is_capital_letters(word):
            return _starter_opens_clause(text, nxt, rules)
        return False
    if tag == TAG_END:
        return True
    if tag == TAG_STARTER:
        return first_word(text, nxt) in rules.starters
    if tag == TAG_YEAR:
        return _year_ends_sentence(text, pos, nxt, prev, sent_start, rules)
    return False


def _is_capital_letters(word: str) -> bool:
    """Capital letters each followed by a period: an initial or a regnal number («I», «X»),
    initials or a dotted acronym («Л.Н», «E.U», «U.S.A», «J.-Y»)."""
    if len(word) == 1:
        return word.isupper()
    pieces = [piece for piece in _LETTER_PIECE.split(word) if piece]
    return all(len(piece) == 1 and piece.isupper() for piece in pieces)


def _starter_opens_clause(text: str, nxt: int, rules: LanguageRules) -> bool:
    """After capital letters with periods («you and I.», «the E.U.», «Фредерику X.»): a new
    sentence starts when a sentence starter of two letters or more follows and the word after
    it is not capitalised («I. Did you …», but «M. Le Drian», «J. Smith»)."""
    word = first_word(text, nxt)
    if len(word) < 2 or word not in rules.starters:
        return False
    rest = text[nxt + len(word) : nxt + len(word) + _WINDOW]
    if rest[:1] in ".-":
        return False
    following = rest.split(maxsplit=1)
    return not following or not following[0][:1].isupper()


def _abbreviation_tag(abbr: Abbreviations, word: str, prev: str) -> str | None:
    """The tag of the abbreviation ending in word («т. ч.» spans two words), or None. An
    elided article or preposition before it is dropped: «l'art.» is «art.»."""
    elided = _ELISION.match(word) if "'" in word or "’" in word else None
    if elided is not None and abbr.tag(word) is None:
        word, prev = word[elided.end() :], ""
    if prev:
        if prev.endswith("."):
            tag = abbr.tag(prev + word)
            if tag is not None:
                return tag
        tag = abbr.tag(prev + " " + word)
        if tag is not None:
            return tag
    return abbr.tag(word)


def _is_single_letter(word: str) -> bool:
    """An initial ("К", "B.T", "Ж.-К") or a one-letter lowercase abbreviation ("в")."""
    last = _LETTER_PIECE.split(word)[-1]
    return len(last) == 1 and last.isalpha()


def _year_ends_sentence(text: str, pos: int, nxt: int, prev: str, sent_start: int, rules: LanguageRules) -> bool:
    """«… в 2026 г. Стороны …» ends a sentence; «В 2025 г. Казахстан …» does not.

    True when "г." follows a year, an uppercase letter comes next, and either the next word
    is a sentence starter («2024–2025 гг. Далее») or the sentence had at least
    _MIN_WORDS_BEFORE_YEAR words before the year.
    """
    if not _YEAR.fullmatch(prev) or not text[nxt].isupper():
        return False
    if first_word(text, nxt) in rules.starters:
        return True
    lo = max(sent_start, pos - _YEAR_CONTEXT)
    if lo > sent_start:
        return True
    return len(text[lo:pos].split()) - 2 >= _MIN_WORDS_BEFORE_YEAR


def _heading_break(
    text: str, nxt: int, longest: int, line_start: int, line_end: int, sent_start: int, rules: LanguageRules
) -> bool:
    """Whether a single line break before nxt ends a line that is a paragraph of its own (a
    heading): the text is not hard-wrapped, the next line starts like a sentence, the line
    is one sentence from its start (no sentence ended inside it, none goes on from the line
    before) and it does not stop inside a sentence (line_is_open)."""
    if longest <= WRAP_MAX or not _starts_sentence(text, nxt):
        return False
    if sent_start < line_start or text[line_start:sent_start].strip():
        return False
    return not _ends_open(text[line_start:line_end], rules.joiners)


_OPEN_END = ",–—-«„(["


def line_is_open(line: str, lang: str) -> bool:
    """Whether a line without final punctuation stops inside a sentence, so that a line break
    after it is no sentence end: it ends with a comma, a dash, an opening quote or bracket,
    or a word of data/segment/joiners.txt («с», «және», «the», «d'»), or a Kazakh genitive
    («комиссияның») or locative adjective («Астанадағы»)."""
    return _ends_open(line, language_rules(lang).joiners)


def _ends_open(line: str, joiners: Joiners) -> bool:
    """line_is_open with the joiners of a language."""
    stripped = line.rstrip()
    if not stripped:
        return False
    if stripped[-1] in _OPEN_END:
        return True
    last = stripped[-_WINDOW:].rsplit(None, 1)[-1]
    return joiners.ends_open(last.lstrip(OPENERS).lower().replace("’", "'"))
