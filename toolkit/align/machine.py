"""The toolkit's own MT as the aligner's translator: the installed models' route for a pair,
through the MT cache, so aligning again (or translating later) reuses every sentence."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


class ToolkitTranslator:
    """Translates a version's sentences where a route exists; None where none does."""

    def __init__(self, models_dir: Path | None, cache: Any = None) -> None:
        from ..mt.engine import DecodeOptions
        from ..mt.multilingual import find_models
        from ..mt.packages import list_packages, models_folder
        from ..mt.router import EngineSet

        self.packages = list_packages(models_dir)
        self.multilingual = find_models(models_folder(models_dir), ())
        self.engines = EngineSet(DecodeOptions(), cache)

    def __call__(self, texts: Sequence[str], source: str, target: str) -> list[str] | None:
        from ..mt.router import find_route

        route = find_route(self.packages, source, target, self.multilingual)
        if route is None:
            return None
        return list(self.engines.translate(route, list(texts)))
