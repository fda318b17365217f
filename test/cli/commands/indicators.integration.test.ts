import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { IndicatorTable } from '../../../src/contract/registry.ts';
import { loadRegistry } from '../../../src/workbench/registry.ts';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

describe('strata indicators and strata indicator', () => {
  it('indicators --format csv lists every registry indicator with polarity and source', async () => {
    const r = await strata(['indicators', '--format', 'csv']);
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, loadRegistry().indicators.length);
    for (const row of rows) {
      assert.ok(['higher-is-better', 'lower-is-better', 'none'].includes(row['polarity']!), row['id']);
      assert.ok(row['source'] && row['publisher'] && row['unit'], row['id']);
    }
  });

  it('indicators --group keeps one group', async () => {
    const r = await strata(['indicators', '--group', 'pay', '--format', 'json']);
    const rows = JSON.parse(r.out) as { group: string }[];
    assert.ok(rows.length > 0 && rows.every((x) => x.group === 'pay'));
  });

  it('indicator ID --format json answers in the contract’s shape, every LAD with verdicts', async () => {
    const r = await strata(['indicator', 'gross-median-weekly-pay', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const t = IndicatorTable.parse(JSON.parse(r.out));
    assert.equal(t.rows.length, 361);
    assert.ok(t.rows.some((x) => x.vsNational['95'] === 'worse'));
  });
});
