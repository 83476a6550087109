"""URLs, served by a local http.server started here (never the internet)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep import ingest
from sitrep.ingest import web
from sitrep.model import Input, Skipped

ARTICLE = (
    "<html><head><title>Strike on Marib</title></head><body><p>A Houthi drone struck the power station in Marib "
    "on Monday evening, a local official said.</p></body></html>"
)
ROUTES = {
    "/article.html": (200, "text/html; charset=utf-8", ARTICLE.encode()),
    "/cp1256.txt": (200, "text/plain; charset=windows-1256", "غارة جوية على مأرب، بحسب مسؤول محلي.".encode("cp1256")),
    "/report.pdf": (200, "application/pdf", b"%PDF-1.7 fake"),
    "/missing": (404, "text/html", b"<html>Not found</html>"),
    "/untyped": (200, "", ARTICLE.encode()),
    "/empty": (200, "text/html", b""),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must hold while streaming
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(400):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str) -> Input | Skipped:
    [item] = list(ingest.read(url))
    return item


def test_html_page_and_redirect(server: str) -> None:
    item = fetch(f"{server}/article.html")
    assert isinstance(item, Input) and item.media_type == "text/html" and "power station in Marib" in item.text
    moved = fetch(f"{server}/moved")
    assert isinstance(moved, Input) and moved.source == f"{server}/moved" and moved.url == f"{server}/article.html"
    untyped = fetch(f"{server}/untyped")
    assert isinstance(untyped, Input) and untyped.media_type == "text/html"
    arabic = fetch(f"{server}/cp1256.txt")
    assert isinstance(arabic, Input) and arabic.charset == "cp1256" and "مأرب" in arabic.text


def test_failed_urls_have_one_line_reasons(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert fetch(f"{server}/report.pdf") == Skipped(f"{server}/report.pdf", "not HTML or text: content type application/pdf")
    assert fetch(f"{server}/missing") == Skipped(f"{server}/missing", "HTTP error 404 Not Found")
    assert fetch(f"{server}/empty") == Skipped(f"{server}/empty", "empty response")
    loop = fetch(f"{server}/loop")
    assert isinstance(loop, Skipped) and loop.reason.startswith("too many redirects")
    monkeypatch.setattr(web, "MAX_BYTES", 1024 * 1024)
    huge = fetch(f"{server}/huge")
    assert huge == Skipped(f"{server}/huge", "too large: over 1.0 MB")


def test_unreachable_url() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article.html"
    assert fetch(url) == Skipped(url, "unreachable: connection refused")
    assert fetch("http:///nohost") == Skipped("http:///nohost", "invalid URL: no host name")
