// Labels and formats shared by the list, the map and the drawer.

export const EVENT_TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
  "Diplomacy",
];
export const CERTAINTIES = ["asserted", "reported", "claimed", "alleged"];
export const MODALITIES = ["occurred", "planned", "hypothetical", "denied"];

const TYPE_CLASSES = {
  Battles: "t-battles",
  "Explosions/Remote violence": "t-explosions",
  "Violence against civilians": "t-vac",
  Protests: "t-protests",
  Riots: "t-riots",
  "Strategic developments": "t-strategic",
  Diplomacy: "t-diplomacy",
};

export const CERTAINTY_HELP = {
  asserted: "in the outlet's own voice",
  reported: "attributed to a named source that is not a party",
  claimed: "said by a party to the conflict",
  alleged: "hedged or unconfirmed",
};
export const MODALITY_HELP = {
  occurred: "reported as having happened",
  planned: "being prepared or announced, not (yet) happened",
  hypothetical: "a possibility (if, could, would)",
  denied: "a party says it did not happen",
};
const GEO_PRECISION = {
  1: "the place itself",
  2: "near or part of the place",
  3: "only the province is known",
};

/** CSS class that colours an event type (unknown types share one class). */
export function typeClass(eventType) {
  return TYPE_CLASSES[eventType] || "t-other";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-03-12" -> "12 Mar 2024"; the precision says how much of it is known. */
export function formatDate(iso, precision = "day") {
  if (!iso) return "date unknown";
  const [y, m, d] = iso.split("-").map(Number);
  if (precision === "year") return `${y}`;
  if (precision === "month") return `${MONTHS[m - 1]} ${y}`;
  if (precision === "week") return `week of ${d} ${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function geoPrecisionLabel(precision) {
  return GEO_PRECISION[precision] || "unknown precision";
}

export function placeLabel(event) {
  const parts = [event.location, event.admin1, event.country].filter(Boolean);
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length ? unique.join(", ") : "place unknown";
}

export function fatalitiesLabel(n) {
  if (n == null) return "fatalities not reported";
  return n === 1 ? "1 fatality" : `${n.toLocaleString("en")} fatalities`;
}

export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** Parse "YYYY-MM-DD" as a UTC day (no local-time drift). */
export function parseDay(iso) {
  return new Date(`${iso}T00:00:00Z`);
}

export function dayString(date) {
  return date.toISOString().slice(0, 10);
}
