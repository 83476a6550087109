"""http(s) URLs via httpx: timeouts, redirects followed, content-type check (HTML or text only), a size
cap enforced while streaming, and a one-line reason for every failure.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from sitrep import __version__
from sitrep.ingest.decode import charset_from_content_type
from sitrep.ingest.files import MAX_BYTES, human_size, to_input
from sitrep.model import Input, Skipped

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
MAX_REDIRECTS = 10
_PAGE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".md"}
_HEADERS = {"User-Agent": f"sitrep/{__version__} (conflict-news reader)", "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"}


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _unreachable(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "unreachable: timed out"
    text = str(exc).lower()
    if "name or service not known" in text or "nodename nor servname" in text or "temporary failure in name" in text:
        return "unreachable: host name not found"
    if "refused" in text:
        return "unreachable: connection refused"
    if "ssl" in text or "certificate" in text:
        return "unreachable: TLS/certificate error"
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return f"unreachable: {first}"


def fetch(url: str, client: httpx.Client | None = None) -> Input | Skipped:
    """The page at `url`, or a `Skipped` saying why not."""
    if not urlsplit(url).hostname:
        return Skipped(url, "invalid URL: no host name")
    own = client is None
    client = client or httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
        headers=_HEADERS,
    )
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                return Skipped(url, f"HTTP error {response.status_code} {response.reason_phrase}".rstrip())
            content_type = response.headers.get("content-type", "")
            media = content_type.split(";")[0].strip().lower()
            if media and media not in _PAGE_TYPES:
                return Skipped(url, f"not HTML or text: content type {media}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                return Skipped(url, f"too large: {human_size(int(declared))} (limit {human_size(MAX_BYTES)})")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    return Skipped(url, f"too large: over {human_size(MAX_BYTES)}")
                chunks.append(chunk)
            final_url = str(response.url)
    except httpx.TooManyRedirects:
        return Skipped(url, f"too many redirects (more than {MAX_REDIRECTS})")
    except httpx.InvalidURL as exc:
        return Skipped(url, f"invalid URL: {exc}")
    except httpx.UnsupportedProtocol:
        return Skipped(url, "invalid URL: unsupported scheme")
    except httpx.TransportError as exc:
        return Skipped(url, _unreachable(exc))
    finally:
        if own:
            client.close()
    item = to_input(url, b"".join(chunks), _PAGE_TYPES.get(media, ""), charset_from_content_type(content_type), url=final_url)
    if isinstance(item, Skipped) and item.reason == "empty file":
        return Skipped(url, "empty response")
    return item
