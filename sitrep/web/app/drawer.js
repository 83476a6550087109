// The event drawer: every field of one event, and every source with its evidence in the article.
import { getDocument, getEvent } from "./api.js";
import { clear, el, safeHref } from "./dom.js";
import { articleBox, scrollToEvidence } from "./evidence.js";
import {
  CERTAINTY_HELP,
  MODALITY_HELP,
  fatalitiesLabel,
  formatDate,
  geoPrecisionLabel,
  placeLabel,
  plural,
  typeClass,
} from "./format.js";

const AUTO_ARTICLES = 8; // articles loaded at once; the rest on request

function badge(kind, value, help) {
  return el("span", { class: `badge ${kind}-${value}`, title: help[value] || "", text: value });
}

function field(label, ...value) {
  return [el("dt", { text: label }), el("dd", {}, ...value)];
}

function actorsLine(event) {
  const side = (main, assoc, inter) =>
    main
      ? el(
          "span",
          { class: "actor" },
          main,
          assoc ? ` (with ${assoc})` : "",
          inter ? el("small", { text: ` inter ${inter}` }) : "",
        )
      : el("span", { class: "muted", text: "not named" });
  return el(
    "span",
    {},
    side(event.actor1, event.assoc_actor_1, event.inter1),
    event.actor2 || event.assoc_actor_2 ? [" vs ", side(event.actor2, event.assoc_actor_2, event.inter2)] : "",
  );
}

function fatalitiesBlock(event) {
  const figures = event.sources.filter((s) => s.fatalities != null);
  const summary = el("span", { text: fatalitiesLabel(event.fatalities) });
  if (figures.length > 1) summary.append(el("small", { class: "muted", text: " (lowest figure across sources)" }));
  const list = figures.length
    ? el(
        "ul",
        { class: "figures" },
        figures.map((s) =>
          el("li", {}, el("strong", { text: String(s.fatalities) }), ` according to ${s.publisher || s.source}`),
        ),
      )
    : "";
  const disputed = event.disputed ? el("div", { class: "badge disputed", text: "disputed: a party denies it" }) : "";
  return [summary, list, disputed];
}

function sourceCard(source, eventId, index) {
  const href = safeHref(source.source);
  const title = source.title || source.source;
  const heading = href
    ? el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow", text: title })
    : el("span", { text: title });
  const article = el("div", { class: "article-slot" });
  const card = el(
    "li",
    { class: "source", dataset: { document: source.document_id } },
    el(
      "div",
      { class: "source-head" },
      el("strong", { text: source.publisher || "unknown publisher" }),
      " · ",
      el("span", { text: source.published ? formatDate(source.published) : "publication date unknown" }),
    ),
    el("div", { class: "source-title" }, heading),
    el(
      "div",
      { class: "badges" },
      badge("certainty", source.certainty, CERTAINTY_HELP),
      badge("modality", source.modality, MODALITY_HELP),
      source.fatalities != null ? el("span", { class: "badge figure", text: fatalitiesLabel(source.fatalities) }) : "",
    ),
    el(
      "div",
      { class: "quotes" },
      source.evidence.map((e) => el("blockquote", { class: "evidence", text: e.text })),
    ),
    article,
  );
  const load = async () => {
    clear(article).append(el("div", { class: "muted", text: "loading the article…" }));
    try {
      const doc = await getDocument(source.document_id);
      const box = articleBox(doc, eventId);
      clear(article).append(el("div", { class: "article-label", text: "Article text, evidence highlighted" }), box);
      scrollToEvidence(box);
    } catch (error) {
      clear(article).append(el("div", { class: "error", text: `cannot load the article: ${error.message}` }));
    }
  };
  if (index < AUTO_ARTICLES) load();
  else article.append(el("button", { type: "button", class: "link", text: "Show the article", onclick: load }));
  return card;
}

function render(body, event) {
  const lat = event.latitude != null ? `${event.latitude.toFixed(4)}, ${event.longitude.toFixed(4)}` : null;
  clear(body).append(
    el(
      "div",
      { class: `drawer-type ${typeClass(event.event_type)}` },
      el("span", { class: "swatch" }),
      el("span", { text: event.event_type }),
    ),
    el("h2", { text: event.sub_event_type }),
    el(
      "div",
      { class: "badges" },
      badge("certainty", event.certainty, CERTAINTY_HELP),
      badge("modality", event.modality, MODALITY_HELP),
      el("span", { class: "badge corroboration", text: plural(event.corroboration, "source") }),
    ),
    el(
      "dl",
      { class: "fields" },
      field(
        "Date",
        formatDate(event.event_date, event.date_precision),
        el("small", { class: "muted", text: ` precision: ${event.date_precision}` }),
      ),
      field(
        "Place",
        placeLabel(event),
        el("small", {
          class: "muted",
          text: event.geo_precision
            ? ` precision ${event.geo_precision}: ${geoPrecisionLabel(event.geo_precision)}`
            : " not geocoded",
        }),
        lat ? el("div", { class: "muted", text: lat }) : "",
      ),
      field("Actors", actorsLine(event)),
      field("Fatalities", ...fatalitiesBlock(event)),
      field("Corroboration", `${plural(event.corroboration, "independent publisher")}`),
      field(
        "Attribution",
        event.attribution.length
          ? event.attribution.join("; ")
          : el("span", { class: "muted", text: "none: the outlets' own voice" }),
      ),
      field("Event id", el("code", { text: event.id })),
    ),
    el("h3", { text: `Sources (${event.sources.length})` }),
    el(
      "ol",
      { class: "sources" },
      event.sources.map((s, i) => sourceCard(s, event.id, i)),
    ),
  );
}

export function createDrawer(panel, { onClose }) {
  const body = panel.querySelector("#drawer-body");
  let current = null;
  panel.querySelector("#drawer-close").addEventListener("click", () => onClose());
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !panel.hidden) onClose();
  });

  async function open(id) {
    current = id;
    panel.hidden = false;
    clear(body).append(el("div", { class: "muted", text: "loading…" }));
    try {
      const event = await getEvent(id);
      if (current !== id) return; // another event was opened meanwhile
      render(body, event);
      panel.dataset.eventId = event.id;
    } catch (error) {
      clear(body).append(el("div", { class: "error", text: `cannot load event ${id}: ${error.message}` }));
    }
  }

  function close() {
    current = null;
    panel.hidden = true;
    delete panel.dataset.eventId;
  }

  return { open, close, current: () => current };
}
