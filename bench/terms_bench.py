"""Speed of term recognition: 10,000 concepts over 1,000,000 words (synthetic, deterministic).

    .venv/bin/python bench/terms_bench.py [--lang ru|kk|en|fr] [--concepts 10000] [--words 1000000]

The glossary and the text are generated from a fixed seed. ru draws real nouns and adjectives
from pymorphy3's dictionary; the text puts every word of a term occurrence in a random case
and number (ungrammatical, but every form is a real inflected form). kk, en and fr use
pseudo-words with the language's endings (kk: generated inflected forms; en/fr: plural -s).
Filler words follow Zipf's law over the vocabulary; term words are drawn uniformly, so the
glossary holds rare words too. The text is matched segment by segment (20-word segments, as the pipeline calls it) by the
toolkit's recogniser and by a plain exact-string matcher (lower-cased whole words in a token
trie, no morphology), both in this process; the script prints both times, their ratio and how
many occurrences each found.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.glossary.concept import Concept
from toolkit.glossary.terms.recogniser import Recogniser

SEED = 20261125
SEGMENT_WORDS = 20
TERM_SHARE = 0.08  # share of segment positions that start a term occurrence
WORD = re.compile(r"[^\W_]+")


def russian_vocabulary(rng: random.Random, want: int) -> list[list[str]]:
    """Lexemes (lists of forms, dictionary form first) of real nouns and adjectives."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    lexemes: list[list[str]] = []
    seen: set[str] = set()
    for prefix in (
        "ба",
        "ве",
        "го",
        "до",
        "за",
        "ка",
        "ли",
        "ма",
        "на",
        "об",
        "па",
        "ра",
        "са",
        "те",
        "ус",
        "фо",
        "ха",
        "ша",
    ):
        for parse in islice(morph.iter_known_word_parses(prefix), 40000):
            if parse.tag.POS not in ("NOUN", "ADJF") or parse.word != parse.normal_form or parse.word in seen:
                continue
            if "Name" in parse.tag or "Surn" in parse.tag or "Geox" in parse.tag or len(parse.word) < 4:
                continue
            seen.add(parse.word)
            forms = [parse.word] + sorted(
                {f.word for f in parse.lexeme if "ADJS" not in f.tag and "COMP" not in f.tag} - {parse.word}
            )
            lexemes.append(forms)
    rng.shuffle(lexemes)
    return lexemes[:want]


def pseudo_vocabulary(lang: str, rng: random.Random, want: int) -> list[list[str]]:
    """Pseudo-words (dictionary form first) with a few inflected forms each."""
    if lang == "kk":
        from toolkit.glossary.terms.kk import inflected_forms

        syllables = ["ба", "қа", "та", "са", "ман", "лар", "ке", "ле", "бе", "ті", "сі", "не", "ұл", "тұр", "ой", "жол"]
    else:
        syllables = ["ba", "co", "de", "mi", "nor", "tal", "ver", "sen", "pro", "lu", "ra", "gan", "ti", "ste"]
    seen: set[str] = set()
    lexemes = []
    while len(lexemes) < want:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word in seen:
            continue
        seen.add(word)
        if lang == "kk":
            forms = sorted(inflected_forms(word) - {word})
            lexemes.append([word] + rng.sample(forms, 12))
        else:
            lexemes.append([word, word + "s"])
    return lexemes


