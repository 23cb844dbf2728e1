"""Kazakh: the inflected forms of every glossary term are generated (plural, possessive, the
seven cases, under vowel harmony) and a text word matches a term word when it is one of them.

Only the last word of a Kazakh noun phrase inflects («Сыртқы істер министрінің»), so the forms
of each term's last word are indexed. A word before it matches as written or as one of its
nominative / genitive / 3rd-person possessive alternants («Қазақстан Республикасы Сыртқы істер
министрлігі» = «Қазақстан Республикасының Сыртқы істер министрлігі»), nothing else.
Acronyms take their endings after a hyphen (ИЫҰ-ның, ҚР СІМ-нің): the tokenizer keeps
`ACRONYM-ending` as one word, and since the harmony of an acronym depends on how it is read,
every harmony variant of an ending is accepted after one.

The generator follows the grammar tables (tests/data/kk_forms/ lists what it must produce):
- endings by the stem's last sound: vowel, sonorant (р й у, final и read ий), л, nasal (м н ң),
  voiced (ж з), voiceless (also final б в г д of loanwords); the instrumental is -мен after
  vowels, sonorants, л and nasals (консулмен), -бен after ж з, -пен after voiceless sounds;
- vowel harmony by the last vowel; both harmonies where usage varies: a last vowel у, и, ю, я,
  an е after a vowel (Тоқаевқа), a final ь (Монреальда / медальге), к or г after a back vowel
  (банкі, диалогке), the surname endings -ов, -ев;
- before a vowel-initial ending: к, қ, п after a vowel are voiced (кітабы; тарапы and тарабы are
  both generated outside -лық/-лік), a final ь is dropped (медалі), the fleeting vowel of
  халық, орын, ерін ... drops (халқы, орны, ерні; a closed list, plus the dropped form in
  addition for words of the same shape);
- doubled final consonants and -ст / -зд are also simplified before an ending (процесі,
  журналистер, Жаннотқа), as is usual in writing;
- a glossary word in the plural also yields the forms of its singular (сенім грамоталары ->
  сенім грамотасын), and one in the possessive those of its stem (министрі -> министрге).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .tokens import Token

BACK_VOWELS = set("аоұыуяё")
FRONT_VOWELS = set("әөүіеэи")
VOWELS = BACK_VOWELS | FRONT_VOWELS | set("ю")
NASALS = set("мнң")
AMBIGUOUS_VOWELS = set("уиюя")  # loanwords: округ takes front endings (округі), консул back

# an acronym: capitals, possibly with lower-case letters inside (ТүркПА), ending in a capital
_ACRONYM = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\d*")
_HYPHENS = ("-", "\u2011", "\u2010")
_ACRONYM_WITH_ENDING = re.compile(r"(" + _ACRONYM.pattern + r")-(\w+)")  # a joined glossary word: ҚР-ның

# onset of each ending after a stem's last-sound class (see _last_class)
PLURAL_ONSET = {"vowel": "л", "sonorant": "л", "liquid": "д", "nasal": "д", "voiced": "д", "voiceless": "т"}
GENITIVE_ONSET = {"vowel": "н", "sonorant": "д", "liquid": "д", "nasal": "н", "voiced": "д", "voiceless": "т"}
ACCUSATIVE_ONSET = {"vowel": "н", "sonorant": "д", "liquid": "д", "nasal": "д", "voiced": "д", "voiceless": "т"}
ABLATIVE_ONSET = {"vowel": "д", "sonorant": "д", "liquid": "д", "nasal": "н", "voiced": "д", "voiceless": "т"}
INSTRUMENTAL_ONSET = {"vowel": "м", "sonorant": "м", "liquid": "м", "nasal": "м", "voiced": "б", "voiceless": "п"}

VOICING = {"к": "г", "қ": "ғ", "п": "б"}  # before a vowel: министрлік -> министрлігі
DEVOICING = {v: k for k, v in VOICING.items()}
# derivational suffixes whose final consonant is always voiced before a vowel (министрлігі)
ALWAYS_VOICED = ("лық", "лік", "дық", "дік", "тық", "тік", "шық", "шік")

# nouns whose last vowel drops before a vowel-initial ending (халық -> халқы, орын -> орны)
VOWEL_DROP = frozenset(
    [
        "халық",
        "орын",
        "ерін",
        "мойын",
        "мұрын",
        "қойын",
        "ауыз",
        "қалып",
        "ғұрып",
        "әріп",
        "ерік",
        "көрік",
        "бөрік",
        "мүлік",
        "құлық",
        "ырық",
        "тұрық",
        "қауіп",
        "кейіп",
        "сұрып",
    ]
)
# the same shape: (consonants) vowel (consonant) sonorant, ы/і, final н қ к з с п
_DROP_SHAPE = re.compile(r"[^аәеёиоөуұүыіэюя]*[аәеёоөұүыіэ][^аәеёиоөуұүыіэюя]?[рлйу][ыі][нқкзсп]")
_SURNAME = re.compile(r"\w{2,}(?:ов|ев|ёв)")


def is_front(word: str) -> bool:
    """Vowel harmony class of a word: its last vowel (э, е, ә, ө, ү, і, и are front)."""
    for char in reversed(word.lower()):
        if char in FRONT_VOWELS:
            return True
        if char in BACK_VOWELS:
            return False
    return False


def _last_vowel_index(low: str) -> int:
    """Index of the last vowel letter of a lower-case word, -1 when it has none."""
    for i in range(len(low) - 1, -1, -1):
        if low[i] in VOWELS:
            return i
    return -1


def _ambiguous_harmony(low: str) -> bool:
    """True when usage takes both harmonies after this word (see the module docstring)."""
    i = _last_vowel_index(low)
    if i < 0:
        return False
    char = low[i]
    if char in AMBIGUOUS_VOWELS or (char == "е" and i > 0 and low[i - 1] in VOWELS):
        return True
    if low.endswith("ь") or _SURNAME.fullmatch(low):
        return True
    return char in BACK_VOWELS and any(c in "кг" for c in low[i + 1 :])


def harmonies(word: str) -> tuple[bool, ...]:
    """The harmony (front?) a word's endings take: one, or both where usage varies."""
    low = word.lower()
    front = is_front(low)
    return (front, not front) if _ambiguous_harmony(low) else (front,)


