// Fetching from the API: one promise per URL (pages and charts asking for the same data share
// it), and errors in the API's one shape `{ error, code }` turned into ApiError.

/** A failed API call: the HTTP status and the API's machine-readable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const cache = new Map<string, Promise<unknown>>();
const MAX_CACHED = 200;

/** An API URL with its query (empty and undefined parameters left out). */
export function apiUrl(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `/api/v1/${path}${s ? `?${s}` : ''}`;
}

/** The CSV download URL of a table route. */
export function csvUrl(url: string): string {
  return url + (url.includes('?') ? '&' : '?') + 'format=csv';
}

async function read<T>(res: Response): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  let body: { error?: string; code?: string } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not the API's JSON: keep the status line
  }
  throw new ApiError(res.status, body.code ?? 'http', body.error ?? `${res.status} ${res.statusText}`);
}

/** GETs JSON once per URL; a failed request is forgotten so it can be retried. */
export function getJson<T>(url: string): Promise<T> {
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = fetch(url, { headers: { accept: 'application/json' } }).then((r) => read<T>(r));
    p.catch(() => cache.delete(url));
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(url, p);
  }
  return p;
}

/** POSTs JSON and returns the CSV the API answers with (never cached); an error is the API's. */
export async function postCsv(url: string, body: unknown): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/csv' },
    body: JSON.stringify(body),
  });
  if (!res.ok) return read<never>(res);
  return res.text();
}

/** POSTs JSON (never cached). */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return read<T>(res);
}
