// The offline basemap: world countries (Natural Earth via world-atlas) and Syrian governorates and
// districts (Who's On First, simplified, see sitrep/data/basemap). Online tiles only on request.
/* global L, topojson, d3 */
import { el } from "./dom.js";

const WORLD = "/vendor/world-atlas/countries-50m.json";
const SYRIA = "/basemap/sy_admin.topo.json";
const ONLINE_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

const ATTRIBUTION = "Boundaries: Natural Earth; Who's On First (CC0); names: OpenSyria (CC BY 4.0)";

async function fetchJSON(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function labelIcon(text, className) {
  return L.divIcon({ className: `map-label ${className}`, html: el("span", { text }), iconSize: null });
}

function labelsFor(features, className) {
  return L.layerGroup(
    features.map((f) => {
      const [lon, lat] = d3.geoCentroid(f);
      return L.marker([lat, lon], {
        icon: labelIcon(f.properties.name, className),
        interactive: false,
        keyboard: false,
      });
    }),
  );
}

/** Show admin2 lines and labels only when zoomed in enough for them to help. */
function showWithZoom(map, layer, minZoom) {
  const update = () => {
    if (map.getZoom() >= minZoom) map.addLayer(layer);
    else map.removeLayer(layer);
  };
  map.on("zoomend", update);
  update();
}

export async function addBasemap(map) {
  const renderer = L.canvas({ padding: 0.5 });
  const [world, syria] = await Promise.all([fetchJSON(WORLD), fetchJSON(SYRIA)]);
  const countries = topojson.feature(world, world.objects.countries);
  const offline = L.layerGroup([
    L.geoJSON(countries, {
      renderer,
      interactive: false,
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
    }),
  ]);
  offline.getAttribution = () => ATTRIBUTION;
  offline.addTo(map);

  const admin = topojson.feature(syria, syria.objects.admin).features;
  const admin1 = admin.filter((f) => f.properties.level === "admin1");
  const admin2 = admin.filter((f) => f.properties.level === "admin2");
  const governorates = L.geoJSON(
    { type: "FeatureCollection", features: admin1 },
    { renderer, interactive: false, style: { color: "#5b6270", weight: 1.2, fill: false } },
  );
  const districts = L.geoJSON(
    { type: "FeatureCollection", features: admin2 },
    { renderer, interactive: false, style: { color: "#9aa1ab", weight: 0.6, dashArray: "3 3", fill: false } },
  );
  governorates.addTo(map);
  const governorateLabels = labelsFor(admin1, "label-admin1");
  const districtLabels = labelsFor(admin2, "label-admin2");
  showWithZoom(map, governorateLabels, 6);
  showWithZoom(map, L.layerGroup([districts, districtLabels]), 8);

  const online = L.tileLayer(ONLINE_TILES, {
    maxZoom: 18,
    attribution: "© OpenStreetMap contributors",
  });
  L.control
    .layers(
      { "Offline basemap": offline, "Online tiles (OpenStreetMap)": online },
      { "Governorate borders": governorates },
      { collapsed: true, position: "topright" },
    )
    .addTo(map);
  // the online base replaces the offline one; the admin borders stay drawn over either
  map.on("baselayerchange", () => governorates.bringToFront());
}
