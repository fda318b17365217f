#!/usr/bin/env node
// Checks the package as a user gets it, outside the repository: `npm pack`, install the tarball
// in an empty folder, then `strata --help`, `strata data import` (the data pack) and
// `strata layers` from the installed copy. CI runs it (.ci/run); needs the npm registry or cache.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const pack = resolve(process.env.STRATA_PACK ?? '../shared/data-pack');
const dir = mkdtempSync(join(tmpdir(), 'strata-package-'));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const tgz = run('npm', ['pack', '--silent', '--pack-destination', dir], process.cwd())
    .trim()
    .split('\n')
    .at(-1);
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'strata-package-check', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tgz)], app);
  const strata = (...args) =>
    run(join(app, 'node_modules', '.bin', 'strata'), ['--db', join(app, 's.duckdb'), ...args], app);
  const help = strata('--help');
  if (!/^Usage: strata/.test(help)) throw new Error(`strata --help printed: ${help.slice(0, 200)}`);
  const version = strata('--version').trim();
  const imported = strata('data', 'import', pack);
  if (!/\d+ imported, \d+ unchanged/.test(imported))
    throw new Error(`strata data import printed: ${imported.slice(-300)}`);
  const csv = strata('layers', '--level', 'itl3', '--year', '2022', '--format', 'csv').trim().split('\n');
  if (csv[0] !== 'areacd,areanm,layer,value,share,lq' || csv.length < 1000)
    throw new Error(`strata layers printed ${csv.length} lines starting ${csv[0]}`);
  console.log(
    `package check: ${tgz} installs and runs outside the repository (${version}; ${csv.length - 1} layer rows)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
