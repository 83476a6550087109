// The event map: one marker per event (colour = type, size = fatalities), clustered at low zoom.
/* global L */
import { el } from "./dom.js";
import { addBasemap } from "./basemap.js";
import { fatalitiesLabel, formatDate, placeLabel, plural, typeClass } from "./format.js";

const SYRIA_VIEW = { center: [35.0, 38.5], zoom: 7 };
const UNCLUSTERED_ZOOM = 10; // every marker stands alone from here on

/** Marker diameter in pixels: grows with the square root of fatalities, within bounds. */
export function markerSize(fatalities) {
  if (!fatalities) return 12;
  return Math.min(12 + 4 * Math.sqrt(fatalities), 40);
}

function tooltipFor(event) {
  return el(
    "div",
    { class: "map-tip" },
    el("strong", { text: event.sub_event_type || event.event_type }),
    el("div", { text: `${formatDate(event.event_date, event.date_precision)} · ${placeLabel(event)}` }),
    el("div", { text: fatalitiesLabel(event.fatalities) }),
  );
}

const icons = new Map(); // one icon per look (type, modality, size, precision), shared by markers

function iconFor(event) {
  const size = Math.round(markerSize(event.fatalities));
  const classes = ["ev-marker", typeClass(event.event_type), `m-${event.modality}`];
  if (event.geo_precision === 3) classes.push("approx");
  const key = `${classes.join(" ")}|${size}`;
  if (!icons.has(key)) icons.set(key, L.divIcon({ className: classes.join(" "), html: "", iconSize: [size, size] }));
  return icons.get(key);
}

function markerFor(event) {
  const marker = L.marker([event.latitude, event.longitude], { icon: iconFor(event), title: "", keyboard: false });
  marker.sitrepEvent = event; // the cluster group's handlers find the event here
  return marker;
}

/** Tooltips are made on first hover: thousands of markers need no tooltip objects up front. */
function showTooltip(marker) {
  if (!marker.getTooltip()) {
    const size = markerSize(marker.sitrepEvent.fatalities);
    marker.bindTooltip(() => tooltipFor(marker.sitrepEvent), { direction: "top", offset: [0, -size / 2] });
  }
  marker.openTooltip();
}

function clusterIcon(cluster) {
  const count = cluster.getChildCount();
  const size = Math.round(Math.min(26 + 7 * Math.log10(count) * 2, 54));
  return L.divIcon({
    className: "ev-cluster",
    html: el("span", { text: count.toLocaleString("en") }),
    iconSize: [size, size],
  });
}

/** An on-map line that says how many events are shown and how many have no coordinates. */
function countControl() {
  const control = L.control({ position: "bottomleft" });
  const box = el("div", { class: "map-count", id: "map-count" });
  control.onAdd = () => box;
  control.set = (shown, unplaced) => {
    box.textContent = `${plural(shown, "event")} on the map${unplaced ? ` · ${unplaced} without coordinates` : ""}`;
    box.dataset.count = String(shown);
  };
  return control;
}

export function createMap(container, { onSelect }) {
  const map = L.map(container, { minZoom: 3, maxZoom: 17, zoomSnap: 0.5, attributionControl: true });
  map.setView(SYRIA_VIEW.center, SYRIA_VIEW.zoom);
  map.attributionControl.setPrefix(false);
  const basemapReady = addBasemap(map);
  let clustered = () => {}; // resolves setEvents' promise once every marker is clustered
  const cluster = L.markerClusterGroup({
    chunkedLoading: true,
    chunkProgress: (processed, total) => processed >= total && clustered(),
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    disableClusteringAtZoom: UNCLUSTERED_ZOOM,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: clusterIcon,
  });
  cluster.on("click", (e) => onSelect(e.layer.sitrepEvent.id));
  cluster.on("mouseover", (e) => showTooltip(e.layer));
  cluster.on("mouseout", (e) => e.layer.closeTooltip());
  map.addLayer(cluster);
  const counter = countControl().addTo(map);
  const markers = new Map(); // id -> marker, reused across brushing and filtering
  let fittedOnce = false;

  /** Show these events; resolves when the map has placed all of them (clustering runs in chunks). */
  function setEvents(events) {
    const placed = events.filter((e) => e.latitude != null && e.longitude != null);
    const layers = placed.map((e) => {
      let marker = markers.get(e.id);
      if (!marker) {
        marker = markerFor(e);
        markers.set(e.id, marker);
      }
      return marker;
    });
    cluster.clearLayers();
    const done = new Promise((resolve) => {
      clustered = resolve;
    });
    if (layers.length) cluster.addLayers(layers);
    else clustered();
    counter.set(placed.length, events.length - placed.length);
    if (!fittedOnce && placed.length) {
      fittedOnce = true;
      const bounds = L.latLngBounds(placed.map((e) => [e.latitude, e.longitude]));
      map.fitBounds(bounds.pad(0.15), { maxZoom: 9, animate: false }); // an animation would undo a focus()
    }
    return done;
  }

  /** Zoom in until an event's marker stands alone, centred in the part of the map left of `rightInset` px. */
  function focus(id, rightInset = 0) {
    const marker = markers.get(id);
    document.querySelectorAll(".ev-marker.selected").forEach((n) => n.classList.remove("selected"));
    if (!marker || !cluster.hasLayer(marker)) return;
    const zoom = Math.max(map.getZoom(), UNCLUSTERED_ZOOM);
    const centre = map.project(marker.getLatLng(), zoom).add([rightInset / 2, 0]);
    const highlight = () => {
      marker.getElement()?.classList.add("selected");
      showTooltip(marker); // names the place: the offline basemap has no village names
    };
    map.once("moveend", () => setTimeout(highlight, 0)); // after the clusters are redrawn
    map.setView(map.unproject(centre, zoom), zoom);
  }

  /** Forget cached markers (the events were reloaded with other filters). */
  function reset() {
    markers.clear();
  }

  return { map, setEvents, focus, reset, basemapReady };
}
