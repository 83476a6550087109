// The dashboard: filters -> events (from /api/points) -> timeline selection -> map and list.
import { exportUrl, getPoints, getStats } from "./api.js";
import { clear, el } from "./dom.js";
import { createDrawer } from "./drawer.js";
import { createFilters, facetsOf, matchesNothing } from "./filters.js";
import { plural } from "./format.js";
import { createList } from "./list.js";
import { createMap } from "./map.js";
import { createTimeline } from "./timeline.js";

const $ = (selector) => document.querySelector(selector);

const state = {
  filters: {},
  events: [], // every event matching the filters
  total: 0, // matches on the server (more than events.length when truncated)
  period: null, // the timeline selection: ["YYYY-MM-DD", "YYYY-MM-DD"] or null
};

function showMessage(text) {
  const box = $("#message");
  box.textContent = text || "";
  box.hidden = !text;
}

function librariesMissing() {
  return ["L", "d3", "topojson"].filter((name) => !(name in window) || (name === "L" && !window.L.markerClusterGroup));
}

/** The filters plus the timeline selection, as the API sees them. */
function effectiveFilters() {
  const filters = { ...state.filters };
  if (state.period) {
    filters.date_from = state.period[0];
    filters.date_to = state.period[1];
  }
  return filters;
}

function inPeriod(event) {
  if (!state.period) return true;
  return event.event_date != null && event.event_date >= state.period[0] && event.event_date <= state.period[1];
}

async function updateSummary() {
  const box = $("#summary");
  const filters = effectiveFilters();
  try {
    const stats = await getStats(filters);
    if (!stats.period) {
      box.replaceChildren(plural(0, "dated event"));
      return;
    }
    const { total, fatalities, period } = stats;
    const change = total.change_pct == null ? "" : `${total.change_pct > 0 ? "+" : ""}${total.change_pct}% `;
    box.replaceChildren(
      el("strong", { text: plural(total.count, "event") }),
      ` · ${plural(fatalities.count, "fatality", "fatalities")} · ${period.from} to ${period.to}`,
      el("span", {
        class: `trend trend-${total.trend.replaceAll(" ", "-")}`,
        title: `previous ${plural(period.days, "day")} (${stats.previous_period.from} to ${stats.previous_period.to}): ${total.previous} events`,
        text: `${change}${total.trend} vs previous ${plural(period.days, "day")}`,
      }),
    );
  } catch (error) {
    box.textContent = `stats unavailable: ${error.message}`;
  }
}

function updateExports() {
  const filters = effectiveFilters();
  $("#export-csv").href = exportUrl("csv", filters);
  $("#export-geojson").href = exportUrl("geojson", filters);
  $("#export-json").href = exportUrl("json", filters);
}

/** Draw the events of the selected period; resolves once the map has placed them all. */
function showSelection(views) {
  const visible = state.events.filter(inPeriod);
  const mapped = views.map.setEvents(visible);
  views.list.setEvents(visible, state.total);
  $("#brush-clear").hidden = !state.period;
  const undated = state.events.filter((e) => !e.event_date).length;
  const notes = [];
  if (state.period) notes.push(`selected ${state.period[0]} to ${state.period[1]}`);
  if (undated) notes.push(`${plural(undated, "undated event")} ${state.period ? "left out" : "not on the timeline"}`);
  if (state.total > state.events.length)
    notes.push(`newest ${state.events.length.toLocaleString("en")} of ${state.total.toLocaleString("en")} loaded`);
  $("#timeline-note").textContent = notes.join(" · ");
  updateExports();
  updateSummary();
  return mapped;
}

async function reload(views) {
  state.period = null;
  if (matchesNothing(state.filters)) {
    state.events = [];
    state.total = 0;
  } else {
    try {
      const { events, total } = await getPoints(state.filters);
      performance.mark("sitrep-points");
      state.events = events;
      state.total = total;
      showMessage(null);
    } catch (error) {
      showMessage(`Cannot load events: ${error.message}`);
      return;
    }
  }
  views.map.reset();
  views.timeline.setEvents(state.events);
  await showSelection(views);
}

function openFromHash(drawer, views) {
  const match = /^#event=(.+)$/.exec(window.location.hash);
  if (!match) {
    drawer.close();
    return;
  }
  const id = decodeURIComponent(match[1]);
  drawer.open(id);
  views.list.highlight(id);
  const drawerBox = $("#drawer").getBoundingClientRect();
  const mapBox = $("#map").getBoundingClientRect();
  views.map.focus(id, Math.max(0, mapBox.right - drawerBox.left));
}

async function main() {
  const missing = librariesMissing();
  if (missing.length) {
    showMessage(`The dashboard's libraries are missing (${missing.join(", ")}): run \`make web\` and reload.`);
    return;
  }
  const select = (id) => {
    window.location.hash = `event=${encodeURIComponent(id)}`;
  };
  const views = {};
  views.map = createMap($("#map"), { onSelect: select });
  views.list = createList(
    { list: $("#event-list"), count: $("#list-count"), more: $("#list-more"), sort: $("#list-sort") },
    { onSelect: select },
  );
  views.timeline = createTimeline($("#timeline"), {
    onBrush: (period) => {
      state.period = period;
      showSelection(views);
    },
  });
  $("#brush-clear").addEventListener("click", () => {
    views.timeline.clearSelection();
    state.period = null;
    showSelection(views);
  });
  const drawer = createDrawer($("#drawer"), {
    onClose: () => {
      history.replaceState(null, "", window.location.pathname + window.location.search);
      drawer.close();
    },
  });
  window.addEventListener("hashchange", () => openFromHash(drawer, views));

  // the first load is unfiltered: the filter panel's choices and counts come from it
  await reload(views);
  createFilters($("#filter-form"), facetsOf(state.events), {
    onChange: (value) => {
      state.filters = value;
      reload(views);
    },
  });
  await views.map.basemapReady.catch((error) => showMessage(`Basemap unavailable: ${error.message}`));
  openFromHash(drawer, views);
  if (!state.events.length && !state.total)
    clear($("#event-list")).append(el("li", { class: "muted", text: "No events match." }));
  document.body.dataset.ready = "true";
  performance.mark("sitrep-ready");
}

main();
