"""The linguistic rules of `toolkit glossary suggest` added in round 4, each on made-up
sentences (none from the development sets): Russian compound adjectives, acronyms, coordinated
genitives, appositions, names; phrases that are no concept; Kazakh heads after adjectives;
sentence starts inside a unit; named parts a target must render."""

from __future__ import annotations

from toolkit.glossary.suggest.common import common_phrase
from toolkit.glossary.suggest.kazakh import adjectival_head, attested
from toolkit.glossary.suggest.named import acronyms, extra_acronyms, rendered
from toolkit.glossary.suggest.names import feminine_surname
from toolkit.glossary.suggest.russian import candidates, woman_reading
from toolkit.glossary.suggest.sentences import sentence_ends, sentence_starts


def _forms(text: str) -> dict[tuple[str, ...], str]:
    return {o.key: o.nominative for o in candidates(text)}


def test_a_compound_adjective_inflects_in_its_last_part_and_keeps_its_capitals() -> None:
    found = _forms("Делегация посетила Западно-Казахстанскую область и Казахстанско-германскую палату.")
    assert found[("западно-казахстанский", "область")] == "Западно-Казахстанская область"
    assert found[("казахстанско-германский", "палата")] == "Казахстанско-германская палата"
    assert _forms("Губернатор Ховд-Сумского аймака прибыл.")[("ховд-сумский", "аймак")] == "Ховд-Сумский аймак"


def test_an_acronym_ends_a_name_unless_a_genitive_or_another_acronym_follows() -> None:
    assert _forms("Заседание Исполнительного комитета СНГ прошло.")[("исполнительный", "комитет", "снг")] == (
        "Исполнительный комитет СНГ"
    )
    keys = set(_forms("Директор Департамента Азии МИД Казахстана выступил. Департамент Африки МИД РК сообщил."))
    assert ("директор", "департамент", "азия", "мид") not in keys
    assert ("департамент", "африка", "мид") not in keys


def test_genitives_joined_by_and_and_an_apposition_belong_to_one_name() -> None:
    found = _forms("Визит Министра сельского хозяйства и продовольствия Канады начался.")
    assert "Министр сельского хозяйства и продовольствия Канады" in found.values()
    found = _forms("Фонд Республики Казахстан провел встречу.")
    assert found[("фонд", "республика", "казахстан")] == "Фонд Республики Казахстан"


def test_names_a_woman_read_from_the_english_and_a_foreign_surname_lemmatised() -> None:
    assert woman_reading("Алия", "Иманова") == (("алия", "иманова"), "Алия Иманова")
    assert woman_reading("Ерлана", "Иманова") is not None  # the dictionary allows both readings
    assert feminine_surname("Иманова", ["Aliya Imanova spoke."])
    assert not feminine_surname("Иманова", ["Yerlan Imanov spoke."])
    people = {o.nominative for o in candidates("Переговоры с Ласло Ковачем прошли.") if o.kind == "person"}
    assert people == {"Ласло Ковач"}


def test_plural_heads_and_occasions_are_no_concepts() -> None:
    assert common_phrase(("представитель", "министерство"), "представитель", "представители Министерства")
    assert common_phrase(("девятый", "заседание"), "заседание", "девятое заседание")
    assert common_phrase(("следующий", "заседание"), "заседание", "следующее заседание")
    assert not common_phrase(("консульский", "учет"), "учет", "консульский учет")
    assert not common_phrase(("день", "культура", "казахстан"), "день", "Дни культуры Казахстана")


def test_a_kazakh_head_after_adjectives_alone_takes_no_possessive() -> None:
    words = attested(["Тұрақты кеңес жиналды.", "Бас хатшы келді."])
    assert adjectival_head("Тұрақты кеңесі", words) == "Тұрақты кеңес"
    assert adjectival_head("Мемлекеттік хатшысы", words) == "Мемлекеттік хатшы"
    # a noun before the head makes an izafet: the possessive stays
    assert adjectival_head("Ұлттық үйлестірушілер кеңесі", words) == "Ұлттық үйлестірушілер кеңесі"
    assert adjectival_head("Халықаралық ынтымақтастық агенттігі", words) == "Халықаралық ынтымақтастық агенттігі"
    # a stem the memory and the glossary never write is not guessed
    assert adjectival_head("Тұрақты комитеті", words) == "Тұрақты комитеті"


def test_sentences_inside_a_unit_begin_after_a_stop_but_not_after_an_initial() -> None:
    text = "Встреча прошла в Астане. Особое внимание уделили А.Иванову и др. вопросам."
    starts = sentence_starts(text)
    assert text.index("Особое") in starts and text.index("Иванову") not in starts
    assert text.index("Встреча") in starts
    assert text.index("Астане") + len("Астане") in sentence_ends(text)


def test_a_target_renders_the_named_parts_and_adds_no_acronym() -> None:
    parts = [[("hungary",)], [("osce",)]]
    assert rendered(parts, ("minist", "foreign", "affair", "of", "hungary")) == 1
    assert rendered(parts, ("osce", "council", "hungary")) == 2
    assert acronyms("БҰҰ-ның Дүниежүзілік азық-түлік бағдарламасы") == 1
    assert extra_acronyms("Комитет старших должностных лиц", "CICA Senior Officials Committee") == 1
    assert extra_acronyms("Комитет старших должностных лиц СВМДА", "CICA Senior Officials Committee") == 0
