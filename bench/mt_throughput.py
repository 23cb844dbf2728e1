#!/usr/bin/env python3
"""MT throughput on an argos-shaped model: argostranslate vs raw CTranslate2 vs `toolkit translate`.

Builds, in a temporary folder and in one run:
- an argos package ru->en whose CTranslate2 model is a Transformer of transformer-base shape
  (6+6 layers, d_model 512, 8 heads, FFN 2048, shared vocabulary of 32,000, int8 weights) with
  seeded numpy random weights, written through CTranslate2's model-spec API (no torch), and a
  SentencePiece model trained on generated release-like text;
- a corpus of 2,000 release-like sentences in 100 release files.

Then measures sentences per second of
  (a) argostranslate's own translate(), once per document, with ARGOS_INTRA_THREADS=1 (stanza and
      minisbd are stubbed with a splitter that returns the toolkit's sentences, as in
      tests/test_argos_equivalence.py; the model is what is measured);
  (b) raw ctranslate2 translate_batch on the same tokenized sentences, at the best batch size and
      thread split of a small grid;
  (c) `toolkit translate` end to end (read, segment, MT, write the review bundle), cache disabled.
(a), (b) and (c) run in turn, --rounds times, and the best round of each counts: this machine is
shared, and a burst of load elsewhere can slow one run by 10-20%.
Random weights never emit </s>, so every decoder runs to the same cap (--max-length), applied to
argos too. The script checks that (c) and (a) agree and prints the ratios c/a and c/b.

    .venv/bin/python bench/mt_throughput.py            # about 7 minutes on 2 cores
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import tempfile
import time
import types
from pathlib import Path

os.environ["ARGOS_INTRA_THREADS"] = "1"  # argos's best setting here; read when its settings import
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VOCAB = 32000
LAYERS, D_MODEL, HEADS, FFN = 6, 512, 8, 2048
SEED = 20251125
CONSONANTS = "бвгджзклмнпрстфхцчшщ"
VOWELS = "аеиоуыэюя"


# ----------------------------------------------------------------------------- text


def make_lexicon(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.choices([1, 2, 3, 4], weights=[2, 5, 4, 2])[0]
        words.add(
            "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(syllables))
            + rng.choice(["", "", "н", "м", "т", "й", "х"])
        )
    return sorted(words)


def make_sentence(rng: random.Random, lexicon: list[str]) -> str:
    """A release-like sentence: 12-28 words, a comma or two, sometimes a number or a date."""
    n = rng.randint(12, 28)
    # a Zipf-like choice so that frequent words exist, as in real text
    words = [
        lexicon[min(len(lexicon) - 1, int(rng.paretovariate(1.1)) - 1)] if rng.random() < 0.5 else rng.choice(lexicon)
        for _ in range(n)
    ]
    for _ in range(rng.randint(0, 2)):
        words[rng.randrange(2, n - 1)] += ","
    if rng.random() < 0.3:
        words.insert(rng.randrange(1, n), str(rng.randint(2, 2025)))
    text = " ".join(words).rstrip(",")
    return text[0].upper() + text[1:] + "."


# ----------------------------------------------------------------------------- model


def train_sentencepiece(rng: random.Random, lexicon: list[str], sentences: int) -> bytes:
    import sentencepiece as spm

    text = [make_sentence(rng, lexicon) for _ in range(sentences)]
    spm.set_random_generator_seed(SEED)
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(text),
        model_writer=buf,
        model_type="unigram",
        vocab_size=VOCAB,
        hard_vocab_limit=False,
        character_coverage=1.0,
        num_threads=2,
        input_sentence_size=0,
        shuffle_input_sentence=False,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        minloglevel=2,
    )
    return buf.getvalue()


def random_spec(vocab: list[str], seed: int):
    """A pre-norm Transformer spec with seeded random weights, argos's model shape."""
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config((LAYERS, LAYERS), HEADS, pre_norm=True)
    d, f, v = D_MODEL, FFN, len(vocab)

    def w(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols), dtype=np.float32) * 0.05).astype(np.float32)

    def lin(dst, rows: int, cols: int) -> None:
        dst.weight, dst.bias = w(rows, cols), np.zeros(rows, np.float32)

    def ln(dst) -> None:
        dst.gamma, dst.beta = np.ones(d, np.float32), np.zeros(d, np.float32)

    def ffn(dst) -> None:
        ln(dst.layer_norm)
        lin(dst.linear_0, f, d)
        lin(dst.linear_1, d, f)

    emb = w(v, d)
    spec.encoder.embeddings[0].weight = emb
    spec.decoder.embeddings.weight = emb
    spec.decoder.projection.weight = emb
    spec.decoder.projection.bias = np.zeros(v, np.float32)
    ln(spec.encoder.layer_norm)
    ln(spec.decoder.layer_norm)
    for layer in spec.encoder.layer:
        ln(layer.self_attention.layer_norm)
        lin(layer.self_attention.linear[0], 3 * d, d)
        lin(layer.self_attention.linear[1], d, d)
        ffn(layer.ffn)
    for layer in spec.decoder.layer:
        ln(layer.self_attention.layer_norm)
        lin(layer.self_attention.linear[0], 3 * d, d)
        lin(layer.self_attention.linear[1], d, d)
        ln(layer.attention.layer_norm)
        lin(layer.attention.linear[0], d, d)
        lin(layer.attention.linear[1], 2 * d, d)
        lin(layer.attention.linear[2], d, d)
        ffn(layer.ffn)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def build_package(folder: Path, sp_bytes: bytes) -> Path:
    """An installed-style argos package folder translate-ru_en with the random model."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor()
    sp.LoadFromSerializedProto(sp_bytes)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab = pieces + [f"<extra{i}>" for i in range(VOCAB - len(pieces))]  # no "_": argos turns it into a space

    class SpecConverter(ctranslate2.converters.Converter):
        def _load(self):
            return random_spec(vocab, SEED)

    package = folder / "translate-ru_en-1_0"
    package.mkdir(parents=True)
    SpecConverter().convert(str(package / "model"), quantization="int8", force=True)
    (package / "sentencepiece.model").write_bytes(sp_bytes)
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.9",
        "from_code": "ru",
        "from_name": "Russian",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "name": "bench (random weights)",
    }
    (package / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    return package


def write_releases(folder: Path, docs: list[list[str]]) -> None:
    """Release files: a headline, a date line, then paragraphs of 3-4 sentences."""
    folder.mkdir()
    for k, sentences in enumerate(docs):
        lines = [sentences[0], "19.11.2025 16:25:12 43"]
        rest, i = sentences[1:], 0
        while i < len(rest):
            step = 3 + (i // 3) % 2
            lines.append(" ".join(rest[i : i + step]))
            i += step
        (folder / f"release{k:03d}.ru.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- measurements


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def run_raw(model_dir: Path, tokens: list[list[str]], inter: int, intra: int, batch: int, max_length: int):
    import ctranslate2

    translator = ctranslate2.Translator(
        str(model_dir), device="cpu", compute_type="auto", inter_threads=inter, intra_threads=intra
    )
    start = time.perf_counter()
    results = translator.translate_batch(
        tokens,
        max_batch_size=batch,
        beam_size=4,
        num_hypotheses=1,
        length_penalty=0.2,
        replace_unknowns=True,
        max_decoding_length=max_length,
        return_scores=True,
    )
    seconds = time.perf_counter() - start
    return seconds, [r.hypotheses[0] for r in results]


def argos_translate_fn(models: Path, max_length: int, sentences_of):
    """argostranslate's translate() with stanza/minisbd stubbed and the output length capped."""

    class Splitter:
        def __init__(self, lang: str, use_gpu: bool = False) -> None:
            pass

        def sentences(self, text: str) -> list[str]:
            return sentences_of(text)

    stubs = {"stanza": types.ModuleType("stanza"), "minisbd": types.ModuleType("minisbd")}
    stubs["minisbd"].SBDetect = Splitter
    stubs["minisbd"].models = types.SimpleNamespace(cache_dir="", list_models=lambda: ["ru", "en"])
    sys.modules.update(stubs)
    import argostranslate.translate as argos
    import ctranslate2
    from argostranslate import settings

    assert settings.intra_threads == 1, settings.intra_threads

    class CappedTranslator(ctranslate2.Translator):
        def translate_batch(self, *args, **kwargs):
            kwargs.setdefault("max_decoding_length", max_length)
            return super().translate_batch(*args, **kwargs)

    argos.ctranslate2 = types.SimpleNamespace(Translator=CappedTranslator)
    settings.package_dirs = [models]
    argos.get_installed_languages.cache_clear()
    return argos.translate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--max-length", type=int, default=32, help="decoding cap in tokens (random weights)")
    ap.add_argument("--sp-sentences", type=int, default=60000, help="generated sentences to train SentencePiece")
    ap.add_argument("--argos-docs", type=int, default=20, help="documents measured for (a), the slow baseline (0: all)")
    ap.add_argument("--rounds", type=int, default=2, help="measure (a), (b), (c) in turn this many times")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args(argv)

    import sentencepiece as spm

    t0 = time.perf_counter()
    rng = random.Random(SEED)
    lexicon = make_lexicon(rng, 40000)
    work = Path(tempfile.mkdtemp(prefix="bench-mt-"))
    models = work / "models"
    sp_bytes = train_sentencepiece(rng, lexicon, args.sp_sentences)
    package = build_package(models, sp_bytes)
    sp = spm.SentencePieceProcessor()
    sp.LoadFromSerializedProto(sp_bytes)
    per_doc = args.sentences // args.docs
    docs = [[make_sentence(rng, lexicon) for _ in range(per_doc)] for _ in range(args.docs)]
    sentences = [s for doc in docs for s in doc]
    write_releases(work / "releases", docs)
    print(
        f"setup {time.perf_counter() - t0:.0f}s: model {package / 'model'} "
        f"({(package / 'model' / 'model.bin').stat().st_size >> 20} MiB int8, vocab {VOCAB}, "
        f"SentencePiece {sp.get_piece_size()} pieces), {len(sentences)} sentences in {len(docs)} documents, "
        f"max length {args.max_length}",
        flush=True,
    )

    from toolkit.text.document import read_release
    from toolkit.text.sentences import split_sentences

    segmented = [
        s
        for p in sorted((work / "releases").iterdir())
        for b in read_release(p, "ru").blocks
        if b.translatable
        for s in split_sentences(b.text, "ru")
    ]
    if segmented != sentences:
        raise SystemExit("the toolkit's segmenter does not give back the generated sentences")
    tokens = [sp.encode(s, out_type=str) for s in sentences]
    print(f"mean source length {np.mean([len(t) for t in tokens]):.1f} pieces", flush=True)

    # (b) raw CTranslate2: a small grid on a sample picks the batch size and thread split
    sample = tokens[:256]
    grid = []
    for inter, intra, batch in ((2, 1, 4), (2, 1, 8), (2, 1, 16), (2, 1, 32), (1, 2, 8), (1, 2, 32)):
        seconds, _ = run_raw(package / "model", sample, inter, intra, batch, args.max_length)
        grid.append((rate(len(sample), seconds), inter, intra, batch))
        print(f"  raw grid inter={inter} intra={intra} batch={batch}: {grid[-1][0]:.1f} sent/s", flush=True)
    _, inter, intra, batch = max(grid)

    from toolkit.cli import main as toolkit_main

    empty = work / "empty"
    empty.mkdir()
    doc_texts = [" ".join(doc) for doc in docs[: args.argos_docs or len(docs)]]
    by_text = dict(zip(doc_texts, docs))
    argos_sentences = sum(len(by_text[t]) for t in doc_texts)
    argos_translate = argos_translate_fn(models, args.max_length, lambda text: by_text.get(text, [text]))

    # (a), (b), (c) in turn, `--rounds` times: the best round of each counts, so that a burst of
    # load from other jobs on a shared machine hits all three alike
    rounds: list[tuple[float, float, float]] = []
    for r in range(1, args.rounds + 1):
        start = time.perf_counter()
        argos_docs = [argos_translate(text, "ru", "en") for text in doc_texts]
        argos_r = rate(argos_sentences, time.perf_counter() - start)
        raw_seconds, _ = run_raw(package / "model", tokens, inter, intra, batch, args.max_length)
        raw_r = rate(len(tokens), raw_seconds)
        out = work / f"review{r}"
        cmd = [
            "translate",
            str(work / "releases"),
            "--from",
            "ru",
            "--to",
            "en",
            "--out",
            str(out),
            "--models-dir",
            str(models),
            "--no-argos-dirs",
            "--no-cache",
            "--quiet",
            "--glossary",
            str(empty),
            "--memory",
            str(empty),
            "--max-length",
            str(args.max_length),
        ]
        start = time.perf_counter()
        code = toolkit_main(cmd)
        toolkit_r = rate(len(sentences), time.perf_counter() - start)
        if code != 0:
            raise SystemExit(f"toolkit translate failed with exit code {code}")
        rounds.append((argos_r, raw_r, toolkit_r))
        print(
            f"  round {r}: (a) {argos_r:.1f}  (b) {raw_r:.1f}  (c) {toolkit_r:.1f} sent/s  "
            f"c/a {toolkit_r / argos_r:.2f}  c/b {toolkit_r / raw_r:.2f}",
            flush=True,
        )
    argos_rate, raw, toolkit_rate = (max(column) for column in zip(*rounds))
    import polib

    ours: dict[str, str] = {}
    for po_path in sorted((work / "review1").glob("*.en.po")):
        ours.update({e.msgid: e.msgstr for e in polib.pofile(str(po_path))})

    # agreement: per document (argos joins the sentences' pieces, so compare without spaces),
    # and exactly per sentence on a sample translated by argos one sentence at a time
    squash = lambda s: "".join(s.split())  # noqa: E731
    doc_equal = sum(squash(a) == squash("".join(ours[s] for s in by_text[t])) for a, t in zip(argos_docs, doc_texts))
    sample_sentences = sentences[:40]
    sentence_equal = sum(argos_translate(s, "ru", "en") == ours[s] for s in sample_sentences)
    # where a document differs, find the sentences and translate them alone with the toolkit's
    # engine: random weights leave near-ties that batch composition can tip (int8 on CPU)
    from toolkit.mt.engine import ArgosEngine, DecodeOptions
    from toolkit.mt.packages import list_packages

    alone = ArgosEngine(
        list_packages(models, include_argos=False)[0],
        DecodeOptions(batch_size=1, inter_threads=1, max_decoding_length=args.max_length),
    )
    differing = [
        s
        for a, t in zip(argos_docs, doc_texts)
        if squash(a) != squash("".join(ours[x] for x in by_text[t]))
        for s in by_text[t]
        if argos_translate(s, "ru", "en") != ours[s]
    ]
    explained = sum(alone.translate([s])[0] == argos_translate(s, "ru", "en") for s in differing)

    rows = [
        (f"(a) argostranslate translate(), per document ({len(doc_texts)} docs), ARGOS_INTRA_THREADS=1", argos_rate),
        (f"(b) raw ctranslate2 translate_batch (inter={inter}, intra={intra}, batch={batch})", raw),
        ("(c) toolkit translate end to end (--no-cache)", toolkit_rate),
    ]
    print()
    print(f"{f'measurement (best of {len(rounds)} rounds)':74} {'sent/s':>8}")
    for name, value in rows:
        print(f"{name:74} {value:8.1f}")
    print(f"{'c/a':74} {toolkit_rate / argos_rate:8.2f}   (goal >= 4)")
    print(f"{'c/b':74} {toolkit_rate / raw:8.2f}   (goal >= 0.9)")
    print(
        f"agreement (c) vs (a): {doc_equal}/{len(doc_texts)} documents equal (spaces ignored), "
        f"{sentence_equal}/{len(sample_sentences)} sentences exactly equal; beam 4, max length {args.max_length}"
    )
    figures = {
        "argos": argos_rate,
        "raw": raw,
        "toolkit": toolkit_rate,
        "c_over_a": toolkit_rate / argos_rate,
        "c_over_b": toolkit_rate / raw,
        "raw_setting": {"inter": inter, "intra": intra, "batch": batch},
        "docs_equal": doc_equal,
        "docs": len(doc_texts),
        "sentences_equal": sentence_equal,
        "sentences_checked": len(sample_sentences),
        "max_length": args.max_length,
        "rounds": [dict(zip(("argos", "raw", "toolkit"), r)) for r in rounds],
    }
    if differing:
        print(
            f"  {len(differing)} differing sentence(s); translated alone (batch of 1) by the toolkit, "
            f"{explained} equal argos: batch composition, not decoding settings"
        )
    figures.update(differing=len(differing), differing_equal_alone=explained)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    agree = sentence_equal == len(sample_sentences) and explained == len(differing)
    print("AGREE" if agree else "DISAGREE", f"(total {time.perf_counter() - t0:.0f}s; files in {work})")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
