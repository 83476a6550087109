"""The dashboard's files: the page, its modules, the vendored libraries and the offline basemap.

Nothing is fetched from a CDN: vendor/ is filled from npm at set-up (`make web`), and the API docs
page uses the vendored Swagger UI as well.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from sitrep.paths import PACKAGE_DIR, data_file

WEB_DIR = PACKAGE_DIR / "web"
VENDOR_DIR = WEB_DIR / "vendor"
BASEMAP_DIR = data_file("basemap")
ONLINE_TILES = "https://tile.openstreetmap.org"  # used only when the user switches online tiles on

# The page runs only its own scripts; even a bug that let article text into the DOM as HTML could
# not run script or load from elsewhere (online tiles, an explicit opt-in, are the one exception).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: {ONLINE_TILES}",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)


def vendor_missing() -> bool:
    return not (VENDOR_DIR / "manifest.json").exists()


def mount_web(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(
            WEB_DIR / "index.html",
            headers={
                "Content-Security-Policy": CONTENT_SECURITY_POLICY,
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "no-cache",
            },
        )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="sitrep API",
            swagger_js_url="/vendor/swagger-ui-dist/swagger-ui-bundle.js",
            swagger_css_url="/vendor/swagger-ui-dist/swagger-ui.css",
            swagger_favicon_url="/app/favicon.svg",
        )

    app.mount("/app", StaticFiles(directory=WEB_DIR / "app"), name="app")
    app.mount("/basemap", StaticFiles(directory=BASEMAP_DIR), name="basemap")
    # check_dir=False: the API still serves when the front-end assets were never built
    app.mount("/vendor", StaticFiles(directory=VENDOR_DIR, check_dir=False), name="vendor")
