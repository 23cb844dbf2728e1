#!/usr/bin/env python3
"""Build tiny, deterministic Argos Translate packages used as test fixtures.

The packages are REAL argos-format translation packages (CTranslate2 model +
SentencePiece model + metadata.json), but the models are tiny Transformers that
only memorise the toolkit's test corpus (tests/fixtures/corpus/parallel.tsv).
They are useless for real translation; they exist so that tests can run the
genuine argostranslate/CTranslate2 decoding path offline and get exact,
predictable outputs.

Build-time only dependencies (torch!) live in a separate venv:

    python3 -m venv .venv-build
    .venv-build/bin/pip install torch==2.13.0      # CPU wheel, see tools/README.md
    .venv-build/bin/pip install -r tools/requirements-build.txt
    .venv-build/bin/python tools/build_test_models.py \
        --corpus tests/fixtures/corpus/parallel.tsv --out tests/fixtures/models

Determinism: fixed seeds, single-threaded deterministic torch, SentencePiece
trained in memory (model_writer=BytesIO, one thread, fixed seed), fixed zip
member order / timestamps / permissions.  Two runs on the same machine with the
same venv produce byte-identical .argosmodel files.

Every package is verified before the script succeeds: each corpus row must be
reproduced exactly (alone and in one batch) by CTranslate2 at compute types
auto, int8 and float32 with the toolkit's decoding settings, and
argostranslate.package.Package must load the extracted package (checked in the
runtime venv, which has argostranslate).  Any failure exits non-zero.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

# Single-threaded math everywhere (must be set before torch/numpy load BLAS).
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_var] = "1"

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / "tests" / "fixtures" / "corpus" / "parallel.tsv"
DEFAULT_OUT = REPO_ROOT / "tests" / "fixtures" / "models"
DEFAULT_RUNTIME_PYTHON = REPO_ROOT / ".venv" / "bin" / "python"

HEADER = ["doc", "ru", "kk", "en", "fr"]
LANG_NAMES = {"ru": "Russian", "kk": "Kazakh", "en": "English", "fr": "French"}
DIRECTIONS = [
    ("ru", "en"),
    ("en", "ru"),
    ("en", "fr"),
    ("fr", "en"),
    ("en", "kk"),
    ("kk", "en"),
]

PACKAGE_VERSION = "1.0"
ARGOS_VERSION = "1.9"
MAX_PACKAGE_BYTES = 2 * 1024 * 1024
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Decoding settings: exactly what the toolkit (and argostranslate) use.
DECODE_KW = dict(
    beam_size=4,
    num_hypotheses=1,
    length_penalty=0.2,
    replace_unknowns=True,
    return_scores=True,
    max_batch_size=32,
)
VERIFY_COMPUTE_TYPES = ("auto", "int8", "float32")

# Model / training hyper-parameters.  Changing any of these changes the bytes.
HP = {
    "seed": 20240607,
    "sp_vocab_size": 1000,
    "d_model": 128,
    "ffn_dim": 512,
    "num_heads": 4,
    "enc_layers": 2,
    "dec_layers": 2,
    "layer_norm_eps": 1e-6,
    "lr": 1e-3,
    "warmup_steps": 100,
    "check_every": 50,
    "min_steps": 300,
    "max_steps": 6000,
    "target_margin": 10.0,  # min teacher-forced logit margin before verifying
    "quantization": "int8",  # weight storage in model.bin
}


def log(msg: str) -> None:
    print(msg, flush=True)


# --------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------


def read_corpus(path: Path) -> list[dict[str, str]]:
    """Read the parallel TSV (header doc ru kk en fr), one aligned row a line."""
    raw = path.read_bytes().decode("utf-8")
    if raw.startswith("\ufeff"):
        raise SystemExit(f"{path}: has a UTF-8 BOM; remove it")
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise SystemExit(f"{path}: empty corpus")
    header = lines[0].rstrip("\r").split("\t")
    if header != HEADER:
        raise SystemExit(f"{path}: header must be {HEADER!r}, got {header!r}")
    rows = []
    for lineno, line in enumerate(lines[1:], start=2):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(HEADER):
            raise SystemExit(f"{path}:{lineno}: expected {len(HEADER)} columns, got {len(cells)}")
        row = dict(zip(HEADER, cells))
        for lang in LANG_NAMES:
            if not row[lang].strip():
                raise SystemExit(f"{path}:{lineno}: empty {lang} cell")
        rows.append(row)
    if not rows:
        raise SystemExit(f"{path}: no data rows")
    return rows


# --------------------------------------------------------------------------
# SentencePiece
# --------------------------------------------------------------------------


def train_sentencepiece(rows: list[dict[str, str]]) -> bytes:
    """Train one shared SentencePiece model over all four languages, in memory."""
    import sentencepiece as spm

    sentences = [row[lang] for row in rows for lang in ("ru", "kk", "en", "fr")]
    spm.set_random_generator_seed(HP["seed"])
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=buf,
        model_type="unigram",
        vocab_size=HP["sp_vocab_size"],
        hard_vocab_limit=False,
        character_coverage=1.0,
        # identity: the decoded text must equal the corpus text byte for byte
        # (NFKC would e.g. turn NBSP into a space or "…" into "...").
        normalization_rule_name="identity",
        num_threads=1,
        input_sentence_size=0,
        shuffle_input_sentence=False,
        max_sentence_length=16384,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        minloglevel=2,
    )
    return buf.getvalue()


def load_sp(model_bytes: bytes):
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor()
    sp.LoadFromSerializedProto(model_bytes)
    return sp


def sp_decode(sp, pieces: list[str]) -> str:
    """Detokenise exactly like the toolkit / argostranslate."""
    text = sp.decode_pieces(pieces).replace("\u2581", " ")
    if text.startswith(" "):
        text = text[1:]
    return text


def check_roundtrip(sp, rows: list[dict[str, str]]) -> None:
    bad = []
    for i, row in enumerate(rows):
        for lang in LANG_NAMES:
            pieces = sp.encode(row[lang], out_type=str)
            if sp_decode(sp, pieces) != row[lang]:
                bad.append((i, lang, row[lang]))
            if sp.unk_id() in [sp.piece_to_id(p) for p in pieces]:
                bad.append((i, lang, "contains <unk>: " + row[lang]))
    if bad:
        for i, lang, text in bad:
            log(f"  row {i} [{lang}] does not survive SentencePiece round trip: {text!r}")
        raise SystemExit("corpus text does not round-trip through SentencePiece (double/leading/trailing spaces?)")


# --------------------------------------------------------------------------
# Torch model mirroring CTranslate2's pre-norm Transformer
# --------------------------------------------------------------------------


def ct2_position_encodings(max_len: int, depth: int) -> np.ndarray:
    """CTranslate2's built-in sinusoidal encodings (positions start at 1)."""
    half = depth // 2
    log_inc = math.log(10000.0) / (half - 1)
    timescales = np.exp(np.arange(half, dtype=np.float32) * np.float32(-log_inc))
    pos = np.arange(1, max_len + 1, dtype=np.float32)[:, None]
    scaled = pos * timescales[None, :]
    return np.concatenate([np.sin(scaled), np.cos(scaled)], axis=1).astype(np.float32)


