"""The toolkit's decoding equals argostranslate's own translate() on the fixture packages.

argostranslate.translate imports stanza (and so torch) and minisbd, whose splitter downloads a
model on first use; in this test alone both are stubbed with a splitter that returns the input
as one sentence. Everything else is argostranslate's real code with the real CTranslate2 models.
"""

import sys
import types
from pathlib import Path

import pytest
from conftest import corpus_rows

from toolkit.mt.engine import ArgosEngine
from toolkit.mt.packages import list_packages


class _OneSentence:
    def __init__(self, lang: str, use_gpu: bool = False) -> None:
        self.lang = lang

    def sentences(self, text: str) -> list[str]:
        return [text]


@pytest.fixture(scope="module")
def argos_translate(models_dir: Path):
    stubs = {
        "stanza": types.ModuleType("stanza"),
        "minisbd": types.ModuleType("minisbd"),
    }
    stubs["minisbd"].SBDetect = _OneSentence
    stubs["minisbd"].models = types.SimpleNamespace(cache_dir="", list_models=lambda: ["en", "ru", "fr"])
    from argostranslate import settings

    saved = {name: sys.modules.get(name) for name in stubs}
    saved_dirs, saved_threads = settings.package_dirs, settings.intra_threads
    sys.modules.update(stubs)
    try:
        import argostranslate.translate as argos

        settings.package_dirs = [models_dir]
        settings.intra_threads = 1
        argos.get_installed_languages.cache_clear()
        yield argos.translate
    finally:
        settings.package_dirs, settings.intra_threads = saved_dirs, saved_threads
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def test_toolkit_output_equals_argostranslate(models_dir: Path, argos_translate) -> None:
    rows = corpus_rows()
    compared = 0
    for package in list_packages(models_dir, include_argos=False):
        sources = [r[package.from_code] for r in rows]
        ours = ArgosEngine(package).translate(sources)
        for source, mine in zip(sources, ours):
            assert mine == argos_translate(source, package.from_code, package.to_code), (package.pair, source)
            compared += 1
        assert ours == [r[package.to_code] for r in rows]
    assert compared == 6 * len(rows)