def _h(back: str, front: str, front_word: bool) -> str:
    return front if front_word else back


def _last_class(word: str) -> str:
    """vowel, sonorant (р й у и), liquid (л), nasal (м н ң), voiced (ж з), voiceless (also
    б в г д). Final у and и are consonants for endings (алмасуды, Калгаридің); ь, ъ are
    skipped (Монреальда)."""
    last = word.lower().rstrip("ьъ")[-1:]
    if last in "рйуи":  # final и is read ий: Калгаридің
        return "sonorant"
    if last in VOWELS:
        return "vowel"
    if last == "л":
        return "liquid"
    if last in NASALS:
        return "nasal"
    if last in "жз":
        return "voiced"
    return "voiceless"


def consonant_stems(word: str) -> list[str]:
    """The shapes a stem takes before a consonant-initial ending: itself, and with a doubled
    final consonant or the т of -ст, the д of -зд simplified (процеске, журналистер)."""
    stems = [word]
    if len(word) > 3 and ((word[-1] == word[-2] and word[-1] not in VOWELS) or word.endswith(("ст", "зд"))):
        stems.append(word[:-1])
    return stems


def plural(word: str, front: bool | None = None) -> str:
    """The plural of a stem (елшілер, консулдар, президенттер)."""
    front = is_front(word) if front is None else front
    return word + PLURAL_ONSET[_last_class(word)] + _h("ар", "ер", front)


