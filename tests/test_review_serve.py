"""`toolkit review serve`: the JSON API, the plain-form pages and the security rules, through
Starlette's TestClient on a bundle translated from the example release."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import toolkit, translate_example
from starlette.testclient import TestClient

from toolkit.formats.bundle import new_po, read_bundle_po
from toolkit.formats.tmx import read_tmx
from toolkit.memory.exchange import import_into
from toolkit.review.apply import apply_review
from toolkit.review.serve.app import create_app
from toolkit.review.serve.run import open_bundle
from toolkit.review.serve.store import BundleStore, Conflict, entry_version
from toolkit.review.write import write_bundle

ROOT = Path(__file__).resolve().parents[1]
BASE = "http://127.0.0.1:8765"
TOKEN = "test-token"
KAZAKH = "Қазақстан Елшісі Онтарио басшылығымен және Торонто іскер топтарымен келіссөздер жүргізді."


@pytest.fixture(scope="session")
def made_bundle(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("serve") / "review"
    write_bundle(translate_example(models_dir), folder)
    return folder


@pytest.fixture
def bundle(made_bundle: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "review"
    shutil.copytree(made_bundle, folder)
    return folder


def client_for(folder: Path, glossary: bool = True) -> TestClient:
    store, gl = open_bundle(folder, [ROOT / "glossaries"] if glossary else [])
    return TestClient(create_app(store, gl, token=TOKEN), base_url=BASE)


@pytest.fixture
def client(bundle: Path) -> TestClient:
    return client_for(bundle)


def segments(client: TestClient, lang: str = "kk") -> list[dict]:
    response = client.get(f"/api/documents/visit/{lang}/segments")
    assert response.status_code == 200
    return response.json()["segments"]


def put(client: TestClient, seg: dict, text: str, confirmed: bool = True, lang: str = "kk", **headers: str):
    return client.put(
        f"/api/documents/visit/{lang}/segments/{seg['id']}",
        json={"target": text, "confirmed": confirmed, "version": seg["version"]},
        headers={"X-CSRF-Token": TOKEN, **headers},
    )


def po_entry(folder: Path, seg_id: str, lang: str = "kk") -> polib.POEntry:
    return next(e for e in polib.pofile(str(folder / f"visit.{lang}.po")) if e.msgctxt == seg_id)


# --- the API --------------------------------------------------------------------------------


def test_documents_list_their_languages_and_progress(client: TestClient, bundle: Path) -> None:
    docs = client.get("/api/documents").json()["documents"]
    assert [d["id"] for d in docs] == ["visit"]
    assert docs[0]["langs"] == ["kk", "en", "fr"] and docs[0]["source_lang"] == "ru"
    kk = read_bundle_po(bundle / "visit.kk.po").entries
    assert docs[0]["progress"]["kk"] == {"confirmed": sum(e.confirmed for e in kk), "total": len(kk)}


def test_segments_carry_text_state_version_and_provenance(client: TestClient, bundle: Path) -> None:
    segs = segments(client)
    entries = read_bundle_po(bundle / "visit.kk.po").entries
    assert [s["id"] for s in segs] == [e.id for e in entries]
    first = segs[0]
    assert first["target"] == entries[0].target and first["confirmed"] is False
    assert first["version"] == entry_version(entries[0].target, entries[0].fuzzy)
    assert first["provenance"]["kind"] == "mt" and "ru->kk" in first["provenance"]["label"]
    assert {"text": "Посол", "equivalent": "Елші", "concept": "title.ambassador"} in first["provenance"]["terms"]
    assert any(s["provenance"]["kind"] == "memory" for s in segs)


def test_a_confirmed_save_goes_into_the_po_which_stays_valid_for_msgfmt_and_review_apply(
    client: TestClient, bundle: Path
) -> None:
    seg = segments(client)[0]
    response = put(client, seg, KAZAKH)
    assert response.status_code == 200, response.text
    saved = response.json()["segment"]
    assert saved["target"] == KAZAKH and saved["confirmed"] is True and saved["version"] != seg["version"]
    entry = po_entry(bundle, seg["id"])
    assert entry.msgstr == KAZAKH and "fuzzy" not in entry.flags
    assert entry.tcomment.startswith("mt argos")  # the provenance stays
    assert read_bundle_po(bundle / "visit.kk.po").entries[0].confirmed
    written = (bundle / "visit.kk.po").read_text(encoding="utf-8")
    assert written == str(polib.pofile(written, wrapwidth=0)) + "\n"  # exactly as polib writes the file
    assert not [p for p in bundle.iterdir() if p.name.endswith(".tmp")]
    if shutil.which("msgfmt"):
        check = subprocess.run(
            ["msgfmt", "--check", "-o", os.devnull, str(bundle / "visit.kk.po")], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stderr
    report = apply_review(bundle, None, None)
    assert KAZAKH in (bundle / "visit.kk.txt").read_text(encoding="utf-8")
    kk_unconfirmed = [u for u in report.unconfirmed if "visit.kk.po" in u]
    assert kk_unconfirmed and not any(u.endswith(f" {seg['id']}") for u in kk_unconfirmed)
    import_into([bundle / "visit.kk.po"], bundle.parent / "reviewed.tmx")
    memory = {unit.variants.get("kk") for unit in read_tmx(bundle.parent / "reviewed.tmx")}
    assert KAZAKH in memory


def test_saving_as_fuzzy_keeps_the_flag_and_an_empty_target_is_never_confirmed(
    client: TestClient, bundle: Path
) -> None:
    segs = segments(client)
    response = put(client, segs[0], KAZAKH, confirmed=False)
    assert response.status_code == 200 and response.json()["segment"]["confirmed"] is False
    assert "fuzzy" in po_entry(bundle, segs[0]["id"]).flags
    response = put(client, response.json()["segment"], "", confirmed=True)
    assert response.json()["segment"]["confirmed"] is False
    assert "untranslated" in {f["rule"] for f in response.json()["segment"]["findings"]}


def test_each_save_runs_the_checks_of_that_segment(client: TestClient) -> None:
    seg = segments(client)[0]
    bad = put(client, seg, "Елші келді, Казахстан.").json()["segment"]
    messages = [f["message"] for f in bad["findings"] if f["rule"] in ("term-missing", "term-forbidden", "kk-script")]
    assert any("Торонто" in m for m in messages), bad["findings"]
    assert any("Казахстан" in m for m in messages), bad["findings"]  # the forbidden Russian spelling
    good = put(client, bad, KAZAKH).json()["segment"]
    assert [f for f in good["findings"] if f["severity"] == "error"] == []
    assert segments(client)[0]["findings"] == good["findings"]  # the file's findings took them


def test_an_edit_based_on_an_outdated_version_is_refused_with_the_current_text(
    client: TestClient, bundle: Path
) -> None:
    seg = segments(client)[0]
    assert put(client, seg, KAZAKH).status_code == 200
    stale = put(client, seg, "басқа мәтін")  # the same version as the first save was based on
    assert stale.status_code == 409
    assert stale.json()["current"]["target"] == KAZAKH and stale.json()["current"]["confirmed"] is True
    assert po_entry(bundle, seg["id"]).msgstr == KAZAKH


def test_two_tabs_editing_the_same_bundle_lose_nothing(bundle: Path) -> None:
    tab1, tab2 = client_for(bundle), client_for(bundle)  # two servers' worth of state on one bundle
    s1, s2 = segments(tab1), segments(tab2)
    assert put(tab1, s1[0], KAZAKH).status_code == 200
    assert put(tab2, s2[1], "Екінші сөйлем.").status_code == 200  # another segment: no conflict
    assert put(tab2, s2[0], "жоғалмасын").status_code == 409  # tab 2 had the old version of segment 0
    assert po_entry(bundle, s1[0]["id"]).msgstr == KAZAKH
    assert po_entry(bundle, s1[1]["id"]).msgstr == "Екінші сөйлем."


def test_the_store_refuses_a_stale_version_after_an_edit_on_disk(bundle: Path) -> None:
    store = BundleStore(bundle)
    entry = store.entry("visit", "kk", "visit.b00.s00")
    po = polib.pofile(str(bundle / "visit.kk.po"), wrapwidth=0)
    po[0].msgstr = "edited in Poedit"
    po.save(str(bundle / "visit.kk.po"))
    with pytest.raises(Conflict) as caught:
        store.save("visit", "kk", entry.id, KAZAKH, True, entry_version(entry.target, entry.fuzzy))
    assert caught.value.current.target == "edited in Poedit"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"target": "x", "confirmed": True}, 400),
        ({"target": 3, "confirmed": True, "version": "v"}, 400),
        ({"target": "x", "confirmed": "yes", "version": "v"}, 400),
    ],
)
def test_a_malformed_save_is_refused(client: TestClient, body: dict, status: int) -> None:
    seg = segments(client)[0]
    response = client.put(f"/api/documents/visit/kk/segments/{seg['id']}", json=body, headers={"X-CSRF-Token": TOKEN})
    assert response.status_code == status


@pytest.mark.parametrize("text", ["a\x00b", "a\x1bb", "a\x7f"])
def test_control_characters_a_po_cannot_hold_are_refused(client: TestClient, bundle: Path, text: str) -> None:
    seg = segments(client)[0]
    before = (bundle / "visit.kk.po").read_bytes()
    response = put(client, seg, text)
    assert response.status_code == 400 and "control character" in response.json()["error"]
    assert (bundle / "visit.kk.po").read_bytes() == before
    assert put(client, seg, "қатар\tтабпен\r\nжаңа жол").status_code == 200  # tab and line breaks are text
    assert po_entry(bundle, seg["id"]).msgstr == "қатар\tтабпен\nжаңа жол"


def test_unknown_documents_languages_and_segments_are_404(client: TestClient) -> None:
    seg = {"id": "visit.b99.s99", "version": "x"}
    assert put(client, seg, "x").status_code == 404
    assert client.get("/api/documents/nope/kk/segments").status_code == 404
    assert client.get("/api/documents/visit/de/segments").status_code == 404
    assert client.get("/doc/nope").status_code == 404


# --- the page -------------------------------------------------------------------------------


def test_the_page_shows_every_language_terms_with_equivalents_and_progress(client: TestClient) -> None:
    page = client.get("/doc/visit")
    assert page.status_code == 200
    text = page.text
    for lang in ("Kazakh (kk)", "English (en)", "French (fr)", "Russian (ru)"):
        assert lang in text
    assert re.search(r'<mark class="term" title="title.ambassador — kk: Елші · en: Ambassador[^"]*">Посол</mark>', text)
    assert "(not: Казахстан)" in text  # a forbidden variant in the hover
    assert re.search(r"<b class=\"count\">\d+</b>/\d+ confirmed", text)
    assert text.count('<form method="post" action="/doc/visit/save"') == 3 * len(segments(client))


def test_the_filters_show_unconfirmed_or_one_language(client: TestClient) -> None:
    segs = segments(client)
    put(client, segs[0], KAZAKH)
    for lang in ("en", "fr"):
        put(client, segments(client, lang)[0], "Confirmed.", lang=lang)
    unconfirmed = client.get("/doc/visit?filter=unconfirmed").text
    assert 'id="row-visit.b00.s00"' not in unconfirmed and f'id="row-{segs[1]["id"]}"' in unconfirmed
    with_findings = client.get("/doc/visit?filter=findings&lang=kk").text
    flagged = [s["id"] for s in segments(client) if s["findings"]]
    assert flagged and with_findings.count('<tr id="row-') == len(flagged)
    only_kk = client.get("/doc/visit?lang=kk").text
    assert 'data-lang="kk"' in only_kk and 'class="cell fuzzy" data-lang="en"' not in only_kk


def test_a_plain_form_saves_without_javascript_and_goes_to_the_next_unconfirmed(
    client: TestClient, bundle: Path
) -> None:
    segs = segments(client)
    form = {"csrf": TOKEN, "lang": "kk", "id": segs[0]["id"], "version": segs[0]["version"], "text": KAZAKH}
    response = client.post("/doc/visit/save", data={**form, "action": "confirm"}, follow_redirects=False)
    assert response.status_code == 303
    following = next(s["id"] for s in segs[1:] if not s["confirmed"])
    assert response.headers["location"].endswith(f"#s-kk-{following}")
    assert po_entry(bundle, segs[0]["id"]).msgstr == KAZAKH
    conflict = client.post("/doc/visit/save", data={**form, "text": "басқа"}, follow_redirects=False)
    assert conflict.status_code == 409
    assert KAZAKH in conflict.text and "басқа" in conflict.text  # theirs and mine, nothing lost


def hostile_bundle(folder: Path) -> Path:
    """A bundle whose segment holds markup and inline codes."""
    po = new_po("evil", "ru", "kk")
    po.append(
        polib.POEntry(
            msgctxt="evil.b01.s01",
            msgid="Текст <script>alert(1)</script> и <1>жирный</1><2/>",
            msgstr='<img src=x onerror="alert(2)">',
            tcomment="mt <b>model</b>",
            flags=["fuzzy"],
        )
    )
    folder.mkdir()
    (folder / "evil.kk.po").write_text(str(po) + "\n", encoding="utf-8")
    return folder


def test_every_text_is_escaped_and_codes_show_as_text_chips(tmp_path: Path) -> None:
    client = client_for(hostile_bundle(tmp_path / "evil"), glossary=False)
    page = client.get("/doc/evil").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "<b>model" not in page
    assert '<span class="code">&lt;1&gt;</span>жирный<span class="code">&lt;/1&gt;</span>' in page
    assert '<span class="code">&lt;2/&gt;</span>' in page
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script src="/static/review.js" defer>']  # no inline script


# --- security -------------------------------------------------------------------------------


def test_every_response_has_a_csp_without_inline_scripts(client: TestClient) -> None:
    for path in ("/", "/doc/visit", "/api/documents", "/static/review.js", "/static/review.css"):
        response = client.get(path)
        assert response.status_code == 200, path
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "attacker.test", ""])
def test_a_foreign_host_header_is_refused(client: TestClient, bundle: Path, host: str) -> None:
    seg = segments(client)[0]
    before = (bundle / "visit.kk.po").read_bytes()
    assert client.get("/doc/visit", headers={"Host": host}).status_code == 421
    assert put(client, seg, "x", Host=host).status_code == 421
    assert (bundle / "visit.kk.po").read_bytes() == before
    assert client.get("/api/documents", headers={"Host": "localhost:8765"}).status_code == 200


def test_a_state_change_needs_the_csrf_token(client: TestClient, bundle: Path) -> None:
    seg = segments(client)[0]
    before = (bundle / "visit.kk.po").read_bytes()
    for headers in ({}, {"X-CSRF-Token": "wrong"}):
        response = client.put(
            f"/api/documents/visit/kk/segments/{seg['id']}",
            json={"target": "x", "confirmed": True, "version": seg["version"]},
            headers=headers,
        )
        assert response.status_code == 403
    form = {"lang": "kk", "id": seg["id"], "version": seg["version"], "text": "x", "action": "confirm"}
    assert client.post("/doc/visit/save", data=form).status_code == 403
    assert client.post("/doc/visit/save", data={**form, "csrf": "wrong"}).status_code == 403
    assert (bundle / "visit.kk.po").read_bytes() == before
    page = client.get("/doc/visit").text
    assert f'<meta name="csrf-token" content="{TOKEN}">' in page and f'name="csrf" value="{TOKEN}"' in page


def test_a_form_post_is_not_json_and_a_put_must_be(client: TestClient) -> None:
    seg = segments(client)[0]
    response = client.put(
        f"/api/documents/visit/kk/segments/{seg['id']}",
        content=b"target=x",
        headers={"X-CSRF-Token": TOKEN, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 415


def test_the_request_body_is_capped(client: TestClient, bundle: Path) -> None:
    seg = segments(client)[0]
    before = (bundle / "visit.kk.po").read_bytes()
    assert put(client, seg, "ә" * 200_000).status_code == 413
    form = {"csrf": TOKEN, "lang": "kk", "id": seg["id"], "version": seg["version"], "text": "x" * 300_000}
    assert client.post("/doc/visit/save", data=form).status_code == 413
    assert (bundle / "visit.kk.po").read_bytes() == before


@pytest.mark.parametrize(
    "path",
    [
        "/api/documents/..%2F..%2Fetc%2Fpasswd/kk/segments",
        "/api/documents/%2Fetc%2Fpasswd/kk/segments",
        "/doc/..%2Fvisit",
        "/static/..%2F..%2F__init__.py",
        "/static/%2Fetc%2Fpasswd",
        "/static/templates",
    ],
)
def test_no_path_outside_the_bundle_or_the_assets_is_read(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "import" not in response.text


def test_a_link_out_of_the_bundle_is_neither_read_nor_written(bundle: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(bundle / "visit.kk.po", outside / "other.kk.po")
    (bundle / "other.kk.po").symlink_to(outside / "other.kk.po")
    store = BundleStore(bundle)
    assert "other" not in store.files and store.skipped == [bundle / "other.kk.po"]
    client = TestClient(create_app(store, None, token=TOKEN), base_url=BASE)
    assert client.get("/api/documents/other/kk/segments").status_code == 404
    # a PO file swapped for a link out of the bundle while the server runs
    seg = segments(client)[0]
    (bundle / "visit.kk.po").unlink()
    (bundle / "visit.kk.po").symlink_to(outside / "other.kk.po")
    before = (outside / "other.kk.po").read_bytes()
    assert put(client, seg, "x").status_code == 404
    assert client.get("/api/documents/visit/kk/segments").status_code == 404
    assert (outside / "other.kk.po").read_bytes() == before


# --- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["missing", "empty", "file", "corrupt"])
def test_a_bad_bundle_is_one_line_and_exit_2(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "review"
    if kind == "empty":
        folder.mkdir()
    elif kind == "file":
        folder.write_text("x", encoding="utf-8")
    elif kind == "corrupt":
        folder.mkdir()
        (folder / "visit.kk.po").write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    result = toolkit("review", "serve", str(folder), "--port", "0")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(folder) in lines[0] and "Traceback" not in result.stderr


def test_a_port_in_use_is_one_line_and_exit_2(bundle: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = toolkit("review", "serve", str(bundle), "--port", str(port), "--glossary", str(ROOT / "glossaries"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and f"127.0.0.1:{port}" in result.stderr


def test_a_fuzzy_memory_match_shows_the_memory_source_as_a_word_diff(tmp_path: Path) -> None:
    po = new_po("fz", "ru", "en")
    po.append(
        polib.POEntry(
            msgctxt="fz.b01.s00",
            msgid="Посол прибыл в Оттаву 18 ноября.",
            msgstr="The Ambassador arrived in Ottawa on 17 November.",
            previous_msgid="Посол прибыл в Торонто 17 ноября.",
            tcomment="tm fuzzy 82% memories/diplomatic.tmx",
            flags=["fuzzy"],
        )
    )
    folder = tmp_path / "fz"
    folder.mkdir()
    (folder / "fz.en.po").write_text(str(po) + "\n", encoding="utf-8")
    client = client_for(folder, glossary=False)
    seg = client.get("/api/documents/fz/en/segments").json()["segments"][0]
    assert seg["provenance"]["kind"] == "memory" and seg["provenance"]["score"] == 82
    assert seg["provenance"]["memory_source"] == "Посол прибыл в Торонто 17 ноября."
    changes = [(op, text) for op, text in seg["memory_diff"] if op != "same"]
    assert changes == [("del", "Торонто"), ("ins", "Оттаву"), ("del", "17"), ("ins", "18")]
    assert "<del>Торонто</del><ins>Оттаву</ins> <del>17</del><ins>18</ins>" in client.get("/doc/fz").text


def test_the_command_prints_its_address_serves_and_stops_on_ctrl_c(bundle: Path) -> None:
    import signal
    import socket
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    args = [sys.executable, str(ROOT / "cli.py"), "review", "serve", str(bundle), "--port", str(port)]
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first and "1 document(s), 3 PO file(s)" in first, first
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/doc/visit", timeout=5) as page:
                    assert "Kazakh (kk)" in page.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        child.send_signal(signal.SIGINT)
        child.wait(20)
        assert "Traceback" not in (child.stderr.read() if child.stderr else "")
    finally:
        if child.poll() is None:
            child.kill()


def test_another_host_than_this_machine_is_warned_about() -> None:
    from toolkit.review.serve.run import is_loopback
    from toolkit.review.serve.security import allowed_hosts

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert allowed_hosts("192.168.1.5", 8765) == {"192.168.1.5:8765"}


def test_saves_from_many_threads_and_two_stores_at_once_all_land(bundle: Path) -> None:
    import threading

    stores = [BundleStore(bundle), BundleStore(bundle)]
    entries = stores[0].read("visit", "kk").entries
    errors: list[BaseException] = []

    def save(k: int) -> None:
        entry = entries[k]
        try:
            stores[k % 2].save("visit", "kk", entry.id, f"мәтін {k}", True, entry_version(entry.target, entry.fuzzy))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(k,)) for k in range(len(entries))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    on_disk = read_bundle_po(bundle / "visit.kk.po").entries
    assert [e.target for e in on_disk] == [f"мәтін {k}" for k in range(len(entries))]
    assert all(e.confirmed for e in on_disk)
    written = (bundle / "visit.kk.po").read_text(encoding="utf-8")
    assert written == str(polib.pofile(written, wrapwidth=0)) + "\n"
