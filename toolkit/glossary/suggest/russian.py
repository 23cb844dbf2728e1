"""Candidate terms of a Russian text: multiword noun phrases (adjectives + noun, a noun with
genitive nouns after it: «Постоянный совет», «Министр иностранных дел»), persons' names
(«Алмас Байжанов») and other capitalised sequences, each with its lemma key (for counting the
inflected forms together) and its nominative surface form (what the glossary proposes).

pymorphy3 gives the parts of speech, cases and lemmas; a word is taken in any of its parses that
fits the phrase (the first fitting parse in pymorphy3's order is used for inflecting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .compound import acronym, compound_parses
from .domains import known_head
from .morph import raw_parses
from .sentences import sentence_starts

# a Russian word (hyphenated ones whole: государств-участников), a Latin word, a number, or
# punctuation: a phrase never runs across punctuation
TOKEN = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*|[A-Za-z]+|\d+|[^\w\s]")
CYRILLIC = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
MAX_WORDS = 5
ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})
PLACE_PREPOSITIONS = ("в", "при")
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO"})
# masculine surnames as inflected (Байжановым, Кошербаеву) and their nominative stem
_SURNAME = re.compile(r"(.{2,}(?:ов|ев|ёв|ин|ын))(а|у|ым|е|ой|ою)?")


@dataclass(frozen=True)
class Occurrence:
    """One candidate found in a text: lemma key, character span, nominative form, kind."""

    key: tuple[str, ...]
    start: int
    end: int
    nominative: str
    kind: str  # "phrase" or "person"
    initial: bool  # the phrase starts the sentence (its first capital says nothing)
    head: int = 0  # index of the head word in key
    place: bool = False  # the head is a place name (pymorphy3's Geox)
    capitals: bool = False  # a word is capitalised where a sentence's start does not explain it
    next_start: int = -1  # where the longer phrase that continues this one goes on, if any
    woman: tuple[tuple[str, ...], str] | None = None  # a name's other reading: key, nominative


@lru_cache(maxsize=1 << 16)
def parses(word: str) -> tuple[Any, ...]:
    """The first parses of a word (pymorphy3's Parse objects, most probable first); a compound
    adjective (казахстанско-венгерской, северо-казахстанскую) inflects in its last part only,
    so it takes the parses of that part (see compound.py)."""
    return compound_parses(word) or raw_parses(word)


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def _agrees(adj: Any, noun: Any) -> bool:
    """An adjective parse agrees with a noun parse: case and number, gender in the singular."""
    a, n = adj.tag, noun.tag
    if a.case != n.case or a.number != n.number:
        return False
    return a.number == "plur" or a.gender is None or n.gender is None or a.gender == n.gender or "ms-f" in n


@lru_cache(maxsize=1 << 16)
def _content(word: str) -> tuple[Any, ...]:
    """The parses of a word that may be part of a term: none for a word that can be a
    preposition, conjunction, particle or pronoun (при, в, о, свой), or a single letter."""
    found = parses(word)
    if len(word) < 2 or any(p.tag.POS in FUNCTION_POS or {"Apro", "Npro"} & p.tag.grammemes for p in found):
        return ()
    return found


def _nouns(word: str, case: str | None = None) -> list[Any]:
    return [p for p in _content(word) if p.tag.POS == "NOUN" and (case is None or p.tag.case == case)]


def _adjectives(word: str) -> list[Any]:
    return [p for p in _content(word) if p.tag.POS in ADJECTIVE_POS]


def _head(words: list[str], i: int, j: int, case: str | None) -> list[Any] | None:
    """Parses of words i..j-1 as adjectives agreeing with word j as a noun (in `case`)."""
    for noun in _nouns(words[j], case):
        chosen = []
        for word in words[i:j]:
            fit = next((a for a in _adjectives(word) if _agrees(a, noun)), None)
            if fit is None:
                break
            chosen.append(fit)
        else:
            return [*chosen, noun]
    return None


def _group(words: list[str], i: int, case: str | None) -> tuple[int, list[Any]] | None:
    """Adjectives then a noun from word i, agreeing (in `case` when given): (end, parses), the
    longest such group (Астанинского международного форума: three words, though
    «Астанинского» may be a surname)."""
    last = i
    while last < len(words) - 1 and last - i < MAX_WORDS - 1 and _adjectives(words[last]):
        last += 1
    for j in range(last, i - 1, -1):
        chosen = _head(words, i, j, case)
        if chosen is not None:
            return j + 1, chosen
    return None


def noun_phrases(words: list[str], i: int) -> list[tuple[int, list[Any], int]]:
    """Noun phrases starting at word i: (end, parses, index of the head) for each length: the
    head group, then each genitive group after it."""
    found: list[tuple[int, list[Any], int]] = []
    head = _group(words, i, None)
    if head is None:
        return found
    end, chosen = head
    head_index = len(chosen) - 1
    if len(chosen) > 1:
        found.append((end, chosen, head_index))
    joined = 0  # allowance for conjunctions: each lets the phrase run two words longer
    while end < len(words) and end - i - joined < MAX_WORDS:
        if _coordinated(words, end, chosen[-1]):
            # two genitives joined by «и» belong to one name (Министерство иностранных дел и
            # внешней торговли Венгрии): the phrase goes on after the second
            following = _group(words, end + 1, "gent")
            if following is None or following[0] - i - joined - 2 > MAX_WORDS:
                break
            joined += 2
            chosen = chosen + [parses(words[end])[0]] + following[1]
            end = following[0]
            continue
        named = acronym(words[end])
        # an acronym names the organisation the phrase belongs to, unless a genitive or another
        # acronym follows it (Департамент Европы | МИД Казахстана, МИД РК: the acronym heads a
        # name of its own)
        if named is not None:
            if not _qualified(words, end + 1):
                end, chosen = end + 1, [*chosen, named]
                found.append((end, chosen, head_index))
            break
        following = None if person(words, end) else _group(words, end, "gent")
        if following is None or following[0] - i - joined > MAX_WORDS:
            break
        end, more = following
        chosen = chosen + more
        name = _apposition(words, end, more[-1])
        if name is not None:  # Республики | Казахстан: the name goes with its common noun
            end, chosen = end + 1, [*chosen, name]
        found.append((end, chosen, head_index))
    place = _place_tail(words, end, chosen[head_index])
    if place is not None and end + 2 - i - joined <= MAX_WORDS + 1:
        found.append((end + 2, chosen + place, head_index))
    return found


def _apposition(words: list[str], end: int, noun: Any) -> Any | None:
    """A place name in the nominative after a common noun in the genitive (Республики Казахстан,
    города Астана): an apposition that stays in the nominative; its parse, or None."""
    if end >= len(words) or not words[end][:1].isupper() or "Geox" in noun.tag or noun.tag.POS != "NOUN":
        return None
    return next((p for p in parses(words[end]) if "Geox" in p.tag and p.tag.case == "nomn"), None)


def _coordinated(words: list[str], end: int, last: Any) -> bool:
    """Word end is «и» after a genitive, and a genitive group follows it."""
    return (
        words[end] == "и"
        and end + 1 < len(words)
        and getattr(last.tag, "case", None) == "gent"
        and _group(words, end + 1, "gent") is not None
    )


def _qualified(words: list[str], i: int) -> bool:
    """Word i begins a genitive or an acronym that qualifies the word before it."""
    return i < len(words) and (acronym(words[i]) is not None or _group(words, i, "gent") is not None)


def _place_tail(words: list[str], end: int, head: Any) -> list[Any] | None:
    """«в Италии», «при ОБСЕ» after a title or a mission (Посол Казахстана в Италии): the
    preposition and the capitalised name in the locative, or None."""
    if end + 1 >= len(words) or words[end] not in PLACE_PREPOSITIONS or not words[end + 1][:1].isupper():
        return None
    if not known_head(_norm(head.normal_form), ("title", "ministry")):
        return None
    name = next((p for p in parses(words[end + 1]) if p.tag.POS == "NOUN" and p.tag.case in ("loct", "loc2")), None)
    return None if name is None else [parses(words[end])[0], name]


def _shape(form: str, surface: str) -> str:
    """form in the letter case of surface (МИД, Посол, посол), each part of a hyphenated word
    as written (Баян-Улгийского -> Баян-Улгийский)."""
    if surface.isupper() and len(surface) > 1:
        return form.upper()
    parts, written = form.split("-"), surface.split("-")
    if len(parts) == len(written) > 1:
        return "-".join(_shape(part, word) for part, word in zip(parts, written))
    if surface[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def nominative(surfaces: list[str], chosen: list[Any], head: int) -> str:
    """The phrase with its head group in the nominative (number kept); genitives as written."""
    noun = chosen[head]
    grammemes = {"nomn", noun.tag.number or "sing"}
    out = []
    for k, (surface, parse) in enumerate(zip(surfaces, chosen)):
        if k <= head and parse.tag.case != "nomn":
            wanted = set(grammemes)
            if k < head and noun.tag.number != "plur" and noun.tag.gender in ("masc", "femn", "neut"):
                wanted.add(noun.tag.gender)
            form = parse.inflect(wanted)
            out.append(_shape(form.word, surface) if form is not None else surface)
        else:
            out.append(surface)
    return " ".join(out)


# a surname's case ending -> the endings a man's first name takes in that case (Ерланом Жумагуловым)
_MALE_FIRST = {"ым": ("ом", "ем"), "а": ("а", "я"), "у": ("у", "ю"), "е": ("е",), "": ("",)}


def _split_name(first: str, surname: str) -> tuple[str, str] | None:
    """A first name and a surname in -ов/-ев/-ин in their nominative: a man's (Ерланом
    Жумагуловым -> Ерлан Жумагулов) or a woman's (Айгерим Садыковой -> Айгерим Садыкова), the
    gender from the dictionary's first name or from the endings."""
    found = _SURNAME.fullmatch(surname)
    if found is None:
        return _foreign_name(first, surname)
    stem, ending = found.group(1), found.group(2) or ""
    names = [p for p in parses(first) if "Name" in p.tag]
    men = [p for p in names if p.tag.gender == "masc"]
    women = [p for p in names if p.tag.gender == "femn"]
    if not ending:  # Жумагулов: a man's surname in the nominative
        return (_shape(men[0].normal_form, first) if men else first), stem
    if ending in ("ой", "ою") or (ending in ("а", "у") and women and not men):
        return (_shape(women[0].normal_form, first) if women else first), stem + "а"
    if men:  # Ерлана is a man's name in the genitive more often than a woman's
        return _shape(men[0].normal_form, first), stem
    for cut in _MALE_FIRST.get(ending, ()):
        if first.endswith(cut) and len(first) - len(cut) >= 3:
            return first[: len(first) - len(cut)], stem
    return (first, stem + "а") if ending in ("а", "у") else None


