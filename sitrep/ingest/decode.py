"""Bytes -> text: binary sniffing, then BOM, declared charset (HTTP header, HTML meta), UTF-8, and
charset-normalizer's detection, in that order. Every refusal is a one-line reason.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_SAMPLE = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"MZ\x90\x00", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media (audio, video or WebP)"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"\x00asm", "WebAssembly module"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
)
# browsers decode these labels as windows-1252 (WHATWG Encoding Standard)
_AS_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "iso_8859-1", "cp819"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]{2,40})""", re.IGNORECASE)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text in any character set we can find."""


def binary_kind(raw: bytes) -> str | None:
    """What kind of binary file this is ("PDF document", "NUL bytes" ...), None for text."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    if raw[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    sample = raw[:_SAMPLE]
    if sample.startswith(tuple(b for b, _ in _BOMS)):
        return None
    if b"\x00" in sample:
        return None if _utf16_without_bom(sample) else "NUL bytes"
    controls = len(_CONTROL.findall(sample))
    return "control bytes" if sample and controls / len(sample) > 0.05 else None


def _utf16_without_bom(sample: bytes) -> str | None:
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd / half > 0.3 and even / half < 0.05:
        return "utf-16-le"
    if even / half > 0.3 and odd / half < 0.05:
        return "utf-16-be"
    return None


def _normal_label(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares about itself (XML declaration, HTML meta), if any."""
    head = raw[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return _normal_label(m.group(1).decode("ascii", "ignore")) if m else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """'text/html; charset=windows-1256' -> 'cp1256'."""
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.IGNORECASE)
    return _normal_label(m.group(1)) if m else None


def _try(raw: bytes, charset: str) -> str | None:
    try:
        return raw.decode(charset)
    except (UnicodeDecodeError, LookupError):
        if charset == "cp1252":  # five bytes are undefined in cp1252; latin-1 maps them
            return raw.decode("latin-1")
        return None


def decode(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, charset used). `declared` is the transport's charset (HTTP Content-Type)."""
    for bom, charset in _BOMS:
        if raw.startswith(bom):
            text = _try(raw, charset)
            if text is not None:
                return text, charset
    utf16 = _utf16_without_bom(raw[:_SAMPLE]) if b"\x00" in raw[:_SAMPLE] else None
    for charset in (utf16, _normal_label(declared), declared_charset(raw), "utf-8"):
        if charset:
            text = _try(raw, charset)
            if text is not None:
                return text, charset
    best = charset_normalizer.from_bytes(raw[: 4 * _SAMPLE]).best()
    if best is not None and best.encoding:
        text = _try(raw, best.encoding)
        if text is not None:
            return text, best.encoding
    raise DecodeError("cannot decode text: not UTF-8, no declared charset fits, and detection found none")
