"""Words compared across scripts: romanised and cut to their first letters."""

from __future__ import annotations


def name_keys(text: str) -> frozenset[str]:
    """The words of a term romanised and cut to their first letters, so that names and
    loanwords meet across scripts (Жумагулов and Zhumagulov, консул and Consul)."""
    from ...align.evidence import NAME_PREFIX, fold

    keys = (fold(w).replace("c", "k") for w in text.split() if len(w) >= 3)
    # Yerlan / Ерлан: an initial Е romanised as Ye (folded to "ie")
    return frozenset((k[1:] if k.startswith("ie") else k)[:NAME_PREFIX] for k in keys)
