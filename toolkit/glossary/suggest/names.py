"""Words compared across scripts: romanised and cut to their first letters."""

from __future__ import annotations


def short_keys(text: str, length: int = 3) -> frozenset[str]:
    """name_keys cut shorter: names whose vowels the two languages write differently still
    meet (Жакупова, Жақыпова)."""
    return frozenset(key[:length] for key in name_keys(text))


def name_keys(text: str) -> frozenset[str]:
    """The words of a term romanised and cut to their first letters, so that names and
    loanwords meet across scripts (Жумагулов and Zhumagulov, консул and Consul)."""
    from ...align.evidence import NAME_PREFIX, fold

    keys = (fold(w).replace("c", "k") for w in text.split() if len(w) >= 3)
    # Yerlan / Ерлан: an initial Е romanised as Ye (folded to "ie")
    return frozenset((k[1:] if k.startswith("ie") else k)[:NAME_PREFIX] for k in keys)


def feminine_surname(surname: str, texts: list[str]) -> bool:
    """A Latin-script text of the unit writes the surname with the feminine -a (Sarsenova for
    Сарсенов-): English and French do not decline names, so the ending there is the gender."""
    from ...align.evidence import fold

    key = next(iter(name_keys(surname)), "")
    for text in texts:
        for word in text.replace("-", " ").split():
            word = word.strip(".,;:!?()«»\"'’")
            if word[:1].isupper() and word.isascii() and word.isalpha() and next(iter(name_keys(word)), "") == key:
                return fold(word).endswith("a")
    return False
