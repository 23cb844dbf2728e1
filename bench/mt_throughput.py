#!/usr/bin/env python3
"""MT throughput on an argos-shaped model: `toolkit translate` against argostranslate and raw
CTranslate2, each at its best setting on this machine.

Builds, in a temporary folder and in one run:
- an argos package ru->en whose CTranslate2 model is a Transformer of transformer-base shape
  (6+6 layers, d_model 512, 8 heads, FFN 2048, shared vocabulary of 32,000, int8 weights) with
  seeded numpy random weights, written through CTranslate2's model-spec API (no torch), and a
  SentencePiece model trained on generated release-like text;
- a corpus of 2,000 release-like sentences in 100 release files, all distinct;
- an archive of releases as a press office publishes them: body sentences of their own, and
  boilerplate shared between releases (reference notes, closing lines, datelines, recurring
  headlines), with the share of repeated sentences printed.

Then:
1. grids argostranslate's own settings (ARGOS_BATCH_SIZE in tokens, ARGOS_INTER_THREADS,
   ARGOS_INTRA_THREADS, set on its settings module between runs) on a sample of documents, its
   defaults included, and raw CTranslate2's (batch in sentences or tokens, inter and intra
   threads) on a sample of tokenized sentences, and the toolkit's batch limits (sentences, or a
   budget of source pieces) on the documents of that sample;
2. measures, in turn for --rounds rounds (the best round of each counts): (a) argostranslate's
   translate(), once per document, at its best setting; (b) raw ctranslate2 translate_batch at its
   best setting on the tokenized sentences (no reading, segmenting or writing); (c) `toolkit
   translate` end to end (read, segment, MT, write the review bundle), default settings, no cache;
3. compares the outputs sentence by sentence: any sentence whose translation differs between
   (a) and (c) is reported as a difference, and translated again alone (a batch of one) by both,
   to tell differences from batch composition (int8 near-ties in random weights) from
   differences that persist;
4. translates the archive: (a) at its best, (c) with a fresh MT cache (its deduplication), and
   (c) again on the archive grown by new releases with the cache of the first run, as a press
   office re-runs its archive; prints each ratio.
Random weights never emit </s>, so every decoder runs to the same cap (--max-length), applied to
all three. The load average is printed before and after every phase.

    .venv/bin/python bench/mt_throughput.py            # about 15 minutes on 2 cores
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
from collections.abc import Callable, Sequence
from pathlib import Path

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


def make_archive(rng: random.Random, lexicon: list[str], releases: int) -> list[list[str]]:
    """Releases as a press office writes them: 10-16 body sentences of their own; a headline
    from a few recurring ones one time in four; 2-4 boilerplate sentences (contacts, closing
    lines, the ministry's standing phrases) and, one time in three, a reference note, drawn
    with Zipf-like weights from small pools, so that some recur in most releases."""
    headlines = [make_sentence(rng, lexicon) for _ in range(6)]
    boilerplate = [make_sentence(rng, lexicon) for _ in range(40)]
    notes = [make_sentence(rng, lexicon) for _ in range(8)]
    weights = [1 / (k + 1) for k in range(len(boilerplate))]
    docs = []
    for _ in range(releases):
        headline = rng.choice(headlines) if rng.random() < 0.25 else make_sentence(rng, lexicon)
        body = [make_sentence(rng, lexicon) for _ in range(rng.randint(10, 16))]
        shared = list(dict.fromkeys(rng.choices(boilerplate, weights, k=rng.randint(2, 4))))
        tail = [rng.choice(notes)] if rng.random() < 1 / 3 else []
        docs.append([headline, *body, *shared, *tail])
    return docs


# ----------------------------------------------------------------------------- measurements


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_raw(model_dir: Path, tokens: list[list[str]], setting: tuple, max_length: int) -> tuple[float, list[list[str]]]:
    """Seconds and output pieces of raw translate_batch at setting (inter, intra, batch, type)."""
    import ctranslate2

    inter, intra, batch, batch_type = setting
    translator = ctranslate2.Translator(
        str(model_dir), device="cpu", compute_type="auto", inter_threads=inter, intra_threads=intra
    )
    start = time.perf_counter()
    results = translator.translate_batch(
        tokens,
        max_batch_size=batch,
        batch_type=batch_type,
        beam_size=4,
        num_hypotheses=1,
        length_penalty=0.2,
        replace_unknowns=True,
        max_decoding_length=max_length,
        return_scores=True,
    )
    return time.perf_counter() - start, [r.hypotheses[0] for r in results]


class Argos:
    """argostranslate's translate() with stanza/minisbd stubbed (the toolkit's sentences are
    given back as argos's sentence split) and the output length capped; its settings (batch
    size in tokens, inter and intra threads) can be changed between runs."""

    def __init__(self, models: Path, max_length: int, sentences_of: Callable[[str], list[str]]) -> None:
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

        class CappedTranslator(ctranslate2.Translator):
            def translate_batch(self, *args, **kwargs):
                kwargs.setdefault("max_decoding_length", max_length)
                return super().translate_batch(*args, **kwargs)

        argos.ctranslate2 = types.SimpleNamespace(Translator=CappedTranslator)
        settings.package_dirs = [models]
        self.argos, self.settings = argos, settings
        self.defaults = (settings.batch_size, settings.inter_threads, settings.intra_threads)

    def configure(self, batch: int, inter: int, intra: int) -> None:
        """argos's settings; its translators are created anew (they read them when built)."""
        self.settings.batch_size, self.settings.inter_threads, self.settings.intra_threads = batch, inter, intra
        self.argos.get_installed_languages.cache_clear()

    def translate(self, text: str) -> str:
        return self.argos.translate(text, "ru", "en")

    def rate(self, texts: Sequence[str], sentences: int) -> float:
        start = time.perf_counter()
        for text in texts:
            self.translate(text)
        return rate(sentences, time.perf_counter() - start)


