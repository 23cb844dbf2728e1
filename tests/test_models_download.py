"""`toolkit models download|verify|bundle` against a loopback HTTP server (127.0.0.1, in the test
process): the fixture packages, and every way a download goes wrong ending in one line, exit 2
and nothing installed."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MODEL_FILES
from loopback import Loopback, Route, serve_fixtures, start

from toolkit.cli import main
from toolkit.mt.download import DEFAULT_INDEX, download_packages
from toolkit.mt.fetch import FetchOptions
from toolkit.mt.lockfile import LOCK_NAME, read_lock
from toolkit.mt.packages import list_packages

RU_EN = next(p for p in MODEL_FILES if "ru_en" in p.name)
EN_FR = next(p for p in MODEL_FILES if "en_fr" in p.name)
FAST = ["--retries", "0", "--backoff", "0", "--timeout", "2", "-q"]


@pytest.fixture
def loop() -> Iterator[Loopback]:
    server = start()
    yield server
    server.close()


def index(loop: Loopback, entries: list[dict]) -> str:
    loop.routes["/index.json"] = Route(json.dumps(entries).encode())
    return loop.url("/index.json")


def entry(links: list[str], sha256: str | None = None, pair: tuple[str, str] = ("ru", "en"), **more) -> dict:
    item = {"from_code": pair[0], "to_code": pair[1], "package_version": "1.0", "links": links, **more}
    if sha256 is not None:
        item["sha256"] = sha256
    return item


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.out, out.err


def installed(models: Path) -> list[str]:
    """Everything in the models dir (hidden staging folders included)."""
    return sorted(p.name for p in models.iterdir()) if models.exists() else []


def assert_refused(code: int, err: str, models: Path, *needles: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2, err
    assert len(lines) == 1, lines
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert installed(models) == [], installed(models)
    return lines[0]


def test_default_index_is_argos_own() -> None:
    from argostranslate import settings

    assert settings.remote_package_index == DEFAULT_INDEX


def test_download_installs_records_and_verifies(loop: Loopback, tmp_path: Path, capsys) -> None:
    url = serve_fixtures(loop, [RU_EN, EN_FR])
    models = tmp_path / "models"
    code, out, err = run(capsys, "models", "download", "ru", "en", "--index", url, "--models-dir", str(models), *FAST)
    assert code == 0, err
    assert "installed translate-ru_en-1_0 (ru->en, version 1.0)" in out
    assert installed(models) == [LOCK_NAME, "translate-ru_en-1_0"]
    lock = read_lock(models)["translate-ru_en-1_0"]
    assert lock.sha256 == sha(RU_EN.read_bytes()) and lock.size == RU_EN.stat().st_size
    assert lock.source == loop.url(f"/pkg/{RU_EN.name}")
    code, out, _ = run(capsys, "models", "verify", "--models-dir", str(models))
    assert code == 0 and "translate-ru_en-1_0: ok" in out


def test_pairs_and_index_from_env(loop: Loopback, tmp_path: Path, capsys, monkeypatch) -> None:
    url = serve_fixtures(loop, [RU_EN, EN_FR])
    monkeypatch.setenv("TOOLKIT_MODELS_INDEX", url)
    models = tmp_path / "models"
    code, _, err = run(capsys, "models", "download", "--pairs", "ru-en,en-fr", "--models-dir", str(models), *FAST)
    assert code == 0, err
    assert sorted(p.pair for p in list_packages(models, include_argos=False)) == ["en->fr", "ru->en"]


def test_index_file_on_disk(loop: Loopback, tmp_path: Path, capsys) -> None:
    serve_fixtures(loop, [RU_EN])
    index_file = tmp_path / "index.json"
    index_file.write_bytes(loop.routes["/index.json"].body)
    code, _, err = run(
        capsys, "models", "download", "ru", "en", "--index", str(index_file), "--models-dir", str(tmp_path / "m"), *FAST
    )
    assert code == 0, err


def test_404_on_first_link_falls_back_to_second(loop: Loopback, tmp_path: Path, capsys) -> None:
    data = RU_EN.read_bytes()
    loop.routes["/b.argosmodel"] = Route(data)
    url = index(loop, [entry([loop.url("/a.argosmodel"), loop.url("/b.argosmodel")], sha(data))])
    models = tmp_path / "models"
    code, _out, err = run(capsys, "models", "download", "ru", "en", "--index", url, "--models-dir", str(models), *FAST)
    assert code == 0, err
    assert err.strip() == f"warning: {loop.url('/a.argosmodel')}: HTTP 404 Not Found"
    assert loop.hits == ["/index.json", "/a.argosmodel", "/b.argosmodel"]
    assert "translate-ru_en-1_0" in installed(models)


def test_retries_a_body_cut_short_then_gives_up(loop: Loopback, tmp_path: Path, capsys) -> None:
    loop.routes["/a.argosmodel"] = Route(RU_EN.read_bytes(), cut=True)
    url = index(loop, [entry([loop.url("/a.argosmodel")])])
    models = tmp_path / "models"
    code, _, err = run(
        capsys,
        "models",
        "download",
        "ru",
        "en",
        "--index",
        url,
        "--models-dir",
        str(models),
        "--retries",
        "2",
        "--backoff",
        "0",
        "-q",
    )
    lines = err.splitlines()
    assert code == 2 and len(lines) == 3, lines  # two warnings (try 1, 2 of 3), then the error
    assert "(try 1 of 3)" in lines[0] and "(try 2 of 3)" in lines[1]
    assert lines[2].startswith(
        f"toolkit: error: {loop.url('/a.argosmodel')}: cannot download the ru->en package: body cut short"
    )
    assert loop.hits.count("/a.argosmodel") == 3
    assert installed(models) == []


def test_the_retry_that_succeeds(loop: Loopback, tmp_path: Path) -> None:
    data = RU_EN.read_bytes()
    loop.routes["/a.argosmodel"] = Route(data, status=503)
    url = index(loop, [entry([loop.url("/a.argosmodel")], sha(data))])
    warnings: list[str] = []

    def heal(message: str) -> None:  # the server recovers after the first failure
        warnings.append(message)
        loop.routes["/a.argosmodel"] = Route(data)

    options = FetchOptions(timeout=2, retries=1, backoff=0)
    packages = download_packages([("ru", "en")], tmp_path / "m", url, options, warn=heal)
    assert [p.pair for p in packages] == ["ru->en"] and "HTTP 503" in warnings[0]


def bad_package(tmp_path: Path) -> bytes:
    """The ru->en fixture with one more member, `../evil.txt` inside its folder."""
    path = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(RU_EN) as src, zipfile.ZipFile(path, "w") as dst:
        top = src.namelist()[0].split("/")[0]
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(f"{top}/../evil.txt", b"x")
    return path.read_bytes()


@pytest.mark.parametrize(
    "case, needles",
    [
        ("cut", ["body cut short"]),
        ("checksum", ["sha256", "differs from the index's"]),
        ("dotdot", ["refused", "'..' is refused"]),
        ("stall", ["timed out after 0.5 s"]),
        ("trickle", ["too slow:", "KiB/s on average, below 16 KiB/s"]),
        ("redirect-loop", ["redirect"]),
        ("too-big", ["1,092,470 bytes announced, more than the 1,000 bytes allowed"]),
        ("too-big-unannounced", ["more than the 1,000 bytes allowed"]),
        ("not-a-zip", ["not a zip archive"]),
        ("wrong-pair", ["is a ru->en package"]),
    ],
)
def test_a_bad_download_is_one_line_and_installs_nothing(
    case: str, needles: list[str], loop: Loopback, tmp_path: Path, capsys
) -> None:
    data = RU_EN.read_bytes()
    link, extra, pair = loop.url("/p.argosmodel"), {}, ("ru", "en")
    if case == "cut":
        loop.routes["/p.argosmodel"] = Route(data, cut=True)
    elif case == "checksum":
        loop.routes["/p.argosmodel"] = Route(data)
        extra = {"sha256": "0" * 64}
    elif case == "dotdot":
        loop.routes["/p.argosmodel"] = Route(bad_package(tmp_path))
    elif case == "stall":
        loop.routes["/p.argosmodel"] = Route(data, stall=3)
    elif case == "trickle":  # 2 KB/s: every read comes in time, the whole never would
        loop.routes["/p.argosmodel"] = Route(data, trickle=0.05)
    elif case == "redirect-loop":
        loop.routes["/p.argosmodel"] = Route(status=302, location=loop.url("/q.argosmodel"))
        loop.routes["/q.argosmodel"] = Route(status=302, location=loop.url("/p.argosmodel"))
    elif case == "too-big":
        loop.routes["/p.argosmodel"] = Route(data)
        extra = {"size": 1000}
    elif case == "too-big-unannounced":  # no Content-Length: the cap stops the stream
        loop.routes["/p.argosmodel"] = Route(data, length=False)
        extra = {"size": 1000}
    elif case == "not-a-zip":
        loop.routes["/p.argosmodel"] = Route(b"<html>not found</html>")
    elif case == "wrong-pair":
        loop.routes["/p.argosmodel"] = Route(data)
        pair = ("en", "fr")
    url = index(loop, [entry([link], pair=pair, **extra)])
    models = tmp_path / "models"
    code, _, err = run(
        capsys,
        "models",
        "download",
        *pair,
        "--index",
        url,
        "--models-dir",
        str(models),
        "--timeout",
        "0.5",
        "--retries",
        "0",
        "-q",
    )
    line = assert_refused(code, err, models, *needles)
    assert line.startswith("toolkit: error: http://127.0.0.1:"), line


@pytest.mark.parametrize(
    "body, needle",
    [
        (b"<html>", "the index is not JSON"),
        (b'{"from_code": "ru"}', "not a JSON list"),
        (b'[{"from_code": "ru", "to_code": "en", "links": "http://x"}]', "links is not a list"),
        (b'[{"from_code": "ru", "to_code": "en", "links": [], "sha256": "abc"}]', "sha256 is not 64 hex"),
        (b'[{"from_code": "en", "to_code": "fr", "links": []}]', "the index has no ru->en package"),
        (b"\xff\xfe[]", "not UTF-8"),
    ],
)
def test_a_bad_index_is_one_line_naming_it(body: bytes, needle: str, loop: Loopback, tmp_path: Path, capsys) -> None:
    loop.routes["/index.json"] = Route(body)
    models = tmp_path / "models"
    code, _, err = run(
        capsys, "models", "download", "ru", "en", "--index", loop.url("/index.json"), "--models-dir", str(models), *FAST
    )
    assert_refused(code, err, models, needle, loop.url("/index.json"))


def test_an_index_that_is_not_there(loop: Loopback, tmp_path: Path, capsys) -> None:
    models = tmp_path / "models"
    code, _, err = run(
        capsys, "models", "download", "ru", "en", "--index", loop.url("/none.json"), "--models-dir", str(models), *FAST
    )
    assert_refused(code, err, models, "cannot fetch the package index: HTTP 404", "/none.json")
    code, _, err = run(
        capsys,
        "models",
        "download",
        "ru",
        "en",
        "--index",
        str(tmp_path / "no.json"),
        "--models-dir",
        str(models),
        *FAST,
    )
    assert_refused(code, err, models, "no.json", "not found")


def test_one_bad_pair_installs_none_of_them(loop: Loopback, tmp_path: Path, capsys) -> None:
    url = serve_fixtures(loop, [RU_EN, EN_FR])
    loop.routes[f"/pkg/{EN_FR.name}"] = Route(EN_FR.read_bytes(), cut=True)
    models = tmp_path / "models"
    code, _, err = run(
        capsys, "models", "download", "--pairs", "ru-en,en-fr", "--index", url, "--models-dir", str(models), *FAST
    )
    assert_refused(code, err, models, "en->fr", "body cut short")


def test_ctrl_c_leaves_nothing(loop: Loopback, tmp_path: Path) -> None:
    url = serve_fixtures(loop, [RU_EN, EN_FR])
    models = tmp_path / "models"

    def bars(description: str, total: int | None):
        def update(done: int, size: int | None) -> None:
            if description.startswith("en->fr") and done > 100_000:
                raise KeyboardInterrupt

        return update

    with pytest.raises(KeyboardInterrupt):
        download_packages([("ru", "en"), ("en", "fr")], models, url, FetchOptions(retries=0), progress=bars)
    assert installed(models) == []


def test_trust_on_first_use(loop: Loopback, tmp_path: Path, capsys) -> None:
    url = serve_fixtures(loop, [RU_EN], with_sha256=False)
    models = tmp_path / "models"
    args = ["models", "download", "ru", "en", "--index", url, "--models-dir", str(models), *FAST]
    assert run(capsys, *args)[0] == 0
    assert run(capsys, *args)[0] == 0  # the same bytes again: fine
    # the server now serves other bytes under the same version: a valid package, but not the one trusted
    other = tmp_path / "other.argosmodel"
    with zipfile.ZipFile(RU_EN) as src, zipfile.ZipFile(other, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data + b"\n" if info.filename.endswith("README.md") else data)
        dst.writestr(f"{src.namelist()[0].split('/')[0]}/extra.txt", b"changed")
    loop.routes[f"/pkg/{RU_EN.name}"] = Route(other.read_bytes())
    before = read_lock(models)
    tree = sorted(p.name for p in (models / "translate-ru_en-1_0").rglob("*"))
    code, _, err = run(capsys, *args)
    assert code == 2 and "recorded in the lock file when translate-ru_en-1_0 1.0 was first installed" in err
    assert len(err.splitlines()) == 1
    assert read_lock(models) == before
    assert sorted(p.name for p in (models / "translate-ru_en-1_0").rglob("*")) == tree
    assert not [p for p in models.iterdir() if p.name.startswith(".")]


def test_verify_reports_a_tampered_or_missing_package(tmp_path: Path, capsys) -> None:
    models = tmp_path / "models"
    for package in (RU_EN, EN_FR):
        assert run(capsys, "models", "install", str(package), "--models-dir", str(models))[0] == 0
    (models / "translate-ru_en-1_0" / "sentencepiece.model").write_bytes(b"tampered")
    code, out, err = run(capsys, "models", "verify", "--models-dir", str(models))
    assert code == 1 and "translate-ru_en-1_0: MODIFIED" in out and "translate-en_fr-1_0: ok" in out
    assert "1 of 2 packages fail verification" in err
    import shutil

    shutil.rmtree(models / "translate-en_fr-1_0")
    code, out, _ = run(capsys, "models", "verify", "--models-dir", str(models))
    assert code == 1 and "translate-en_fr-1_0: MISSING" in out
    (models / LOCK_NAME).write_text("{broken")
    code, _, err = run(capsys, "models", "verify", "--models-dir", str(models))
    assert code == 2 and LOCK_NAME in err and len(err.splitlines()) == 1


def test_remove_forgets_the_lock_entry(tmp_path: Path, capsys) -> None:
    models = tmp_path / "models"
    run(capsys, "models", "install", str(RU_EN), "--models-dir", str(models))
    assert "translate-ru_en-1_0" in read_lock(models)
    assert run(capsys, "models", "remove", "translate-ru_en-1_0", "--models-dir", str(models))[0] == 0
    assert read_lock(models) == {}


def test_bundle_carries_models_to_another_machine(tmp_path: Path, capsys) -> None:
    models, other = tmp_path / "models", tmp_path / "other"
    for package in (RU_EN, EN_FR):
        run(capsys, "models", "install", str(package), "--models-dir", str(models))
    bundle = tmp_path / "models.tar"
    code, out, err = run(capsys, "models", "bundle", "--out", str(bundle), "--models-dir", str(models))
    assert code == 0 and "bundled 2 packages" in out, err
    code, out, err = run(capsys, "models", "install", str(bundle), "--models-dir", str(other))
    assert code == 0, err
    assert sorted(p.pair for p in list_packages(other, include_argos=False)) == ["en->fr", "ru->en"]
    assert read_lock(other) == read_lock(models)  # provenance carried over
    assert run(capsys, "models", "verify", "--models-dir", str(other))[0] == 0
    # a tampered package is not bundled
    (models / "translate-ru_en-1_0" / "sentencepiece.model").write_bytes(b"tampered")
    code, _, err = run(capsys, "models", "bundle", "--out", str(tmp_path / "b2.tar"), "--models-dir", str(models))
    assert code == 2 and "differs from the lock file" in err and not (tmp_path / "b2.tar").exists()


def tar_with(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    with tarfile.open(path, "w") as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def member(
    name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE, link: str = ""
) -> tuple[tarfile.TarInfo, bytes | None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname, info.size = kind, link, len(data) if kind == tarfile.REGTYPE else 0
    return info, data if kind == tarfile.REGTYPE else None


@pytest.fixture
def good_bundle(tmp_path: Path, capsys) -> tuple[Path, bytes, bytes]:
    models = tmp_path / "src"
    run(capsys, "models", "install", str(RU_EN), "--models-dir", str(models))
    bundle = tmp_path / "good.tar"
    run(capsys, "models", "bundle", "--out", str(bundle), "--models-dir", str(models))
    with tarfile.open(bundle) as tar:
        archive = tar.extractfile("translate-ru_en-1_0.argosmodel").read()  # type: ignore[union-attr]
        lock = tar.extractfile(LOCK_NAME).read()  # type: ignore[union-attr]
    return bundle, archive, lock


@pytest.mark.parametrize(
    "case, needle",
    [
        ("dotdot", "unsafe or nested path '../x.argosmodel'"),
        ("absolute", "unsafe or nested path '/tmp/x.argosmodel'"),
        ("symlink", "is not a regular file"),
        ("hardlink", "is not a regular file"),
        ("other-file", "unexpected member 'run.sh'"),
        ("no-lock", "no models.lock.json"),
        ("tampered", "its files differ from the bundle's models.lock.json"),
        ("not-tar", "not a readable tar file"),
    ],
)
def test_a_bad_bundle_installs_nothing(case: str, needle: str, good_bundle, tmp_path: Path, capsys) -> None:
    _, archive, lock = good_bundle
    name = "translate-ru_en-1_0.argosmodel"
    base = [member(name, archive), member(LOCK_NAME, lock)]
    bundle = tmp_path / f"{case}.tar"
    if case == "dotdot":
        tar_with(bundle, [*base, member("../x.argosmodel", archive)])
    elif case == "absolute":
        tar_with(bundle, [*base, member("/tmp/x.argosmodel", archive)])
    elif case == "symlink":
        tar_with(bundle, [*base, member("y.argosmodel", kind=tarfile.SYMTYPE, link="/etc/passwd")])
    elif case == "hardlink":
        tar_with(bundle, [*base, member("y.argosmodel", kind=tarfile.LNKTYPE, link=name)])
    elif case == "other-file":
        tar_with(bundle, [*base, member("run.sh", b"rm -rf /")])
    elif case == "no-lock":
        tar_with(bundle, base[:1])
    elif case == "tampered":
        with zipfile.ZipFile(io.BytesIO(archive)) as src:
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as dst:
                for info in src.infolist():
                    data = src.read(info)
                    dst.writestr(info, b"tampered" if info.filename.endswith("sentencepiece.model") else data)
        tar_with(bundle, [member(name, out.getvalue()), member(LOCK_NAME, lock)])
    elif case == "not-tar":
        bundle.write_bytes(archive[:5000])
    models = tmp_path / "models"
    code, _, err = run(capsys, "models", "install", str(bundle), "--models-dir", str(models))
    assert_refused(code, err, models, needle, bundle.name)


def test_a_body_without_content_length(loop: Loopback, tmp_path: Path) -> None:
    data = RU_EN.read_bytes()
    loop.routes["/p.argosmodel"] = Route(data, length=False)
    url = index(loop, [entry([loop.url("/p.argosmodel")], sha(data), size=len(data))])
    seen: list[tuple[int, int | None]] = []

    def bars(description: str, total: int | None):
        return lambda done, size: seen.append((done, size))

    packages = download_packages([("ru", "en")], tmp_path / "m", url, FetchOptions(retries=0), progress=bars)
    assert [p.pair for p in packages] == ["ru->en"]
    assert seen[-1] == (len(data), len(data))  # the index's size stands in for the missing header
