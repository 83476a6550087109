// The timeline: events per day as bars, with a brush that selects a period (whole days).
/* global d3 */
import { dayString, parseDay } from "./format.js";

const MARGIN = { top: 8, right: 14, bottom: 22, left: 34 };
const DAY = 24 * 60 * 60 * 1000;

/** Events per day ("YYYY-MM-DD" -> count), dated events only. */
export function countByDay(events) {
  const counts = new Map();
  for (const e of events) {
    if (e.event_date) counts.set(e.event_date, (counts.get(e.event_date) || 0) + 1);
  }
  return counts;
}

export function createTimeline(container, { onBrush }) {
  const svg = d3.select(container).append("svg").attr("class", "timeline-svg").attr("role", "img");
  const barsLayer = svg.append("g").attr("class", "bars");
  const axisLayer = svg.append("g").attr("class", "axis");
  const yAxisLayer = svg.append("g").attr("class", "axis y");
  const brushLayer = svg.append("g").attr("class", "brush");
  let counts = new Map();
  let x = null;
  let selected = null; // [fromDay, toDay] as "YYYY-MM-DD", inclusive
  let brush = null;

  function draw() {
    const width = container.clientWidth || 600;
    const height = container.clientHeight || 110;
    svg.attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
    const days = [...counts.keys()].sort();
    barsLayer.selectAll("*").remove();
    axisLayer.selectAll("*").remove();
    yAxisLayer.selectAll("*").remove();
    brushLayer.selectAll("*").remove();
    if (!days.length) {
      x = null;
      return;
    }
    const first = parseDay(days[0]);
    const last = new Date(parseDay(days[days.length - 1]).getTime() + DAY);
    x = d3
      .scaleUtc()
      .domain([first, last])
      .range([MARGIN.left, width - MARGIN.right]);
    const y = d3
      .scaleLinear()
      .domain([0, d3.max(counts.values())])
      .nice()
      .range([height - MARGIN.bottom, MARGIN.top]);
    const barWidth = Math.max(1, x(new Date(first.getTime() + DAY)) - x(first) - 1);
    barsLayer
      .selectAll("rect")
      .data(days)
      .join("rect")
      .attr("data-day", (d) => d)
      .attr("x", (d) => x(parseDay(d)))
      .attr("y", (d) => y(counts.get(d)))
      .attr("width", barWidth)
      .attr("height", (d) => y(0) - y(counts.get(d)))
      .append("title")
      .text((d) => `${d}: ${counts.get(d)} events`);
    axisLayer.attr("transform", `translate(0,${height - MARGIN.bottom})`).call(
      d3
        .axisBottom(x)
        .ticks(Math.max(2, Math.floor(width / 90)))
        .tickSizeOuter(0),
    );
    yAxisLayer.attr("transform", `translate(${MARGIN.left},0)`).call(
      d3
        .axisLeft(y)
        .ticks(Math.min(3, y.domain()[1]))
        .tickFormat((d) => (Number.isInteger(d) ? d3.format("~s")(d) : "")),
    );
    brush = d3
      .brushX()
      .extent([
        [MARGIN.left, MARGIN.top],
        [width - MARGIN.right, height - MARGIN.bottom],
      ])
      .on("end", brushed);
    brushLayer.call(brush);
    if (selected) brushLayer.call(brush.move, pixelsOf(selected));
  }

  function pixelsOf([from, to]) {
    return [x(parseDay(from)), x(new Date(parseDay(to).getTime() + DAY))];
  }

  /** Snap a brushed pixel range to whole days, then report it (null when cleared). */
  function brushed({ selection, sourceEvent }) {
    if (!sourceEvent) return; // a programmatic move (snapping, redraw): already reported
    if (!selection) {
      selected = null;
      onBrush(null);
      return;
    }
    // to the nearest day boundaries: a drag that starts just before a bar includes that day
    const start = d3.utcDay.round(x.invert(selection[0]));
    const end = d3.utcDay.round(x.invert(selection[1]));
    const lastDay = new Date(Math.max(end.getTime() - DAY, start.getTime()));
    selected = [dayString(start), dayString(lastDay)];
    brushLayer.call(brush.move, pixelsOf(selected));
    onBrush(selected);
  }

  function setEvents(events) {
    counts = countByDay(events);
    selected = null;
    draw();
  }

  function clearSelection() {
    selected = null;
    if (brush) brushLayer.call(brush.move, null);
  }

  new ResizeObserver(() => draw()).observe(container);
  return { setEvents, clearSelection, selection: () => selected };
}
