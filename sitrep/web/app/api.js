// The API client: filters to query strings, and JSON fetches with one-line errors.

/** The filter object (arrays for multi-choice) plus extra params, as URLSearchParams. */
export function toParams(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value == null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.append(key, String(value));
  }
  return params;
}

export async function getJSON(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (typeof body.detail === "string") detail = body.detail;
    } catch {
      /* not JSON: keep the status line */
    }
    throw new Error(detail);
  }
  return response.json();
}

/** /api/points rows as objects keyed by the fields the server names. */
export async function getPoints(filters) {
  const body = await getJSON("/api/points", toParams(filters));
  const { fields, rows } = body;
  const events = rows.map((row) => Object.fromEntries(fields.map((f, i) => [f, row[i]])));
  return { total: body.total, events };
}

export const getStats = (filters) => getJSON("/api/stats", toParams(filters));
export const getEvent = (id) => getJSON(`/api/events/${encodeURIComponent(id)}`);
export const getDocument = (id) => getJSON(`/api/documents/${encodeURIComponent(id)}`);

export function exportUrl(format, filters) {
  const params = toParams(filters);
  const query = [...params].length ? `?${params}` : "";
  return `/api/events.${format}${query}`;
}