def build_torch_model(vocab_size: int):
    import torch
    from torch import nn

    d = HP["d_model"]
    h = HP["num_heads"]
    eps = HP["layer_norm_eps"]

    class MHA(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(d, d)
            self.k = nn.Linear(d, d)
            self.v = nn.Linear(d, d)
            self.o = nn.Linear(d, d)

        def forward(self, x, mem, mask):
            # x: B,T,d  mem: B,S,d  mask: broadcastable to B,h,T,S (True = keep)
            B, T, _ = x.shape
            S = mem.shape[1]
            dh = d // h
            q = self.q(x).view(B, T, h, dh).transpose(1, 2)
            k = self.k(mem).view(B, S, h, dh).transpose(1, 2)
            v = self.v(mem).view(B, S, h, dh).transpose(1, 2)
            att = torch.matmul(q * (1.0 / math.sqrt(dh)), k.transpose(-1, -2))
            att = att.masked_fill(~mask, float("-inf"))
            att = torch.softmax(att, dim=-1)
            out = torch.matmul(att, v).transpose(1, 2).reshape(B, T, d)
            return self.o(out)

    class FFN(nn.Module):
        def __init__(self):
            super().__init__()
            self.ln = nn.LayerNorm(d, eps=eps)
            self.w1 = nn.Linear(d, HP["ffn_dim"])
            self.w2 = nn.Linear(HP["ffn_dim"], d)

        def forward(self, x):
            return self.w2(torch.relu(self.w1(self.ln(x))))

    class EncLayer(nn.Module):
        def __init__(self):
            super().__init__()
            self.ln_sa = nn.LayerNorm(d, eps=eps)
            self.sa = MHA()
            self.ffn = FFN()

        def forward(self, x, mask):
            y = self.ln_sa(x)
            x = x + self.sa(y, y, mask)
            return x + self.ffn(x)

    class DecLayer(nn.Module):
        def __init__(self):
            super().__init__()
            self.ln_sa = nn.LayerNorm(d, eps=eps)
            self.sa = MHA()
            self.ln_ca = nn.LayerNorm(d, eps=eps)
            self.ca = MHA()
            self.ffn = FFN()

        def forward(self, x, mem, self_mask, mem_mask):
            y = self.ln_sa(x)
            x = x + self.sa(y, y, self_mask)
            x = x + self.ca(self.ln_ca(x), mem, mem_mask)
            return x + self.ffn(x)

    class Seq2Seq(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(vocab_size, d)
            nn.init.normal_(self.emb.weight, mean=0.0, std=d**-0.5)
            self.register_buffer("pe", torch.from_numpy(ct2_position_encodings(512, d)))
            self.enc = nn.ModuleList([EncLayer() for _ in range(HP["enc_layers"])])
            self.enc_ln = nn.LayerNorm(d, eps=eps)
            self.dec = nn.ModuleList([DecLayer() for _ in range(HP["dec_layers"])])
            self.dec_ln = nn.LayerNorm(d, eps=eps)
            self.out_bias = nn.Parameter(torch.zeros(vocab_size))

        def embed(self, ids):
            return self.emb(ids) * math.sqrt(d) + self.pe[: ids.shape[1]][None]

        def forward(self, src, src_mask, tgt_in, tgt_mask):
            # src_mask/tgt_mask: B,L bool (True = real token)
            T = tgt_in.shape[1]
            enc_mask = src_mask[:, None, None, :]
            x = self.embed(src)
            for layer in self.enc:
                x = layer(x, enc_mask)
            mem = self.enc_ln(x)
            causal = torch.tril(torch.ones(T, T, dtype=torch.bool))[None, None]
            self_mask = causal & tgt_mask[:, None, None, :]
            y = self.embed(tgt_in)
            for layer in self.dec:
                y = layer(y, mem, self_mask, enc_mask)
            y = self.dec_ln(y)
            return torch.matmul(y, self.emb.weight.t()) + self.out_bias

    return Seq2Seq()


def make_batch(sp, pairs, src_lang, tgt_lang):
    import torch

    bos, eos = sp.bos_id(), sp.eos_id()
    src_ids = [[sp.piece_to_id(p) for p in sp.encode(s, out_type=str)] for s, _ in pairs]
    tgt_ids = [[sp.piece_to_id(p) for p in sp.encode(t, out_type=str)] for _, t in pairs]
    B = len(pairs)
    S = max(len(x) for x in src_ids)
    T = max(len(x) for x in tgt_ids) + 1
    if S > 500 or T > 500:
        raise SystemExit("sentence too long for the position table (500 pieces)")
    src = torch.zeros(B, S, dtype=torch.long)
    src_mask = torch.zeros(B, S, dtype=torch.bool)
    tgt_in = torch.zeros(B, T, dtype=torch.long)
    tgt_out = torch.zeros(B, T, dtype=torch.long)
    tgt_mask = torch.zeros(B, T, dtype=torch.bool)
    for i, (s, t) in enumerate(zip(src_ids, tgt_ids)):
        src[i, : len(s)] = torch.tensor(s)
        src_mask[i, : len(s)] = True
        tin = [bos] + t
        tout = t + [eos]
        tgt_in[i, : len(tin)] = torch.tensor(tin)
        tgt_out[i, : len(tout)] = torch.tensor(tout)
        tgt_mask[i, : len(tin)] = True
    return src, src_mask, tgt_in, tgt_out, tgt_mask


def direction_seed(src_lang: str, tgt_lang: str) -> int:
    return (HP["seed"] + zlib.crc32(f"{src_lang}-{tgt_lang}".encode())) % (2**31)


# --------------------------------------------------------------------------
# Conversion to CTranslate2
# --------------------------------------------------------------------------


def model_to_spec(model, vocab: list[str]):
    from ctranslate2.specs import transformer_spec

    sd = {k: v.detach().cpu().numpy().astype(np.float32) for k, v in model.state_dict().items()}

    def a(name):
        return np.ascontiguousarray(sd[name])

    spec = transformer_spec.TransformerSpec.from_config(
        (HP["enc_layers"], HP["dec_layers"]), HP["num_heads"], pre_norm=True
    )
    spec.config.layer_norm_epsilon = HP["layer_norm_eps"]

    def ln(dst, prefix):
        dst.gamma = a(prefix + ".weight")
        dst.beta = a(prefix + ".bias")

    def lin(dst, prefix):
        dst.weight = a(prefix + ".weight")
        dst.bias = a(prefix + ".bias")

    def fused(dst, prefixes):
        dst.weight = np.ascontiguousarray(np.concatenate([a(p + ".weight") for p in prefixes], 0))
        dst.bias = np.ascontiguousarray(np.concatenate([a(p + ".bias") for p in prefixes], 0))

    def ffn(dst, prefix):
        ln(dst.layer_norm, prefix + ".ln")
        lin(dst.linear_0, prefix + ".w1")
        lin(dst.linear_1, prefix + ".w2")

    emb = a("emb.weight")
    spec.encoder.embeddings[0].weight = emb
    spec.decoder.embeddings.weight = emb.copy()
    spec.decoder.projection.weight = emb.copy()
    spec.decoder.projection.bias = a("out_bias")
    ln(spec.encoder.layer_norm, "enc_ln")
    ln(spec.decoder.layer_norm, "dec_ln")
    for i, layer in enumerate(spec.encoder.layer):
        p = f"enc.{i}"
        ln(layer.self_attention.layer_norm, p + ".ln_sa")
        fused(layer.self_attention.linear[0], [p + ".sa.q", p + ".sa.k", p + ".sa.v"])
        lin(layer.self_attention.linear[1], p + ".sa.o")
        ffn(layer.ffn, p + ".ffn")
    for i, layer in enumerate(spec.decoder.layer):
        p = f"dec.{i}"
        ln(layer.self_attention.layer_norm, p + ".ln_sa")
        fused(layer.self_attention.linear[0], [p + ".sa.q", p + ".sa.k", p + ".sa.v"])
        lin(layer.self_attention.linear[1], p + ".sa.o")
        ln(layer.attention.layer_norm, p + ".ln_ca")
        lin(layer.attention.linear[0], p + ".ca.q")
        fused(layer.attention.linear[1], [p + ".ca.k", p + ".ca.v"])
        lin(layer.attention.linear[2], p + ".ca.o")
        ffn(layer.ffn, p + ".ffn")
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def save_ct2(model, vocab: list[str], out_dir: Path) -> None:
    import ctranslate2

    class _SpecConverter(ctranslate2.converters.Converter):
        def __init__(self, spec):
            self._spec = spec

        def _load(self):
            return self._spec

    spec = model_to_spec(model, vocab)
    _SpecConverter(spec).convert(str(out_dir), quantization=HP["quantization"], force=True)


# --------------------------------------------------------------------------
# Verification (CTranslate2 decoding exactly like the toolkit)
# --------------------------------------------------------------------------


def translate_texts(model_dir: Path, sp, sources: list[str], compute_type: str, batched: bool):
    import ctranslate2

    translator = ctranslate2.Translator(
        str(model_dir), device="cpu", compute_type=compute_type, inter_threads=1, intra_threads=1
    )
    tokens = [sp.encode(s, out_type=str) for s in sources]
    if batched:
        results = translator.translate_batch(tokens, **DECODE_KW)
    else:
        results = [translator.translate_batch([t], **DECODE_KW)[0] for t in tokens]
    return [sp_decode(sp, r.hypotheses[0]) for r in results]


def verify_model_dir(model_dir: Path, sp, pairs, label: str) -> list[str]:
    """Return a list of failure descriptions (empty = all rows reproduced)."""
    failures = []
    sources = [s for s, _ in pairs]
    for ct in VERIFY_COMPUTE_TYPES:
        for batched in (False, True):
            outs = translate_texts(model_dir, sp, sources, ct, batched)
            for i, ((_, want), got) in enumerate(zip(pairs, outs)):
                if got != want:
                    mode = "batch" if batched else "single"
                    failures.append(f"{label} row {i} [{ct}/{mode}]: got {got!r} want {want!r}")
    return failures


# --------------------------------------------------------------------------
# Training one direction
# --------------------------------------------------------------------------


def train_direction(job: dict) -> dict:
    """Train, convert and verify one direction.  Runs in a worker process."""
    import torch

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)

    src_lang, tgt_lang = job["src"], job["tgt"]
    label = f"{src_lang}->{tgt_lang}"
    sp = load_sp(job["sp_bytes"])
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    rows = job["rows"]
    pairs = [(r[src_lang], r[tgt_lang]) for r in rows]
    work = Path(job["work_dir"])
    model_dir = work / "model"

    torch.manual_seed(direction_seed(src_lang, tgt_lang))
    model = build_torch_model(len(vocab))
    src, src_mask, tgt_in, tgt_out, tgt_mask = make_batch(sp, pairs, src_lang, tgt_lang)
    opt = torch.optim.Adam(model.parameters(), lr=HP["lr"], betas=(0.9, 0.98), eps=1e-9)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda step: min(1.0, (step + 1) / HP["warmup_steps"]))
    n_tok = tgt_mask.sum()

    def margin_and_loss():
        model.eval()
        with torch.no_grad():
            logits = model(src, src_mask, tgt_in, tgt_mask)
        model.train()
        gold = logits.gather(-1, tgt_out[..., None])[..., 0]
        other = logits.scatter(-1, tgt_out[..., None], float("-inf")).max(-1).values
        margin = (gold - other)[tgt_mask]
        loss = torch.nn.functional.cross_entropy(logits[tgt_mask], tgt_out[tgt_mask])
        return float(margin.min()), float(loss)

    t0 = time.monotonic()
    step = 0
    verified = False
    history = []
    failures: list[str] = []
    while step < HP["max_steps"]:
        model.train()
        logits = model(src, src_mask, tgt_in, tgt_mask)
        loss = torch.nn.functional.cross_entropy(logits[tgt_mask], tgt_out[tgt_mask], reduction="sum") / n_tok
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        step += 1
        if step % HP["check_every"] == 0 and step >= HP["min_steps"]:
            margin, tf_loss = margin_and_loss()
            history.append((step, margin, tf_loss))
            if margin >= HP["target_margin"]:
                save_ct2(model, vocab, model_dir)
                failures = verify_model_dir(model_dir, sp, pairs, label)
                log(f"  [{label}] step {step}: margin {margin:.2f} loss {tf_loss:.2e}, ct2 failures {len(failures)}")
                if not failures:
                    verified = True
                    break
    train_seconds = time.monotonic() - t0
    if not verified:
        margin, tf_loss = margin_and_loss()
        msg = "\n".join(failures[:20])
        raise RuntimeError(f"{label}: not verified after {step} steps (margin {margin:.2f}, loss {tf_loss:.2e})\n{msg}")
    margin, tf_loss = margin_and_loss()
    return {
        "src": src_lang,
        "tgt": tgt_lang,
        "steps": step,
        "margin": margin,
        "loss": tf_loss,
        "train_seconds": train_seconds,
        "model_dir": str(model_dir),
    }