def argos_grid(argos: Argos, texts: list[str], sentences: int) -> tuple[tuple[int, int, int], float, float]:
    """(best setting, its rate, the rate at argos's defaults) on a sample of documents."""
    grid = [(b, inter, intra) for b in (32, 128, 256, 1024) for inter, intra in ((1, 0), (1, 1), (1, 2), (2, 1))]
    results = {}
    for setting in grid:
        argos.configure(*setting)
        argos.translate(
            "Модель загружается."
        )  # outside the timing (not a timed text: argos keeps its last call's paragraphs)
        results[setting] = argos.rate(texts, sentences)
        print(
            f"  argos grid batch={setting[0]} tokens inter={setting[1]} intra={setting[2]}: {results[setting]:.1f} sent/s",
            flush=True,
        )
    best = max(results, key=results.__getitem__)
    return best, results[best], results[argos.defaults]


def raw_grid(model_dir: Path, sample: list[list[str]], max_length: int) -> tuple[tuple, float]:
    grid = [(2, 1, b, "examples") for b in (4, 8, 16, 32)] + [(2, 1, b, "tokens") for b in (256, 512, 1024)]
    grid += [(1, 2, 8, "examples"), (1, 2, 32, "examples")]
    results = {}
    for setting in grid:
        results[setting] = rate(len(sample), run_raw(model_dir, sample, setting, max_length)[0])
        print(
            f"  raw grid inter={setting[0]} intra={setting[1]} batch={setting[2]} {setting[3]}: {results[setting]:.1f} sent/s",
            flush=True,
        )
    best = max(results, key=results.__getitem__)
    return best, results[best]