def _foreign_name(first: str, surname: str) -> tuple[str, str] | None:
    """A man's first name the dictionary knows and a surname declined like a masculine noun
    (Ласло Кертесом -> Ласло Кертес): the surname cut to the noun's lemma where that begins it."""
    men = [p for p in parses(first) if "Name" in p.tag and p.tag.gender == "masc"]
    if not men or any("Name" in p.tag and p.tag.gender == "femn" for p in parses(first)):
        return None
    low = _norm(surname)
    for parse in parses(surname):
        lemma = _norm(parse.normal_form)
        if parse.tag.POS == "NOUN" and parse.tag.gender == "masc" and low.startswith(lemma) and len(lemma) >= 3:
            return _shape(men[0].normal_form, first), surname[: len(lemma)]
    return None


def woman_reading(first: str, surname: str) -> tuple[tuple[str, ...], str] | None:
    """The woman's reading of a first name and a surname in -ова/-ева/-ина that also read as a
    man's in the genitive (Алия Сарсенова: Алия, or Алий's genitive): key and nominative."""
    found = _SURNAME.fullmatch(surname)
    if found is None or found.group(2) != "а":
        return None
    women = [p for p in parses(first) if "Name" in p.tag and p.tag.gender == "femn" and p.tag.case == "nomn"]
    if not women or not any("Name" in p.tag and p.tag.gender == "masc" for p in parses(first)):
        return None
    name = _shape(women[0].normal_form, first)
    return (_norm(name), _norm(surname)), f"{name} {surname}"


