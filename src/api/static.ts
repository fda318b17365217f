import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { HttpError } from './errors.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built web app. Paths that try to leave the folder (`..`, encoded or not,
 * backslashes, NUL) are refused with 400; unknown files with an extension are 404; any other
 * path gets index.html so the app's own routes (`/area/E06000001`) work as links.
 */
export function serveWeb(c: Context, webDir: string): Response {
  let path: string;
  try {
    path = decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    throw new HttpError(400, 'bad_path', 'malformed path encoding');
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) {
    throw new HttpError(400, 'bad_path', 'path leaves the web folder', { path: path.slice(0, 200) });
  }
  const root = resolve(webDir);
  const target = resolve(join(root, path));
  if (target !== root && !target.startsWith(root + sep))
    throw new HttpError(400, 'bad_path', 'path leaves the web folder');
  if (existsSync(target) && statSync(target).isFile()) return file(target, path.startsWith('/assets/'));
  if (extname(path)) throw new HttpError(404, 'not_found', `no such file: ${path.slice(0, 200)}`);
  return file(join(root, 'index.html'), false);
}

function file(path: string, immutable: boolean): Response {
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  return new Response(readFileSync(path), {
    headers: {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    },
  });
}
