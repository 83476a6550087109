// The filter panel: choices and counts from the loaded events; reports the filters as API params.
import { debounce, el } from "./dom.js";
import { CERTAINTIES, CERTAINTY_HELP, EVENT_TYPES, MODALITIES, MODALITY_HELP, typeClass } from "./format.js";

function checkboxes(fieldset, name, values, { counts = new Map(), help = {}, swatch = false } = {}) {
  for (const value of values) {
    const n = counts.get(value);
    fieldset.append(
      el(
        "label",
        { class: "check", title: help[value] || "" },
        el("input", { type: "checkbox", name, value, checked: true }),
        swatch ? el("span", { class: `swatch ${typeClass(value)}` }) : "",
        el("span", { text: value }),
        n != null ? el("small", { class: "muted", text: ` ${n.toLocaleString("en")}` }) : "",
      ),
    );
  }
}

/** All boxes ticked means no filter; some ticked: those values; none: nothing can match. */
function chosen(form, name) {
  const boxes = [...form.querySelectorAll(`input[name="${name}"]`)];
  const ticked = boxes.filter((b) => b.checked).map((b) => b.value);
  if (ticked.length === boxes.length) return null;
  return ticked;
}

export function createFilters(form, facets, { onChange }) {
  const counts = (list) => new Map(list.map((f) => [f.value, f.count]));
  const typeCounts = counts(facets.event_types);
  // the codebook's types first (stable colours), then any other type present in the data
  const types = [
    ...EVENT_TYPES.filter((t) => typeCounts.has(t)),
    ...[...typeCounts.keys()].filter((t) => !EVENT_TYPES.includes(t)),
  ];
  checkboxes(form.querySelector("#filter-types"), "event_type", types, { counts: typeCounts, swatch: true });
  checkboxes(form.querySelector("#filter-certainty"), "certainty", CERTAINTIES, {
    counts: counts(facets.certainties),
    help: CERTAINTY_HELP,
  });
  checkboxes(form.querySelector("#filter-modality"), "modality", MODALITIES, {
    counts: counts(facets.modalities),
    help: MODALITY_HELP,
  });
  const datalist = form.querySelector("#actor-names");
  datalist.append(...facets.actors.map((a) => el("option", { value: a.value })));
  for (const input of form.querySelectorAll('input[type="date"]')) {
    if (facets.date_min) input.min = facets.date_min;
    if (facets.date_max) input.max = facets.date_max;
  }

  function value() {
    const data = new FormData(form);
    const text = (name) => (data.get(name) || "").toString().trim() || null;
    return {
      date_from: text("date_from"),
      date_to: text("date_to"),
      event_type: chosen(form, "event_type"),
      certainty: chosen(form, "certainty"),
      modality: chosen(form, "modality"),
      actor: text("actor"),
      min_corroboration: text("min_corroboration"),
      q: text("q"),
    };
  }

  const changed = debounce(() => onChange(value()), 300);
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => onChange(value()), 0));
  return { value };
}

/** True when a multi-choice filter has nothing ticked: no request needed, nothing matches. */
export function matchesNothing(filters) {
  return ["event_type", "certainty", "modality"].some((k) => Array.isArray(filters[k]) && filters[k].length === 0);
}

/** Counts of the values present among events (the same shape as /api/facets). */
export function facetsOf(events) {
  const tally = (values) => {
    const counts = new Map();
    for (const v of values) if (v != null) counts.set(v, (counts.get(v) || 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([value, count]) => ({ value, count }));
  };
  const dates = events
    .map((e) => e.event_date)
    .filter(Boolean)
    .sort();
  return {
    event_types: tally(events.map((e) => e.event_type)),
    certainties: tally(events.map((e) => e.certainty)),
    modalities: tally(events.map((e) => e.modality)),
    actors: tally(events.flatMap((e) => [e.actor1, e.actor2])).slice(0, 300),
    date_min: dates[0] || null,
    date_max: dates[dates.length - 1] || null,
  };
}
