from __future__ import annotations

import json

from sitrep.api.web import BASEMAP_DIR, WEB_DIR


def test_dashboard_page_is_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "/app/main.js" in page.text
    assert "http" not in page.text.replace("http-equiv", "")  # nothing from elsewhere


def test_page_modules_and_basemap_are_served(client):
    assert client.get("/app/main.js").status_code == 200
    basemap = client.get("/basemap/sy_admin.topo.json").json()
    levels = [g["properties"]["level"] for g in basemap["objects"]["admin"]["geometries"]]
    assert levels.count("admin1") == 14 and levels.count("admin2") == 62
    assert "Who's On First" in basemap["attribution"]


def test_the_page_loads_no_third_party_code(client):
    """Every script and stylesheet the page names is served by sitrep itself."""
    page = client.get("/").text
    for module in sorted(WEB_DIR.joinpath("app").glob("*.js")):
        text = module.read_text(encoding="utf-8")
        assert "cdn" not in text.lower() and "unpkg" not in text.lower(), module.name
        assert "innerHTML" not in text, f"{module.name}: set text with textContent, never innerHTML"
    assert "cdn" not in page.lower()


def test_basemap_file_is_compact():
    path = BASEMAP_DIR / "sy_admin.topo.json"
    assert path.stat().st_size < 200_000
    assert json.loads(path.read_text())["type"] == "Topology"


def test_api_docs_page_uses_the_vendored_swagger_ui(client):
    page = client.get("/docs").text
    assert "/vendor/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn." not in page and "fastapi.tiangolo.com" not in page
