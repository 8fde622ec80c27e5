"""Fixtures for web tests (tests/serve, tests/review), registered once from tests/conftest.py so
that the session has one Chromium: a store with the reference corpus and a hostile document, a live
server (uvicorn in a thread on 127.0.0.1), and a headless Chromium driven by Playwright.

The corpus is ingested once a session into a SQLite file; each fixture that writes works on
a copy of that file, so tests do not see each other's uploads.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "karabakh"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DOCS = Path(__file__).resolve().parents[1] / "docs"

# Script-injection payloads a scraped page might carry, in text and in metadata.
SCRIPT_PAYLOAD = "<script>alert('xss-script')</script>"
IMG_PAYLOAD = "<img src=x onerror=alert('xss-img')>"
ATTR_PAYLOAD = "\" onmouseover=\"alert('xss-attr')"
HOSTILE_TEXT = f"""Ceasefire talks resume in Geneva {SCRIPT_PAYLOAD}

GENEVA, 14 March 2024 - Armenia and Azerbaijan signed a ceasefire agreement in Geneva on 12 March 2024 {IMG_PAYLOAD}, the foreign ministry said.
Russia said on 13 March 2024 that 40 observers {ATTR_PAYLOAD} would monitor the line of contact.
The parties agreed to meet again in April 2024.
"""


def hostile_files(folder: Path) -> Path:
    path = folder / "hostile-report.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    meta = {"title": f"Geneva talks {SCRIPT_PAYLOAD}", "publisher": f"Wire {IMG_PAYLOAD}", "published": "2024-03-14"}
    (folder / "hostile-report.txt.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def _ingest_into(db: Path, paths: list[Path]) -> Path:
    from accordwatch.batch import ingest
    from accordwatch.fuse import refresh
    from accordwatch.store import Store

    with Store.open(str(db)) as store:
        summary = ingest(store, [str(p) for p in paths])
        assert summary.failed == 0, summary.errors
        refresh(store)
    return db


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory) -> Path:
    """A closed SQLite store holding the five reference texts."""
    return _ingest_into(tmp_path_factory.mktemp("reference") / "reference.db", [EXAMPLES])


@pytest.fixture(scope="session")
def corpus_db(reference_db, tmp_path_factory) -> Path:
    """The reference texts and the hostile document."""
    folder = tmp_path_factory.mktemp("corpus")
    db = folder / "corpus.db"
    shutil.copyfile(reference_db, db)
    return _ingest_into(db, [hostile_files(folder)])


@contextmanager
def opened_copy(db: Path, folder: Path):
    from accordwatch.store import Store

    copy = folder / f"copy-{db.name}"
    shutil.copyfile(db, copy)
    with Store.open(str(copy)) as s:
        yield s


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app):
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageWatch:
    """Dialogs, console errors and page errors met while a page was open."""

    def __init__(self, page):
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.watch = PageWatch(pg)
    yield pg
    context.close()
