"""Benchmark of toolkit.text.sentences against pysbd, in one run on the same inputs.

    .venv/bin/python bench/segment_bench.py [--mb 12] [--pysbd-kb 400]

Prints:
* accuracy (exact sentence lists) on the golden files tests/data/segment/<lang>.txt, for this
  segmenter and for pysbd (which has ru, kk, en and fr rules), per language;
* exact segments on the release corpus tests/data/releases (see its README): the toolkit
  reads each release (parse_release + block_sentences) and is scored on kind and text and on
  text alone; pysbd segments each non-blank line and is scored on text alone;
* throughput in MB/s (UTF-8 bytes) on a synthetic corpus of releases generated
  deterministically from templates (--mb in total, a quarter per language): this segmenter
  runs on the whole corpus, pysbd on the first --pysbd-kb per language (it is too slow for
  all of it), and the ratio of the two speeds;
* the time for 1 MB and 10 MB of text without any punctuation (linear growth expected).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pysbd

from toolkit.text.rules import parse_golden
from toolkit.text.sentences import split_sentences

sys.path.insert(0, str(ROOT / "tests"))
from test_segment_releases import exact, produced, read_gold, release_paths

LANGS = ("ru", "kk", "en", "fr")
GOLDEN = ROOT / "tests" / "data" / "segment"

# Templates: {name}, {initial}, {city}, {n}, {year}, {date}, {time} are filled at random.
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "ru": {
        "head": ["Посол Казахстана провел переговоры в провинции {city}", "Итоги визита в {city}"],
        "body": [
            "В ходе встречи с {initial}.{name} стороны обсудили вопросы сотрудничества, в т.ч. "
            "в сферах ИТ, АПК и энергетики.",
            "Товарооборот вырос на {n},5% и составил {n} млрд долл. США.",
            "Экспорт зерна составил {n},7 тыс. тонн. Далее стороны обсудили логистику.",
            "«Мы готовы к расширению партнерства», – подчеркнули в МИД РК.",
            "Брифинг начался {date} в {time} в г. Астане на ул. Кенесары, {n}.",
            "Документ подписали {initial}. {name} и {initial}.{initial}. {name}.",
            "Обсуждали многое {year}–{year2} гг. Далее участники перешли к вопросам транспорта.",
            "Подробности на сайте https://www.gov.kz/memleket/entities/mfa?lang=ru.",
            "Нота № {n}/51-POL направлена в МИД страны пребывания.",
            "Студенты КазНУ им. Аль-Фараби посетили посольство, т.е. {n} человек.",
        ],
        "dateline": "гг. {city}, Оттава, {date2} г. – ",
    },
    "kk": {
        "head": ["Қазақстан Елшісі {city} провинциясында келіссөздер жүргізді", "{city} сапарының қорытындысы"],
        "body": [
            "Кездесуде {initial}.{name} энергетика, көлік және т.б. салаларды атап өтті.",
            "Тауар айналымы {n},5%-ға өсіп, {n} млрд долларға жетті.",
            "Форум {year} ж. {city} қаласында өтеді.",
            "«Қазақстан инвестицияға ашық», – деп атап өтті ҚР СІМ өкілі.",
            "Брифинг {date} сағат {time}-да басталды.",
            "Елші «Самұрық-Қазына»-ның өкілдерімен кездесті.",
            "Бұл қаланың негізі б.з.б. V ғасырда қаланған.",
            "Толық ақпарат https://www.gov.kz/memleket/entities/mfa сайтында жарияланды.",
            "ҚР СІМ-нің № {n}/51-POL нотасы жолданды.",
            "Кездесуге {initial}. {name} және {initial}.{name} қатысты.",
        ],
        "dateline": "{city}, {date2} – ",
    },
    "en": {
        "head": ["Kazakh Ambassador holds talks in {city}", "Results of the visit to {city}"],
        "body": [
            "Mr. {name} met Dr. {initial}. {name} of the U.S. Department of Commerce.",
            "Trade grew by {n}.5% to USD {n} bn in {year}.",
            "The agreement was signed with B.T. Innovation GmbH and Acme Holdings Inc. in {city}.",
            '"We are ready to expand cooperation," the Ambassador said.',
            "The briefing began on {date} at {time} local time.",
            "They discussed energy, transport, logistics, etc. The parties agreed to continue.",
            "Details are at https://www.gov.kz/memleket/entities/mfa?lang=en.",
            "Note No. {n}/51-POL was sent on Nov. {n}.",
            "The delegation visited the U.S. The talks focused on trade.",
            "Ms. {name} and {initial}.{name} attended the forum.",
        ],
        "dateline": "{city}, {date2} – ",
    },
    "fr": {
        "head": ["L'ambassadeur du Kazakhstan en visite à {city}", "Bilan de la visite à {city}"],
        "body": [
            "M. {name} a accueilli Mme {name} et {initial}.{name} à {city}.",
            "Les échanges ont augmenté de {n},5 % pour atteindre {n} milliards de dollars.",
            "Plusieurs entreprises, p. ex. Hydro-Québec, ont participé à la réunion.",
            "« Nous sommes prêts à élargir la coopération », a déclaré l'ambassadeur.",
            "Le point de presse a commencé le {date} à {time}.",
            "Ils ont évoqué l'énergie, le transport, etc. Les parties poursuivront le dialogue.",
            "Les détails sont sur https://www.gov.kz/memleket/entities/mfa?lang=fr.",
            "La note n° {n}/51-POL a été transmise.",
            "La ville a été fondée vers 50 av. J.-C. Elle est aujourd'hui un centre régional.",
            "Le message de J.-C. {name} a été lu.",
        ],
        "dateline": "{city}, {date2} – ",
    },
}
NAMES = ["Tremblay", "Roy", "Benjamin", "Smith", "Жаннотт", "Кусаинов", "Бирон", "Әлиева", "Тоқаев", "Gagnon"]
CITIES = ["Квебек-Сити", "Монреаль", "Торонто", "Ottawa", "Montréal", "Astana", "Астана"]
LETTERS = "АБКМДЕЖFJKMBL"


def _fill(template: str, rng: random.Random) -> str:
    year = rng.randint(1992, 2030)
    return template.format(
        name=rng.choice(NAMES),
        initial=rng.choice(LETTERS),
        city=rng.choice(CITIES),
        n=rng.randint(1, 999),
        year=year,
        year2=year + 1,
        date=f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}",
        time=f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
        date2=f"{rng.randint(1, 28)}-{rng.randint(1, 28)} {year}",
    )


def synthetic_releases(lang: str, size: int, seed: int = 3) -> list[str]:
    """Releases of lang totalling about size UTF-8 bytes, the same for the same seed."""
    rng = random.Random(f"{seed}-{lang}")
    parts = TEMPLATES[lang]
    releases: list[str] = []
    total = 0
    while total < size:
        lines = [_fill(rng.choice(parts["head"]), rng), f"06.12.2025 09:40:39 {rng.randint(1, 99)}"]
        for number in range(rng.randint(4, 8)):
            count = rng.randint(1, 4)
            sentences = " ".join(_fill(rng.choice(parts["body"]), rng) for _ in range(count))
            lines.append((_fill(parts["dateline"], rng) if number == 0 else "") + sentences)
        text = "\n".join(lines) + "\n"
        releases.append(text)
        total += len(text.encode("utf-8"))
    return releases


def _sbd(segmenter: pysbd.Segmenter, text: str) -> list[str]:
    return [s.strip() for s in segmenter.segment(text) if s.strip()]


def accuracy() -> list[tuple[str, int, int, int]]:
    """(lang, cases, ours exact, pysbd exact) on the golden files."""
    rows = []
    for lang in LANGS:
        cases = parse_golden((GOLDEN / f"{lang}.txt").read_text(encoding="utf-8"))
        segmenter = pysbd.Segmenter(language=lang, clean=False)
        ours = sum(split_sentences(text, lang) == expected for text, expected in cases)
        theirs = sum(_sbd(segmenter, text) == expected for text, expected in cases)
        rows.append((lang, len(cases), ours, theirs))
    return rows


def release_accuracy() -> list[tuple[str, int, int, int, int]]:
    """(lang, gold segments, toolkit exact with kinds, toolkit exact text, pysbd exact text)."""
    rows: dict[str, list[int]] = {}
    segmenters = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in LANGS}
    for path in release_paths():
        lang = path.name.split(".")[-2]
        gold, ours = read_gold(path.with_suffix(".gold")), produced(path)
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        theirs = [("", s) for line in lines for s in _sbd(segmenters[lang], line)]
        texts = [("", text) for _, text in gold]
        row = rows.setdefault(lang, [0, 0, 0, 0])
        row[0] += len(gold)
        row[1] += exact(gold, ours)
        row[2] += exact(texts, [("", text) for _, text in ours])
        row[3] += exact(texts, theirs)
    return [(lang, *rows[lang]) for lang in LANGS]


def _throughput(func, texts: list[str]) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts)
    started = time.perf_counter()
    for text in texts:
        func(text)
    return size / 1e6 / (time.perf_counter() - started)


def _prefix(texts: list[str], size: int) -> list[str]:
    out, total = [], 0
    for text in texts:
        if total >= size:
            break
        out.append(text)
        total += len(text.encode("utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=12.0, help="synthetic corpus size, MB")
    parser.add_argument("--pysbd-kb", type=int, default=400, help="pysbd slice per language, KB")
    args = parser.parse_args(argv)

    print("accuracy: exact sentence lists on tests/data/segment/<lang>.txt")
    print(f"{'lang':<6}{'cases':>6}{'toolkit':>10}{'pysbd':>10}")
    for lang, cases, ours, theirs in accuracy():
        print(f"{lang:<6}{cases:>6}{ours / cases:>10.1%}{theirs / cases:>10.1%}")

    print("\nexact segments on tests/data/releases (toolkit: reader + segmenter; pysbd: line by line)")
    print(f"{'lang':<6}{'gold':>6}{'toolkit':>10}{'text only':>11}{'pysbd text':>12}")
    for lang, gold, ours, ours_text, theirs in release_accuracy():
        print(f"{lang:<6}{gold:>6}{ours / gold:>10.1%}{ours_text / gold:>11.1%}{theirs / gold:>12.1%}")

    print(
        f"\nthroughput: synthetic releases, {args.mb:g} MB in all (pysbd on the first {args.pysbd_kb} KB per language)"
    )
    print(f"{'lang':<6}{'MB':>7}{'toolkit MB/s':>14}{'pysbd MB/s':>12}{'ratio':>8}")
    per_lang = int(args.mb * 1e6 / len(LANGS))
    for lang in LANGS:
        texts = synthetic_releases(lang, per_lang)
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        ours = _throughput(lambda t, lang=lang: split_sentences(t, lang), texts)
        segmenter = pysbd.Segmenter(language=lang, clean=False)
        theirs = _throughput(segmenter.segment, _prefix(texts, args.pysbd_kb * 1000))
        print(f"{lang:<6}{size:>7.2f}{ours:>14.2f}{theirs:>12.3f}{ours / theirs:>7.0f}x")

    print("\nno punctuation at all (one long line of words)")
    for megabytes in (1, 10):
        text = "слово " * (megabytes * 1_000_000 // 12)  # 12 UTF-8 bytes per repeat
        started = time.perf_counter()
        count = len(split_sentences(text, "ru"))
        print(f"{megabytes:>3} MB: {time.perf_counter() - started:.2f} s, {count} sentence(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
