"""WARC files built in the test with warcio: one Input per HTML/text response, every other response reported
as Skipped with its URI and reason, bookkeeping records (warcinfo, request, metadata) passed over silently."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep import ingest
from sitrep.model import Input, Skipped

PAGE = (
    "<html><head><meta charset='utf-8'><title>Clashes in Tripoli</title></head><body><p>Heavy clashes broke out "
    "overnight in the Ain Zara district of southern Tripoli, residents said.</p></body></html>"
)


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers))


def build_warc(path: Path, gzip: bool) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        _response(writer, "https://libya-observer.example/tripoli", PAGE.encode(), "text/html; charset=utf-8")
        _response(writer, "https://libya-observer.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image/png")
        _response(writer, "https://libya-observer.example/gone", b"<html>Not found</html>", "text/html", "404 Not Found")
        arabic = "اشتباكات عنيفة في حي عين زارة جنوب طرابلس بين مجموعات مسلحة متنافسة، بحسب سكان.".encode("cp1256")
        _response(writer, "https://libya-observer.example/ar", arabic, "text/plain; charset=windows-1256")
        _response(writer, "https://libya-observer.example/blank", b"   ", "text/html")
        robots = b"User-agent: *\nDisallow: /admin/\nSitemap: https://libya-observer.example/sitemap.xml\n"
        _response(writer, "https://libya-observer.example/robots.txt", robots, "text/plain")
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test crawler"}))
        request = writer.create_warc_record("https://libya-observer.example/tripoli", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)


def test_warc_yields_pages_with_their_uris(tmp_path: Path) -> None:
    for gzip in (False, True):
        path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
        build_warc(path, gzip)
        items = list(ingest.read(str(path)))
        inputs = [i for i in items if isinstance(i, Input)]
        assert [(i.source, i.url, i.media_type) for i in inputs] == [
            ("https://libya-observer.example/tripoli", "https://libya-observer.example/tripoli", "text/html"),
            ("https://libya-observer.example/ar", "https://libya-observer.example/ar", "text/plain"),
        ]
        assert "Ain Zara district" in inputs[0].text and inputs[1].charset == "cp1256" and "طرابلس" in inputs[1].text
        assert [i for i in items if isinstance(i, Skipped)] == [
            Skipped("https://libya-observer.example/logo.png", "image/png response in the WARC: not a page"),
            Skipped("https://libya-observer.example/gone", "HTTP 404 response in the WARC: not a page"),
            Skipped("https://libya-observer.example/blank", "empty file"),
            Skipped("https://libya-observer.example/robots.txt", "text/plain response in the WARC: not a page (no prose text in it)"),
        ]


def test_malformed_and_pageless_warc(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a WARC file at all\r\n" * 5)
    [skipped] = list(ingest.read(str(junk)))
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("malformed WARC file")
    images = tmp_path / "images.warc"
    with images.open("wb") as stream:
        _response(WARCWriter(stream, gzip=False), "https://x.example/a.png", b"\x89PNG\r\n\x1a\n", "image/png")
    assert list(ingest.read(str(images))) == [Skipped("https://x.example/a.png", "image/png response in the WARC: not a page")]
    bookkeeping = tmp_path / "bookkeeping.warc"
    with bookkeeping.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        writer.write_record(writer.create_warcinfo_record("bookkeeping.warc", {"software": "test crawler"}))
    assert list(ingest.read(str(bookkeeping))) == [
        Skipped(str(bookkeeping), "no HTML or text responses in WARC file (1 records)")
    ]
