#!/usr/bin/env node
// Compiles the server and CLI (src → lib, one .js file per .ts file, tsconfig.build.json) and the
// web app (src/web → dist/web) when either is missing or older than its sources; `--force`
// always builds. Type-checking is `npm run typecheck`'s job. Used by `npm start`, `npm run build`
// and `npm install` (the prepare script); bin/strata.js runs lib/ when it is up to date.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const STAMP = 'lib/build-info.json';

function newest(path, skip) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(
    s.mtimeMs,
    ...readdirSync(path)
      .map((n) => join(path, n))
      .filter((p) => p !== skip)
      .map((p) => newest(p, skip)),
  );
}

function commit() {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=12'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

const force = process.argv.includes('--force');
if (!existsSync('src')) process.exit(0); // an installed package: built before it was packed
const stale =
  force ||
  !existsSync(STAMP) ||
  statSync(STAMP).mtimeMs <
    Math.max(newest('src', join('src', 'web')), newest('tsconfig.build.json'), newest('package.json'));
if (stale) {
  console.log('Building the server and CLI (tsc -p tsconfig.build.json: src → lib)...');
  rmSync('lib', { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // The built-in layer taxonomies, checked by their schema once here: a command reading one
  // then need not load the schema library (workbench/taxonomies.ts).
  const { checkBuiltIns, CHECKED_FILE } = await import(pathToFileURL('lib/workbench/taxonomies.js').href);
  writeFileSync(CHECKED_FILE, JSON.stringify(await checkBuiltIns()) + '\n');
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  writeFileSync(STAMP, JSON.stringify({ version, commit: commit(), built: new Date().toISOString() }) + '\n');
}
const web = spawnSync(process.execPath, ['scripts/build-web.js', ...(force ? ['--force'] : [])], {
  stdio: 'inherit',
});
process.exit(web.status ?? 1);
