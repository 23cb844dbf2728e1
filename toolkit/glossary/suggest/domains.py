"""Known title and institution words, and a guess of a suggested concept's domain from them (the
glossary's domains: title, ministry, organization, event, place, person, phrase). Russian words
are lemmas; the English, French and Kazakh ones are compared by the stems the n-grams use."""

from __future__ import annotations

from functools import lru_cache

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
OTHER_WORDS = {
    "en": {
        "title": "ambassador minister consul director secretary president chairman chair representative "
        "envoy counsellor attache speaker governor mayor",
        "ministry": "ministry embassy consulate department government parliament senate mission",
        "organization": "organization council union assembly fund bank university centre center association "
        "commission committee agency chamber institute company",
        "event": "forum summit conference session meeting consultations talks visit exhibition festival",
    },
    "fr": {
        "title": "ambassadeur ministre consul directeur secrétaire président représentant envoyé conseiller",
        "ministry": "ministère ambassade consulat département gouvernement parlement sénat mission",
        "organization": "organisation conseil union assemblée fonds banque université centre association "
        "commission comité agence chambre institut",
        "event": "forum sommet conférence session réunion consultations visite exposition",
    },
    "kk": {
        "title": "елші министр консул директор хатшы президент төраға өкіл кеңесші орынбасары",
        "ministry": "министрлік елшілік консулдық департамент үкімет парламент сенат",
        "organization": "ұйым кеңес одақ ассамблея қор банк университет орталық қауымдастық комиссия комитет "
        "агенттік палата институт",
        "event": "форум саммит конференция сессия отырыс кездесу консультациялар сапар көрме",
    },
}
DOMAINS = (
    ("title", TITLE_WORDS),
    ("ministry", MINISTRY_WORDS),
    ("organization", ORGANIZATION_WORDS),
    ("event", EVENT_WORDS),
)


@lru_cache(maxsize=8)
def _domains(lang: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if lang not in OTHER_WORDS:
        return DOMAINS
    from .phrases import stemmer

    stem = stemmer(lang)
    return tuple((domain, frozenset(stem(w) for w in words.split())) for domain, words in OTHER_WORDS[lang].items())


def domain_of(head: str, kind: str, place: bool = False, lang: str = "ru") -> str:
    """The domain of a candidate from the lemma (or stem) of its head word, its kind and whether
    the dictionary tags its head as a place name."""
    if kind == "person":
        return "person"
    for domain, words in _domains(lang):
        if head in words:
            return domain
    return "place" if place else "phrase"


def known_head(
    head: str, domains: tuple[str, ...] = ("title", "ministry", "organization", "event"), lang: str = "ru"
) -> bool:
    """A head word of a title, an institution or an event (or of the domains named)."""
    return any(head in words for domain, words in _domains(lang) if domain in domains)
