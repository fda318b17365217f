#!/usr/bin/env node
// Builds the web app (src/web → dist/web) when dist/web is missing or older than its sources;
// `--force` always builds. Used by `npm start` and the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'dist/web/index.html';

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

const stale =
  process.argv.includes('--force') ||
  !existsSync(OUT) ||
  statSync(OUT).mtimeMs < Math.max(newest('src/web'), newest('vite.config.ts'));
if (stale) {
  console.log('Building the web app (vite build)...');
  const res = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  process.exit(res.status ?? 1);
}