def toolkit_run(
    releases: Path, models: Path, out: Path, max_length: int, cache: Path | None, extra: Sequence[str] = ()
) -> float:
    """Seconds of `toolkit translate` on a folder of releases (no glossary, no memory)."""
    from toolkit.cli import main as toolkit_main

    cmd = ["translate", str(releases), "--from", "ru", "--to", "en", "--out", str(out), "--models-dir", str(models)]
    cmd += ["--no-argos-dirs", "--quiet", "--max-length", str(max_length), *extra]
    cmd += ["--cache-file", str(cache)] if cache else ["--no-cache"]
    here = Path.cwd()
    os.chdir(out.parent)  # a folder without glossaries/ and memories/: nothing but MT
    try:
        start = time.perf_counter()
        if toolkit_main(cmd) != 0:
            raise SystemExit("toolkit translate failed")
        return time.perf_counter() - start
    finally:
        os.chdir(here)


def toolkit_grid(work: Path, models: Path, docs: list[list[str]], max_length: int) -> tuple[tuple[int, int], float]:
    """The toolkit's batch limits (sentences, source pieces; 0: no piece limit) on a sample."""
    write_releases(work / "grid-releases", docs)
    sentences = sum(map(len, docs))
    results = {}
    for setting in [(4, 0), (8, 0), (16, 0), (32, 0), (64, 256), (64, 512), (64, 1024)]:
        extra = ["--batch-size", str(setting[0]), "--batch-tokens", str(setting[1])]
        seconds = toolkit_run(
            work / "grid-releases", models, work / f"grid-{setting[0]}-{setting[1]}", max_length, None, extra
        )
        results[setting] = rate(sentences, seconds)
        print(
            f"  toolkit grid batch={setting[0]} sentences, {setting[1]} pieces: {results[setting]:.1f} sent/s",
            flush=True,
        )
    best = max(results, key=results.__getitem__)
    return best, results[best]


def toolkit_outputs(bundle: Path) -> dict[str, str]:
    import polib

    ours: dict[str, str] = {}
    for po_path in sorted(bundle.glob("*.en.po")):
        ours.update({e.msgid: e.msgstr for e in polib.pofile(str(po_path))})
    return ours


def compare(
    argos: Argos, docs: list[list[str]], argos_docs: list[str], ours: dict[str, str], models: Path, max_length: int
) -> dict:
    """Documents whose argos translation differs from the toolkit's (spaces ignored: argos joins
    pieces its own way), and the sentences of those documents that still differ when argos and
    the toolkit's engine each translate them alone (a batch of one): a difference that persists
    there is no matter of batch composition."""
    from toolkit.mt.engine import ArgosEngine, DecodeOptions
    from toolkit.mt.packages import list_packages

    squash = lambda s: "".join(s.split())  # noqa: E731
    differing = [
        k for k, (doc, out) in enumerate(zip(docs, argos_docs)) if squash(out) != squash("".join(ours[s] for s in doc))
    ]
    options = DecodeOptions(batch_size=1, inter_threads=1, max_decoding_length=max_length)
    alone = ArgosEngine(list_packages(models, include_argos=False)[0], options)
    persist = [s for k in differing for s in docs[k] if squash(argos.translate(s)) != squash(alone.translate([s])[0])]
    return {"docs": len(docs), "docs_differing": len(differing), "sentences_persisting_alone": len(persist)}


