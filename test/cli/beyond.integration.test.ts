import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { loadRegistry, type Workbench } from '../../src/workbench.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

function strata(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/strata.js', '--db', PACK_DB, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('beyond-GDP commands on the real pack', () => {
  it('strata indicators --format csv lists every registry indicator with polarity and source', () => {
    const r = strata('indicators', '--format', 'csv');
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, loadRegistry().indicators.length);
    for (const row of rows) {
      assert.ok(['higher-is-better', 'lower-is-better', 'none'].includes(row['polarity']!), row['id']);
      assert.ok(row['source'] && row['publisher'] && row['unit'], row['id']);
    }
  });

  it('strata missions status names the rule in every row, national first', () => {
    const r = strata('missions', 'status', 'data/missions/examples/decarbonisation.yaml', '--format', 'csv');
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 362);
    assert.equal(rows[0]!['areacd'], 'K02000001');
    assert.ok(rows.every((x) => x['rule']!.startsWith('linear trajectory from')));
  });

  it('strata entitlements --view summary names each floor; a bad floors file exits 2 with one line', () => {
    const r = strata('entitlements', '--view', 'summary', '--format', 'csv');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /gigabit,gigabit-capable-broadband ≥ 99 % by 2030/);
    const bad = strata('entitlements', '--floors', 'data/missions/examples/decarbonisation.yaml');
    assert.equal(bad.code, 2);
    assert.equal(bad.err.trim().split('\n').length, 1);
    assert.match(bad.err, /^strata: invalid data\/missions\/examples\/decarbonisation\.yaml: /);
  });

  it('refuses a usage error with exit code 2 and one line', () => {
    const r = strata('compare', 'E06000001', '--nearest', '5');
    assert.equal(r.code, 2);
    assert.equal(r.err, 'strata: --nearest and --profile go together\n');
  });
});
