import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

describe('strata layers', () => {
  it('writes every year with a year column when asked for all, shares summing to one per area and year', async () => {
    const r = await strata(['layers', '--level', 'itl1', '--year', 'all', '--format', 'csv']);
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), ['areacd', 'areanm', 'year', 'layer', 'value', 'share', 'lq']);
    const sums = new Map<string, number>();
    for (const x of rows)
      sums.set(
        `${x['areacd']}|${x['year']}`,
        (sums.get(`${x['areacd']}|${x['year']}`) ?? 0) + Number(x['share']),
      );
    for (const [k, s] of sums) assert.ok(Math.abs(s - 1) < 1e-9, `${k}: ${s}`);
    assert.match(r.err, /^note: taxonomy foundational-economy-v1; source Office for National Statistics/);
  });

  it('refuses an unknown level, measure or year with one line and exit 2', async () => {
    for (const [args, message] of [
      [['--level', 'parish'], 'invalid level: parish (lad, itl3, itl2, itl1, uk, cauth)'],
      [['--measure', 'jobs'], 'invalid measure: jobs (gva_cp, gva_cvm or residents_in_employment)'],
      [['--year', '22'], 'invalid year: 22'],
      [['--year', '1990'], 'no gva_cp for 1990 at itl3 level (years 1998–2022)'],
    ] as const) {
      const r = await strata(['layers', ...args]);
      assert.equal(r.code, 2, r.err);
      assert.equal(r.err, `strata: ${message}\n`);
    }
  });
});
