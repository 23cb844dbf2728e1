"""Quotation marks and punctuation by the rules of each target language."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...patterns import protected_spans
from ...text.rules import abbreviations
from ..context import CheckContext
from ..model import Segment
from ..registry import Hit, check

NBSP = "\u00a0\u202f"
_GUILLEMET_LANGS = ("ru", "kk", "fr")
_CLOSERS = "»“”\"')]’"
_END_CLASS = {".": ".", "!": "!", "?": "?", ":": ":", "…": "…", ";": ";"}
# French: a non-breaking space (U+00A0 or U+202F) before ; : ! ? and inside « ».
_QUOTE_MARKS = re.compile('["“”«»„]')
_FR_BARE_GUILLEMET = re.compile(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»")
_LAST_WORD = re.compile(r"([^\W\d_]+)\.$")
_FR_HIGH = re.compile(r"(?<=\S)(?P<gap>[ ]?)(?P<mark>[;:!?])(?=\s|$|[»)])")
_SPACE_BEFORE = re.compile(r"(?<=[\w%)»”])(?P<gap>[ \u00a0\u202f]+)(?P<mark>[,.;:!?])(?=\s|$)")
_FR_SPACE_BEFORE = re.compile(r"(?<=[\w%)»”])(?P<gap>[ \u00a0\u202f]+)(?P<mark>[,.])(?=\s|$)")


@check("quotes", "warning")
def quotes(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """Quotation marks of the wrong kind for the target language, or unbalanced.

    Russian, Kazakh and French take « » (Russian and Kazakh „ “ inside), French with a
    non-breaking space inside the guillemets; English takes “ ” (‘ ’ inside). Example: the
    Russian `программа "Болашак"`, the English `the «Digital Kazakhstan» programme`, or the French
    `« Astana Hub»` without the non-breaking space.
    """
    text, lang = seg.target or "", seg.target_lang
    for mark in _QUOTE_MARKS.finditer(text):
        i, char = mark.start(), mark.group()
        if char == '"':
            yield Hit(f"straight quote; {lang} uses {_expected(lang)}", i, f"straight{i}")
        elif lang in _GUILLEMET_LANGS and char in "“”" and not (lang != "fr" and "„" in text[:i]):
            yield Hit(f"“ ” in {lang}; use « »", i, f"curly{i}")
        elif lang == "en" and char in "«»„":
            yield Hit(f"{char} in English; use “ ”", i, f"guillemet{i}")
    pairs = (("«", "»"),) if lang in _GUILLEMET_LANGS else (("“", "”"),)
    for opening, closing in pairs:
        if text.count(opening) != text.count(closing):
            yield Hit(
                f"unbalanced quotes: {text.count(opening)} {opening} but {text.count(closing)} {closing}",
                text.find(opening) if opening in text else text.find(closing),
                f"balance{opening}",
            )
    if lang == "fr":
        for match in _FR_BARE_GUILLEMET.finditer(text):
            yield Hit(
                "French guillemets need a non-breaking space inside (« texte »)",
                match.start(),
                f"frnbsp{match.start()}",
            )


@check("punctuation", "warning")
def punctuation(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """Punctuation that breaks the target language's rules or the source's sentence end.

    French needs a non-breaking space before ; : ! ? (`Il a déclaré : « … »`); Russian, Kazakh
    and English take no space before , . ; : ! ?. The final mark must match the source's: a
    source ending in `?` translated with `.`, or a full stop lost at the end. Example: the
    English `The Ambassador said :` or the French `a-t-il souligné: « … »`.
    """
    text, lang = seg.target or "", seg.target_lang
    if not text.strip():
        return
    skip = protected_spans(text)

    def free(pos: int) -> bool:
        return not any(start <= pos < end for start, end in skip)

    if lang == "fr":
        for match in _FR_HIGH.finditer(text):
            mark = match.start("mark")
            if not free(mark) or (match["mark"] == ":" and text[mark - 1 : mark].isdigit()):
                continue
            yield Hit(f"French needs a non-breaking space before {match['mark']!r}", mark, f"frhigh{mark}")
        before = _FR_SPACE_BEFORE
    else:
        before = _SPACE_BEFORE
    for match in before.finditer(text):
        if free(match.start("mark")):
            yield Hit(f"space before {match['mark']!r}", match.start("gap"), f"before{match.start()}")
    end_s, end_t = _end_mark(seg.source), _end_mark(text)
    if (
        end_s != end_t
        and not _abbreviation_end(seg.source, seg.source_lang, end_t)
        and not _abbreviation_end(text, lang, end_s)
    ):
        yield Hit(
            f"sentence ends with {end_t or 'no mark'!r}, the source with {end_s or 'no mark'!r}",
            len(text.rstrip()),
            f"end{end_s}{end_t}",
        )


def _expected(lang: str) -> str:
    return "« »" if lang in _GUILLEMET_LANGS else "“ ”"


def _abbreviation_end(text: str, lang: str, other_end: str) -> bool:
    """The text ends with an abbreviation's period (`2025 г.`, `3,7 млн.`) and the other side with
    none or a full stop: the period may belong to the abbreviation."""
    if other_end not in ("", "."):
        return False
    words = _LAST_WORD.findall(text.rstrip().rstrip(_CLOSERS))
    return bool(words) and abbreviations(lang).tag(words[-1]) is not None


def _end_mark(text: str) -> str:
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    if stripped.endswith("..."):
        return "…"
    return _END_CLASS.get(stripped[-1:], "") if stripped else ""
