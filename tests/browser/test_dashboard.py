"""The dashboard in headless Chromium: markers, timeline brush, filters, drawer, evidence, escaping."""

from __future__ import annotations

from api.sample_db import DOCS, SAMPLES, XSS_IMG, XSS_SCRIPT

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture fails with the reason (make test installs playwright)
    expect = None

PLACED = len([s for s in SAMPLES if s.place.latitude is not None])
READY = "body[data-ready=true]"


def open_dashboard(page, live_server, fragment: str = ""):
    page.goto(f"{live_server.url}/{fragment}")
    page.wait_for_selector(READY, timeout=15_000)


def list_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("#event-list li[data-id]", "items => items.map(i => i.dataset.id)"))


def map_count(page) -> int:
    return int(page.get_attribute("#map-count", "data-count"))


def test_page_shows_events_on_the_map_and_in_the_list_using_only_its_own_server(page, live_server, output_dir):
    open_dashboard(page, live_server)
    assert list_ids(page) == {s.id for s in SAMPLES}
    assert map_count(page) == PLACED
    drawn = page.locator(".leaflet-marker-pane .ev-marker, .leaflet-marker-pane .ev-cluster")
    assert drawn.count() > 0
    # the offline basemap is drawn (canvas) and labelled from the bundled data
    assert page.locator(".leaflet-overlay-pane canvas").count() >= 1
    assert page.locator(".label-admin1", has_text="Idlib").count() == 1
    page.screenshot(path=str(output_dir / "dashboard.png"))
    assert page.errors_seen == []
    foreign = [url for url in page.requests_seen if not url.startswith(live_server.url)]
    assert foreign == [], "the page must work with no internet"


def test_brushing_the_timeline_filters_the_map_and_the_list(page, live_server):
    open_dashboard(page, live_server)
    svg = page.locator("#timeline svg").bounding_box()
    first_bar = page.locator('#timeline rect[data-day="2024-03-10"]').bounding_box()
    y = first_bar["y"] + first_bar["height"] / 2
    page.mouse.move(first_bar["x"] - 1, y)
    page.mouse.down()
    page.mouse.move(svg["x"] + svg["width"] - 2, y, steps=8)  # past the last day: the brush stops there
    page.mouse.up()
    march_10_to_12 = {"ev_maarat_strike", "ev_saraqib_clash", "ev_kafr_nabl_attack"}
    expect(page.locator("#list-count")).to_have_attribute("data-count", "3")
    assert list_ids(page) == march_10_to_12
    assert map_count(page) == 3
    assert "date_from=2024-03-10" in page.get_attribute("#export-csv", "href")
    page.click("#brush-clear")
    expect(page.locator("#list-count")).to_have_attribute("data-count", "8")
    assert map_count(page) == PLACED


def test_filter_panel_narrows_what_is_loaded(page, live_server):
    open_dashboard(page, live_server)
    page.locator('#filter-types input[value="Battles"]').uncheck()
    expect(page.locator("#list-count")).to_have_attribute("data-count", "5")
    assert not any(s.event_type == "Battles" and s.id in list_ids(page) for s in SAMPLES)
    assert map_count(page) == 5
    page.fill('#filter-form input[name="actor"]', "Hayat Tahrir")
    page.locator('#filter-types input[value="Battles"]').check()
    expect(page.locator("#list-count")).to_have_attribute("data-count", "1")
    assert list_ids(page) == {"ev_saraqib_clash"}


def test_opening_an_event_shows_every_source_with_its_evidence_highlighted(page, live_server, output_dir):
    open_dashboard(page, live_server)
    page.click('#event-list li[data-id="ev_maarat_strike"]')
    drawer = page.locator("#drawer")
    drawer.locator(".article mark.this").nth(1).wait_for(timeout=5_000)
    assert "Air/drone strike" in drawer.locator("h2").inner_text()
    assert drawer.locator(".badge.certainty-reported").count() >= 1
    assert "2 independent publishers" in drawer.inner_text()
    figures = drawer.locator(".figures li").all_inner_texts()
    assert figures == ["5 according to Levant Monitor", "7 according to Idlib Dispatch"]
    sources = drawer.locator("li.source")
    assert sources.count() == 2
    expected = {r.doc: r.sentence for r in SAMPLES[0].reports}
    for i in range(2):
        source = sources.nth(i)
        doc_key = "levant" if source.get_attribute("data-document") == "doc_levant" else "dispatch"
        highlighted = source.locator(".article mark.this").inner_text()
        assert highlighted == expected[doc_key]
        # the article box holds the whole clean text, not only the sentence
        assert source.locator(".article").inner_text().strip() == DOCS[doc_key]["body"].strip()
    assert page.url.endswith("#event=ev_maarat_strike")
    # the map zooms to the event and marks it, clear of the drawer
    page.locator(".leaflet-marker-pane .ev-marker.selected").wait_for(timeout=5_000)
    marker = page.locator(".ev-marker.selected").bounding_box()
    assert marker["x"] + marker["width"] < drawer.bounding_box()["x"]
    page.wait_for_timeout(300)  # let the zoom animation settle for the picture
    page.screenshot(path=str(output_dir / "dashboard-event.png"))
    page.click("#drawer-close")
    assert drawer.is_hidden()


def test_untrusted_article_text_shows_as_text_and_never_runs(page, live_server, output_dir):
    open_dashboard(page, live_server, "#event=ev_suwayda_protest")
    drawer = page.locator("#drawer")
    drawer.locator(".article mark.this").wait_for(timeout=5_000)
    assert page.evaluate("window.__xss") is None
    assert drawer.locator("script, img").count() == 0
    assert XSS_SCRIPT in drawer.locator(".article mark.this").inner_text()
    assert XSS_IMG in drawer.locator("blockquote.evidence").inner_text()
    assert drawer.locator(".source-title a").inner_text() == "Suwayda protest <b>live</b>"
    assert drawer.locator(".source-title b").count() == 0
    page.screenshot(path=str(output_dir / "dashboard-untrusted-text.png"))
    assert page.errors_seen == []


def test_hovering_a_marker_names_the_event_and_clicking_opens_it(page, live_server):
    open_dashboard(page, live_server)
    marker = page.locator(".leaflet-marker-pane .ev-marker").first
    marker.hover()
    tooltip = page.locator(".leaflet-tooltip .map-tip")
    tooltip.wait_for(timeout=5_000)
    title = tooltip.locator("strong").inner_text()
    marker.click()
    page.locator("#drawer h2").wait_for(timeout=5_000)
    assert page.locator("#drawer h2").inner_text() == title
    assert "#event=" in page.url
