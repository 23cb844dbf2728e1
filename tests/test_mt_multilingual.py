"""The multilingual CTranslate2 engine (M2M-100 shape) on the tiny model tools/ builds:
language tokens in the source, the target's token through target_prefix, routing and registration."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from conftest import FIXTURES, corpus_rows

from toolkit.errors import InputError
from toolkit.mt.engine import DecodeOptions
from toolkit.mt.multilingual import (
    MultilingualEngine,
    configured_models,
    find_models,
    load_model,
    register_model,
    registered_models,
)
from toolkit.mt.packages import list_packages
from toolkit.mt.router import find_route
from toolkit.pipeline import translate_releases
from toolkit.review.write import write_bundle

ROOT = Path(__file__).resolve().parents[1]
TINY = FIXTURES / "multilingual" / "m2m-tiny"
VISIT = corpus_rows("visit")


def test_model_dir_is_read_as_m2m100_with_all_four_languages() -> None:
    model = load_model(TINY)
    assert model.style == "m2m100" and model.langs == ("ru", "kk", "en", "fr")
    assert model.sp_model.name == "sentencepiece.bpe.model"
    assert model.model_id.startswith("ct2:m2m-tiny#") and len(model.version) == 12
    assert load_model(TINY, ["kk", "ru"]).langs == ("kk", "ru")


@pytest.mark.parametrize("source, target", [("ru", "kk"), ("kk", "ru"), ("ru", "en"), ("en", "kk")])
def test_language_tokens_select_the_pair(source: str, target: str) -> None:
    engine = MultilingualEngine(load_model(TINY).step(source, target), DecodeOptions())
    tokens = engine.encode(VISIT[0][source])
    assert tokens[0] == f"__{source}__" and tokens[-1] == "</s>"
    assert engine.prefix_tokens() == [f"__{target}__"]
    assert engine.translate([r[source] for r in VISIT]) == [r[target] for r in VISIT]


def test_the_target_token_alone_changes_the_language() -> None:
    model = load_model(TINY)
    sources = [r["ru"] for r in VISIT]
    to_kk = MultilingualEngine(model.step("ru", "kk")).translate(sources)
    to_en = MultilingualEngine(model.step("ru", "en")).translate(sources)
    assert to_kk == [r["kk"] for r in VISIT] and to_en == [r["en"] for r in VISIT]


def test_routing_prefers_argos_then_multilingual_then_pivot(models_dir: Path) -> None:
    packages = list_packages(models_dir, include_argos=False)
    model = load_model(TINY, ["ru", "kk"])
    assert find_route(packages, "ru", "en", [model]).label == "mt argos ru->en 1.0"
    direct = find_route(packages, "ru", "kk", [model])
    assert len(direct.steps) == 1 and direct.label.startswith("mt ct2 ru->kk m2m-tiny ")
    assert find_route(packages, "ru", "kk").label.startswith("mt argos ru->kk via en")
    en_only = [p for p in packages if p.pair == "en->kk"]
    pivot = find_route(en_only, "ru", "kk", [load_model(TINY, ["ru", "en"])])
    assert pivot.label.startswith("mt ct2+argos ru->kk via en")


def test_registered_model_translates_russian_to_kazakh(models_dir: Path, tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(models_dir, models)
    model = register_model(TINY, ["ru", "kk", "en", "fr"], models)
    assert [m.path for m in registered_models(models)] == [model.path]
    run = translate_releases(
        [ROOT / "examples" / "visit.ru.txt"],
        "ru",
        "kk",
        glossary_paths=[ROOT / "glossaries"],
        memory_paths=[],
        models_dir=models,
        include_argos_dirs=False,
    )
    assert run.stats["kk"].mt == len(VISIT) and "ct2:m2m-tiny#" in run.signature.render()
    write_bundle(run, tmp_path / "out")
    entries = {e.msgid: e for e in polib.pofile(str(tmp_path / "out" / "visit.kk.po"))}
    for row in VISIT:
        assert entries[row["ru"]].msgstr == row["kk"]
        assert entries[row["ru"]].tcomment.startswith("mt ct2 ru->kk m2m-tiny ")


def test_toolkit_toml_and_flag_name_a_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert configured_models() == []
    (tmp_path / "toolkit.toml").write_text(f'[mt]\nct2_models = ["{TINY}"]\n', encoding="utf-8")
    assert [m.path for m in configured_models()] == [TINY.resolve()]
    assert [m.path for m in find_models(tmp_path / "none", [TINY])] == [TINY.resolve()]
    (tmp_path / "toolkit.toml").write_text("[mt\n", encoding="utf-8")
    with pytest.raises(InputError, match="invalid TOML"):
        configured_models()


def test_bad_model_dirs_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_model(tmp_path / "nope")
    broken = tmp_path / "broken"
    shutil.copytree(TINY, broken)
    with pytest.raises(InputError, match="lacks the language token"):
        load_model(_without_token(broken), ["kk", "ru"])
    assert load_model(broken).langs == ("ru", "en", "fr")  # without --langs: the languages it has
    (broken / "sentencepiece.bpe.model").unlink()
    with pytest.raises(InputError, match="no SentencePiece model"):
        load_model(broken)
    (broken / "model.bin").unlink()
    with pytest.raises(InputError, match=r"no model\.bin"):
        load_model(broken)


def _without_token(folder: Path) -> Path:
    vocab_path = folder / "shared_vocabulary.json"
    vocab = json.loads(vocab_path.read_text(encoding="utf-8"))
    vocab_path.write_text(json.dumps([t if t != "__kk__" else "__xx__" for t in vocab]), encoding="utf-8")
    return folder


def test_cli_add_ct2_then_translate(tmp_path: Path, project: Path) -> None:
    def toolkit(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), *args],
            cwd=project,
            capture_output=True,
            text=True,
            env={**os.environ, "TOOLKIT_MODELS_DIR": str(tmp_path / "m")},
        )

    done = toolkit("models", "add-ct2", str(TINY), "--langs", "ru,kk,en,fr")
    assert done.returncode == 0, done.stderr
    assert "registered m2m-tiny (m2m100, ru,kk,en,fr)" in done.stdout
    done = toolkit(
        "translate", "examples/visit.ru.txt", "--from", "ru", "--to", "kk", "--no-argos-dirs", "--no-cache", "--json"
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    kk = summary["languages"]["kk"]
    assert kk["mt"] > 0 and kk["mt"] + kk["memory"] == len(VISIT) and summary["missing_pairs"] == []
    assert [r for r in kk["routes"] if not r.startswith("mt ct2 ru->kk m2m-tiny ")] == []
    bad = toolkit("models", "add-ct2", str(tmp_path), "--langs", "ru,kk")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "no model.bin" in bad.stderr and "Traceback" not in bad.stderr
