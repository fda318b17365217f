// Answers as HTTP responses: JSON typed by the route's response schema, or CSV of the answer's
// table view (the one writer in contract/table.ts), with an ETag, Cache-Control and gzip.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { excelCsvText, sourceOf } from '../contract/excel-csv.ts';
import { csvText, type TableView } from '../contract/table.ts';
import { HttpError } from './errors.ts';
import { generationId, generationKey } from './store-context.ts';

/** A 200 JSON response carrying T: what a handler returns so its route checks T against the response schema. */
export type Json<T> = TypedResponse<JSONParsed<T>, 200, 'json'>;

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8';

/** Whether a table route should answer in CSV: `?format=csv` or `Accept: text/csv`. */
export function wantsCsv(c: Context): boolean {
  const format = c.req.query('format');
  if (format !== undefined && format !== 'csv' && format !== 'json') {
    throw new HttpError(400, 'bad_request', `invalid format: ${format} (json or csv)`, { field: 'format' });
  }
  return format === 'csv' || (format === undefined && /\btext\/csv\b/.test(c.req.header('accept') ?? ''));
}

/**
 * Whether a CSV should be made for Excel (`?excel=1`: byte-order mark, published precision, a
 * source line, formula guard). Only with CSV; plain RFC 4180 CSV is the default.
 */
export function wantsExcel(c: Context, csv: boolean): boolean {
  const excel = c.req.query('excel');
  if (excel === undefined || excel === '0' || excel === 'false') return false;
  if (excel !== '1' && excel !== 'true')
    throw new HttpError(400, 'bad_request', `invalid excel: ${excel} (1 or 0)`, { field: 'excel' });
  if (!csv)
    throw new HttpError(400, 'bad_request', 'invalid excel: it goes with format=csv', { field: 'excel' });
  return true;
}

/** The CSV of an answer's table: plain, or for Excel with the answer's source (else the address asked). */
function csvOf<T>(c: Context, answer: T, view: TableView<T>, excel: boolean): string {
  const flat = view.flatten(answer);
  if (!excel) return csvText(flat);
  const url = new URL(c.req.url);
  return excelCsvText(flat, sourceOf(answer, `Strata API ${url.pathname}${url.search}`));
}

/** A response body kept ready: its bytes, a gzip copy, an ETag. */
interface Prepared {
  type: string;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
}

function prepare(type: string, text: string): Prepared {
  const body = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { type, body, gzip: body.length > 1024 ? gzipSync(body, { level: 6 }) : null, etag };
}

// The runtime value is the Response; the type says what JSON it carries (checked where the handler returns it).
const typed = <T>(res: Response) => res as unknown as Json<T>;

/**
 * Prepared responses by key, for one app: a repeated request costs a map lookup. They live as
 * long as the store generation they were made from (the server's store is read-only until an
 * import switches it to a new generation, store/holder.ts).
 */
export class Responses {
  readonly #cache = new Map<string, Prepared>();
  static readonly MAX_ENTRIES = 5000;
  /** The newest store generation a response was prepared from: older ones' entries are dropped. */
  #newestGeneration = 0;

  /** Sends the prepared response for `key` (made once), with an ETag, Cache-Control and gzip when accepted. */
  async send(c: Context, key: string, make: () => Promise<{ type: string; text: string }>, maxAge = 300) {
    const generation = generationId();
    if (generation > this.#newestGeneration) {
      this.#cache.clear();
      this.#newestGeneration = generation;
    }
    key = generationKey() + key;
    let p = this.#cache.get(key);
    if (!p) {
      const { type, text } = await make();
      p = prepare(type, text);
      if (this.#cache.size >= Responses.MAX_ENTRIES) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(key, p);
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

  /** An answer as JSON, cached under `key`. */
  async json<T>(c: Context, key: string, make: () => T | Promise<T>, maxAge?: number): Promise<Json<T>> {
    const res = await this.send(
      c,
      key,
      async () => ({ type: JSON_TYPE, text: JSON.stringify(await make()) }),
      maxAge,
    );
    return typed<T>(res);
  }

  /** JSON text already made (a stored TopoJSON layer), declared as T and cached under `key`. */
  async jsonText<T>(c: Context, key: string, make: () => Promise<string>, maxAge?: number): Promise<Json<T>> {
    return typed<T>(await this.send(c, key, async () => ({ type: JSON_TYPE, text: await make() }), maxAge));
  }

  /** An answer as JSON, or CSV of its table view, cached under `key`. */
  async table<T>(c: Context, key: string, make: () => Promise<T>, view: TableView<T>): Promise<Json<T>> {
    const csv = wantsCsv(c);
    const excel = wantsExcel(c, csv);
    const res = await this.send(c, `${key}|${csv ? (excel ? 'excel' : 'csv') : 'json'}`, async () => {
      const answer = await make();
      return csv
        ? { type: CSV_TYPE, text: csvOf(c, answer, view, excel) }
        : { type: JSON_TYPE, text: JSON.stringify(answer) };
    });
    return typed<T>(res);
  }
}

/** An answer computed for this request only (a posted file): JSON, or CSV of its table view. */
export function tableNow<T>(c: Context, answer: T, view: TableView<T>): Json<T> {
  const csv = wantsCsv(c);
  const excel = wantsExcel(c, csv);
  if (csv)
    return typed<T>(new Response(csvOf(c, answer, view, excel), { headers: { 'content-type': CSV_TYPE } }));
  return typed<T>(new Response(JSON.stringify(answer), { headers: { 'content-type': JSON_TYPE } }));
}
