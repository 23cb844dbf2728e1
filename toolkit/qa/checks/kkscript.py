"""Kazakh script: Latin look-alikes inside Cyrillic words, Russian letters for Kazakh ones."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...langs import KAZAKH_LETTERS
from ...patterns import WORD
from ..context import CheckContext
from ..model import Segment
from ..registry import Hit, check

# the Russian letter a Kazakh letter is mistyped as (keyboard without a Kazakh layout)
RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
MIN_STEM = 4


def _russified_terms(glossary) -> dict[str, str]:
    """russified lower-case word -> the glossary's Kazakh word, for words with Kazakh letters."""
    table: dict[str, str] = {}
    for concept in getattr(glossary, "concepts", ()):
        variants = [concept.terms.get("kk", "")] + list(getattr(concept, "allowed", {}).get("kk", ()))
        for term in variants:
            for word in WORD.findall(term.replace("|", "").replace("*", "")):
                low = word.lower()
                if any(c in KAZAKH_LETTERS for c in low) and len(low) >= MIN_STEM:
                    table.setdefault(low.translate(RUSSIFY), word)
    return table


@check("kk-script", "error")
def kk_script(seg: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """In Kazakh text: a Latin look-alike letter inside a Cyrillic word (Latin `a`, `e`, `o`,
    `p`, `c`, `x`, `i` ...), or a glossary word written with Russian letters where the glossary's
    Kazakh term has Kazakh ones (к for қ, и for і, н for ң, у for ұ/ү, о for ө, г for ғ, а for ә).

    Example: `Қaзақстан` with a Latin `a`; `Елшиси` or `Казакстан` for the glossary's `Елші`,
    `Қазақстан`.
    """
    if seg.target_lang != "kk" or not seg.target:
        return
    table = ctx.memo("kk-russified", lambda: _russified_terms(ctx.glossary))
    for match in WORD.finditer(seg.target):
        word = match.group()
        if _CYRILLIC.search(word):
            latin = _LATIN.search(word)
            if latin:
                yield Hit(
                    f"Latin {latin.group()!r} inside the Cyrillic word {word!r}",
                    match.start() + latin.start(),
                    f"latin {word}",
                )
                continue
        if not table:
            continue
        low = word.lower()
        russified = low.translate(RUSSIFY)
        for k in range(len(russified), MIN_STEM - 1, -1):
            expected = table.get(russified[:k])
            if expected and low[:k] != expected.lower():
                yield Hit(
                    f"{word!r} has Russian letters where the glossary's Kazakh {expected!r} has Kazakh ones",
                    match.start(),
                    f"russian {word}",
                )
                break
