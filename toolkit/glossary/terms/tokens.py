"""Words of a text with their character spans, and whether a gap may sit inside a term."""

from __future__ import annotations

import re

# a word, or a comma: commas are tokens so that a term with a comma («Министерство экономики,
# инноваций и энергетики») matches across it and no other term does
WORD = re.compile(r"[^\W_]+|,")
# a term word as written in a glossary: letters/digits with at most one `|` or trailing `*` marker
TERM_WORD = re.compile(r"[^\W_][^\W_|*]*(?:[|*][^\W_]*)?|,")
# between two words of one term: spaces (no-break ones too), hyphens, dashes, apostrophes
# (l'Ambassadeur, d'affaires), and one line break (a hard-wrapped line, «Лейтенант-\nгубернатор»);
# a blank line ends a term
_GAP_CHARS = r"[ \t\u00a0\u2007\u202f\-\u2010\u2011\u2012\u2013\u2014'\u2019\u02bc]"
_JOIN_GAP = re.compile(rf"{_GAP_CHARS}{{1,4}}|{_GAP_CHARS}{{0,3}}\r?\n{_GAP_CHARS}{{0,3}}")
# after 1-2 letters: Ф.Бенжамин, Дж. Смит, в т.ч., М.\u00a0Жаннотт, К.-Ж. Токаев
_ABBREVIATION_GAP = re.compile(r"\.(?:[ \u00a0\u202f\-]|\r?\n)?")


Token = tuple[int, int, str]  # start, end, surface (plain tuples: texts have millions of words)


def words(text: str) -> list[Token]:
    """The words (and commas) of a text; other punctuation and spaces are gaps."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def term_words(term: str) -> list[str]:
    """The words of a glossary term, match markers kept on their word."""
    return TERM_WORD.findall(term)


def joinable(text: str, tokens: list[Token]) -> list[bool]:
    """joinable[i]: token i may continue a term begun before it (False for the first token)."""
    result = [False] * len(tokens)
    for i in range(1, len(tokens)):
        prev_end, prev_text = tokens[i - 1][1], tokens[i - 1][2]
        gap = text[prev_end : tokens[i][0]]
        if (
            gap == " "
            or gap == ""
            or _JOIN_GAP.fullmatch(gap)
            or (_ABBREVIATION_GAP.fullmatch(gap) and len(prev_text) <= 2 and prev_text.isalpha())
        ):
            result[i] = True
    return result
