#!/usr/bin/env python3
"""Build a tiny, deterministic multilingual CTranslate2 model of the M2M-100 shape for tests.

The model directory (tests/fixtures/multilingual/m2m-tiny/) looks like what
`ct2-transformers-converter --model facebook/m2m100_418M --copy_files sentencepiece.bpe.model`
writes: `model.bin`, `config.json`, `shared_vocabulary.json` holding the SentencePiece pieces
plus the language tokens `__ru__ __kk__ __en__ __fr__`, and `sentencepiece.bpe.model`.
Inputs are `[__src__] + pieces + [</s>]` and the target language is forced through
`target_prefix=[[__tgt__]]`, exactly as the toolkit's MultilingualEngine sends them.

It is a tiny Transformer (the argos fixtures' size: 2+2 layers, d_model 128, int8) trained
only to memorise the "visit" rows of tests/fixtures/corpus/parallel.tsv in the directions
DIRECTIONS, so tests can check real routing by language token: any other input is garbage.

Build (torch only at build time, in .venv-build; see tools/README.md):

    .venv-build/bin/python tools/build_multilingual_model.py

Determinism: the same seeds, single-threaded deterministic torch and in-memory SentencePiece
training as build_test_models.py, whose helpers this script reuses. The script verifies every
memorised pair with CTranslate2 (alone and batched, int8 and float32) and fails otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_test_models as base

REPO_ROOT = base.REPO_ROOT
DEFAULT_OUT = REPO_ROOT / "tests" / "fixtures" / "multilingual" / "m2m-tiny"
DOCS = ("visit",)
DIRECTIONS = [("ru", "kk"), ("kk", "ru"), ("ru", "en"), ("en", "kk")]
LANG_TOKENS = {lang: f"__{lang}__" for lang in ("ru", "kk", "en", "fr")}
EOS = "</s>"
SEED = 20251125
MAX_BYTES = 2 * 1024 * 1024


def examples(sp, rows):
    """(source tokens, target tokens) for every memorised pair, in a fixed order."""
    out = []
    for src, tgt in DIRECTIONS:
        for row in rows:
            source = [LANG_TOKENS[src], *sp.encode(row[src], out_type=str), EOS]
            target = sp.encode(row[tgt], out_type=str)
            out.append((src, tgt, row[src], row[tgt], source, target))
    return out


def make_batch(ids, pairs, bos, eos):
    """Teacher-forcing tensors: the decoder sees <s> __tgt__ pieces, predicts __tgt__ pieces </s>."""
    import torch

    B = len(pairs)
    S = max(len(s) for s, _ in pairs)
    T = max(len(t) for _, t in pairs) + 1
    src = torch.zeros(B, S, dtype=torch.long)
    src_mask = torch.zeros(B, S, dtype=torch.bool)
    tgt_in = torch.zeros(B, T, dtype=torch.long)
    tgt_out = torch.zeros(B, T, dtype=torch.long)
    tgt_mask = torch.zeros(B, T, dtype=torch.bool)
    for i, (s, t) in enumerate(pairs):
        s_ids = [ids[p] for p in s]
        t_ids = [ids[p] for p in t]
        src[i, : len(s_ids)] = torch.tensor(s_ids)
        src_mask[i, : len(s_ids)] = True
        tin = [bos] + t_ids  # <s> __tgt__ pieces
        tout = t_ids + [eos]  # __tgt__ pieces </s>
        tgt_in[i, : len(tin)] = torch.tensor(tin)
        tgt_out[i, : len(tout)] = torch.tensor(tout)
        tgt_mask[i, 1 : len(tout)] = True  # the language token is forced by target_prefix: no loss
    return src, src_mask, tgt_in, tgt_out, tgt_mask


def verify(model_dir: Path, sp_path: Path, items) -> list[str]:
    """Decode every memorised pair exactly as the toolkit does; return the failures."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    failures = []
    for compute_type in ("int8", "float32"):
        translator = ctranslate2.Translator(
            str(model_dir), device="cpu", compute_type=compute_type, inter_threads=1, intra_threads=1
        )
        for batched in (False, True):
            sources = [it[4] for it in items]
            prefixes = [[LANG_TOKENS[it[1]]] for it in items]
            kw = dict(
                beam_size=4,
                num_hypotheses=1,
                length_penalty=0.2,
                replace_unknowns=True,
                return_scores=True,
                max_batch_size=32,
            )
            if batched:
                results = translator.translate_batch(sources, target_prefix=prefixes, **kw)
            else:
                results = [
                    translator.translate_batch([s], target_prefix=[p], **kw)[0] for s, p in zip(sources, prefixes)
                ]
            for it, res in zip(items, results):
                hyp = res.hypotheses[0]
                got = sp.decode_pieces(hyp[1:] if hyp and hyp[0] == LANG_TOKENS[it[1]] else hyp)
                if got != it[3]:
                    failures.append(
                        f"{it[0]}->{it[1]} [{compute_type}/{'batch' if batched else 'single'}]: "
                        f"got {got!r} want {it[3]!r}"
                    )
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=base.DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--verify-only", action="store_true")
    args = ap.parse_args(argv)
    rows = [r for r in base.read_corpus(args.corpus) if r["doc"] in DOCS]
    out = args.out.resolve()
    if args.verify_only:
        sp = base.load_sp((out / "sentencepiece.bpe.model").read_bytes())
        failures = verify(out, out / "sentencepiece.bpe.model", examples(sp, rows))
        print("\n".join(failures) or f"verification OK: {len(rows) * len(DIRECTIONS)} pairs")
        return 1 if failures else 0

    import torch

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    t0 = time.monotonic()
    sp_bytes = base.train_sentencepiece(base.read_corpus(args.corpus))
    sp = base.load_sp(sp_bytes)
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())] + list(LANG_TOKENS.values())
    ids = {tok: i for i, tok in enumerate(vocab)}
    items = examples(sp, rows)
    if any(p not in ids for it in items for p in it[4] + it[5]):
        raise SystemExit("a corpus piece is missing from the vocabulary")
    pairs = [(it[4], [LANG_TOKENS[it[1]], *it[5]]) for it in items]
    src, src_mask, tgt_in, tgt_out, tgt_mask = make_batch(ids, pairs, sp.bos_id(), sp.eos_id())

    torch.manual_seed(SEED)
    model = base.build_torch_model(len(vocab))
    opt = torch.optim.Adam(model.parameters(), lr=base.HP["lr"], betas=(0.9, 0.98), eps=1e-9)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / base.HP["warmup_steps"]))
    pad_mask = tgt_in != 0
    pad_mask[:, 0] = True
    work = Path(tempfile.mkdtemp(prefix="build-m2m-tiny-"))
    try:
        staging = work / "m2m-tiny"
        for step in range(1, base.HP["max_steps"] + 1):
            model.train()
            logits = model(src, src_mask, tgt_in, pad_mask)
            loss = torch.nn.functional.cross_entropy(logits[tgt_mask], tgt_out[tgt_mask])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            if step % base.HP["check_every"] or step < base.HP["min_steps"]:
                continue
            model.eval()
            with torch.no_grad():
                logits = model(src, src_mask, tgt_in, pad_mask)
            gold = logits.gather(-1, tgt_out[..., None])[..., 0]
            other = logits.scatter(-1, tgt_out[..., None], float("-inf")).max(-1).values
            margin = float((gold - other)[tgt_mask].min())
            print(f"step {step}: loss {float(loss):.3e} margin {margin:.2f}", flush=True)
            if margin < base.HP["target_margin"]:
                continue
            base.save_ct2(model, vocab, staging)
            (staging / "sentencepiece.bpe.model").write_bytes(sp_bytes)
            failures = verify(staging, staging / "sentencepiece.bpe.model", items)
            print(f"  ct2 failures: {len(failures)}", flush=True)
            if not failures:
                break
        else:
            raise SystemExit("not verified within max_steps")
        size = sum(p.stat().st_size for p in staging.iterdir())
        if size > MAX_BYTES:
            raise SystemExit(f"model is {size} bytes, above {MAX_BYTES}")
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staging, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for path in sorted(out.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}")
    print(f"done in {time.monotonic() - t0:.0f}s; {len(items)} pairs verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
