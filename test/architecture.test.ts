// The architecture of DESIGN.md, checked by reading every import and string in src/: the
// dependency rule, the contract importing only core, SQL only in the stores, civic reached only
// through its facade, and the web app reaching the server only over HTTP.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const SRC = resolve('src');

/** Which of our modules each module may import (besides itself). */
export const ALLOWED: Record<string, string[]> = {
  core: [],
  ingest: ['core'],
  store: ['core'],
  models: ['core'],
  civic: ['core'],
  contract: ['core'],
  reports: ['models', 'contract', 'core'],
  workbench: ['core', 'contract', 'ingest', 'store', 'models', 'civic', 'reports'],
  // The CLI starts the HTTP server (`strata serve`), so it may reach the api module.
  cli: ['workbench', 'contract', 'core', 'civic', 'api'],
  api: ['workbench', 'contract', 'core', 'civic'],
  // The web app's types come from the contract (type imports only: nothing of the server is bundled).
  web: ['contract'],
};

/** The civic module's facade: the one file the rest of Strata imports from civic. */
export const CIVIC_FACADE = 'civic/service.ts';

/**
 * Where SQL may be written: the analytic store's queries, the civic store, and the readers that
 * let DuckDB read an official file natively (`ingest/*-sql.ts`, each beside its JavaScript reader).
 */
const SQL_HOMES = [/^store\//, /^civic\/store\//, /^ingest\/[\w-]+-sql\.ts$/];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

function moduleOf(file: string): string {
  const rel = relative(SRC, file).split('/');
  if (rel.length === 1) return rel[0]!.replace(/\.ts$/, '');
  return rel[0]!;
}

/** An import's target, and whether it is types only (`import type` / `export type`). */
export interface Import {
  spec: string;
  typeOnly: boolean;
}

export function importsOf(text: string): Import[] {
  const out: Import[] = [];
  const re =
    /(import|export)(\s+type)?\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) out.push({ spec: (m[3] ?? m[4] ?? m[5])!, typeOnly: Boolean(m[2]) });
  return out;
}

/** Our imports of a file: its path under src/ and whether each is types only. */
function ourImports(file: string): { target: string; typeOnly: boolean }[] {
  return importsOf(readFileSync(file, 'utf8'))
    .filter((i) => i.spec.startsWith('.'))
    .map((i) => ({ target: relative(SRC, resolve(dirname(file), i.spec)), typeOnly: i.typeOnly }));
}

export function breaches(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = moduleOf(file);
    for (const { target, typeOnly } of ourImports(file)) {
      if (target.startsWith('..')) {
        found.push(`${relative(SRC, file)} imports ${target} (outside src)`);
        continue;
      }
      const to = moduleOf(join(SRC, target));
      if (to !== from && !(ALLOWED[from] ?? []).includes(to))
        found.push(`${relative(SRC, file)} (${from}) imports ${to}`);
      else if (from === 'web' && to !== 'web' && !typeOnly)
        found.push(
          `${relative(SRC, file)} imports ${target} for more than its types (web reaches the server over HTTP)`,
        );
    }
  }
  return found;
}

/** Imports of civic internals from outside civic (anything but the facade). */
export function civicBreaches(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const rel = relative(SRC, file);
    if (moduleOf(file) === 'civic') continue;
    for (const { target } of ourImports(file)) {
      if (target.startsWith('civic/') && target !== CIVIC_FACADE)
        found.push(`${rel} imports ${target}, not the facade`);
    }
  }
  return found;
}

/** Whether a text holds SQL: a statement in upper case, as this code writes SQL. */
export function hasSql(text: string): boolean {
  return /\b(SELECT\s[\s\S]{0,400}?\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TABLE|VIEW|INDEX)\s)/.test(
    text,
  );
}

/** Files outside the stores that hold SQL. */
export function sqlOutsideStores(files: string[]): string[] {
  return files
    .map((f) => relative(SRC, f))
    .filter((rel) => !SQL_HOMES.some((home) => home.test(rel)))
    .filter((rel) => hasSql(readFileSync(join(SRC, rel), 'utf8')));
}

describe('architecture', () => {
  const files = walk(SRC);

  it('every module imports only what DESIGN.md allows; contract imports core only', () => {
    for (const f of files) assert.ok(moduleOf(f) in ALLOWED, `module not in the rule: ${relative(SRC, f)}`);
    assert.deepEqual(breaches(files), []);
  });

  it('the web app imports only types of the contract: it reaches the server over HTTP', () => {
    const web = files.filter((f) => moduleOf(f) === 'web');
    assert.deepEqual(breaches(web), []);
    const reached = web.flatMap((f) => ourImports(f).filter((i) => !i.target.startsWith('web/')));
    assert.ok(reached.length > 0 && reached.every((i) => i.typeOnly && i.target.startsWith('contract/')));
  });

  it('civic is reached only through its facade', () => {
    assert.deepEqual(civicBreaches(files), []);
  });

  it('SQL is written only in store/ and civic/store/', () => {
    assert.deepEqual(sqlOutsideStores(files), []);
  });

  it('every package the server and CLI import at run time is a dependency, not a dev dependency', () => {
    // The release (`npm install strata`) installs `dependencies` only: a package the compiled
    // server or CLI loads must be there. The web app is bundled by Vite, so its packages are not.
    // One exception: the npm build of Chromium (a development dependency: it requires Node 22 and
    // is 67 MB), which core/chromium.ts imports only when no system Chromium exists, catching its
    // absence with a message that says how to get one.
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const runtime: Record<string, string> = { ...pkg.dependencies, '@sparticuz/chromium': 'optional' };
    const missing = new Set<string>();
    for (const f of files.filter((f) => moduleOf(f) !== 'web')) {
      for (const i of importsOf(readFileSync(f, 'utf8'))) {
        if (i.typeOnly || i.spec.startsWith('.') || i.spec.startsWith('node:')) continue;
        const name = i.spec.startsWith('@') ? i.spec.split('/').slice(0, 2).join('/') : i.spec.split('/')[0]!;
        if (!(name in runtime)) missing.add(`${name} (imported by ${relative(SRC, f)})`);
      }
    }
    assert.deepEqual([...missing], []);
  });

  it('reads import forms and SQL, so a breach cannot hide', () => {
    const text = `import a from '../store/db.ts';\nimport type { B } from "../core/x.ts";\nexport { c } from './c.ts';\nconst d = await import('../api/server.ts');\nimport './side.ts';\nexport type { E } from '../contract/e.ts';`;
    assert.deepEqual(importsOf(text), [
      { spec: '../store/db.ts', typeOnly: false },
      { spec: '../core/x.ts', typeOnly: true },
      { spec: './c.ts', typeOnly: false },
      { spec: '../api/server.ts', typeOnly: false },
      { spec: './side.ts', typeOnly: false },
      { spec: '../contract/e.ts', typeOnly: true },
    ]);
    assert.ok(hasSql('const q = `SELECT a, b\n   FROM t WHERE x = ?`;'));
    assert.ok(hasSql("run('INSERT INTO meta VALUES (?)')"));
    assert.ok(!hasSql('// Select the areas from the lookup'));
    assert.ok(!hasSql(readFileSync(join(SRC, 'workbench', 'layers.ts'), 'utf8')));
  });
});
