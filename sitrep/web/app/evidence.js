// Article text with evidence highlighted, built from plain text and offsets: no HTML is ever parsed.
import { el } from "./dom.js";

/**
 * Cut `body` at every span boundary and wrap the pieces covered by spans in <mark>.
 * Pieces covered by a span of `eventId` get class "this", pieces of other events "other".
 * Returns a DocumentFragment of text nodes and <mark> elements.
 */
export function markedText(body, spans, eventId) {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= body.length && s.start < s.end);
  const cuts = [...new Set([0, body.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const text = body.slice(start, end);
    const covering = valid.filter((s) => s.start <= start && end <= s.end);
    if (!covering.length) {
      fragment.append(text);
      continue;
    }
    const events = [...new Set(covering.map((s) => s.event_id).filter(Boolean))];
    const mine = events.includes(eventId);
    fragment.append(
      el("mark", {
        class: mine ? "this" : "other",
        dataset: { events: events.join(" ") },
        title: mine ? "evidence for this event" : "evidence for another event",
        text,
      }),
    );
  }
  return fragment;
}

/** An article box for one document: the clean text, evidence marked, scrolled to this event's. */
export function articleBox(doc, eventId) {
  const box = el("div", { class: "article", tabindex: "0", dataset: { document: doc.id } });
  box.append(markedText(doc.body, doc.spans || [], eventId));
  return box;
}

export function scrollToEvidence(box) {
  const mark = box.querySelector("mark.this");
  if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 24); // .article is position: relative
}