# --------------------------------------------------------------------------
# Packaging
# --------------------------------------------------------------------------


def package_name(src: str, tgt: str) -> str:
    return f"translate-{src}_{tgt}-{PACKAGE_VERSION.replace('.', '_')}"


def metadata_for(src: str, tgt: str) -> dict:
    return {
        "package_version": PACKAGE_VERSION,
        "argos_version": ARGOS_VERSION,
        "from_code": src,
        "from_name": LANG_NAMES[src],
        "to_code": tgt,
        "to_name": LANG_NAMES[tgt],
        "type": "translate",
        "name": f"{LANG_NAMES[src]} - {LANG_NAMES[tgt]} (tiny test model)",
        "description": (
            f"Tiny {LANG_NAMES[src]} to {LANG_NAMES[tgt]} TEST model. It only memorises "
            "the translation toolkit's test corpus (tests/fixtures/corpus/parallel.tsv) "
            "and is useless for real translation."
        ),
    }


def readme_for(src: str, tgt: str, corpus_sha: str, n_rows: int, result: dict) -> str:
    return f"""# {package_name(src, tgt)} - tiny TEST model

{LANG_NAMES[src]} ({src}) -> {LANG_NAMES[tgt]} ({tgt}).

This is NOT a usable translation model.  It is a tiny Transformer
({HP["enc_layers"]}+{HP["dec_layers"]} layers, d_model {HP["d_model"]},
{HP["num_heads"]} heads, int8 weights) that memorises the {n_rows} rows of the
translation toolkit's test corpus (`tests/fixtures/corpus/parallel.tsv`,
sha256 `{corpus_sha}`) so that tests can exercise the real
argostranslate / CTranslate2 / SentencePiece code path offline with exact,
predictable outputs.  Any sentence outside that corpus gives garbage.

Built deterministically by `tools/build_test_models.py` ({result["steps"]}
training steps).  To rebuild, see `tools/README.md` in the toolkit repository.
"""


