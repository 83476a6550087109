"""The one write endpoint: submit a URL or a text for processing by the real pipeline.

Mounted only when a token is configured (env SITREP_TOKEN); callers send `Authorization: Bearer
TOKEN`. No header: 401; a wrong token: 403.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, model_validator

from sitrep.countries import to_iso2

MAX_TEXT_CHARS = 1_000_000
BEARER = HTTPBearer(auto_error=False)  # module level: annotations are resolved in module globals


class Submission(BaseModel):
    url: str | None = Field(None, description="An http(s) URL to fetch and process.")
    text: str | None = Field(None, max_length=MAX_TEXT_CHARS, description="A news text to process.")
    title: str | None = Field(None, max_length=500, description="Title of the text (first line).")
    published: date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    country: str | None = Field(None, description="Country focus for geocoding: a name or ISO code.")

    @model_validator(mode="after")
    def one_input(self) -> Submission:
        if bool(self.url) == bool(self.text and self.text.strip()):
            raise ValueError("give either url or text")
        if self.url and not self.url.startswith(("http://", "https://")):
            raise ValueError("url must start with http:// or https://")
        if self.country and to_iso2(self.country) is None:
            raise ValueError(f"unknown country {self.country!r}")
        return self


def bearer_guard(token: str) -> Callable[..., None]:
    def check(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]) -> None:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
            raise HTTPException(403, "invalid token")

    return check


def save_text(submission: Submission, folder: Path) -> Path:
    """Keep a submitted text as a file, named by its content, so that it stays a traceable source."""
    text = submission.text or ""
    if submission.title:
        text = f"{submission.title.strip()}\n\n{text}"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"submission-{digest}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def submit_router(token: str, make_pipeline: Callable[[], Any], submissions_dir: Path) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["write"], dependencies=[Depends(bearer_guard(token))])
    lock = threading.Lock()  # one pipeline, one run at a time
    pipeline: list[Any] = []

    @router.post("/submissions", summary="Process a URL or a text now (needs the bearer token)")
    def submit(submission: Submission) -> dict[str, Any]:
        """Runs ingest → clean → extract → geo → resolve and returns the run summary."""
        from sitrep.pipeline import RunOptions

        target = submission.url or str(save_text(submission, submissions_dir))
        with lock:
            if not pipeline:
                pipeline.append(make_pipeline())
            summary = pipeline[0].run([target], RunOptions(published=submission.published, country=submission.country))
        return {"source": target, "summary": summary.as_dict()}

    return router
