"""FastAPI application over a Store: the REST API under /api, the dashboard at /."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from platformdirs import user_data_path

from sitrep.api.documents import documents_router
from sitrep.api.events import events_router
from sitrep.api.stats import stats_router
from sitrep.api.submit import submit_router
from sitrep.api.web import mount_web
from sitrep.store import Store

TOKEN_ENV = "SITREP_TOKEN"

DESCRIPTION = """Conflict events with their sources and evidence.

Read-only, unless the server was started with `SITREP_TOKEN` set: then `POST /api/submissions`
(bearer token) processes a URL or a text. Filters are shared by `/api/events`, `/api/points`,
`/api/facets`, `/api/stats` and the exports `/api/events.{csv,geojson,json}`.
"""


def _one_line_validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with a one-line `detail` (`errors` keeps FastAPI's structured list)."""
    errors = exc.errors()
    first = errors[0] if errors else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path"))
    message = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
    detail = f"{where}: {message}" if where else message
    return JSONResponse({"detail": detail, "errors": jsonable_encoder(errors)}, status_code=422)


def _default_pipeline(store: Store) -> Callable[[], Any]:
    def make() -> Any:
        from sitrep.pipeline import Pipeline

        return Pipeline(store)

    return make


def create_app(
    store: Store,
    token: str | None = None,
    make_pipeline: Callable[[], Any] | None = None,
    submissions_dir: Path | None = None,
) -> FastAPI:
    """The app. `token` defaults to $SITREP_TOKEN; without one, no write endpoint exists."""
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    app = FastAPI(title="sitrep", description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=4)  # 9 costs ~7 ms per 100 kB
    app.add_exception_handler(RequestValidationError, _one_line_validation_error)
    app.include_router(events_router(store))
    app.include_router(documents_router(store))
    app.include_router(stats_router(store))
    if token:
        folder = submissions_dir or user_data_path("sitrep") / "submissions"
        app.include_router(submit_router(token, make_pipeline or _default_pipeline(store), folder))
    mount_web(app)
    return app
