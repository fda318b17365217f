// `strata report` on the data pack: one self-contained HTML file, the same bytes when built again.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strata as run } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-report-'));
const strata = (...args: string[]) => run(['--civic', `sqlite:${join(dir, 'civic.sqlite')}`, ...args]);
before(async () => (await packWorkbench()).close());
after(() => rmSync(dir, { recursive: true, force: true }));

describe('strata report', () => {
  it('writes one HTML file per area, byte-identical when built again', async () => {
    const first = await strata('report', 'E06000001', '--as-of', '2026-01-01', '--out', join(dir, 'a'));
    assert.equal(first.code, 0, first.err);
    const second = await strata('report', 'E06000001', '--as-of', '2026-01-01', '--out', join(dir, 'b'));
    assert.equal(second.code, 0, second.err);
    const a = readFileSync(join(dir, 'a', 'E06000001.html'), 'utf8');
    assert.equal(readFileSync(join(dir, 'b', 'E06000001.html'), 'utf8'), a);
    assert.match(a, /<h1>Hartlepool<\/h1>/);
    assert.match(a, /No commitments for this area are in the register/);
  });

  it('refuses a date that is not a calendar date', async () => {
    const r = await strata('report', 'uk', '--as-of', '2026-02-30');
    assert.equal(r.code, 2);
    assert.match(r.err, /invalid as-of date: 2026-02-30/);
  });
});