def person(words: list[str], i: int) -> tuple[int, str, tuple[str, ...]] | None:
    """A first name and a capitalised surname from word i: (end, nominative, key)."""
    if i + 1 >= len(words) or not words[i][:1].isupper() or not words[i + 1][:1].isupper():
        return None
    if not words[i][1:].islower() or not words[i + 1][1:].islower() or not _content(words[i]):
        return None
    split = _split_name(words[i], words[i + 1])
    if split is None:
        return None
    first, surname = split
    return i + 2, f"{first} {surname}", (_norm(first), _norm(surname))


def _clauses(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of Russian words between punctuation marks, Latin words and numbers."""
    runs: list[list[tuple[int, int, str]]] = [[]]
    for match in TOKEN.finditer(text):
        if CYRILLIC.fullmatch(match.group()):
            runs[-1].append((match.start(), match.end(), match.group()))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _capitals(words: list[str], initial: bool) -> bool:
    return any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper() and not initial)


def candidates(text: str) -> list[Occurrence]:
    """Every candidate of a sentence (overlapping ones included): noun phrases of 2 to 5 words
    and first name + surname."""
    found: list[Occurrence] = []
    starts = sentence_starts(text)
    for run in _clauses(text):
        words = [w for _, _, w in run]
        for i in range(len(words)):
            initial = run[i][0] in starts
            named = person(words, i)
            if named is not None:
                end, form, key = named
                woman = woman_reading(words[i], words[i + 1])
                found.append(
                    Occurrence(key, run[i][0], run[end - 1][1], form, "person", initial, 1, False, True, woman=woman)
                )
                continue
            phrases = noun_phrases(words, i)
            for number, (end, chosen, head) in enumerate(phrases):
                key = tuple(_norm(p.normal_form) for p in chosen)
                form = nominative(words[i:end], chosen, head)
                place = "Geox" in chosen[head].tag
                capitals = _capitals(words[i:end], initial)
                going_on = run[end][0] if number + 1 < len(phrases) else -1
                found.append(
                    Occurrence(
                        key, run[i][0], run[end - 1][1], form, "phrase", initial, head, place, capitals, going_on
                    )
                )
    return found
