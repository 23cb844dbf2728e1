"""Tests for toolkit.segment: golden cases per language, the shared sample, properties."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.document import BlockKind, read_release
from toolkit.errors import UsageError
from toolkit.segment import (
    abbreviations,
    normalise_abbreviation,
    parse_abbreviations,
    sentence_spans,
    split_sentences,
)

SAMPLE = Path(__file__).parents[2] / "shared" / "samples" / "quebec-kazakhstan-2025-12-06.ru.txt"

# Each case: (text, expected sentences). Sentences are written in press-release style
# for these tests; none is copied from a real release.
RU = [
    ("Министр иностранных дел провел встречу с Послом Франции. Стороны обсудили вопросы "
     "двустороннего сотрудничества.",
     ["Министр иностранных дел провел встречу с Послом Франции.",
      "Стороны обсудили вопросы двустороннего сотрудничества."]),
    ("Заседание прошло под председательством К. Алимова. Участники приняли заявление.",
     ["Заседание прошло под председательством К. Алимова.", "Участники приняли заявление."]),
    ("Посол встретился с А.Смагуловым и Е.Нуртаевой. Обсуждены вопросы торговли.",
     ["Посол встретился с А.Смагуловым и Е.Нуртаевой.", "Обсуждены вопросы торговли."]),
    ("гг. Торонто, Оттава и Ванкувер вошли в программу рабочей поездки делегации.",
     ["гг. Торонто, Оттава и Ванкувер вошли в программу рабочей поездки делегации."]),
    ("Форум пройдет в г. Астане в сентябре. Регистрация участников уже открыта.",
     ["Форум пройдет в г. Астане в сентябре.", "Регистрация участников уже открыта."]),
    ("Стороны обсудили сотрудничество в различных областях, в т.ч. в сфере энергетики. "
     "Подписан меморандум.",
     ["Стороны обсудили сотрудничество в различных областях, в т.ч. в сфере энергетики.",
      "Подписан меморандум."]),
    ("Соглашение вступит в силу через 30 дней, т.е. Казахстан начнет его применение в марте.",
     ["Соглашение вступит в силу через 30 дней, т.е. Казахстан начнет его применение в марте."]),
    ("Делегация прибыла накануне, т. е. Министр уже находится в Оттаве.",
     ["Делегация прибыла накануне, т. е. Министр уже находится в Оттаве."]),
    ("Меморандум подписали представители МИД РК. Далее состоялся брифинг для СМИ.",
     ["Меморандум подписали представители МИД РК.", "Далее состоялся брифинг для СМИ."]),
    ("Товарооборот вырос на 3,7% и достиг 2.5 млрд долларов. Это рекордный показатель.",
     ["Товарооборот вырос на 3,7% и достиг 2.5 млрд долларов.", "Это рекордный показатель."]),
    ("Объем инвестиций составил 4 млрд. долл. США за десять лет.",
     ["Объем инвестиций составил 4 млрд. долл. США за десять лет."]),
    ("Брифинг начался 06.12.2025 в 09:40:39 по времени Астаны. Его провел представитель МИД.",
     ["Брифинг начался 06.12.2025 в 09:40:39 по времени Астаны.",
      "Его провел представитель МИД."]),
    ("Подробности размещены на сайте https://www.gov.kz/memleket/entities/mfa?lang=ru. "
     "Вопросы можно направить по адресу press.service@mfa.kz до 10 декабря.",
     ["Подробности размещены на сайте https://www.gov.kz/memleket/entities/mfa?lang=ru.",
      "Вопросы можно направить по адресу press.service@mfa.kz до 10 декабря."]),
    ("Посол спросил: «Готовы ли стороны расширить сотрудничество?» Ответ был утвердительным.",
     ["Посол спросил: «Готовы ли стороны расширить сотрудничество?»",
      "Ответ был утвердительным."]),
    ("Переговоры завершились. – Мы удовлетворены итогами визита, – отметил Посол.",
     ["Переговоры завершились.", "– Мы удовлетворены итогами визита, – отметил Посол."]),
    ("Население провинции превышает 9 млн человек. Экономика региона диверсифицирована.",
     ["Население провинции превышает 9 млн человек.", "Экономика региона диверсифицирована."]),
    ("Обсуждены вопросы энергетики, транспорта и т.д. Стороны договорились продолжить диалог.",
     ["Обсуждены вопросы энергетики, транспорта и т.д.",
      "Стороны договорились продолжить диалог."]),
    ("Стороны решили провести следующее заседание комиссии в 2026 г. Казахстанская сторона "
     "предложила Астану.",
     ["Стороны решили провести следующее заседание комиссии в 2026 г.",
      "Казахстанская сторона предложила Астану."]),
    ("В 2025 г. Казахстан председательствует в ряде международных организаций.",
     ["В 2025 г. Казахстан председательствует в ряде международных организаций."]),
    ("Астана, 5 ноября 2025 г. – Министр принял делегацию. Обсуждены итоги года.",
     ["Астана, 5 ноября 2025 г. – Министр принял делегацию.", "Обсуждены итоги года."]),
    ("Переговоры продолжались несколько часов… Итоговый документ был согласован.",
     ["Переговоры продолжались несколько часов…", "Итоговый документ был согласован."]),
    ("Студенты КазНУ им. Аль-Фараби приняли участие в форуме. Форум завершился вечером.",
     ["Студенты КазНУ им. Аль-Фараби приняли участие в форуме.", "Форум завершился вечером."]),
    ("Соглашение подписано с компанией B.T. Innovation. Ее представители посетили Астану.",
     ["Соглашение подписано с компанией B.T. Innovation.",
      "Ее представители посетили Астану."]),
    ("Посольство находится по адресу: ул. Кенесары, 12. Прием ведется ежедневно.",
     ["Посольство находится по адресу: ул. Кенесары, 12.", "Прием ведется ежедневно."]),
    ("Данные приведены в приложении (см. Таблицу 2). Они обновляются ежеквартально.",
     ["Данные приведены в приложении (см. Таблицу 2).", "Они обновляются ежеквартально."]),
    ("С приветствием выступил Дж. Уилсон. Затем слово взял Посол.",
     ["С приветствием выступил Дж. Уилсон.", "Затем слово взял Посол."]),
    ("Визит прошел 5 ноября 2025 г. Посол РК провел ряд встреч.",
     ["Визит прошел 5 ноября 2025 г.", "Посол РК провел ряд встреч."]),
    ("5 ноября 2025 г. Посол РК провел ряд встреч.",
     ["5 ноября 2025 г. Посол РК провел ряд встреч."]),
    ("Итоги года подведены. 2026 год объявлен Годом цифровизации.",
     ["Итоги года подведены.", "2026 год объявлен Годом цифровизации."]),
    ("Визит завершен. продолжение со строчной буквы не начинает предложение.",
     ["Визит завершен. продолжение со строчной буквы не начинает предложение."]),
]

KK = [
    ("Сыртқы істер министрі Канада елшісімен кездесті. Тараптар екіжақты ынтымақтастық "
     "мәселелерін талқылады.",
     ["Сыртқы істер министрі Канада елшісімен кездесті.",
      "Тараптар екіжақты ынтымақтастық мәселелерін талқылады."]),
    ("Кездесуде А. Сәрсенов сөз сөйледі. Ол ынтымақтастықтың маңызын атап өтті.",
     ["Кездесуде А. Сәрсенов сөз сөйледі.", "Ол ынтымақтастықтың маңызын атап өтті."]),
    ("Елші Б.Оспанов провинция басшылығымен кездесті. Келіссөздер сындарлы өтті.",
     ["Елші Б.Оспанов провинция басшылығымен кездесті.", "Келіссөздер сындарлы өтті."]),
    ("Келісімге 2025 ж. қарашада қол қойылды. Құжат күшіне енді.",
     ["Келісімге 2025 ж. қарашада қол қойылды.", "Құжат күшіне енді."]),
    ("Форум 2026 ж. Астанада өтеді.", ["Форум 2026 ж. Астанада өтеді."]),
    ("Тараптар энергетика, көлік, туризм және т.б. салаларды талқылады.",
     ["Тараптар энергетика, көлік, туризм және т.б. салаларды талқылады."]),
    ("Білім, ғылым, мәдениет т.с.с. Тараптар бұл бағыттарды қолдады.",
     ["Білім, ғылым, мәдениет т.с.с.", "Тараптар бұл бағыттарды қолдады."]),
    ("Құжатқа қол қойған тарап – ҚР. Келесі кездесу Оттавада өтеді.",
     ["Құжатқа қол қойған тарап – ҚР.", "Келесі кездесу Оттавада өтеді."]),
    ("Тауар айналымы 3,7%-ға өсіп, 2.5 млрд долларға жетті. Бұл рекордтық көрсеткіш.",
     ["Тауар айналымы 3,7%-ға өсіп, 2.5 млрд долларға жетті.", "Бұл рекордтық көрсеткіш."]),
    ("Брифинг 06.12.2025 күні сағ. 09:40-та басталды. Оны СІМ ресми өкілі жүргізді.",
     ["Брифинг 06.12.2025 күні сағ. 09:40-та басталды.", "Оны СІМ ресми өкілі жүргізді."]),
    ("Толық ақпарат https://www.gov.kz/memleket/entities/mfa сайтында жарияланды. "
     "Сұрақтарды press@mfa.kz мекенжайына жіберуге болады.",
     ["Толық ақпарат https://www.gov.kz/memleket/entities/mfa сайтында жарияланды.",
      "Сұрақтарды press@mfa.kz мекенжайына жіберуге болады."]),
    ("Елші: «Ынтымақтастықты кеңейтуге дайынсыздар ма?» деп сұрады. Жауап оң болды.",
     ["Елші: «Ынтымақтастықты кеңейтуге дайынсыздар ма?» деп сұрады.", "Жауап оң болды."]),
    ("Бұл тарихи оқиға! Тараптар келісімге қол қойды.",
     ["Бұл тарихи оқиға!", "Тараптар келісімге қол қойды."]),
    ("Кездесу Астана қ. Тәуелсіздік сарайында өтті. Оған 200-ден астам адам қатысты.",
     ["Кездесу Астана қ. Тәуелсіздік сарайында өтті.", "Оған 200-ден астам адам қатысты."]),
    ("Бұл қаланың негізі б.з.б. V ғасырда қаланған. Қазір ол ірі орталық.",
     ["Бұл қаланың негізі б.з.б. V ғасырда қаланған.", "Қазір ол ірі орталық."]),
    ("Келіссөздер аяқталды. – Біз нәтижеге ризамыз, – деді Елші.",
     ["Келіссөздер аяқталды.", "– Біз нәтижеге ризамыз, – деді Елші."]),
    ("Провинция халқы 9 млн адамнан асады. Экономикасы дамыған.",
     ["Провинция халқы 9 млн адамнан асады.", "Экономикасы дамыған."]),
    ("Келіссөздер ұзаққа созылды… Соңында құжат келісілді.",
     ["Келіссөздер ұзаққа созылды…", "Соңында құжат келісілді."]),
    ("Елші провинция\nбасшылығымен кездесті. Тараптар жоспарларды талқылады.",
     ["Елші провинция\nбасшылығымен кездесті.", "Тараптар жоспарларды талқылады."]),
]

EN = [
    ("The Minister met the Ambassador of Canada. The parties discussed bilateral cooperation.",
     ["The Minister met the Ambassador of Canada.",
      "The parties discussed bilateral cooperation."]),
    ("Mr. Smith welcomed the delegation. He noted the growth of trade.",
     ["Mr. Smith welcomed the delegation.", "He noted the growth of trade."]),
    ("Ms. Jones and Dr. Brown attended the forum in St. John's. It gathered 300 participants.",
     ["Ms. Jones and Dr. Brown attended the forum in St. John's.",
      "It gathered 300 participants."]),
    ("The agreement was signed with B.T. Innovation Ltd. in Toronto. It covers three projects.",
     ["The agreement was signed with B.T. Innovation Ltd. in Toronto.",
      "It covers three projects."]),
    ("The session was chaired by J. Tremblay, Speaker of the Assembly. Talks lasted two hours.",
     ["The session was chaired by J. Tremblay, Speaker of the Assembly.",
      "Talks lasted two hours."]),
    ("The Ambassador met A.Dupont and L.Martin. Both are senior officials.",
     ["The Ambassador met A.Dupont and L.Martin.", "Both are senior officials."]),
    ("Officials of the U.S. Department of Commerce took part. The forum ended at noon.",
     ["Officials of the U.S. Department of Commerce took part.", "The forum ended at noon."]),
    ("Several sectors, e.g. Mining and agriculture, were discussed. More talks are planned.",
     ["Several sectors, e.g. Mining and agriculture, were discussed.",
      "More talks are planned."]),
    ("The deal takes effect in 30 days, i.e. Kazakhstan applies it from March.",
     ["The deal takes effect in 30 days, i.e. Kazakhstan applies it from March."]),
    ("Trade grew by 3.7% to 2.5 billion dollars in 2024. This is a record.",
     ["Trade grew by 3.7% to 2.5 billion dollars in 2024.", "This is a record."]),
    ("The briefing began on 06.12.2025 at 09:40:39 local time. It was held at the Ministry.",
     ["The briefing began on 06.12.2025 at 09:40:39 local time.",
      "It was held at the Ministry."]),
    ("Details are at https://www.gov.kz/memleket/entities/mfa?lang=en. Questions may be sent "
     "to press.office@mfa.kz by Friday.",
     ["Details are at https://www.gov.kz/memleket/entities/mfa?lang=en.",
      "Questions may be sent to press.office@mfa.kz by Friday."]),
    ("The visit took place on Nov. 18 in Ottawa. A joint statement was adopted.",
     ["The visit took place on Nov. 18 in Ottawa.", "A joint statement was adopted."]),
    ('"We are ready to expand cooperation," the Ambassador said. "The potential is large."',
     ['"We are ready to expand cooperation," the Ambassador said.',
      '"The potential is large."']),
    ("Why Kazakhstan? The answer lies in its location.",
     ["Why Kazakhstan?", "The answer lies in its location."]),
    ("They discussed energy, transport, logistics, etc. The parties agreed to continue.",
     ["They discussed energy, transport, logistics, etc.", "The parties agreed to continue."]),
    ("Resolution No. 5 was adopted unanimously. The session then closed.",
     ["Resolution No. 5 was adopted unanimously.", "The session then closed."]),
    ("The province has approx. 9 million inhabitants. Its economy is diversified.",
     ["The province has approx. 9 million inhabitants.", "Its economy is diversified."]),
    ("The ceremony starts at 10 a.m. The press is invited.",
     ["The ceremony starts at 10 a.m.", "The press is invited."]),
    ("The Ambassador held talks\nwith provincial officials. Both sides noted progress.",
     ["The Ambassador held talks\nwith provincial officials.", "Both sides noted progress."]),
    ("Trade with the OSCE area grew. Exports rose (mostly grain). Imports fell.",
     ["Trade with the OSCE area grew.", "Exports rose (mostly grain).", "Imports fell."]),
]

FR = [
    ("Le ministre a rencontré l'ambassadeur du Canada. Les parties ont discuté de la "
     "coopération.",
     ["Le ministre a rencontré l'ambassadeur du Canada.",
      "Les parties ont discuté de la coopération."]),
    ("M. Dupont a accueilli la délégation. Il a souligné la croissance des échanges.",
     ["M. Dupont a accueilli la délégation.", "Il a souligné la croissance des échanges."]),
    ("Mme Tremblay et M. Roy ont participé au forum. L'événement a réuni 300 participants.",
     ["Mme Tremblay et M. Roy ont participé au forum.",
      "L'événement a réuni 300 participants."]),
    ("Plusieurs entreprises, p. ex. Hydro-Québec, ont participé. La réunion a duré deux heures.",
     ["Plusieurs entreprises, p. ex. Hydro-Québec, ont participé.",
      "La réunion a duré deux heures."]),
    ("Le message de J.-C. Juncker a été lu. La séance a continué.",
     ["Le message de J.-C. Juncker a été lu.", "La séance a continué."]),
    ("La résolution n° 5 a été adoptée. La séance a été levée.",
     ["La résolution n° 5 a été adoptée.", "La séance a été levée."]),
    ("Les échanges ont augmenté de 3,7 % pour atteindre 2,5 milliards de dollars. C'est un record.",
     ["Les échanges ont augmenté de 3,7 % pour atteindre 2,5 milliards de dollars.",
      "C'est un record."]),
    ("Le point de presse a commencé le 06.12.2025 à 09:40:39. Il s'est tenu au ministère.",
     ["Le point de presse a commencé le 06.12.2025 à 09:40:39.", "Il s'est tenu au ministère."]),
    ("Les détails sont sur https://www.gov.kz/memleket/entities/mfa?lang=fr. Écrivez à "
     "presse@mfa.kz pour toute question.",
     ["Les détails sont sur https://www.gov.kz/memleket/entities/mfa?lang=fr.",
      "Écrivez à presse@mfa.kz pour toute question."]),
    ("L'ambassadeur a déclaré : « Nous sommes prêts à élargir la coopération.\u00a0» "
     "Le ministre a approuvé.",
     ["L'ambassadeur a déclaré : « Nous sommes prêts à élargir la coopération.\u00a0»",
      "Le ministre a approuvé."]),
    ("Pourquoi le Kazakhstan ? La réponse tient à sa position.",
     ["Pourquoi le Kazakhstan ?", "La réponse tient à sa position."]),
    ("Ils ont évoqué l'énergie, le transport, etc. Les parties poursuivront le dialogue.",
     ["Ils ont évoqué l'énergie, le transport, etc.", "Les parties poursuivront le dialogue."]),
    ("S.E. M. Martin a présenté ses lettres de créance. La cérémonie a eu lieu à Ottawa.",
     ["S.E. M. Martin a présenté ses lettres de créance.", "La cérémonie a eu lieu à Ottawa."]),
    ("L'ambassade est située au 150, av. Laurier. Elle est ouverte du lundi au vendredi.",
     ["L'ambassade est située au 150, av. Laurier.",
      "Elle est ouverte du lundi au vendredi."]),
    ("Les entretiens sont terminés. — Nous sommes satisfaits, a déclaré l'ambassadeur.",
     ["Les entretiens sont terminés.", "— Nous sommes satisfaits, a déclaré l'ambassadeur."]),
    ("La province compte env. 9 millions d'habitants. Son économie est diversifiée.",
     ["La province compte env. 9 millions d'habitants.", "Son économie est diversifiée."]),
    ("La visite a eu lieu le 18 nov. 2025 à Ottawa. Une déclaration a été adoptée.",
     ["La visite a eu lieu le 18 nov. 2025 à Ottawa.", "Une déclaration a été adoptée."]),
    ("MM. Martin et Roy ont signé l'accord. La cérémonie a été brève.",
     ["MM. Martin et Roy ont signé l'accord.", "La cérémonie a été brève."]),
    ("Les négociations ont duré des heures… Le document final a été approuvé.",
     ["Les négociations ont duré des heures…", "Le document final a été approuvé."]),
    ("L'ambassadeur a rencontré\nles responsables provinciaux. Les deux parties ont noté des "
     "progrès.",
     ["L'ambassadeur a rencontré\nles responsables provinciaux.",
      "Les deux parties ont noté des progrès."]),
]

GOLDEN = [("ru", *case) for case in RU] + [("kk", *case) for case in KK] + [
    ("en", *case) for case in EN
] + [("fr", *case) for case in FR]


@pytest.mark.parametrize("lang,text,expected", GOLDEN)
def test_golden(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


@pytest.mark.parametrize("cases", [RU, KK, EN, FR])
def test_at_least_fifteen_cases_per_language(cases: list) -> None:
    assert len(cases) >= 15


@pytest.mark.parametrize("lang", ["ru", "kk", "en", "fr"])
def test_empty_and_blank(lang: str) -> None:
    assert split_sentences("", lang) == []
    assert split_sentences(" \n\t\u00a0 ", lang) == []
    assert sentence_spans("", lang) == []


def test_unknown_language() -> None:
    with pytest.raises(UsageError):
        split_sentences("Text.", "de")
    with pytest.raises(UsageError):
        sentence_spans("", "xx")


def test_language_code_is_normalised() -> None:
    assert split_sentences("Первое. Второе.", " RU ") == ["Первое.", "Второе."]


def test_spans_point_into_the_text() -> None:
    text = "  Первое предложение.  Второе — тоже!\n"
    assert sentence_spans(text, "ru") == [(2, 21), (23, 37)]


def test_blank_line_always_ends_a_sentence() -> None:
    text = "Заголовок без точки\n\nпервый абзац со строчной буквы."
    assert split_sentences(text, "ru") == ["Заголовок без точки", "первый абзац со строчной буквы."]


def test_single_newline_is_whitespace() -> None:
    assert split_sentences("Строка один\nпродолжается здесь.", "ru") == [
        "Строка один\nпродолжается здесь."
    ]


def test_lowercase_abbreviation_at_start_makes_no_odd_sentence() -> None:
    text = "гг. Оттава и Монреаль приняли делегацию. Визит продлился два дня."
    assert split_sentences(text, "ru") == [
        "гг. Оттава и Монреаль приняли делегацию.",
        "Визит продлился два дня.",
    ]


def test_capitalised_lowercase_entry_matches() -> None:
    text = "См. Приложение 1 к соглашению."
    assert split_sentences(text, "ru") == [text]


def test_abbreviation_file_format() -> None:
    abbr = parse_abbreviations("# comment\nт. ч.\nи др :end  # trailing comment\nг :year\nMr\n\n")
    assert abbr.tag("т.ч") == ""
    assert abbr.tag("и др") == "end"
    assert abbr.tag("г") == "year"
    assert abbr.tag("Г") == "year"
    assert abbr.tag("Mr") == ""
    assert abbr.tag("MR") is None
    assert abbr.tag("РК") is None
    assert normalise_abbreviation("J.-C.") == "J.-C"
    with pytest.raises(ValueError):
        parse_abbreviations("т.д :bogus\n")


@pytest.mark.parametrize("lang", ["ru", "kk", "en", "fr"])
def test_packaged_lists_load(lang: str) -> None:
    abbr = abbreviations(lang)
    assert len(abbr.exact) >= 15
    assert all(key and not key.endswith(".") for key in abbr.exact)


def test_acronyms_are_not_listed() -> None:
    for lang, acronym in [("ru", "РК"), ("ru", "МИД"), ("ru", "ООН"), ("kk", "ҚР")]:
        assert abbreviations(lang).tag(acronym) is None


# --- the shared sample -------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_paragraphs() -> list[str]:
    if not SAMPLE.is_file():
        pytest.skip("shared sample not present")
    doc = read_release(SAMPLE, "ru")
    return [b.text for b in doc.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.NOTE)]


def _paragraph(paragraphs: list[str], start: str) -> str:
    found = [p for p in paragraphs if p.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def test_sample_sentence_counts(sample_paragraphs: list[str]) -> None:
    counts = [len(split_sentences(p, "ru")) for p in sample_paragraphs]
    assert counts == [2, 2, 1, 1, 2, 1, 3]


def test_sample_lieutenant_governor_paragraph(sample_paragraphs: list[str]) -> None:
    text = _paragraph(sample_paragraphs, "В ходе встречи с Лейтенант-губернатором")
    sentences = split_sentences(text, "ru")
    assert len(sentences) == 2
    assert sentences[1].startswith("М.Жаннотт ")
    assert sentences[0].endswith("сферах.")


def test_sample_dateline_paragraph(sample_paragraphs: list[str]) -> None:
    text = sample_paragraphs[0]
    assert text.startswith("По приглашению")
    sentences = split_sentences(text, "ru")
    assert len(sentences) == 2
    assert sentences[1].startswith("Программа визита")


def test_sample_dateline_line_as_a_whole() -> None:
    if not SAMPLE.is_file():
        pytest.skip("shared sample not present")
    line = SAMPLE.read_text(encoding="utf-8").split("\n")[2]
    assert line.startswith("гг. Квебек-Сити")
    sentences = split_sentences(line, "ru")
    assert len(sentences) == 2
    assert sentences[0].startswith("гг. Квебек-Сити, Монреаль, 3-4 декабря 2025 г. – По")


def test_sample_abbreviation_stays_inside(sample_paragraphs: list[str]) -> None:
    text = _paragraph(sample_paragraphs, "В частности")
    sentences = split_sentences(text, "ru")
    assert len(sentences) == 2
    assert sentences[1].endswith("в т.ч. в области ГМК, АПК, ИТ, энергетики и туризма.")


def test_sample_note(sample_paragraphs: list[str]) -> None:
    text = _paragraph(sample_paragraphs, "Справочно:")
    sentences = split_sentences(text, "ru")
    assert sentences[0].endswith("(более 9 млн человек).")
    assert sentences[1].endswith("ВВП.")


# --- properties --------------------------------------------------------------------------

HAZARDS = list("аБвГдЕжЗҚқӘәABcdxyz0123456789 .!?…»«\"”“„)(']:;,-–—\n\t\u00a0") + [
    "т.ч.", "г.", "гг.", "Mr.", "etc.", "J.-C.", "https://x.kz/a?b=1.", "06.12.2025", "РК.",
]
hazard_text = st.lists(st.sampled_from(HAZARDS), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=200), hazard_text)


@settings(max_examples=300, deadline=None)
@given(text=any_text, lang=st.sampled_from(["ru", "kk", "en", "fr"]))
def test_span_properties(text: str, lang: str) -> None:
    spans = sentence_spans(text, lang)
    sentences = split_sentences(text, lang)
    assert sentences == [text[s:e] for s, e in spans]
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert text[previous_end:start].strip() == ""
        previous_end = end
    assert text[previous_end:].strip() == ""
    if spans:
        stripped = text.strip()
        rebuilt = "".join(
            text[start:end] + (text[end : spans[i + 1][0]] if i + 1 < len(spans) else "")
            for i, (start, end) in enumerate(spans)
        )
        assert rebuilt == stripped
        assert all(gap for gap in (text[e:s] for (_, e), (s, _) in zip(spans, spans[1:])))
    else:
        assert text.strip() == ""


@settings(max_examples=200, deadline=None)
@given(text=st.text(), lang=st.sampled_from(["ru", "kk", "en", "fr"]))
def test_no_crash_on_arbitrary_unicode(text: str, lang: str) -> None:
    assert isinstance(split_sentences(text, lang), list)


LARGE_INPUTS = {
    "letters": lambda: "а" * 10_000_000,
    "words": lambda: "слово " * 1_700_000,
    "periods": lambda: "." * 2_000_000,
    "period-space": lambda: ". " * 1_000_000,
    "sentences": lambda: "Абв. " * 400_000,
    "closers": lambda: ".»" * 1_000_000,
    "nbsp": lambda: ". \u00a0" * 1_000_000,
    "spaces": lambda: " " * 2_000_000 + "x",
    "blank-lines": lambda: "\n \n" * 500_000,
    "years": lambda: "встреча за 2025 г. Астана " * 300_000,
    "initials": lambda: "К. " * 1_000_000,
}


@pytest.mark.parametrize("name", sorted(LARGE_INPUTS))
def test_linear_time_on_large_input(name: str) -> None:
    text = LARGE_INPUTS[name]()
    started = time.perf_counter()
    sentence_spans(text, "ru")
    assert time.perf_counter() - started < 5.0