def _plain_cases(word: str, f: bool) -> list[str]:
    """The six oblique cases and the -дағы adjective of one stem shape."""
    cls = _last_class(word)
    voiceless = cls == "voiceless"
    dat = _h("қа", "ке", f) if voiceless else _h("ға", "ге", f)
    loc = "т" if voiceless else "д"
    return [
        word + GENITIVE_ONSET[cls] + _h("ың", "ің", f),
        word + dat,
        word + ACCUSATIVE_ONSET[cls] + _h("ы", "і", f),
        word + loc + _h("а", "е", f),
        word + ABLATIVE_ONSET[cls] + _h("ан", "ен", f),
        word + INSTRUMENTAL_ONSET[cls] + "ен",
        word + loc + _h("ағы", "егі", f),
    ]


def cases(word: str, front: bool | None = None) -> list[str]:
    """Genitive, dative, accusative, locative, ablative, instrumental and the -дағы adjective
    of a plain (non-possessive) stem, in every written shape of the stem."""
    f = is_front(word) if front is None else front
    return [form for stem in consonant_stems(word) for form in _plain_cases(stem, f)]


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


def _dropped(word: str) -> str | None:
    """The stem without its fleeting vowel (халық -> халқ, орын -> орн), or None."""
    if word in VOWEL_DROP or _DROP_SHAPE.fullmatch(word):
        return word[:-2] + word[-1]
    return None


def vowel_stems(word: str) -> list[str]:
    """The shapes a stem takes before a vowel-initial ending: к, қ, п after a vowel voiced
    (also unvoiced outside -лық/-лік: тарапы, тарабы), ь dropped (медалі), the fleeting vowel
    dropped (халқы; only that for the closed list), doubled consonants simplified (процесі)."""
    base = word[:-1] if word.endswith("ь") else word
    stems: list[str] = []
    dropped = _dropped(word)
    if dropped is not None:
        stems.append(dropped)
        if word in VOWEL_DROP:
            return stems
    if len(base) > 1 and base[-1] in VOICING and base[-2] in VOWELS:
        stems.append(base[:-1] + VOICING[base[-1]])
        if not base.endswith(ALWAYS_VOICED):
            stems.append(base)
    else:
        stems.append(base)
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in VOWELS:
        stems.append(base[:-1])
    return stems


def possessives(word: str, front: bool | None = None) -> list[str]:
    """3rd person, 1st plural, 1st singular and polite 2nd person possessives of a stem."""
    f = is_front(word) if front is None else front
    cls = _last_class(word)
    if cls == "vowel":
        return [word + _h("сы", "сі", f), word + _h("мыз", "міз", f), word + "м", word + _h("ңыз", "ңіз", f)]
    link = _h("ы", "і", f)
    owned = [
        stem + ending
        for stem in vowel_stems(word)
        for ending in (link, link + _h("мыз", "міз", f), link + "м", link + _h("ңыз", "ңіз", f))
    ]
    if word.endswith("и"):  # Калгари: the 3rd person is written both ways
        owned.append(word + _h("сы", "сі", f))
    return owned


def _owned_cases(owned: str, f: bool) -> list[str]:
    """Cases after a possessive: -ның, -на ... after the 3rd person, -а/-е dative after -м."""
    if owned.endswith(("ы", "і")):
        return possessive_cases(owned, f)
    forms = cases(owned, f)
    if owned.endswith("м"):  # елшім -> елшіме (not елшімге)
        forms.append(owned + _h("а", "е", f))
    return forms


