// `strata civic …` on a fresh civic store (the full run of a consultation through the API and
// the CLI is test/api/civic-e2e.integration.test.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { RIVERSIDE } from '../../civic/consultation-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-civic-'));
const civic = `sqlite:${join(dir, 'civic.sqlite')}`;
after(() => rmSync(dir, { recursive: true, force: true }));

const strata = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/strata.js', '--civic', civic, ...args], { encoding: 'utf8' });

describe('strata civic', () => {
  it('creates a consultation from a file and lists it in its phase', () => {
    const file = join(dir, 'riverside.json');
    writeFileSync(file, JSON.stringify(RIVERSIDE));
    const created = strata('civic', 'create', file);
    assert.equal(created.status, 0, created.stderr);
    const list = strata('civic', 'list', '--format', 'csv');
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, new RegExp(`^${RIVERSIDE.id},`, 'm'));
    assert.match(list.stdout, /,draft,/);
  });
});
