// The participation pages' files: the web app's own stylesheet (src/web/styles.css, so the pages
// share its look, header and footer), the pages' additions, and the running-total script.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HttpError } from '../../errors.ts';

const FILES: Record<string, { url: URL; type: string }> = {
  'app.css': { url: new URL('../../../web/styles.css', import.meta.url), type: 'text/css; charset=utf-8' },
  'participate.css': {
    url: new URL('./assets/participate.css', import.meta.url),
    type: 'text/css; charset=utf-8',
  },
  'totals.js': {
    url: new URL('./assets/totals.js', import.meta.url),
    type: 'text/javascript; charset=utf-8',
  },
};
const cache = new Map<string, Buffer>();

/** One of the pages' files by name; 404 for any other name. */
export function serveAsset(name: string): Response {
  const f = FILES[name];
  if (!f) throw new HttpError(404, 'not_found', `no such file: ${name.slice(0, 100)}`);
  let body = cache.get(name);
  if (!body) {
    body = readFileSync(fileURLToPath(f.url));
    cache.set(name, body);
  }
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': f.type,
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    },
  });
}
