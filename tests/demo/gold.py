"""The bundled demo corpus and its answer key (demo/gold.yaml), for the tests that hold them together."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

import yaml

DEMO = Path(__file__).resolve().parents[2] / "demo"
CORPUS = DEMO / "corpus"
GOLD = DEMO / "gold.yaml"
WARC_SOURCES = DEMO / "warc-src"


@lru_cache(maxsize=1)
def key() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def normalise(text: str) -> str:
    """Whitespace collapsed, the form every quote of the key is written in."""
    return " ".join(text.split())


def html_text(markup: str) -> str:
    """An HTML page's text as the key quotes it: tags dropped, entities decoded, whitespace collapsed."""
    markup = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", markup, flags=re.IGNORECASE | re.DOTALL)
    return normalise(html.unescape(re.sub(r"<[^>]*>", " ", markup)))


def source_of(entry: dict) -> str:
    """The `Input.source` that ingesting demo/corpus by its absolute path gives this key entry."""
    source = entry["source"]
    if source.startswith(("http://", "https://")):
        return source
    path, _, record = source.partition("#")
    return f"{CORPUS / path}#{record}" if record else str(CORPUS / path)


def documents() -> list[dict]:
    return key()["documents"]


def doc_id(entry: dict) -> str:
    return entry.get("record") or entry["file"]


def reports_by_source() -> dict[str, list[dict]]:
    """Every event report of the key, grouped by the source of the document it quotes."""
    grouped: dict[str, list[dict]] = {}
    for event in key()["events"]:
        for report in event["reports"]:
            grouped.setdefault(source_of(report), []).append({**report, "event": event["id"]})
    return grouped
