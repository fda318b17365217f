// Golden files: the exact text a command prints or a route answers, kept under test/golden/ and
// reviewed in commits. `UPDATE_GOLDEN=1 node scripts/run-tests.js integration golden` rewrites them.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const GOLDEN_DIR = 'test/golden';

/** Compares `actual` with the golden file `name` (or writes it when UPDATE_GOLDEN is set). */
export function assertGolden(name: string, actual: string): void {
  const path = `${GOLDEN_DIR}/${name}`;
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `no golden file ${path}: run with UPDATE_GOLDEN=1 and review the new file`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${path} differs (UPDATE_GOLDEN=1 rewrites it)`);
}
