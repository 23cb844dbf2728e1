"""A Kazakh term in its dictionary form where it names a thing by adjectives alone: the head of
an izafet (Ұлттық үйлестірушілер кеңесі, a noun before the head) takes the 3rd-person
possessive, but after adjectives only it does not (Тұрақты кеңес, Мемлекеттік хатшы, not
Тұрақты кеңесі), and a text gives the possessive form wherever a name stands before the term
(ЕҚЫҰ Тұрақты кеңесі)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..terms.kk import DEVOICING, VOWELS

# adjectives made with -лық/-лік (Мемлекеттік, өңірлік; -стық/-стік make nouns: ынтымақтастық),
# -ты/-ті (Тұрақты, кезекті) and -ғы/-гі/-қы/-кі (Сыртқы, ішкі)
_ADJECTIVE = re.compile(r"\w{2,}(?:(?<!с)(?:лық|лік|дық|дік|тық|тік)|ты|ті|ды|ді|ғы|гі|қы|кі)")
_WORD = re.compile(r"\w+(?:-\w+)*")


def attested(texts: Iterable[str]) -> frozenset[str]:
    """The words of the texts, in lower case."""
    return frozenset(m.group().lower() for text in texts for m in _WORD.finditer(text))


def _unowned(word: str) -> list[str]:
    """The stems a 3rd-person possessive may have been made from, the consonant stem first
    (кеңесі -> кеңес, кеңе; орталығы -> орталық; хатшысы -> хатшыс, хатшы)."""
    low = word.lower()
    if len(low) < 4 or low[-1] not in "ыі" or low[-2] in VOWELS:
        return []
    stem = low[:-1]
    found = [stem[:-1] + DEVOICING[stem[-1]] if stem[-1] in DEVOICING else stem]
    if low[-2] in "с" and low[-3] in VOWELS:
        found.append(low[:-2])
    return found


def adjectival_head(form: str, words: frozenset[str]) -> str:
    """form with its last word without the 3rd-person possessive when every word before it is an
    adjective and the stem is a word the memory has; else form unchanged."""
    parts = form.split(" ")
    if len(parts) < 2 or not all(_ADJECTIVE.fullmatch(p.lower()) for p in parts[:-1]):
        return form
    last = parts[-1]
    for stem in _unowned(last):
        if stem in words:
            return " ".join([*parts[:-1], last[: len(stem) - 1] + stem[-1] if len(stem) < len(last) else stem])
    return form
