from pathlib import Path

import pytest

from toolkit.errors import InputError, UsageError
from toolkit.langs import check_lang, parse_targets, script_problem


def test_check_lang_normalises_and_lists_supported() -> None:
    assert check_lang(" RU ") == "ru"
    with pytest.raises(UsageError, match="supported: ru, kk, en, fr"):
        check_lang("de")


def test_parse_targets_rejects_source_and_dedupes() -> None:
    assert parse_targets("en,kk,en, fr", "ru") == ["en", "kk", "fr"]
    with pytest.raises(UsageError, match="equals the source"):
        parse_targets("en,ru", "ru")
    with pytest.raises(UsageError, match="empty language code"):
        parse_targets(" , ", "ru")
    with pytest.raises(UsageError, match="empty language code in 'en,,fr'"):
        parse_targets("en,,fr", "ru")
    with pytest.raises(UsageError, match="no target"):
        parse_targets("  ", "ru")


def test_a_release_in_the_wrong_script_is_refused() -> None:
    english = "The Ambassador of Kazakhstan met the Lieutenant Governor of Quebec in Quebec City today."
    assert "not Russian text" in script_problem(english, "ru")
    assert "not English text" in script_problem("Посол Казахстана встретился с Лейтенант-губернатором Квебека.", "en")
    assert script_problem("Посол Казахстана встретился с Лейтенант-губернатором (Lieutenant Governor).", "ru") == ""
    assert script_problem("Short", "ru") == ""


def test_error_string_names_file_and_line() -> None:
    assert str(InputError("bad row", Path("g.csv"), 7)) == "g.csv:7: bad row"
    assert str(InputError("missing", Path("x.txt"))) == "x.txt: missing"


def test_atomic_write_keeps_permissions(tmp_path: Path) -> None:
    import os
    import stat

    from toolkit.fsutil import atomic_write_text, default_mode

    new = tmp_path / "new.txt"
    atomic_write_text(new, "a")
    assert stat.S_IMODE(new.stat().st_mode) == default_mode()
    os.chmod(new, 0o640)
    atomic_write_text(new, "b")
    assert stat.S_IMODE(new.stat().st_mode) == 0o640 and new.read_text() == "b"
    assert [p.name for p in tmp_path.iterdir()] == ["new.txt"]
