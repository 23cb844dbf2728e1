"""Fuzzy translation-memory lookup at scale: the toolkit's index against brute-force rapidfuzz.

    .venv/bin/python bench/memory_bench.py [--units 1000000] [--queries 200] [--brute 60]

Generates a deterministic synthetic memory of Russian press-release sentences (shared phrases,
varied names, places, organisations, numbers and dates) with English sides, builds the fuzzy
index (timed; then reloaded from its on-disk cache, timed), and runs queries: memory sentences
with a word dropped or replaced, with a number changed, and fresh sentences from the same
phrases. It prints the index latency percentiles, recall of the top-5 (>= 75%) against
brute-force `rapidfuzz.process.extract(scorer=fuzz.ratio)` on the same sentences (timed on a
sample of the queries), the speed-up over brute force, build/load times and peak memory.

Recall counts ties fairly: brute-force hit k of a query is found when the index's k-th best
score is at least as high (any sentence with an equal score is an equally good answer).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.formats.tmx import TranslationUnit
from toolkit.memory.index import FuzzyIndex, brute_force
from toolkit.memory.model import Memory

SYLLABLES = [
    "ба",
    "ва",
    "га",
    "да",
    "ка",
    "ла",
    "ма",
    "на",
    "ра",
    "са",
    "та",
    "ха",
    "бе",
    "ве",
    "ге",
    "де",
    "ке",
    "ле",
    "ме",
    "не",
    "ре",
    "се",
    "те",
    "ки",
    "ли",
    "ми",
    "ни",
    "ри",
    "си",
    "ти",
    "ко",
    "ло",
    "мо",
    "но",
    "ро",
    "со",
    "то",
    "ку",
    "лу",
    "му",
    "ну",
    "ру",
    "су",
    "ту",
    "ен",
    "ан",
    "ор",
    "ир",
    "ек",
    "ов",
    "ин",
]
COUNTRIES = (
    "Канады",
    "Казахстана",
    "Франции",
    "Германии",
    "Японии",
    "Италии",
    "Испании",
    "Турции",
    "Китая",
    "Индии",
    "Бразилии",
    "Мексики",
    "Польши",
    "Швеции",
    "Норвегии",
    "Финляндии",
    "Австрии",
    "Венгрии",
    "Чехии",
    "Египта",
    "Кореи",
    "Вьетнама",
    "Индонезии",
    "Аргентины",
)
CITIES = (
    "Оттаве",
    "Торонто",
    "Монреале",
    "Ванкувере",
    "Астане",
    "Алматы",
    "Калгари",
    "Эдмонтоне",
    "Виннипеге",
    "Квебеке",
    "Галифаксе",
    "Шымкенте",
    "Караганде",
    "Актобе",
    "Атырау",
    "Павлодаре",
)
ORGS = (
    "Министерства иностранных дел",
    "Торговой палаты",
    "Совета по инвестициям",
    "университета",
    "Парламента",
    "Сената",
    "Агентства по развитию экспорта",
    "Национальной палаты предпринимателей",
    "Фонда развития",
    "Ассоциации горнодобывающих компаний",
    "Института стратегических исследований",
)
TOPICS = (
    "торгово-экономического сотрудничества",
    "инвестиционного взаимодействия",
    "энергетики",
    "сельского хозяйства",
    "образования и науки",
    "цифровизации",
    "транспорта и логистики",
    "культурно-гуманитарных связей",
    "туризма",
    "здравоохранения",
    "критически важных минералов",
    "зелёной экономики",
    "консульских вопросов",
    "региональной безопасности",
)
MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
TITLES = (
    "Посол",
    "Министр иностранных дел",
    "заместитель министра",
    "Генеральный консул",
    "председатель правления",
    "советник-посланник",
    "Временный поверенный в делах",
    "губернатор",
)
TEMPLATES = (
    "{title} {person} провёл встречу с представителями {org} {country} в {city}.",
    "В ходе встречи стороны обсудили актуальные вопросы {topic} между Казахстаном и {country2}.",
    "{day} {month} {year} года в {city} состоялись консультации по вопросам {topic}.",
    "Товарооборот между странами за {n} месяцев {year} года составил {amount} млн долларов США.",
    "{title} {person} принял участие в заседании {org}, посвящённом вопросам {topic}.",
    "Стороны подчеркнули важность дальнейшего развития {topic} и договорились о проведении очередного заседания в {city}.",
    "В мероприятии приняли участие более {n2} представителей деловых кругов {country} и Казахстана.",
    "На полях форума {person} провёл переговоры с руководством {org} {country}.",
    "По итогам визита подписано {n} соглашений на общую сумму {amount} млн долларов США.",
    "{title} {person} проинформировал собеседников о ходе реализации политических и экономических реформ в Казахстане.",
    "Особое внимание было уделено вопросам {topic} и расширению прямых контактов между регионами.",
    "{day} {month} в {city} {title} {person} выступил с лекцией перед студентами {org}.",
    "Казахстанская сторона пригласила {org} {country} принять участие в Астанинском международном форуме {year} года.",
    "В {year} году объём инвестиций из {country} в экономику Казахстана превысил {amount} млн долларов.",
    "Собеседники обменялись мнениями по широкому кругу вопросов {topic} и региональной повестки.",
    "Делегация {country} во главе с {person} посетила {city} с рабочим визитом {day} {month}.",
)


def _name(rng: random.Random) -> str:
    first = rng.choice("АБВГДЕЖЗИКЛМНОПРСТУФХ") + "."
    surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    return f"{first} {surname}{rng.choice(('ов', 'ев', 'ин', 'ова', 'ева', 'ский', 'бек', 'ұлы'))}"


def sentence(rng: random.Random, people: list[str], template: str | None = None) -> str:
    """One synthetic sentence (deterministic for a given generator state)."""
    template = template or rng.choice(TEMPLATES)
    return template.format(
        title=rng.choice(TITLES),
        person=rng.choice(people),
        org=rng.choice(ORGS),
        country=rng.choice(COUNTRIES),
        country2=rng.choice(COUNTRIES).replace("ы", "ой").replace("и", "ей"),
        city=rng.choice(CITIES),
        topic=rng.choice(TOPICS),
        day=rng.randint(1, 28),
        month=rng.choice(MONTHS),
        year=rng.randint(1995, 2026),
        n=rng.randint(2, 12),
        n2=rng.randint(20, 900),
        amount=f"{rng.randint(1, 999)},{rng.randint(0, 9)}",
    )


def synthetic_memory(units: int, seed: int = 5) -> tuple[list[TranslationUnit], list[str]]:
    """units TranslationUnits (ru + a pseudo-English side) and the list of names used."""
    rng = random.Random(seed)
    people = sorted({_name(rng) for _ in range(20_000)})
    out = []
    for i in range(units):
        ru = sentence(rng, people)
        out.append(TranslationUnit({"ru": ru, "en": f"[en {i}] {ru[:40]}"}, f"u{i}"))
    return out, people


def queries(texts: list[str], people: list[str], count: int, seed: int = 6) -> list[str]:
    """Memory sentences edited (word dropped / replaced, number changed) and fresh sentences."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        base = texts[rng.randrange(len(texts))]
        words = base.split()
        kind = i % 4
        if kind == 0 and len(words) > 4:
            del words[rng.randrange(len(words))]
            out.append(" ".join(words))
        elif kind == 1:
            words[rng.randrange(len(words))] = rng.choice(("совместно", "Казахстана", "новых", _name(rng).split()[1]))
            out.append(" ".join(words))
        elif kind == 2:
            out.append(" ".join(str(rng.randint(1, 999)) if w.isdigit() else w for w in words))
        else:
            out.append(sentence(rng, people))
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def recall_hits(truth: list[tuple[int, float]], got: list[tuple[int, float]]) -> int:
    """How many brute-force hits the index matched rank by rank (ties count as found)."""
    return sum(1 for k, (_, score) in enumerate(truth) if k < len(got) and got[k][1] >= score - 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--brute", type=int, default=60, help="queries also timed with brute force")
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--cutoff", type=float, default=75.0)
    args = parser.parse_args()

    t0 = time.perf_counter()
    units, people = synthetic_memory(args.units)
    memory = Memory(units=units)
    texts = memory.table("ru").texts
    rss_memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"memory: {len(units):,} units, {len(texts):,} distinct ru sentences, "
        f"mean {statistics.mean(len(t) for t in texts[:100000]):.0f} chars (generated in {time.perf_counter() - t0:.1f} s)"
    )

    with tempfile.TemporaryDirectory(prefix="memory-bench-") as cache:
        t0 = time.perf_counter()
        built = FuzzyIndex.cached(texts, Path(cache))
        build_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = FuzzyIndex.cached(texts, Path(cache))
        load_s = time.perf_counter() - t0
        del built
        print(
            f"index: built and saved in {build_s:.1f} s, loaded from the disk cache in {load_s:.2f} s; "
            f"{len(index.vocab):,} words, {len(index.postings):,} postings"
        )

        qs = queries(texts, people, args.queries)
        index.search(qs[0], args.limit, args.cutoff)  # warm the memory maps
        latencies, cpu, results = [], [], []
        for q in qs:
            t0, c0 = time.perf_counter(), time.thread_time()
            results.append(index.search(q, args.limit, args.cutoff))
            latencies.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
        rss_index = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        brute_ms, found, total = [], 0, 0
        for q, got in list(zip(qs, results))[: args.brute]:
            t0 = time.perf_counter()
            truth = brute_force(q, texts, args.limit, args.cutoff)
            brute_ms.append((time.perf_counter() - t0) * 1000)
            found += recall_hits(truth, got)
            total += len(truth)

    p = {k: percentile(latencies, k) for k in (50, 90, 99)}
    print(
        f"index lookup, {len(qs)} queries: p50 {p[50]:.2f} ms, p90 {p[90]:.2f} ms, p99 {p[99]:.2f} ms, "
        f"max {max(latencies):.2f} ms (wall clock)"
    )
    print(
        f"  the same in CPU time of the query thread (what other processes on the machine cannot inflate): "
        f"p50 {percentile(cpu, 50):.2f} ms, p90 {percentile(cpu, 90):.2f} ms, p99 {percentile(cpu, 99):.2f} ms"
    )
    sample_index = latencies[: len(brute_ms)]
    print(
        f"brute force rapidfuzz.process.extract, {len(brute_ms)} queries: p50 {percentile(brute_ms, 50):.1f} ms, "
        f"mean {statistics.mean(brute_ms):.1f} ms"
    )
    print(
        f"speed-up (brute-force mean / index mean on the same queries): "
        f"{statistics.mean(brute_ms) / statistics.mean(sample_index):.0f}x"
    )
    print(
        f"recall of top-{args.limit} >= {args.cutoff:.0f}% vs brute force: {found}/{total} = "
        f"{(found / total if total else 1.0):.2%} ({sum(1 for r in results if r)} of {len(qs)} queries had a match)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak RSS: {rss_memory:,.0f} MiB after generating the units and their sentence table, "
        f"{rss_index:,.0f} MiB after building, loading and querying the index, {peak:,.0f} MiB at the end "
        f"(brute force included)"
    )


if __name__ == "__main__":
    main()
