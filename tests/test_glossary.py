from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.glossary.files import load_glossary

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str, name: str = "g.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_find_longest_match_case_insensitive_whole_words(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "id,domain,ru,kk,en,fr\n"
        "title.ambassador,title,Посол,Елші,Ambassador,Ambassadeur\n"
        "org.mfa-kz,ministry,МИД РК,ҚР СІМ,MFA of Kazakhstan,MAE du Kazakhstan\n"
        "org.mfa,ministry,МИД,СІМ,Ministry of Foreign Affairs,ministère des Affaires étrangères\n",
    )
    glossary = load_glossary([path])
    hits = glossary.find("Посол провел встречу в МИД РК, а посольство — нет.", "ru")
    assert [(h.concept.id, h.text) for h in hits] == [
        ("title.ambassador", "Посол"),
        ("org.mfa-kz", "МИД РК"),
    ]
    assert hits[1].equivalent("en") == "MFA of Kazakhstan"
    text = "Посол провел встречу в МИД РК"
    assert text[hits[1].start : hits[1].end] == "МИД РК"
    assert glossary.find("the ambassador met", "en")[0].concept.id == "title.ambassador"


def test_directory_loads_every_csv_and_project_glossary_is_valid() -> None:
    glossary = load_glossary([ROOT / "glossaries"])
    assert len(glossary.concepts) >= 80
    ids = [c.id for c in glossary.concepts]
    assert len(ids) == len(set(ids))
    for concept in glossary.concepts:
        assert set(concept.terms) == {"ru", "kk", "en", "fr"}, concept.origin


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("", 1, "empty glossary"),
        ("id,ru,en\n", 1, "lacks column"),
        ("id,domain,xx\n", 1, "no language column"),
        ("id,domain,ru,en\na,title,Посол\n", 2, "3 fields, header has 4"),
        ("id,domain,ru,en\na,title,Посол,Ambassador\na,title,Посол,Envoy\n", 3, "duplicate concept id"),
        ("id,domain,ru,en\n,title,Посол,Ambassador\n", 2, "empty id"),
        ('id,domain,ru,en\na,title,"Посол,Ambassador\n', 2, "malformed CSV"),
    ],
)
def test_bad_glossary_names_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError, match=message) as info:
        load_glossary([path])
    assert info.value.path == str(path)
    assert info.value.line == line


def test_undecodable_glossary(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes(b"id,domain,ru\nx,title,\xff\xfe\n")
    with pytest.raises(InputError, match="UTF-8") as info:
        load_glossary([path])
    assert info.value.line == 2


def test_missing_glossary_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="glossary not found"):
        load_glossary([tmp_path / "nope.csv"])