def possessive3_stems(word: str) -> list[str]:
    """The stems of a word that looks like a 3rd-person possessive (министрі -> министр,
    елшісі -> елші, министрлігі -> министрлік, халқы -> халық), else []."""
    low = word.lower()
    if len(low) > 3 and low[-2:] in ("сы", "сі") and low[-3] in VOWELS:
        return [low[:-2]]
    if len(low) > 3 and low[-1] in "ыі" and low[-2] not in VOWELS:
        stem = low[:-1]
        stems = [stem[:-1] + DEVOICING[stem[-1]]] if stem[-1] in DEVOICING else [stem]
        if len(stem) > 2 and stem[-2] in "рлйу" and stem[-1] in "нқкзсп" and stem[-3] in VOWELS:
            restored = stem[:-1] + low[-1] + stem[-1]  # халқ -> халық, ерн -> ерін
            if _dropped(restored) is not None:
                stems.append(restored)
        return stems
    return []


def singular_stems(word: str) -> list[str]:
    """The singular of a plural (грамоталар -> грамота, тараптар -> тарап), else []: the word
    must be exactly the plural the grammar gives that stem (доллар is not a plural)."""
    low = word.lower()
    if len(low) < 6 or low[-2:] not in ("ар", "ер") or low[-3] not in "лдт":
        return []
    stem = low[:-3]
    return [stem] if any(plural(stem, f) == low for f in harmonies(stem)) else []


def _noun_forms(stem: str, front: bool) -> set[str]:
    """Every form of one stem in one harmony: number, possessives, cases."""
    forms = {stem}
    for number in [stem] + [plural(s, front) for s in consonant_stems(stem)]:
        forms.add(number)
        forms.update(cases(number, front))
        for owned in possessives(number, front):
            forms.add(owned)
            forms.update(_owned_cases(owned, front))
    return forms


def lemma_stems(word: str) -> list[str]:
    """The word and the stems it may be a form of (its possessive stem, its singular)."""
    base = word.lower()
    stems = [base] + possessive3_stems(base)
    for stem in list(stems):
        stems += singular_stems(stem)
    return list(dict.fromkeys(stems))


@lru_cache(maxsize=65536)
def inflected_forms(word: str) -> frozenset[str]:
    """Every generated form of one noun (the word itself included), lower case."""
    base = word.lower()
    forms = {base}
    if base.endswith(("ы", "і")):  # may be a possessive already (күні -> күніне)
        for front in harmonies(base):
            forms.update(possessive_cases(base, front))
    for stem in lemma_stems(base):
        for front in harmonies(stem):
            forms.update(_noun_forms(stem, front))
    return frozenset(forms)


def acronym_endings() -> set[str]:
    """Every ending an acronym may take after a hyphen, in both harmonies and all onsets."""
    endings: set[str] = set()
    probes = ("ба", "бә", "бар", "бер", "бай", "бей", "бал", "бел", "бан", "бен", "баз", "без", "бат", "бет")
    for probe in probes:
        for front in (False, True):
            for form in _noun_forms(probe, front):
                if form != probe and form.startswith(probe):
                    endings.add(form[len(probe) :])
    return {e for e in endings if 1 <= len(e) <= 7}


GENITIVE_ENDINGS = ("ның", "нің", "дың", "дің", "тың", "тің")


def _marked_stems(low: str) -> list[str]:
    """The bare stems of a non-final glossary word written in the genitive and/or the
    3rd-person possessive (Республикасының -> республика, Квебектің -> квебек), else []."""
    unmarked = [low[:-3] for front in harmonies(low) if len(low) > 4 and _plain_cases(low[:-3], front)[0] == low]
    owners = [stem for form in unmarked or [low] for stem in possessive3_stems(form)]
    return list(dict.fromkeys(owners or unmarked))


