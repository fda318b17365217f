import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { stringify } from 'csv-stringify/sync';
import { HttpError } from './errors.ts';
import { generationId, generationKey } from './store-context.ts';

/** A response body kept ready: its bytes, a gzip copy, an ETag. */
interface Prepared {
  type: string;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
}

const cache = new Map<string, Prepared>();
const MAX_ENTRIES = 5000;
/** The newest store generation a response was prepared from: older ones' entries are dropped. */
let newestGeneration = 0;

function prepare(type: string, text: string): Prepared {
  const body = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { type, body, gzip: body.length > 1024 ? gzipSync(body, { level: 6 }) : null, etag };
}

/** Whether a table route should answer in CSV: `?format=csv` or `Accept: text/csv`. */
export function wantsCsv(c: Context): boolean {
  const format = c.req.query('format');
  if (format !== undefined && format !== 'csv' && format !== 'json') {
    throw new HttpError(400, 'bad_request', `invalid format: ${format} (json or csv)`, { field: 'format' });
  }
  return format === 'csv' || (format === undefined && /\btext\/csv\b/.test(c.req.header('accept') ?? ''));
}

/** Rows to CSV with a header, full precision. */
export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return stringify(
    rows.map((r) => cols.map((k) => cell(r[k]))),
    { header: true, columns: cols },
  );
}

/**
 * Sends data with an ETag, Cache-Control and gzip when accepted. `key` identifies the
 * response, so a repeated request costs a map lookup; prepared responses live as long as the
 * store generation they were made from (the server's store is read-only until an import
 * switches it to a new generation).
 */
export async function sendCached(
  c: Context,
  key: string,
  make: () => Promise<{ type: string; text: string }>,
  maxAge = 300,
): Promise<Response> {
  const generation = generationId();
  if (generation > newestGeneration) {
    cache.clear();
    newestGeneration = generation;
  }
  key = generationKey() + key;
  let p = cache.get(key);
  if (!p) {
    const { type, text } = await make();
    p = prepare(type, text);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, p);
  }
  const headers: Record<string, string> = {
    'content-type': p.type,
    etag: p.etag,
    'cache-control': `public, max-age=${maxAge}`,
    vary: 'accept, accept-encoding',
  };
  if (c.req.header('if-none-match') === p.etag) return new Response(null, { status: 304, headers });
  if (p.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    return new Response(p.gzip, { status: 200, headers: { ...headers, 'content-encoding': 'gzip' } });
  }
  return new Response(p.body, { status: 200, headers });
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON value, cached under `key` (see sendCached). */
export function sendJson(c: Context, key: string, make: () => unknown, maxAge?: number): Promise<Response> {
  return sendCached(c, key, async () => ({ type: JSON_TYPE, text: JSON.stringify(await make()) }), maxAge);
}

/** JSON or CSV for a table route, cached under `key`. */
export function sendTable(
  c: Context,
  key: string,
  make: () => Promise<{ json: unknown; rows: Record<string, unknown>[]; columns?: string[] }>,
): Promise<Response> {
  const csv = wantsCsv(c);
  return sendCached(c, `${key}|${csv ? 'csv' : 'json'}`, async () => {
    const out = await make();
    return csv
      ? { type: 'text/csv; charset=utf-8', text: toCsv(out.rows, out.columns) }
      : { type: JSON_TYPE, text: JSON.stringify(out.json) };
  });
}
