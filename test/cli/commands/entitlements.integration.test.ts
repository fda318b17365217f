import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

describe('strata entitlements', () => {
  it('--view summary names each floor; a bad floors file exits 2 with one line', async () => {
    const r = await strata(['entitlements', '--view', 'summary', '--format', 'csv']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /gigabit,gigabit-capable-broadband ≥ 99 % by 2030/);
    const bad = await strata(['entitlements', '--floors', 'data/missions/examples/decarbonisation.yaml']);
    assert.equal(bad.code, 2);
    assert.equal(bad.err.trim().split('\n').length, 1);
    assert.match(bad.err, /^strata: invalid data\/missions\/examples\/decarbonisation\.yaml: /);
  });

  it('--view ranking gives every area a rank inside its interval', async () => {
    const r = await strata(['entitlements', '--view', 'ranking', '--format', 'csv']);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 361);
    for (const x of rows) assert.ok(Number(x['rank_p05']) <= Number(x['rank_p95']), x['areacd']);
  });

  it('refuses an unknown view', async () => {
    const r = await strata(['entitlements', '--view', 'map']);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'strata: invalid view: map (rows, summary or ranking)\n');
  });
});
