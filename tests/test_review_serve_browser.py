"""`toolkit review serve` in a real browser: Playwright drives Debian's chromium
(/usr/bin/chromium; Playwright's own browser download is never used) against the server run by
uvicorn on a free local port. The screenshots are kept in tests/artifacts/ (not committed;
docs/review-serve.png is a copy for the README)."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from conftest import translate_example

from toolkit.review.serve.app import create_app
from toolkit.review.serve.run import open_bundle
from toolkit.review.write import write_bundle

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
KAZAKH = "Қазақстан Елшісі Онтарио басшылығымен және Торонто іскер топтарымен келіссөздер жүргізді."

if not CHROMIUM.exists():
    if os.environ.get("TOOLKIT_REQUIRE_BROWSER"):
        raise RuntimeError("the browser test must run in CI: /usr/bin/chromium is missing (apt-get install chromium)")
    pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(models_dir: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The example bundle served on 127.0.0.1:<free port>: (base URL, bundle folder)."""
    import uvicorn

    bundle = tmp_path / "review"
    write_bundle(translate_example(models_dir), bundle)
    store, glossary = open_bundle(bundle, [ROOT / "glossaries"])
    port = free_port()
    app = create_app(store, glossary, "127.0.0.1", port)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", bundle
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


def cell(page, lang: str, seg_id: str):
    return page.locator(f'td[id="s-{lang}-{seg_id}"]')


def kk_entry(bundle: Path, seg_id: str) -> polib.POEntry:
    return next(e for e in polib.pofile(str(bundle / "visit.kk.po")) if e.msgctxt == seg_id)


def test_type_kazakh_confirm_with_ctrl_enter_and_find_it_in_the_po(server, browser) -> None:
    base, bundle = server
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(f"{base}/doc/visit")
    first = cell(page, "kk", "visit.b00.s00")
    assert "fuzzy" in (first.get_attribute("class") or "").split()
    area = first.locator("textarea")
    assert area.evaluate("el => el === document.activeElement")  # focus starts on the first to confirm

    # glossary terms with their equivalents on hover
    term = page.locator("td.source mark.term").first
    assert term.inner_text() == "Посол" and "kk: Елші" in (term.get_attribute("title") or "")

    # Alt+C copies the source, Alt+R resets to the proposal
    proposal = area.input_value()
    area.press("Alt+c")
    assert area.input_value().startswith("Посол Казахстана")
    area.press("Alt+r")
    assert area.input_value() == proposal

    area.fill("")
    area.type(KAZAKH)
    area.press("Control+Enter")
    expect(page.locator("#status")).to_have_text(re.compile("^" + re.escape("saved visit.b00.s00 (kk)")))
    assert first.get_attribute("class") and "confirmed" in first.get_attribute("class")
    entry = kk_entry(bundle, "visit.b00.s00")
    assert entry.msgstr == KAZAKH and "fuzzy" not in entry.flags

    # the focus moved to the next unconfirmed Kazakh segment
    focused = page.evaluate("document.activeElement.closest('td.cell').id")
    assert focused.startswith("s-kk-") and focused != "s-kk-visit.b00.s00"
    assert "confirmed" not in (page.locator(f'td[id="{focused}"]').get_attribute("class") or "")
    count = page.locator('.progress[data-lang="kk"] .count').inner_text()
    assert int(count) == sum(1 for e in polib.pofile(str(bundle / "visit.kk.po")) if e.msgstr and not e.fuzzy)

    # a save re-runs the checks and shows the findings at once
    second_id = focused[len("s-kk-") :]
    second = page.locator(f'td[id="{focused}"]')
    second.locator("textarea").fill("Казахстан")
    second.locator("textarea").press("Control+s")
    expect(page.locator("#status")).to_have_text(re.compile("^" + re.escape(f"saved {second_id} (kk):")))
    assert second.locator("ul.findings li").count() > 0
    assert "fuzzy" in kk_entry(bundle, second_id).flags

    # Alt+Down / Alt+Up move between the segments of one language
    second.locator("textarea").press("Alt+ArrowUp")
    assert page.evaluate("document.activeElement.closest('td.cell').id") == "s-kk-visit.b00.s00"

    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "review-serve.png"))
    assert problems == []  # no script error, no CSP violation


def test_an_outdated_edit_in_another_tab_is_refused_and_the_current_text_shown(server, browser) -> None:
    base, bundle = server
    context = browser.new_context()
    tab1, tab2 = context.new_page(), context.new_page()
    tab1.goto(f"{base}/doc/visit?lang=kk")
    tab2.goto(f"{base}/doc/visit?lang=kk")
    area1 = cell(tab1, "kk", "visit.b00.s00").locator("textarea")
    area1.fill(KAZAKH)
    area1.press("Control+Enter")
    expect(tab1.locator("#status")).to_have_text(re.compile("^saved"))
    target2 = cell(tab2, "kk", "visit.b00.s00")
    target2.locator("textarea").fill("екінші қойынды")
    target2.locator("textarea").press("Control+Enter")
    expect(tab2.locator("#status")).to_have_text(re.compile("^not saved"))
    assert KAZAKH in target2.locator(".conflict").inner_text()
    assert kk_entry(bundle, "visit.b00.s00").msgstr == KAZAKH
    # saving again, knowingly, replaces it
    target2.locator("textarea").press("Control+Enter")
    expect(tab2.locator("#status")).to_have_text(re.compile("^saved"))
    assert kk_entry(bundle, "visit.b00.s00").msgstr == "екінші қойынды"


def test_reading_and_saving_work_without_javascript(server, browser) -> None:
    base, bundle = server
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(f"{base}/doc/visit?filter=unconfirmed&lang=kk")
    target = cell(page, "kk", "visit.b00.s00")
    target.locator("textarea").fill(KAZAKH)
    target.locator('button[value="confirm"]').click()
    page.wait_for_load_state()
    assert "filter=unconfirmed" in page.url and "#s-kk-visit.b" in page.url
    assert kk_entry(bundle, "visit.b00.s00").msgstr == KAZAKH
    assert cell(page, "kk", "visit.b00.s00").count() == 0  # confirmed: filtered out now
