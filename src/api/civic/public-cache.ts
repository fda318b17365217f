// Caching for the civic answers that are public records: the signed head series is append-only,
// so a full page never changes (cached for a year, immutable) and the last page only grows
// (revalidated by its ETag). Everything else under the civic routes stays no-store (routes.ts).
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** How long a public civic answer may be kept: for good (a full page of a series), or until it is revalidated. */
export type PublicLife = 'immutable' | 'revalidate';

const CACHE_CONTROL: Record<PublicLife, string> = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'public, no-cache',
};

const marked = new WeakSet<Request>();

/** Whether this request's answer was marked a public record here (routes.ts sets no-store on every other). */
export function isPublicRecord(c: Context): boolean {
  return marked.has(c.req.raw);
}

/** The strong ETag of a JSON text. */
export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
}

/** Sets the headers of a public record and says whether the client's copy (If-None-Match) is current. */
export function markPublic(c: Context, text: string, life: PublicLife): boolean {
  const etag = etagOf(text);
  marked.add(c.req.raw);
  c.header('etag', etag);
  c.header('cache-control', CACHE_CONTROL[life]);
  const held = c.req.header('if-none-match');
  return held !== undefined && held.split(/\s*,\s*/).some((t) => t === etag || t === `W/${etag}`);
}
