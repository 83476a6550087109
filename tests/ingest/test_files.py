"""Local files: planning, decoding, sniffing, and a one-line reason for every bad input."""

from __future__ import annotations

import gzip
from pathlib import Path

from sitrep import ingest
from sitrep.ingest import files
from sitrep.model import Input, Skipped

ARABIC = (
    "قصفت طائرات حربية سوقا شعبية في مدينة أريحا بريف إدلب الجنوبي، ما أدى إلى مقتل سبعة مدنيين على الأقل "
    "وإصابة آخرين، بحسب الدفاع المدني السوري. وقال ناشطون إن الغارات استهدفت أيضا أطراف بلدة سراقب.\n"
)
FRENCH = (
    "Des frappes aériennes ont touché le marché d’Ariha, près d’Idleb, tuant sept civils selon les secouristes. "
    "Les habitants ont fui vers la frontière turque à l’aube.\n"
)
ENGLISH = "Shelling hit the market in Ariha on Sunday, killing seven civilians, rescuers said.\n"


def read_one(path: Path) -> Input | Skipped:
    items = list(ingest.read(str(path)))
    assert len(items) == 1
    return items[0]


def test_plan_expands_directories_sorted_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ENGLISH)
    (tmp_path / "a.md").write_text(ENGLISH)
    (tmp_path / ".hidden.txt").write_text(ENGLISH)
    (tmp_path / "empty_dir").mkdir()
    missing = str(tmp_path / "nope.txt")
    planned = ingest.plan([str(tmp_path), "https://example.org/page", missing, str(tmp_path / "empty_dir")])
    assert planned[:3] == [str(tmp_path / "a.md"), str(tmp_path / "b" / "z.txt"), "https://example.org/page"]
    assert planned[3] == Skipped(missing, "no such file or directory")
    assert isinstance(planned[4], Skipped) and planned[4].reason.startswith("empty directory")


def test_text_markdown_html_by_extension(tmp_path: Path) -> None:
    for name, media in (("a.txt", "text/plain"), ("b.md", "text/markdown"), ("c.markdown", "text/markdown"),
                        ("d.htm", "text/html"), ("e.html", "text/html")):
        path = tmp_path / name
        path.write_text(ENGLISH, encoding="utf-8")
        item = read_one(path)
        assert isinstance(item, Input) and item.media_type == media and item.text == ENGLISH and item.source == str(path)


def test_cp1256_and_latin1_are_detected(tmp_path: Path) -> None:
    arabic = tmp_path / "idlib_ar.txt"
    arabic.write_bytes(ARABIC.encode("cp1256"))
    item = read_one(arabic)
    assert isinstance(item, Input) and item.text == ARABIC and item.charset == "cp1256"
    french = tmp_path / "idleb_fr.txt"
    french.write_bytes(FRENCH.encode("cp1252"))
    item = read_one(french)
    assert isinstance(item, Input) and "frontière turque" in item.text


def test_declared_charset_and_bom_win(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b'<html><head><meta charset="windows-1256"></head><body><p>' + ARABIC.encode("cp1256") + b"</p></body></html>")
    item = read_one(page)
    assert isinstance(item, Input) and item.charset == "cp1256" and ARABIC.strip() in item.text
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(ENGLISH.encode("utf-16"))
    item = read_one(utf16)
    assert isinstance(item, Input) and item.text == ENGLISH


def test_bad_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    png = tmp_path / "photo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    nul = tmp_path / "dump.bin"
    nul.write_bytes(b"abc\x00\x01\x02\x03" * 50 + b"\xff\x00")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\t \n")
    undecodable = tmp_path / "garbled.txt"
    undecodable.write_bytes(bytes([0x80 + (i * 37) % 128 for i in range(400)]))
    csv = tmp_path / "casualties.csv"
    csv.write_text("date,place,killed\n2020-06-14,Ariha,7\n")
    assert read_one(pdf) == Skipped(str(pdf), "binary file (PDF document)")
    assert read_one(png) == Skipped(str(png), "binary file (PNG image)")
    assert read_one(nul) == Skipped(str(nul), "binary file (NUL bytes)")
    assert read_one(empty) == Skipped(str(empty), "empty file")
    garbled = read_one(undecodable)
    assert isinstance(garbled, Skipped) and garbled.reason.startswith("cannot decode text")
    unsupported = read_one(csv)
    assert isinstance(unsupported, Skipped) and unsupported.reason.startswith("unsupported file type: .csv")


def test_oversized_file_is_skipped_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as handle:  # sparse: the size is real, the disk is not used
        handle.truncate(files.MAX_BYTES + 5 * 1024 * 1024)
    item = read_one(big)
    assert item == Skipped(str(big), "file too large: 25.0 MB (limit 20.0 MB)")


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    html_page = tmp_path / "article.php"
    html_page.write_text("<!DOCTYPE html><html><body><p>" + ENGLISH + "</p></body></html>")
    no_ext = tmp_path / "saved_page"
    no_ext.write_text(ENGLISH * 3)
    data = tmp_path / "numbers.dat"
    data.write_text("1 2 3 4\n5 6 7 8\n" * 20)
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    assert read_one(html_page).media_type == "text/html"
    assert read_one(no_ext).media_type == "text/plain"
    refused = read_one(data)
    assert isinstance(refused, Skipped) and refused.reason.startswith("unsupported file type: .dat")
    rss = read_one(feed)
    assert isinstance(rss, Skipped) and "RSS/Atom" in rss.reason


def test_gzipped_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>" + ENGLISH.encode() + b"</p></body></html>"))
    item = read_one(path)
    assert isinstance(item, Input) and item.media_type == "text/html" and "Ariha" in item.text
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00garbage")
    skipped = read_one(broken)
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("corrupt gzip file")
