// The dependency rule of DESIGN.md, checked by reading every import in src/.
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
  web: [],
};

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

export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

export function breaches(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = moduleOf(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC + '/')) {
        found.push(`${relative(SRC, file)} imports ${spec} (outside src)`);
        continue;
      }
      const to = moduleOf(target);
      if (to !== from && !(ALLOWED[from] ?? []).includes(to))
        found.push(`${relative(SRC, file)} (${from}) imports ${to}`);
    }
  }
  return found;
}

describe('dependency rule', () => {
  it('every module imports only what DESIGN.md allows', () => {
    const files = walk(SRC);
    for (const f of files) assert.ok(moduleOf(f) in ALLOWED, `module not in the rule: ${relative(SRC, f)}`);
    assert.deepEqual(breaches(files), []);
  });
  it('reads import forms, so a breach cannot hide', () => {
    const text = `import a from '../store/db.ts';\nimport type { B } from "../core/x.ts";\nexport { c } from './c.ts';\nconst d = await import('../api/server.ts');\nimport './side.ts';`;
    assert.deepEqual(importsOf(text), [
      '../store/db.ts',
      '../core/x.ts',
      './c.ts',
      '../api/server.ts',
      './side.ts',
    ]);
  });
});
