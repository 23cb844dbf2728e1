"""Known title and institution words, and a guess of a suggested concept's domain from them (the
glossary's domains: title, ministry, organization, event, place, person, phrase)."""

from __future__ import annotations

TITLE_WORDS = frozenset(
    "посол министр заместитель представитель консул генконсул советник секретарь председатель "
    "президент директор глава руководитель премьер-министр спикер вице-спикер депутат сенатор атташе "
    "губернатор мэр аким посланник поверенный генсек комиссар уполномоченный координатор "
    "советник-посланник лидер".split()
)
MINISTRY_WORDS = frozenset(
    "министерство ведомство посольство консульство генконсульство представительство департамент "
    "правительство парламент сенат мажилис администрация".split()
)
ORGANIZATION_WORDS = frozenset(
    "организация совет союз ассамблея фонд банк университет центр ассоциация комиссия комитет агентство "
    "палата институт биржа компания корпорация сообщество содружество группа служба".split()
)
EVENT_WORDS = frozenset(
    "форум саммит конференция сессия совещание заседание консультации переговоры визит выставка "
    "фестиваль семинар круглый диалог неделя день".split()
)
DOMAINS = (
    ("title", TITLE_WORDS),
    ("ministry", MINISTRY_WORDS),
    ("organization", ORGANIZATION_WORDS),
    ("event", EVENT_WORDS),
)


def domain_of(head: str, kind: str, place: bool = False) -> str:
    """The domain of a candidate from the lemma of its head word, its kind and whether the
    dictionary tags its head as a place name."""
    if kind == "person":
        return "person"
    for domain, words in DOMAINS:
        if head in words:
            return domain
    return "place" if place else "phrase"


def known_head(head: str, domains: tuple[str, ...] = ("title", "ministry", "organization", "event")) -> bool:
    """A head word of a title, an institution or an event (or of the domains named)."""
    return any(head in words for domain, words in DOMAINS if domain in domains)
