"""A live sitrep server over the sample database, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from api.sample_db import build_sample_db

from sitrep.api import create_app
from sitrep.api.web import vendor_missing

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn in a thread on a free loopback port; stopped when the test session ends."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        print("\nbrowser tests skipped: /usr/bin/chromium is missing (`make test` installs Debian's chromium)")
        pytest.skip("/usr/bin/chromium is missing: `make test` installs Debian's chromium first")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: `make test` installs it (pip install playwright==1.65.2)")
    if vendor_missing():
        pytest.fail("the dashboard's libraries are not built: run `make web` (npm ci + vendor copy)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    store = build_sample_db(tmp_path_factory.mktemp("browser") / "sample.sqlite")
    with LiveServer(create_app(store, token="")) as server:
        yield server
    store.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page whose every request is recorded; it may only talk to the test server."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.requests_seen = []
    page.errors_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    page.on("pageerror", lambda error: page.errors_seen.append(str(error)))
    yield page
    context.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