def _zip_write(zf: zipfile.ZipFile, arcname: str, data: bytes | None) -> None:
    info = zipfile.ZipInfo(arcname, date_time=ZIP_DATE)
    info.create_system = 3  # unix
    if data is None:  # directory
        info.external_attr = (0o40755 << 16) | 0x10
        info.compress_type = zipfile.ZIP_STORED
        zf.writestr(info, b"")
    else:
        info.external_attr = 0o100644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def write_package(path: Path, top: str, files: dict[str, bytes]) -> None:
    """Write a zip with one top folder, sorted members, fixed metadata."""
    dirs = {top + "/"}
    for name in files:
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add(top + "/" + "/".join(parts[:i]) + "/")
    entries = [(d, None) for d in dirs] + [(f"{top}/{n}", b) for n, b in files.items()]
    entries.sort(key=lambda e: e[0])
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for arcname, data in entries:
            _zip_write(zf, arcname, data)
    os.replace(tmp, path)


def build_package(result: dict, sp_bytes: bytes, corpus_sha: str, n_rows: int, out_dir: Path) -> Path:
    src, tgt = result["src"], result["tgt"]
    name = package_name(src, tgt)
    model_dir = Path(result["model_dir"])
    files: dict[str, bytes] = {}
    for f in sorted(model_dir.iterdir()):
        if not f.is_file():
            raise RuntimeError(f"unexpected entry in CTranslate2 dir: {f}")
        files["model/" + f.name] = f.read_bytes()
    files["sentencepiece.model"] = sp_bytes
    files["metadata.json"] = (json.dumps(metadata_for(src, tgt), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    files["README.md"] = readme_for(src, tgt, corpus_sha, n_rows, result).encode("utf-8")
    out = out_dir / f"{name}.argosmodel"
    write_package(out, name, files)
    size = out.stat().st_size
    if size > MAX_PACKAGE_BYTES:
        raise RuntimeError(f"{out} is {size} bytes, above the {MAX_PACKAGE_BYTES} limit")
    return out


# --------------------------------------------------------------------------
# Verification of finished packages
# --------------------------------------------------------------------------


def extract_package(pkg: Path, dest: Path) -> Path:
    with zipfile.ZipFile(pkg) as zf:
        names = zf.namelist()
        tops = {n.split("/")[0] for n in names}
        if len(tops) != 1:
            raise RuntimeError(f"{pkg}: expected one top-level folder, got {sorted(tops)}")
        zf.extractall(dest)
    top = dest / tops.pop()
    for required in ("metadata.json", "sentencepiece.model", "README.md", "model/model.bin", "model/config.json"):
        if not (top / required).is_file():
            raise RuntimeError(f"{pkg}: missing {required}")
    if (top / "stanza").exists():
        raise RuntimeError(f"{pkg}: must not contain a stanza folder")
    return top


def verify_packages(out_dir: Path, rows: list[dict[str, str]], check_argos: bool) -> list[str]:
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="verify-argos-") as tmp:
        for src, tgt in DIRECTIONS:
            pkg = out_dir / f"{package_name(src, tgt)}.argosmodel"
            if not pkg.is_file():
                failures.append(f"missing package {pkg}")
                continue
            top = extract_package(pkg, Path(tmp))
            meta = json.loads((top / "metadata.json").read_text(encoding="utf-8"))
            if (meta.get("from_code"), meta.get("to_code")) != (src, tgt):
                failures.append(f"{pkg.name}: metadata codes {meta.get('from_code')}->{meta.get('to_code')}")
            sp = load_sp((top / "sentencepiece.model").read_bytes())
            pairs = [(r[src], r[tgt]) for r in rows]
            fails = verify_model_dir(top / "model", sp, pairs, f"{src}->{tgt}")
            failures.extend(fails)
            n_checks = len(pairs) * len(VERIFY_COMPUTE_TYPES) * 2
            log(f"  {pkg.name}: {n_checks - len(fails)}/{n_checks} translations exact")
            if check_argos:
                try:
                    import argostranslate.package as argos_package
                except ImportError as exc:
                    failures.append(f"argostranslate not importable: {exc}")
                else:
                    p = argos_package.Package(top)
                    if (p.from_code, p.to_code) != (src, tgt) or p.type != "translate":
                        failures.append(f"{pkg.name}: argos reports {p.from_code}->{p.to_code} type {p.type}")
                    else:
                        log(f"  {pkg.name}: argostranslate.package.Package OK ({p})")
    return failures


def run_runtime_verification(runtime_python: Path, corpus: Path, out_dir: Path) -> None:
    """Re-verify in the runtime venv (the one tests use; it has argostranslate)."""
    if not runtime_python.exists():
        raise SystemExit(
            f"runtime python {runtime_python} not found; pass --runtime-python "
            "(a venv with ctranslate2, sentencepiece and argostranslate)"
        )
    with tempfile.TemporaryDirectory(prefix="argos-home-") as home:
        env = dict(os.environ)
        # keep argostranslate's settings import from touching the real home
        env.update(
            HOME=home,
            XDG_DATA_HOME=f"{home}/data",
            XDG_CONFIG_HOME=f"{home}/config",
            XDG_CACHE_HOME=f"{home}/cache",
        )
        cmd = [
            str(runtime_python),
            str(Path(__file__).resolve()),
            "--verify-only",
            "--check-argos",
            "--corpus",
            str(corpus),
            "--out",
            str(out_dir),
        ]
        log(f"runtime verification: {' '.join(cmd)}")
        proc = subprocess.run(cmd, env=env, cwd=home)
    if proc.returncode != 0:
        raise SystemExit("runtime verification FAILED")


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="parallel TSV (doc ru kk en fr)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder for .argosmodel files")
    ap.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="directions trained in parallel (each single-threaded; output does not depend on it)",
    )
    ap.add_argument(
        "--runtime-python",
        type=Path,
        default=DEFAULT_RUNTIME_PYTHON,
        help="python of the runtime venv used for the final argostranslate check",
    )
    ap.add_argument(
        "--skip-runtime-check", action="store_true", help="do not re-verify in the runtime venv (not recommended)"
    )
    ap.add_argument("--verify-only", action="store_true", help="only verify existing packages")
    ap.add_argument(
        "--check-argos", action="store_true", help="with --verify-only: also load each package with argostranslate"
    )
    ap.add_argument("--work-dir", type=Path, default=None, help="keep intermediate files here")
    args = ap.parse_args(argv)

    corpus = args.corpus.resolve()
    out_dir = args.out.resolve()
    rows = read_corpus(corpus)

    if args.verify_only:
        log(f"verifying packages in {out_dir} against {corpus} ({len(rows)} rows)")
        failures = verify_packages(out_dir, rows, check_argos=args.check_argos)
        if failures:
            for f in failures:
                log("FAIL " + f)
            log(f"VERIFICATION FAILED: {len(failures)} failures")
            return 1
        log("verification OK")
        return 0

    t_start = time.monotonic()
    corpus_sha = hashlib.sha256(corpus.read_bytes()).hexdigest()
    log(f"corpus {corpus}: {len(rows)} rows, sha256 {corpus_sha}")

    sp_bytes = train_sentencepiece(rows)
    sp = load_sp(sp_bytes)
    check_roundtrip(sp, rows)
    lens = {lang: max(len(sp.encode(r[lang], out_type=str)) for r in rows) for lang in LANG_NAMES}
    log(f"sentencepiece: {sp.get_piece_size()} pieces, max pieces per sentence {lens}")

    out_dir.mkdir(parents=True, exist_ok=True)
    own_work = args.work_dir is None
    work_root = Path(tempfile.mkdtemp(prefix="build-test-models-")) if own_work else args.work_dir.resolve()
    work_root.mkdir(parents=True, exist_ok=True)
    try:
        jobs = [
            {
                "src": s,
                "tgt": t,
                "rows": rows,
                "sp_bytes": sp_bytes,
                "work_dir": str(work_root / f"{s}_{t}"),
            }
            for s, t in DIRECTIONS
        ]
        results: dict[tuple[str, str], dict] = {}
        if args.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=args.jobs, mp_context=ctx) as pool:
                futures = {pool.submit(train_direction, j): (j["src"], j["tgt"]) for j in jobs}
                for fut, key in futures.items():
                    results[key] = fut.result()
        else:
            for j in jobs:
                results[(j["src"], j["tgt"])] = train_direction(j)

        for s, t in DIRECTIONS:
            r = results[(s, t)]
            pkg = build_package(r, sp_bytes, corpus_sha, len(rows), out_dir)
            log(
                f"{pkg.name}: {pkg.stat().st_size} bytes, {r['steps']} steps, "
                f"{r['train_seconds']:.1f}s, margin {r['margin']:.2f}, "
                f"sha256 {hashlib.sha256(pkg.read_bytes()).hexdigest()}"
            )
    finally:
        if own_work:
            shutil.rmtree(work_root, ignore_errors=True)

    log("verifying finished packages (build venv)")
    failures = verify_packages(out_dir, rows, check_argos=False)
    if failures:
        for f in failures:
            log("FAIL " + f)
        raise SystemExit(f"VERIFICATION FAILED: {len(failures)} failures")
    if not args.skip_runtime_check:
        run_runtime_verification(args.runtime_python, corpus, out_dir)
    log(f"done in {time.monotonic() - t_start:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
