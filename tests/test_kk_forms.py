"""The Kazakh form generator against hand-written grammar tables (tests/data/kk_forms/), and
Kazakh term recognition: inflected terms, non-final words, acronyms, surnames, precision."""

from pathlib import Path

import pytest

from toolkit.formats.glossary_csv import COLUMNS
from toolkit.glossary.files import load_glossary
from toolkit.glossary.find import find_terms
from toolkit.glossary.model import Glossary
from toolkit.glossary.terms.evaluation import DATA, evaluate_language, load_cases
from toolkit.glossary.terms.kk import KazakhModel, harmonies, inflected_forms, nonfinal_alternants, singular_stems

ROOT = Path(__file__).resolve().parents[1]
TABLES = ROOT / "tests" / "data" / "kk_forms"
MIN_COVERAGE = 0.98
# every final-sound and harmony class the tables must hold (the `class` column)
CLASSES = {
    "vowel-back",
    "vowel-front",
    "ия",
    "sonorant-р",
    "sonorant-й",
    "у",
    "л",
    "ль",
    "м",
    "н",
    "ң",
    "з",
    "ж",
    "voiceless",
    "voiced-loan",
    "voicing",
    "k-front",
    "drop",
    "no-drop",
    "ст",
    "double",
}


def load_table(path: Path) -> list[tuple[str, str, dict[str, list[str]]]]:
    """(lemma, class, {column: accepted spellings}) per row; `-` cells are left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header), line
        rows.append((cells[0], cells[1], {c: v.split("|") for c, v in zip(header[2:], cells[2:]) if v != "-"}))
    return rows


NOUNS = load_table(TABLES / "nouns.tsv")
NAMES = load_table(TABLES / "names.tsv")


def test_tables_are_wide() -> None:
    assert len(NOUNS) >= 150
    assert {cls for _, cls, _ in NOUNS} >= CLASSES
    assert len({lemma for lemma, _, _ in NOUNS}) == len(NOUNS)
    columns = set(NOUNS[0][2])
    assert {"gen", "dat", "acc", "loc", "abl", "ins", "pl", "px3", "px3_gen", "px3_ins"} <= columns
    assert all(set(forms) == columns for _, _, forms in NOUNS)


@pytest.mark.parametrize("name, rows", [("nouns", NOUNS), ("names", NAMES)])
def test_generator_covers_the_tables(name: str, rows: list) -> None:
    listed = covered = 0
    misses = []
    for lemma, cls, forms in rows:
        generated = inflected_forms(lemma)
        for column, spellings in forms.items():
            for form in spellings:
                listed += 1
                if form.lower() in generated:
                    covered += 1
                else:
                    misses.append(f"{lemma} ({cls}) {column}: {form}")
    share = covered / listed
    print(f"kk forms coverage, {name}: {covered}/{listed} = {share:.2%}")
    assert share >= MIN_COVERAGE, "\n".join(misses)


# derivations of a noun are other words: the generator must not produce them
DERIVATIONS = ("лық", "лік", "дық", "дік", "тық", "тік", "шы", "ші", "сыз", "сіз", "дай", "дей", "тай", "тей")


def test_no_derivations_are_generated() -> None:
    for lemma, _, _ in NOUNS + NAMES:
        low = lemma.lower()
        assert not {low + d for d in DERIVATIONS} & inflected_forms(lemma), lemma


def test_forms_of_one_lemma_are_not_forms_of_another() -> None:
    """Precision of the generator: no listed form of a table lemma is generated for another
    lemma of the tables (a flood of over-generated forms would show here)."""
    listed = {}
    for lemma, _, forms in NOUNS + NAMES:
        for spellings in forms.values():
            for form in spellings:
                listed.setdefault(form.lower(), set()).add(lemma.lower())
    clashes = [
        (lemma, form, sorted(owners))
        for lemma, _, _ in NOUNS + NAMES
        for form in inflected_forms(lemma)
        if (owners := listed.get(form)) and lemma.lower() not in owners
    ]
    assert clashes == []


def test_rules_named_in_the_issue() -> None:
    assert {"консулмен", "өкілмен", "ауылмен", "монреальмен"} <= inflected_forms("консул") | inflected_forms(
        "өкіл"
    ) | inflected_forms("ауыл") | inflected_forms("Монреаль")
    assert "консулбен" not in inflected_forms("консул")
    assert {"халқы", "халқына", "халқының"} <= inflected_forms("халық") and "халығы" not in inflected_forms("халық")
    assert {"орны", "орнына"} <= inflected_forms("орын") and {"ерні", "ернін"} <= inflected_forms("ерін")
    assert {"кітабы", "тарапы", "тарабы"} <= inflected_forms("кітап") | inflected_forms("тарап")
    assert {"банкі", "банкке", "паркі"} <= inflected_forms("банк") | inflected_forms("парк")
    assert {"медалі", "медаліне", "процесі", "журналистер"} <= (
        inflected_forms("медаль") | inflected_forms("процесс") | inflected_forms("журналист")
    )
    assert {"грамотасы", "грамотасын", "грамотаға"} <= inflected_forms("грамоталары")
    assert singular_stems("тараптар") == ["тарап"] and singular_stems("доллар") == []
    assert {"ойыны", "ойынына"} <= inflected_forms("ойын")  # the same shape, no vowel drop
    assert {"елшіме", "елшімізге"} <= inflected_forms("елші")  # 1st person: -ма/-ме dative


@pytest.mark.parametrize(
    "surname, forms",
    [
        ("Тоқаев", {"тоқаевтың", "тоқаевқа", "тоқаевпен", "тоқаевты", "тоқаевта", "тоқаевтан"}),
        ("Көшербаев", {"көшербаевқа", "көшербаевтың", "көшербаевпен"}),
        ("Құсайынов", {"құсайыновқа", "құсайыновтың", "құсайыновпен", "құсайыновты"}),
        ("Бектенов", {"бектеновке", "бектеновқа", "бектеновтің"}),
        ("Ахметова", {"ахметоваға", "ахметованың", "ахметовамен"}),
        ("Балаева", {"балаеваға", "балаеваның"}),
        ("Путин", {"путинге", "путиннің", "путинмен"}),
        ("Ильина", {"ильинаға", "ильинаның"}),
        ("Жаннотт", {"жаннотпен", "жаннотқа", "жанноттың"}),
    ],
)
def test_surnames_get_their_case_forms(surname: str, forms: set[str]) -> None:
    assert forms <= inflected_forms(surname)


def test_harmony_variants() -> None:
    assert harmonies("консул") == (False, True) and harmonies("адам") == (False,) and harmonies("елші") == (True,)
    assert len(harmonies("банк")) == 2 and len(harmonies("Монреаль")) == 2 and len(harmonies("Бектенов")) == 2


def test_nonfinal_alternants() -> None:
    assert {"республикасы", "республикасының"} <= nonfinal_alternants("Республикасының")
    assert {"квебек", "квебектің"} <= nonfinal_alternants("Квебектің")
    assert {"канада", "канаданың"} <= nonfinal_alternants("Канада")
    assert nonfinal_alternants("жол") == {"жол"}  # a common noun keeps its construction
    assert {"иыұ-ның", "иыұ-дың", "иыұ"} <= nonfinal_alternants("ИЫҰ")


def test_acronym_glossary_word_with_ending_is_one_word() -> None:
    model = KazakhModel()
    assert model.term_words("ҚР-ның Канададағы Елшісі", ["ҚР", "ның", "Канададағы", "Елшісі"]) == [
        "ҚР-ның",
        "Канададағы",
        "Елшісі",
    ]
    assert model.term_words("ҚР СІМ", ["ҚР", "СІМ"]) == ["ҚР", "СІМ"]


# acronyms in every column kind: preferred, allowed, forbidden
ROWS = [
    dict(id="org.oic", domain="organisation", kk="ИЫҰ", kk_allowed="Ислам ынтымақтастығы ұйымы"),
    dict(
        id="org.pace", domain="organisation", kk="Еуропа Кеңесінің Парламенттік Ассамблеясы", kk_allowed="ЕКПА | PACE"
    ),
    dict(id="org.wada", domain="organisation", kk="ВАДА", kk_allowed="WADA"),
    dict(id="org.turkpa", domain="organisation", kk="ТүркПА"),
    dict(id="org.cis", domain="organisation", kk="ТМД", kk_forbidden="СНГ"),
    dict(id="ministry.mfa-kz", domain="ministry", kk="ҚР СІМ", kk_allowed="Қазақстан Республикасының СІМ"),
    dict(id="title.ambassador-kz", domain="title", kk="Қазақстанның Елшісі", kk_allowed="ҚР-ның Елшісі"),
    dict(id="person.tokayev", domain="person", kk="Тоқаев", kk_allowed="Қ.Тоқаев"),
    dict(id="person.kosherbayev", domain="person", kk="Е. Көшербаев"),
    dict(id="person.kussainov", domain="person", kk="Құсайынов"),
    dict(id="person.jeannotte", domain="person", kk="Жаннотт"),
    dict(id="title.consul-general", domain="title", kk="Бас консул"),
    dict(id="phrase.people", domain="phrase", kk="Қазақстан халқы"),
    dict(id="phrase.place", domain="phrase", kk="бірінші орын"),
    dict(id="phrase.roadmap", domain="phrase", kk="жол картасы"),
    dict(id="phrase.credentials", domain="phrase", kk="сенім грамоталары"),
    dict(id="ministry.national-bank", domain="ministry", kk="Ұлттық Банк"),
]


@pytest.fixture(scope="module")
def glossary(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    path = tmp_path_factory.mktemp("kk") / "g.csv"
    lines = [",".join(COLUMNS)] + [",".join(r.get(c, "") for c in COLUMNS) for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_glossary([path])


def hits(glossary: Glossary, text: str) -> list[tuple[str, str, str]]:
    found = find_terms(text, "kk", glossary)
    assert all(text[h.start : h.end] == h.text for h in found)
    return [(h.concept.id, h.text, h.kind) for h in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ИЫҰ-ның Бас хатшысы", [("org.oic", "ИЫҰ-ның", "preferred")]),
        ("ИЫҰ-ға мүше елдер", [("org.oic", "ИЫҰ-ға", "preferred")]),
        ("ЕКПА-ға баяндама", [("org.pace", "ЕКПА-ға", "allowed")]),
        ("PACE-ке және PACE-тің", [("org.pace", "PACE-ке", "allowed"), ("org.pace", "PACE-тің", "allowed")]),
        ("WADA-ның және WADA-ға", [("org.wada", "WADA-ның", "allowed"), ("org.wada", "WADA-ға", "allowed")]),
        ("ВАДА-мен келісім", [("org.wada", "ВАДА-мен", "preferred")]),
        ("ТүркПА-ның сессиясы", [("org.turkpa", "ТүркПА-ның", "preferred")]),
        ("СНГ-ның құжаттары", [("org.cis", "СНГ-ның", "forbidden")]),
        ("ТМД-дағы серіктестер", [("org.cis", "ТМД-дағы", "preferred")]),
        ("ИЫҰ ның", [("org.oic", "ИЫҰ", "preferred")]),  # an ending is joined only after a hyphen
        ("ҚР СІМ-нің өкілі", [("ministry.mfa-kz", "ҚР СІМ-нің", "preferred")]),
        ("ҚР СІМ\u2011іне хат", [("ministry.mfa-kz", "ҚР СІМ\u2011іне", "preferred")]),
        ("ҚР-ның Елшісі келді", [("title.ambassador-kz", "ҚР-ның Елшісі", "allowed")]),
        ("ҚР Елшісіне", [("title.ambassador-kz", "ҚР Елшісіне", "allowed")]),
        ("Қазақстан Елшісімен", [("title.ambassador-kz", "Қазақстан Елшісімен", "preferred")]),
        ("Қазақстан Республикасы СІМ-нің", [("ministry.mfa-kz", "Қазақстан Республикасы СІМ-нің", "allowed")]),
    ],
)
def test_acronyms_with_case_endings(glossary: Glossary, text: str, expected: list) -> None:
    assert hits(glossary, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Бас консулмен кездесті", [("title.consul-general", "Бас консулмен")]),
        ("Е. Көшербаевқа хат жолданды", [("person.kosherbayev", "Е. Көшербаевқа")]),
        ("Е.Көшербаевтың сапары", [("person.kosherbayev", "Е.Көшербаевтың")]),
        ("Қ.Тоқаевтың және Тоқаевпен", [("person.tokayev", "Қ.Тоқаевтың"), ("person.tokayev", "Тоқаевпен")]),
        ("Құсайыновпен кездесу", [("person.kussainov", "Құсайыновпен")]),
        ("М. Жаннотпен және Жаннотқа", [("person.jeannotte", "Жаннотпен"), ("person.jeannotte", "Жаннотқа")]),
        (
            "Қазақстан халқына және Қазақстан халқының",
            [("phrase.people", "Қазақстан халқына"), ("phrase.people", "Қазақстан халқының")],
        ),
        ("Қазақстан халқы", [("phrase.people", "Қазақстан халқы")]),
        ("бірінші орнына шықты", [("phrase.place", "бірінші орнына")]),
        ("сенім грамотасын тапсырды", [("phrase.credentials", "сенім грамотасын")]),
        ("Ұлттық Банкінің төрағасы", [("ministry.national-bank", "Ұлттық Банкінің")]),
        ("жол картасын бекітті", [("phrase.roadmap", "жол картасын")]),
    ],
)
def test_inflected_terms(glossary: Glossary, text: str, expected: list) -> None:
    assert [h[:2] for h in hits(glossary, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Халықаралық көрме ашылды.",  # халықаралық is a derivation of халық, not a form
        "жолдың картасы сызылды",  # a common noun in a term keeps its construction
        "Бас консулдық ашылды",  # the consulate is not the consul
        "банктік жүйе дамыды",
        "Тоқаевшылар",
        "орындаушылар сахнаға шықты",
        "WADAға",  # no hyphen: one word, not WADA
        "ерекше орынға ие",  # «бірінші орын» needs its first word
    ],
)
def test_unrelated_words_do_not_match(glossary: Glossary, text: str) -> None:
    assert hits(glossary, text) == []


def test_project_glossary_on_the_release_sentences() -> None:
    """Every annotated occurrence of tests/data/terms/kk.tsv (release-style sentences, the
    inflected forms above among them) is found with its exact span, and almost nothing else."""
    glossary = load_glossary([ROOT / "glossaries"])
    score = evaluate_language(load_cases(ROOT / DATA / "kk.tsv"), "kk", glossary, exact=True)
    report = "\n".join(score.misses + score.false_positives)
    print(f"kk.tsv: {score.correct}/{score.gold} found, precision {score.precision:.3f}")
    assert score.recall == 1.0, report
    assert score.precision >= 0.99, report
