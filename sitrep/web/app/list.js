// The event list: a page of rows at a time, sorted on the client, one click opens the drawer.
import { clear, el } from "./dom.js";
import { fatalitiesLabel, formatDate, placeLabel, plural, typeClass } from "./format.js";

const PAGE = 200;

const SORTS = {
  newest: (a, b) => (b.event_date || "").localeCompare(a.event_date || ""),
  oldest: (a, b) => (a.event_date || "9999").localeCompare(b.event_date || "9999"),
  fatalities: (a, b) => (b.fatalities ?? -1) - (a.fatalities ?? -1),
  sources: (a, b) => b.corroboration - a.corroboration,
};

function row(event, onSelect) {
  const badges = [el("span", { class: `badge certainty-${event.certainty}`, text: event.certainty })];
  if (event.modality !== "occurred")
    badges.push(el("span", { class: `badge modality-${event.modality}`, text: event.modality }));
  if (event.corroboration > 1)
    badges.push(el("span", { class: "badge corroboration", text: plural(event.corroboration, "source") }));
  return el(
    "li",
    { class: "event-row", dataset: { id: event.id }, tabindex: "0", role: "button" },
    el("span", { class: `swatch ${typeClass(event.event_type)}`, title: event.event_type }),
    el(
      "div",
      { class: "event-main" },
      el("div", { class: "event-title", text: event.sub_event_type || event.event_type }),
      el("div", {
        class: "event-meta",
        text: `${formatDate(event.event_date, event.date_precision)} · ${placeLabel(event)}`,
      }),
      el("div", { class: "event-actors", text: [event.actor1, event.actor2].filter(Boolean).join(" vs ") }),
      el("div", { class: "badges" }, badges),
    ),
    el("div", { class: "event-fatalities", title: fatalitiesLabel(event.fatalities), text: event.fatalities ?? "–" }),
  );
}

export function createList({ list, count, more, sort }, { onSelect }) {
  let events = [];
  let shown = 0;
  let total = 0;

  list.addEventListener("click", (e) => {
    const item = e.target.closest("li[data-id]");
    if (item) onSelect(item.dataset.id);
  });
  list.addEventListener("keydown", (e) => {
    const item = e.target.closest("li[data-id]");
    if (item && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      onSelect(item.dataset.id);
    }
  });
  more.addEventListener("click", () => showMore());
  sort.addEventListener("change", () => setEvents(events, total));

  function showMore() {
    const next = events.slice(shown, shown + PAGE);
    list.append(...next.map((e) => row(e, onSelect)));
    shown += next.length;
    more.hidden = shown >= events.length;
    count.textContent = `${plural(events.length, "event")}${total > events.length ? ` of ${total.toLocaleString("en")}` : ""}`;
    count.dataset.count = String(events.length);
  }

  /** Show these events; `all` is how many there are before the timeline selection. */
  function setEvents(next, all = next.length) {
    events = [...next].sort(SORTS[sort.value] || SORTS.newest);
    total = all;
    shown = 0;
    clear(list);
    showMore();
  }

  function highlight(id) {
    list.querySelectorAll(".event-row.selected").forEach((n) => n.classList.remove("selected"));
    list.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.classList.add("selected");
  }

  return { setEvents, highlight };
}
