"""Kazakh: the inflected forms of every glossary term are generated (plural, possessive, the
seven cases, under vowel harmony) and a text word matches a term word when it is one of them.

Only the last word of a Kazakh noun phrase inflects («Сыртқы істер министрінің»), so the forms
of each term's last word are indexed; other words match as written (case-insensitively).
Acronyms take their endings after a hyphen (ИЫҰ-ның, ҚР СІМ-нің): the tokenizer keeps
`ACRONYM-ending` as one word, and since the harmony of an acronym depends on how it is read,
every harmony variant of an ending is accepted after one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .tokens import Token

BACK_VOWELS = set("аоұыуяё")
FRONT_VOWELS = set("әөүіеэи")
VOWELS = BACK_VOWELS | FRONT_VOWELS | set("ю")
NASALS = set("мнң")

# an acronym: capitals, possibly with lower-case letters inside (ТүркПА), ending in a capital
_ACRONYM = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\d*")


AMBIGUOUS_VOWELS = set("уиюя")  # loanwords: округ takes front endings (округі), консул back


def is_front(word: str) -> bool:
    """Vowel harmony class of a word: its last vowel (э, е, ә, ө, ү, і, и are front)."""
    for char in reversed(word.lower()):
        if char in FRONT_VOWELS:
            return True
        if char in BACK_VOWELS:
            return False
    return False


def harmonies(word: str) -> tuple[bool, ...]:
    """The harmony (front?) a word's endings take; both when its last vowel is у, и, ю or я
    (loanwords go either way: консулға but округі, министрге) or an е right after a vowel
    (surnames: Тоқаевтың, Тоқаевқа)."""
    low = word.lower()
    for i in range(len(low) - 1, -1, -1):
        char = low[i]
        if char in AMBIGUOUS_VOWELS or (char == "е" and i > 0 and low[i - 1] in VOWELS):
            return (is_front(word), not is_front(word))
        if char in FRONT_VOWELS or char in BACK_VOWELS:
            break
    return (is_front(word),)


def _h(back: str, front: str, front_word: bool) -> str:
    return front if front_word else back


def _last_class(word: str) -> str:
    """vowel, nasal (м н ң), sonorant (р й у и), voiced (л ж з), voiceless (also б в г д).
    Final у and и are consonants for endings (алмасуды, Калгаридің); ь, ъ are skipped
    (Монреальда)."""
    last = word.lower().rstrip("ьъ")[-1:]
    if last in "рйуи":  # final и is read ий: Калгаридің
        return "sonorant"
    if last in VOWELS:
        return "vowel"
    if last in NASALS:
        return "nasal"
    if last in "лжз":
        return "voiced"
    return "voiceless"


def plural(word: str, front: bool | None = None) -> str:
    cls = _last_class(word)
    front = is_front(word) if front is None else front
    onset = {"vowel": "л", "sonorant": "л", "nasal": "д", "voiced": "д", "voiceless": "т"}[cls]
    return word + onset + _h("ар", "ер", front)


def cases(word: str, front: bool | None = None) -> list[str]:
    """Genitive, dative, accusative, locative, ablative, instrumental and the -дағы adjective
    of a plain (non-possessive) stem."""
    cls = _last_class(word)
    f = is_front(word) if front is None else front
    gen = {"vowel": "н", "nasal": "н", "sonorant": "д", "voiced": "д", "voiceless": "т"}[cls]
    acc = {"vowel": "н", "nasal": "д", "sonorant": "д", "voiced": "д", "voiceless": "т"}[cls]
    dat = "қ" if cls == "voiceless" else "ғ"
    loc = "т" if cls == "voiceless" else "д"
    abl = {"vowel": "д", "nasal": "н", "sonorant": "д", "voiced": "д", "voiceless": "т"}[cls]
    ins = {"vowel": "м", "nasal": "м", "sonorant": "м", "voiced": "б", "voiceless": "п"}[cls]
    if f:
        dat = {"қ": "к", "ғ": "г"}[dat]
    return [
        word + gen + _h("ың", "ің", f),
        word + dat + _h("а", "е", f),
        word + acc + _h("ы", "і", f),
        word + loc + _h("а", "е", f),
        word + abl + _h("ан", "ен", f),
        word + ins + "ен",
        word + loc + _h("ағы", "егі", f),
    ]


def possessive_cases(word: str, front: bool | None = None) -> list[str]:
    """Cases after a 3rd-person possessive (министрі -> министрінің, министріне, министрін ...)."""
    f = is_front(word) if front is None else front
    return [
        word + e
        for e in (
            _h("ның", "нің", f),
            _h("на", "не", f),
            "н",
            _h("нда", "нде", f),
            _h("нан", "нен", f),
            "мен",
            _h("ндағы", "ндегі", f),
        )
    ]


VOICING = {"к": "г", "қ": "ғ", "п": "б"}  # before a vowel: министрлік -> министрлігі
DEVOICING = {v: k for k, v in VOICING.items()}


def possessives(word: str, front: bool | None = None) -> list[str]:
    """3rd person, 1st plural, 1st singular and polite 2nd person possessives of a stem."""
    f = is_front(word) if front is None else front
    vowel_end = _last_class(word) == "vowel"
    link = "" if vowel_end else _h("ы", "і", f)
    if link and word[-1:] in VOICING:
        word = word[:-1] + VOICING[word[-1]]
    return [
        word + (_h("сы", "сі", f) if vowel_end else link),
        word + link + _h("мыз", "міз", f),
        word + link + "м",
        word + link + _h("ңыз", "ңіз", f),
    ]


def possessive3_stems(word: str) -> list[str]:
    """The stems of a word that looks like a 3rd-person possessive (министрі -> министр,
    елшісі -> елші, министрлігі -> министрлік), else []."""
    low = word.lower()
    if len(low) > 3 and low[-2:] in ("сы", "сі") and low[-3] in VOWELS:
        return [low[:-2]]
    if len(low) > 3 and low[-1] in "ыі" and low[-2] not in VOWELS:
        stem = low[:-1]
        return [stem[:-1] + DEVOICING[stem[-1]]] if stem[-1] in DEVOICING else [stem]
    return []


@lru_cache(maxsize=65536)
def inflected_forms(word: str) -> frozenset[str]:
    """Every generated form of one noun (the word itself included), lower case."""
    base = word.lower()
    forms = {base}
    stems = [base] + possessive3_stems(base)
    for front in harmonies(base):
        if base.endswith(("ы", "і")):  # may be a possessive already (күні -> күніне)
            forms.update(possessive_cases(base, front))
        for stem in stems:
            for number in (stem, plural(stem, front)):
                forms.add(number)
                forms.update(cases(number, front))
                for owned in possessives(number, front):
                    forms.add(owned)
                    forms.update(possessive_cases(owned, front) if owned.endswith(("ы", "і")) else cases(owned, front))
    return frozenset(forms)


def acronym_endings() -> set[str]:
    """Every ending an acronym may take after a hyphen, in both harmonies and all onsets."""
    endings: set[str] = set()
    for probe in ("ба", "бә", "бан", "бен", "бал", "бел", "бат", "бет"):
        for form in inflected_forms(probe):
            if form != probe and form.startswith(probe):
                endings.add(form[len(probe) :])
    return {e for e in endings if 1 <= len(e) <= 7}


class KazakhModel:
    """Generated-form keys for Kazakh."""

    def __init__(self) -> None:
        self._bases: dict[str, tuple[str, ...]] = {}
        self._endings = acronym_endings()

    def prepare(self, terms: Sequence[Sequence[str]]) -> None:
        bases: dict[str, tuple[str, ...]] = {}
        done: set[str] = set()
        for words in terms:
            if not words:
                continue
            last = words[-1]
            base = last.lower()
            if base in done:
                continue
            done.add(base)
            forms: set[str] | frozenset[str]
            if _ACRONYM.fullmatch(last):
                forms = {f"{base}-{e}" for e in self._endings} | {base}
            else:
                forms = inflected_forms(base)
            for form in forms:
                known = bases.get(form)
                if known is None:
                    bases[form] = (base,)
                elif base not in known:
                    bases[form] = tuple(sorted((*known, base)))
        self._bases = bases

    def term_keys(self, word: str) -> tuple:
        return (word.lower(),)

    def token_keys(self, word: str) -> tuple:
        low = word.lower()
        return tuple(dict.fromkeys((low, *self._bases.get(low, ()))))

    def retokenize(self, text: str, tokens: list[Token]) -> list[Token]:
        """Join `ACRONYM-ending` into one word (ИЫҰ-ның, СІМ-нің)."""
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            start, end, surface = tokens[i]
            if i + 1 < len(tokens):
                n_start, n_end, n_surface = tokens[i + 1]
                if (
                    text[end:n_start] in ("-", "\u2011", "\u2010")
                    and _ACRONYM.fullmatch(surface)
                    and n_surface in self._endings
                ):
                    out.append((start, n_end, text[start:n_end]))
                    i += 2
                    continue
            out.append(tokens[i])
            i += 1
        return out

    def form_ok(self, surface: str, term_word: str) -> bool:
        return True
