"""The Russian morphological analyser (pymorphy3 with its Russian dictionary), loaded once."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MAX_PARSES = 4  # parses of a word kept, most probable first


@lru_cache(maxsize=1)
def analyser() -> Any:
    import pymorphy3
    import pymorphy3_dicts_ru

    return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")


def raw_parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's first parses of a word, as the dictionary gives them."""
    return tuple(analyser().parse(word)[:MAX_PARSES])