def build_data(lang: str, n_concepts: int, n_words: int) -> tuple[list[Concept], list[str]]:
    rng = random.Random(SEED)
    lexemes = russian_vocabulary(rng, 12000) if lang == "ru" else pseudo_vocabulary(lang, rng, 12000)
    concepts: list[Concept] = []
    term_lexemes: list[list[list[str]]] = []
    used: set[str] = set()
    while len(concepts) < n_concepts:
        words = rng.sample(lexemes, rng.choice((1, 2, 2, 3, 3, 4)))
        term = " ".join(w[0] for w in words)
        if term in used:
            continue
        used.add(term)
        concepts.append(Concept(f"c{len(concepts)}", "bench", {lang: term}, "bench"))
        term_lexemes.append(words)
    # filler words follow Zipf's law over the vocabulary, as words of real text do
    cumulative, acc = [], 0.0
    for rank in range(1, len(lexemes) + 1):
        acc += 1.0 / rank
        cumulative.append(acc)
    segments: list[str] = []
    total = 0
    while total < n_words:
        out: list[str] = []
        while len(out) < SEGMENT_WORDS:
            if rng.random() < TERM_SHARE:
                out.extend(rng.choice(w) for w in rng.choice(term_lexemes))
            else:
                out.append(rng.choice(rng.choices(lexemes, cum_weights=cumulative)[0]))
        segments.append(" ".join(out) + ".")
        total += len(out)
    return concepts, segments


class ExactMatcher:
    """The baseline: lower-cased whole words, longest match in a token trie, no morphology."""

    def __init__(self, concepts: list[Concept], lang: str) -> None:
        self.root: dict = {}
        for concept in concepts:
            node = self.root
            for word in WORD.findall(concept.terms[lang].lower()):
                node = node.setdefault(word, {})
            node[None] = concept

    def find(self, text: str) -> list[tuple[int, int, Concept]]:
        words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
        hits, i = [], 0
        while i < len(words):
            node, j, best = self.root, i, None
            while j < len(words) and words[j][2] in node:
                node = node[words[j][2]]
                j += 1
                if None in node:
                    best = (j, node[None])
            if best:
                hits.append((words[i][0], words[best[0] - 1][1], best[1]))
                i = best[0]
            else:
                i += 1
        return hits


def timed(build, segments: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds to build and to match, CPU seconds of both, occurrences found."""
    start, cpu = time.perf_counter(), time.process_time()
    matcher = build()
    built = time.perf_counter()
    found = sum(len(matcher.find(s)) for s in segments)
    return built - start, time.perf_counter() - built, time.process_time() - cpu, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ru", choices=("ru", "kk", "en", "fr"))
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=1_000_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    concepts, segments = build_data(args.lang, args.concepts, args.words)
    words = sum(len(WORD.findall(s)) for s in segments)
    print(
        f"{args.lang}: {len(concepts)} concepts, {words} words in {len(segments)} segments "
        f"(generated in {time.perf_counter() - t0:.1f} s, seed {SEED}; "
        f"{len({w for s in segments for w in WORD.findall(s)})} distinct words)"
    )
    if args.lang == "ru":  # load the dictionary outside the timing, as a long-lived process does
        from toolkit.glossary.terms.ru import analyzer

        analyzer()
    b_build, b_match, b_cpu, b_found = timed(lambda: ExactMatcher(concepts, args.lang), segments)
    t_build, t_match, t_cpu, t_found = timed(lambda: Recogniser(concepts, args.lang), segments)
    total, base = t_build + t_match, b_build + b_match
    print(f"{'matcher':30} {'build s':>8} {'match s':>8} {'total s':>8} {'CPU s':>8} {'found':>8}")
    print(f"{'exact-string baseline':30} {b_build:8.2f} {b_match:8.2f} {base:8.2f} {b_cpu:8.2f} {b_found:8d}")
    print(
        f"{'toolkit.terms (' + args.lang + ')':30} {t_build:8.2f} {t_match:8.2f} {total:8.2f} {t_cpu:8.2f} {t_found:8d}"
    )
    print(
        f"ratio toolkit/baseline: {total / base:.1f}x wall, {t_cpu / b_cpu:.1f}x CPU; {words / total:,.0f} words/s; "
        f"target < 10 s wall: {'met' if total < 10 else 'NOT met'} (CPU {t_cpu:.1f} s; wall time grows when "
        "other jobs share the cores)"
    )


if __name__ == "__main__":
    main()
