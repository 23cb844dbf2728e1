"""The synthetic memory of bench/memory_bench.py: Russian press-release sentences and queries.

Deterministic: shared phrases from 16 templates with varied names (20,000 people), places,
organisations, topics, numbers and dates, an English side per unit; queries are memory
sentences with a word dropped, a word replaced or the numbers changed, and fresh sentences.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.formats.tmx import TranslationUnit

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


KINDS = ("word dropped", "word replaced", "numbers changed", "fresh sentence")


def people_and_rng(seed: int = 5) -> tuple[list[str], random.Random]:
    rng = random.Random(seed)
    return sorted({_name(rng) for _ in range(20_000)}), rng


def synthetic_units(units: int, seed: int = 5) -> Iterator[TranslationUnit]:
    """units TranslationUnits (ru + a pseudo-English side), one at a time."""
    people, rng = people_and_rng(seed)
    for i in range(units):
        ru = sentence(rng, people)
        yield TranslationUnit({"ru": ru, "en": f"[en {i}] {ru[:40]}"}, f"u{i}")


def synthetic_memory(units: int, seed: int = 5) -> tuple[list[TranslationUnit], list[str]]:
    """units TranslationUnits as a list, and the list of names used."""
    return list(synthetic_units(units, seed)), people_and_rng(seed)[0]


def queries(texts: Sequence[str], people: list[str], count: int, seed: int = 6) -> list[str]:
    """Memory sentences edited (word dropped / replaced, number changed) and fresh sentences:
    query i is of kind KINDS[i % 4] (numbers changed leaves a sentence without digits as it is)."""
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
