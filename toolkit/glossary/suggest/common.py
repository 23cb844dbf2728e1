"""Russian phrases that name no concept, whatever their frequency: a glossary entry is in the
dictionary form, so a phrase written in lower case whose head is plural (представители
Министерства, предстоящие визиты, итальянские компании) names a group of things, not a term (a capitalised head is a name: Дни культуры);
and a head qualified by an ordinal or a participle (девятое заседание, следующее заседание)
names one occasion of a thing, not the thing."""

from __future__ import annotations

from .russian import parses

ORDINAL_OR_PARTICIPLE = ("Anum", "PRTF")


def _plural(word: str, lemma: str) -> bool:
    """The word is the head lemma's plural nominative and not its singular one."""
    mine = [p for p in parses(word) if p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") == lemma]
    number = {p.tag.number for p in mine if p.tag.case == "nomn"}
    return number == {"plur"}


def _occasion(word: str) -> bool:
    return any(p.tag.POS == "PRTF" or "Anum" in p.tag for p in parses(word))


def common_phrase(key: tuple[str, ...], head: str, form: str) -> bool:
    """A phrase whose head is written in lower case and is plural, or has an ordinal or a
    participle before it: not a concept (see the module's docstring)."""
    words = form.split()
    index = key.index(head) if head in key else len(key) - 1
    if index >= len(words) or words[index][:1].isupper():
        return False
    return _plural(words[index].lower(), head) or any(_occasion(word.lower()) for word in words[:index])
