"""A second engine: one CTranslate2 multilingual model (M2M-100 or NLLB style) for many pairs.

Such a model takes `[source-language token] + SentencePiece pieces + ["</s>"]` and is told the
target language by forcing its token as `target_prefix`; the first output token (that language
token) is dropped. Kazakh, which argos lacks, is served this way.

A model is named by `toolkit models add-ct2 DIR --langs ru,kk,en,fr` (a small JSON entry in the
models folder pointing at DIR), by `[mt] ct2_models = ["DIR", ...]` in `toolkit.toml`, or by the
`--ct2-model DIR` flag of `translate`.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..fsutil import atomic_write_text
from ..langs import SUPPORTED, check_lang
from .engine import CT2Engine, DecodeOptions
from .packages import weights_digest

LANG_TOKENS: dict[str, dict[str, str]] = {
    "m2m100": {"ru": "__ru__", "kk": "__kk__", "en": "__en__", "fr": "__fr__"},
    "nllb": {"ru": "rus_Cyrl", "kk": "kaz_Cyrl", "en": "eng_Latn", "fr": "fra_Latn"},
}
SP_NAMES = ("sentencepiece.bpe.model", "sentencepiece.model", "spm.model")
VOCAB_NAMES = ("shared_vocabulary.json", "shared_vocabulary.txt", "source_vocabulary.json", "source_vocabulary.txt")
REGISTRY_SUFFIX = ".ct2.json"
CONFIG_FILE = "toolkit.toml"
EOS = "</s>"


def read_vocabulary(model_dir: Path) -> list[str]:
    """The model's (shared or source) vocabulary, as CTranslate2's converter wrote it."""
    for name in VOCAB_NAMES:
        path = model_dir / name
        if path.is_file():
            try:
                if name.endswith(".json"):
                    tokens = json.loads(path.read_text(encoding="utf-8"))
                else:
                    tokens = path.read_text(encoding="utf-8").split("\n")
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"unreadable vocabulary: {exc}", path) from None
            if not isinstance(tokens, list):
                raise InputError("vocabulary is not a JSON list", path)
            return [str(t) for t in tokens]
    raise InputError(f"no vocabulary file ({', '.join(VOCAB_NAMES)}) in CTranslate2 model dir", model_dir)


@dataclass(frozen=True)
class MultilingualModel:
    """A CTranslate2 multilingual model directory and the languages it is used for."""

    path: Path
    name: str
    style: str  # "m2m100" or "nllb"
    langs: tuple[str, ...]
    sp_model: Path
    digest: str

    @property
    def version(self) -> str:
        return self.digest[:12]

    @property
    def model_id(self) -> str:
        return f"ct2:{self.name}#{self.digest[:12]}"

    def token(self, lang: str) -> str:
        return LANG_TOKENS[self.style][lang]

    def step(self, source: str, target: str) -> MultilingualStep:
        return MultilingualStep(self, source, target)


@dataclass(frozen=True)
class MultilingualStep:
    """One pair of a multilingual model, usable as a route step like an argos package."""

    model: MultilingualModel
    from_code: str
    to_code: str
    kind: str = "ct2"

    @property
    def path(self) -> Path:
        return self.model.path

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def version(self) -> str:
        return self.model.version

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"

    @property
    def model_id(self) -> str:
        return f"{self.model.model_id}:{self.from_code}_{self.to_code}"


def load_model(
    model_dir: Path, langs: Sequence[str] | None = None, name: str | None = None, sp_model: Path | None = None
) -> MultilingualModel:
    """Check a CTranslate2 model dir and find its style, tokenizer and languages.

    Without `langs`, every supported language whose token is in the vocabulary is used; with
    `langs`, each must have its token there.
    """
    model_dir = Path(model_dir)
    if not model_dir.is_dir():
        raise InputError("CTranslate2 model directory not found", model_dir)
    for required in ("model.bin", "config.json"):
        if not (model_dir / required).is_file():
            raise InputError(f"not a CTranslate2 model directory (no {required})", model_dir)
    vocab = set(read_vocabulary(model_dir))
    styles = [s for s, tokens in LANG_TOKENS.items() if any(t in vocab for t in tokens.values())]
    if not styles:
        raise InputError("no M2M-100 (__en__) or NLLB (eng_Latn) language tokens in the vocabulary", model_dir)
    style = styles[0]
    if langs:
        wanted = tuple(dict.fromkeys(check_lang(code) for code in langs))
        missing = [code for code in wanted if LANG_TOKENS[style][code] not in vocab]
        if missing:
            tokens = ", ".join(LANG_TOKENS[style][c] for c in missing)
            raise InputError(f"the vocabulary lacks the language token(s) {tokens}", model_dir)
    else:
        wanted = tuple(code for code in SUPPORTED if LANG_TOKENS[style][code] in vocab)
    if len(wanted) < 2:
        raise InputError("a multilingual model needs at least two of ru, kk, en, fr", model_dir)
    if sp_model is None:
        sp_model = next((model_dir / n for n in SP_NAMES if (model_dir / n).is_file()), None)
        if sp_model is None:
            raise InputError(
                f"no SentencePiece model ({', '.join(SP_NAMES)}) in the directory; copy the "
                "original model's sentencepiece.bpe.model next to model.bin",
                model_dir,
            )
    elif not Path(sp_model).is_file():
        raise InputError("SentencePiece model not found", sp_model)
    return MultilingualModel(
        model_dir.resolve(),
        name or model_dir.name,
        style,
        wanted,
        Path(sp_model).resolve(),
        weights_digest(model_dir / "model.bin"),
    )


def register_model(
    model_dir: Path, langs: Sequence[str] | None, models_dir: Path, name: str | None = None
) -> MultilingualModel:
    """`models add-ct2`: validate the dir and record it as `<name>.ct2.json` in the models folder."""
    model = load_model(model_dir, langs, name)
    if not model.name or "/" in model.name or model.name.startswith("."):
        raise InputError(f"bad model name {model.name!r}", model_dir)
    entry = {"path": str(model.path), "langs": list(model.langs), "name": model.name, "sp_model": str(model.sp_model)}
    atomic_write_text(Path(models_dir) / f"{model.name}{REGISTRY_SUFFIX}", json.dumps(entry, indent=2) + "\n")
    return model


def registered_models(models_dir: Path | None) -> list[MultilingualModel]:
    """Models recorded by `add-ct2` in the models folder, sorted by name."""
    if models_dir is None or not Path(models_dir).is_dir():
        return []
    found = []
    for entry_path in sorted(Path(models_dir).glob(f"*{REGISTRY_SUFFIX}")):
        try:
            entry = json.loads(entry_path.read_text(encoding="utf-8"))
            path, langs, name = Path(entry["path"]), entry["langs"], entry["name"]
            sp_model = Path(entry["sp_model"]) if entry.get("sp_model") else None
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"broken model entry: {exc}", entry_path) from None
        found.append(load_model(path, langs, name, sp_model))
    return found


def configured_models(config: Path = Path(CONFIG_FILE)) -> list[MultilingualModel]:
    """Models named in toolkit.toml: `[mt] ct2_models = ["DIR", ...]` (paths relative to the file)."""
    if not config.is_file():
        return []
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"invalid TOML: {exc}", config) from None
    dirs = data.get("mt", {}).get("ct2_models", [])
    if not isinstance(dirs, list) or not all(isinstance(d, str) for d in dirs):
        raise InputError("[mt] ct2_models must be a list of directory paths", config)
    return [load_model(config.parent / d) for d in dirs]


def find_models(models_dir: Path | None, extra: Iterable[Path] = ()) -> list[MultilingualModel]:
    """Flag-named models first, then toolkit.toml's, then the registered ones; no duplicates."""
    models = [load_model(Path(p)) for p in extra] + configured_models() + registered_models(models_dir)
    unique: dict[Path, MultilingualModel] = {}
    for model in models:
        unique.setdefault(model.path, model)
    return list(unique.values())


class MultilingualEngine(CT2Engine):
    """One language pair of a multilingual model."""

    def __init__(self, step: MultilingualStep, options: DecodeOptions | None = None):
        super().__init__(step.model.path, step.model.sp_model, options)
        self.step = step

    def encode(self, sentence: str) -> list[str]:
        return [self.step.model.token(self.step.from_code), *self.sp.encode(sentence, out_type=str), EOS]

    def prefix_tokens(self) -> list[str]:
        return [self.step.model.token(self.step.to_code)]

    def decode(self, pieces: Sequence[str]) -> str:
        tokens = list(pieces)
        if tokens and tokens[0] == self.prefix_tokens()[0]:
            tokens = tokens[1:]
        return self.sp.decode_pieces(tokens)
