// `strata plans` on the data pack: a finance plan's path frozen from its file, listed, and its
// outturn asked for — none invented, said plainly; a kind it does not know refused, nothing written.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strata as run } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-plans-'));
const strata = (...args: string[]) => run(['--civic', `sqlite:${join(dir, 'civic.sqlite')}`, ...args]);
before(async () => (await packWorkbench()).close());
after(() => rmSync(dir, { recursive: true, force: true }));

describe('strata plans', () => {
  it('freezes a finance plan, lists it and says there is no outturn yet', async () => {
    const r = await strata(
      'plans',
      'freeze',
      'finance',
      'data/finance/examples/public-capital.yaml',
      '--area',
      'e06000001',
      '--as-of',
      '2026-01-05',
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.err);
    const p = JSON.parse(r.out) as { id: string; areas: string[]; method: string };
    assert.deepEqual(
      [p.id, p.areas, p.method],
      ['F-2026-001', ['E06000001', 'K02000001'], 'finance-paths@1'],
    );
    const list = await strata('plans', 'list', '--area', 'E06000001', '--format', 'csv');
    assert.equal(list.code, 0, list.err);
    assert.match(
      list.out,
      /^id,kind,title,source,method,areas,points,frozenOn,fingerprint\nF-2026-001,finance,/,
    );
    const o = await strata('plans', 'outturn', 'F-2026-001');
    assert.equal(o.code, 0, o.err);
    assert.match(o.err + o.out, /no outturn yet: capital mobilised and pension pots are simulated paths/);
  });

  it('refuses a kind it does not know and writes nothing', async () => {
    const r = await strata('plans', 'freeze', 'mission', 'data/finance/examples/public-capital.yaml');
    assert.equal(r.code, 2);
    assert.match(r.err, /invalid kind: mission \(scenario or finance\)/);
    const list = await strata('plans', 'list', '--format', 'json');
    assert.equal((JSON.parse(list.out) as { plans: unknown[] }).plans.length, 1);
  });
});