def archive_phase(args, work: Path, argos: Argos, lexicon_rng, lexicon, models: Path, split: dict) -> dict:
    """The archive: argos at its best, the toolkit with a fresh cache, then the archive grown by
    a fifth with the first run's cache."""
    docs = make_archive(lexicon_rng, lexicon, args.archive)
    grown = docs + make_archive(lexicon_rng, lexicon, max(1, args.archive // 5))
    write_releases(work / "archive", docs)
    write_releases(work / "archive-grown", grown)
    split.update({" ".join(doc): doc for doc in grown})
    flat = [s for doc in docs for s in doc]
    new = [s for doc in grown[len(docs) :] for s in doc]
    repeats = 1 - len(set(flat)) / len(flat)
    print(
        f"archive: {len(docs)} releases, {len(flat)} sentences, {repeats:.0%} of them repeats; grown by {len(grown) - len(docs)} releases ({len(new)} sentences); {load()}",
        flush=True,
    )
    start = time.perf_counter()
    for doc in docs:
        argos.translate(" ".join(doc))
    argos_s = time.perf_counter() - start
    start = time.perf_counter()
    for doc in grown[len(docs) :]:
        argos.translate(" ".join(doc))
    argos_grown_s = argos_s + time.perf_counter() - start
    cache = work / "archive-cache.sqlite3"
    cold_s = toolkit_run(work / "archive", models, work / "archive-review", args.max_length, cache)
    warm_s = toolkit_run(work / "archive-grown", models, work / "archive-grown-review", args.max_length, cache)
    figures = {
        "releases": len(docs),
        "sentences": len(flat),
        "repeat_share": repeats,
        "grown_sentences": len(flat) + len(new),
        "argos_s": argos_s,
        "toolkit_cold_s": cold_s,
        "argos_grown_s": argos_grown_s,
        "toolkit_grown_warm_s": warm_s,
    }
    print(
        f"  (a) argos at its best: archive {argos_s:.1f} s, grown archive {argos_grown_s:.1f} s (the new releases timed, the rest as before)"
    )
    print(f"  (c) toolkit, fresh cache: archive {cold_s:.1f} s -> {argos_s / cold_s:.2f}x argos at its best")
    print(
        f"  (c) toolkit, grown archive with the first run's cache: {warm_s:.1f} s -> {argos_grown_s / warm_s:.2f}x argos at its best; {load()}",
        flush=True,
    )
    return figures


def setup(args, work: Path):
    """The model package, the corpus of distinct sentences and its release files."""
    import sentencepiece as spm

    rng = random.Random(SEED)
    lexicon = make_lexicon(rng, 40000)
    models = work / "models"
    sp_bytes = train_sentencepiece(rng, lexicon, args.sp_sentences)
    package = build_package(models, sp_bytes)
    sp = spm.SentencePieceProcessor()
    sp.LoadFromSerializedProto(sp_bytes)
    per_doc = args.sentences // args.docs
    docs = [[make_sentence(rng, lexicon) for _ in range(per_doc)] for _ in range(args.docs)]
    write_releases(work / "releases", docs)
    return rng, lexicon, models, package, sp, docs


def check_segmentation(folder: Path, sentences: list[str]) -> None:
    from toolkit.text.document import read_release
    from toolkit.text.sentences import split_sentences

    segmented = [
        s
        for p in sorted(folder.iterdir())
        for b in read_release(p, "ru").blocks
        if b.translatable
        for s in split_sentences(b.text, "ru")
    ]
    if segmented != sentences:
        raise SystemExit("the toolkit's segmenter does not give back the generated sentences")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--max-length", type=int, default=32, help="decoding cap in tokens (random weights)")
    ap.add_argument("--sp-sentences", type=int, default=60000, help="generated sentences to train SentencePiece")
    ap.add_argument("--argos-docs", type=int, default=20, help="documents measured for (a), the slow baseline")
    ap.add_argument("--grid-docs", type=int, default=3, help="documents of argos's settings grid")
    ap.add_argument("--grid-sentences", type=int, default=400, help="sentences of the raw and toolkit grids")
    ap.add_argument("--rounds", type=int, default=2, help="measure (a), (b), (c) in turn this many times")
    ap.add_argument("--archive", type=int, default=60, help="releases of the archive phase (0: skip it)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="bench-mt-"))
    rng, lexicon, models, package, sp, docs = setup(args, work)
    sentences = [s for doc in docs for s in doc]
    check_segmentation(work / "releases", sentences)
    tokens = [sp.encode(s, out_type=str) for s in sentences]
    print(
        f"setup {time.perf_counter() - t0:.0f}s: {(package / 'model' / 'model.bin').stat().st_size >> 20} MiB int8 model, "
        f"{len(sentences)} sentences in {len(docs)} documents, mean {np.mean([len(t) for t in tokens]):.1f} pieces, "
        f"max length {args.max_length}; {load()}",
        flush=True,
    )
    split: dict[str, list[str]] = {" ".join(doc): doc for doc in docs}
    argos = Argos(models, args.max_length, lambda text: split.get(text, [text]))
    sample_docs = docs[: args.grid_docs]
    a_best, a_grid_rate, a_default_rate = argos_grid(
        argos, [" ".join(d) for d in sample_docs], sum(map(len, sample_docs))
    )
    b_best, _ = raw_grid(package / "model", tokens[: args.grid_sentences], args.max_length)
    c_best, _ = toolkit_grid(
        work, models, docs[: args.grid_sentences // (args.sentences // args.docs)], args.max_length
    )
    print(
        f"argos best {a_best} (defaults {argos.defaults}: {a_default_rate:.1f} sent/s, best {a_grid_rate:.1f}); "
        f"raw best {b_best}; toolkit best {c_best}; {load()}",
        flush=True,
    )

    argos.configure(*a_best)
    measured = docs[: args.argos_docs]
    texts = [" ".join(d) for d in measured]
    rounds = []
    for r in range(1, args.rounds + 1):
        start = time.perf_counter()
        argos_docs = [argos.translate(t) for t in texts]
        a = rate(sum(map(len, measured)), time.perf_counter() - start)
        b = rate(len(tokens), run_raw(package / "model", tokens, b_best, args.max_length)[0])
        c = rate(len(sentences), toolkit_run(work / "releases", models, work / f"review{r}", args.max_length, None))
        rounds.append((a, b, c))
        print(
            f"  round {r}: (a) {a:.1f}  (b) {b:.1f}  (c) {c:.1f} sent/s  c/a {c / a:.2f}  c/b {c / b:.2f}; {load()}",
            flush=True,
        )
    a, b, c = (max(column) for column in zip(*rounds))
    agreement = compare(argos, measured, argos_docs, toolkit_outputs(work / "review1"), models, args.max_length)

    print()
    print(f"{f'best of {len(rounds)} rounds':78} {'sent/s':>8}")
    print(
        f"{f'(a) argostranslate translate() per document, batch={a_best[0]} tokens inter={a_best[1]} intra={a_best[2]}':78} {a:8.1f}"
    )
    print(
        f"{f'    (its defaults batch={argos.defaults[0]} inter={argos.defaults[1]} intra={argos.defaults[2]}, on the grid sample)':78} {a_default_rate:8.1f}"
    )
    print(
        f"{f'(b) raw ctranslate2 translate_batch, inter={b_best[0]} intra={b_best[1]} batch={b_best[2]} {b_best[3]}':78} {b:8.1f}"
    )
    print(f"{'(c) toolkit translate end to end, default settings, no cache':78} {c:8.1f}")
    print(f"{'c/a (argos at its best)':78} {c / a:8.2f}")
    print(f"{'c/b (goal: within 3% of raw CTranslate2, >= 0.97)':78} {c / b:8.2f}")
    differ = agreement["docs_differing"]
    verdict = (
        "no document differs"
        if not differ
        else (
            f"{differ}/{agreement['docs']} documents differ; {agreement['sentences_persisting_alone']} of their sentences still differ "
            "when each engine translates them alone (0: the differences come from batch composition)"
        )
    )
    print(f"outputs (a) vs (c): {verdict}; {load()}", flush=True)
    figures = {
        "argos": a,
        "argos_setting": a_best,
        "argos_defaults": a_default_rate,
        "raw": b,
        "raw_setting": b_best,
        "toolkit": c,
        "toolkit_grid_best": c_best,
        "c_over_a": c / a,
        "c_over_b": c / b,
        "agreement": agreement,
        "rounds": [dict(zip(("argos", "raw", "toolkit"), r)) for r in rounds],
        "max_length": args.max_length,
    }
    if args.archive:
        figures["archive"] = archive_phase(args, work, argos, rng, lexicon, models, split)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"total {time.perf_counter() - t0:.0f}s; files in {work}")
    return 0 if agreement["sentences_persisting_alone"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
