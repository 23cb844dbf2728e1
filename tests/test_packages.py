"""Installing, validating and listing argos packages (real fixture packages and broken ones)."""

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import MODEL_FILES

from toolkit.errors import InputError, ToolkitError
from toolkit.mt.packages import install_package, list_packages, remove_package, validate_archive
from toolkit.mt.router import find_route

META = {
    "from_code": "ru",
    "to_code": "en",
    "package_version": "1.0",
    "type": "translate",
    "from_name": "Russian",
    "to_name": "English",
}


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def good_members(top: str = "pkg") -> dict[str, bytes]:
    return {
        f"{top}/metadata.json": json.dumps(META).encode(),
        f"{top}/model/model.bin": b"x",
        f"{top}/sentencepiece.model": b"x",
    }


def snapshot(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def test_fixture_packages_install_and_list(tmp_path: Path) -> None:
    for file in MODEL_FILES:
        installed = install_package(file, tmp_path)
        assert installed.path.parent == tmp_path and installed.origin == "toolkit"
    pairs = sorted(p.pair for p in list_packages(tmp_path, include_argos=False))
    assert pairs == ["en->fr", "en->kk", "en->ru", "fr->en", "kk->en", "ru->en"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_reinstall_replaces_and_remove(tmp_path: Path) -> None:
    first = install_package(MODEL_FILES[0], tmp_path)
    again = install_package(MODEL_FILES[0], tmp_path)
    assert first.path == again.path
    assert len(list_packages(tmp_path, include_argos=False)) == 1
    remove_package(first.name, tmp_path)
    assert list_packages(tmp_path, include_argos=False) == []
    with pytest.raises(ToolkitError, match="no package named"):
        remove_package("../etc", tmp_path)


@pytest.mark.parametrize(
    "members, message",
    [
        ({k: v for k, v in good_members().items() if "metadata" not in k}, "lacks pkg/metadata.json"),
        ({k: v for k, v in good_members().items() if "model.bin" not in k}, "lacks pkg/model/model.bin"),
        ({k: v for k, v in good_members().items() if "sentencepiece" not in k}, "sentencepiece.model"),
        ({**good_members(), "pkg/../../evil.txt": b"x"}, "'..' is refused"),
        ({**good_members(), "/etc/evil.txt": b"x"}, "absolute paths"),
        ({**good_members(), "other/file": b"x"}, "exactly one top-level folder"),
        ({**good_members(), "pkg/metadata.json": b"{not json"}, "not valid JSON"),
        ({**good_members(), "pkg/metadata.json": json.dumps({"to_code": "en"}).encode()}, "lacks from_code"),
        (
            {**good_members(), "pkg/metadata.json": json.dumps({**META, "type": "sbd"}).encode()},
            "not a translation package",
        ),
    ],
)
def test_bad_packages_rejected_and_models_dir_unchanged(tmp_path: Path, members, message) -> None:
    models = tmp_path / "models"
    install_package(MODEL_FILES[0], models)
    before = snapshot(models)
    archive = make_zip(tmp_path / "bad.argosmodel", members)
    with pytest.raises(InputError, match=message) as info:
        install_package(archive, models)
    assert info.value.path == str(archive)
    assert snapshot(models) == before
    assert not (tmp_path / "evil.txt").exists()


def test_not_a_zip_and_missing_file(tmp_path: Path) -> None:
    fake = tmp_path / "fake.argosmodel"
    fake.write_text("hello")
    with pytest.raises(InputError, match="not a zip"):
        validate_archive(fake)
    with pytest.raises(InputError, match="not found"):
        validate_archive(tmp_path / "absent.argosmodel")


def test_symlink_member_refused(tmp_path: Path) -> None:
    archive = tmp_path / "link.argosmodel"
    make_zip(archive, good_members())
    with zipfile.ZipFile(archive, "a") as zf:
        info = zipfile.ZipInfo("pkg/link")
        info.external_attr = 0o120777 << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(InputError, match="symbolic link"):
        validate_archive(archive)


def test_finds_packages_argostranslate_installed(tmp_path: Path) -> None:
    from toolkit.mt.packages import argos_package_dirs

    argos_dir = argos_package_dirs()[0]
    argos_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(MODEL_FILES[0]) as zf:
        zf.extractall(argos_dir)
    try:
        found = list_packages(tmp_path / "empty", include_argos=True)
        assert [p.origin for p in found] == ["argos"]
        assert list_packages(tmp_path / "empty", include_argos=False) == []
    finally:
        for child in argos_dir.iterdir():
            shutil.rmtree(child)


def test_routes_direct_and_pivot(models_dir: Path) -> None:
    packages = list_packages(models_dir, include_argos=False)
    direct = find_route(packages, "ru", "en")
    assert direct is not None and direct.label == "mt argos ru->en 1.0"
    pivot = find_route(packages, "ru", "fr")
    assert pivot is not None and [s.pair for s in pivot.steps] == ["ru->en", "en->fr"]
    assert pivot.label.startswith("mt argos ru->fr via en")
    assert find_route(packages, "fr", "ru") is not None
    assert find_route([p for p in packages if p.pair != "en->kk"], "ru", "kk") is None


@pytest.mark.parametrize(("code", "message"), [("english", "not a language code"), ("r u", "not a language code")])
def test_a_package_with_an_unknown_language_code_is_refused(tmp_path: Path, code: str, message: str) -> None:
    members = good_members()
    members["pkg/metadata.json"] = json.dumps({**META, "to_code": code}).encode()
    with pytest.raises(InputError, match=message):
        install_package(make_zip(tmp_path / "bad.argosmodel", members), tmp_path / "models")
    assert snapshot(tmp_path / "models") == []


def test_a_package_of_other_languages_installs_with_a_warning(tmp_path: Path, capsys) -> None:
    from toolkit.cli import main

    members = good_members()
    members["pkg/metadata.json"] = json.dumps({**META, "from_code": "de", "to_code": "es"}).encode()
    archive = make_zip(tmp_path / "de_es.argosmodel", members)
    assert main(["models", "install", str(archive), "--models-dir", str(tmp_path / "models")]) == 0
    assert "warning: de, es is not a language of the toolkit" in capsys.readouterr().err


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    members = good_members()
    members["pkg/model/model.bin"] = b"\0" * (64 << 20)  # 64 MiB of zeros deflate to ~64 KiB
    archive = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(InputError, match="zip bomb"):
        install_package(archive, tmp_path / "models")
    assert snapshot(tmp_path / "models") == []


def test_a_models_dir_that_is_a_file_is_named(tmp_path: Path, monkeypatch) -> None:
    from toolkit.errors import UsageError

    file = tmp_path / "models"
    file.write_text("not a folder", encoding="utf-8")
    with pytest.raises(UsageError, match=r"--models-dir .*is a file"):
        install_package(MODEL_FILES[0], file)
    monkeypatch.setenv("TOOLKIT_MODELS_DIR", str(file))
    with pytest.raises(UsageError, match=r"TOOLKIT_MODELS_DIR .*is a file"):
        list_packages(include_argos=False)