def nonfinal_alternants(word: str) -> set[str]:
    """What a non-final word of a term may be written as in text: its nominative, genitive,
    3rd-person possessive and possessive genitive (Республикасының = Республикасы; Квебектің =
    Квебек). A word written in the nominative alternates only when it is a name or a title
    (capitalised: Канада Үкіметі = Канаданың Үкіметі); a common noun does not («жол картасы»
    is not «жолдың картасы»)."""
    acronym = _ACRONYM_WITH_ENDING.fullmatch(word)
    if acronym or _ACRONYM.fullmatch(word):
        base = (acronym.group(1) if acronym else word).lower()
        return {base, word.lower()} | {f"{base}-{e}" for e in GENITIVE_ENDINGS}
    low = word.lower()
    stems = _marked_stems(low)
    if not stems and not word[:1].isupper():
        return {low}
    stems = stems or [low]
    stems += [singular for stem in stems for singular in singular_stems(stem)]
    alternants = {low, *stems}
    for stem in stems:
        for front in harmonies(stem):
            alternants.add(_plain_cases(stem, front)[0])
            for owned in possessives(stem, front)[:1] if _last_class(stem) == "vowel" else _px3(stem, front):
                alternants.update((owned, owned + _h("ның", "нің", front)))
    return alternants


def _px3(stem: str, front: bool) -> list[str]:
    """The 3rd-person possessives of a consonant-final stem, one per stem shape."""
    return [s + _h("ы", "і", front) for s in vowel_stems(stem)]


def _index(keys: dict[str, tuple[str, ...]], forms: Iterable[str], key: str) -> None:
    """Record that each of forms may stand for key."""
    for form in forms:
        known = keys.get(form)
        if known is None:
            keys[form] = (key,)
        elif key not in known:
            keys[form] = tuple(sorted((*known, key)))


class KazakhModel:
    """Generated-form keys for Kazakh."""

    def __init__(self) -> None:
        self._bases: dict[str, tuple[str, ...]] = {}
        self._endings = acronym_endings()

    def prepare(self, terms: Sequence[Sequence[str]]) -> None:
        """Index the forms of every term's last word and the alternants of the other words."""
        keys: dict[str, tuple[str, ...]] = {}
        done: set[str] = set()
        for words in terms:
            if not words:
                continue
            for word in words[:-1]:
                if ("~" + word) not in done and word != ",":
                    done.add("~" + word)
                    _index(keys, nonfinal_alternants(word), word.lower())
            last = words[-1]
            base = last.lower()
            if ("$" + base) in done:
                continue
            done.add("$" + base)
            if _ACRONYM.fullmatch(last):
                _index(keys, {f"{base}-{e}" for e in self._endings} | {base}, base)
            else:
                _index(keys, inflected_forms(base), base)
        self._bases = keys

    def term_words(self, variant: str, written: list[str]) -> list[str]:
        """Glossary words with `ACRONYM-ending` joined, as the text's tokens are
        («ҚР-ның Канададағы Елшісі»)."""
        out: list[str] = []
        for word in written:
            if (
                out
                and word.lower() in self._endings
                and _ACRONYM.fullmatch(out[-1])
                and any(f"{out[-1]}{h}{word}" in variant for h in _HYPHENS)
            ):
                out[-1] = f"{out[-1]}-{word}"
            else:
                out.append(word)
        return out

    def term_keys(self, word: str) -> tuple:
        return (word.lower(),)

    def token_keys(self, word: str) -> tuple:
        low = word.lower()
        if "\u2011" in low or "\u2010" in low:
            low = low.replace("\u2011", "-").replace("\u2010", "-")
        return tuple(dict.fromkeys((low, *self._bases.get(low, ()))))

    def retokenize(self, text: str, tokens: list[Token]) -> list[Token]:
        """Join `ACRONYM-ending` into one word (ИЫҰ-ның, СІМ-нің)."""
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            start, end, surface = tokens[i]
            if i + 1 < len(tokens):
                n_start, n_end, n_surface = tokens[i + 1]
                if text[end:n_start] in _HYPHENS and _ACRONYM.fullmatch(surface) and n_surface.lower() in self._endings:
                    out.append((start, n_end, text[start:n_end]))
                    i += 2
                    continue
            out.append(tokens[i])
            i += 1
        return out

    def form_ok(self, surface: str, term_word: str) -> bool:
        return True
