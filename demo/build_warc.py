"""Build the demo corpus's WARC file from the HTML pages in demo/warc-src/.

    .venv/bin/python demo/build_warc.py

Writes demo/corpus/crawls/idlib-2020-crawl.warc.gz: a warcinfo record, then for each page a
request and a 200 text/html response, plus two records an ingester must pass over (a
robots.txt response and a PNG image response). Record ids and dates are fixed, so the output
is byte-for-byte reproducible and re-running the script changes nothing in git.
"""

from __future__ import annotations

import struct
import uuid
import zlib
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "warc-src"
OUTPUT = HERE / "corpus" / "crawls" / "idlib-2020-crawl.warc.gz"

# (source file, URL it was crawled from, crawl time)
PAGES = [
    (
        "north-syria-dispatch-maarat-falls.html",
        "https://northsyriadispatch.example/idlib/2020/01/29/government-forces-take-maarat-al-numan",
        "2020-01-29T12:00:05Z",
    ),
    (
        "north-syria-dispatch-balyun-strike.html",
        "https://northsyriadispatch.example/idlib/2020/02/28/turkish-soldiers-killed-balyun",
        "2020-02-28T09:14:40Z",
    ),
    (
        "orontes-review-moscow-ceasefire.html",
        "https://orontesreview.example/syria/2020/03/06/russia-turkey-idlib-ceasefire",
        "2020-03-06T08:02:11Z",
    ),
]

ROBOTS_URL = "https://northsyriadispatch.example/robots.txt"
ROBOTS_BODY = b"User-agent: *\nDisallow: /admin/\nSitemap: https://northsyriadispatch.example/sitemap.xml\n"
LOGO_URL = "https://northsyriadispatch.example/static/logo.png"


def tiny_png() -> bytes:
    """A valid 1x1 transparent PNG, built from its chunks."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(bytes(5))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def record_id(name: str) -> str:
    """A stable WARC-Record-ID derived from a name (uuid5), so rebuilds are identical."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'sitrep-demo:' + name)}>"


def write_response(writer: WARCWriter, url: str, when: str, body: bytes, content_type: str) -> None:
    parts = urlsplit(url)
    request_headers = StatusAndHeaders(
        f"GET {parts.path or '/'} HTTP/1.1",
        [("Host", parts.netloc), ("User-Agent", "sitrep-demo-crawler/0.1"), ("Accept", "*/*")],
        is_http_request=True,
    )
    request = writer.create_warc_record(
        url,
        "request",
        payload=BytesIO(b""),
        http_headers=request_headers,
        warc_headers_dict={"WARC-Date": when, "WARC-Record-ID": record_id("request " + url)},
    )
    response_headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    response = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=response_headers,
        warc_headers_dict={"WARC-Date": when, "WARC-Record-ID": record_id("response " + url)},
    )
    writer.write_request_response_pair(request, response)


def build(output: Path = OUTPUT) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = writer.create_warcinfo_record(
            output.name,
            {"software": "sitrep demo/build_warc.py (warcio)", "description": "sitrep demo crawl, Idlib 2020"},
        )
        info.rec_headers.replace_header("WARC-Date", "2020-03-06T08:05:00Z")
        info.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo"))
        writer.write_record(info)
        write_response(writer, ROBOTS_URL, "2020-01-29T11:59:58Z", ROBOTS_BODY, "text/plain")
        for source, url, when in PAGES:
            body = (SOURCE_DIR / source).read_bytes()
            write_response(writer, url, when, body, "text/html; charset=utf-8")
        write_response(writer, LOGO_URL, "2020-01-29T12:00:06Z", tiny_png(), "image/png")
    return output


if __name__ == "__main__":
    path = build()
    print(f"wrote {path.relative_to(HERE.parent)} ({path.stat().st_size} bytes)")
