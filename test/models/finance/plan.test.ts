// Reference check 6 (finance.md): area results sum to the UK total; baseline and reform use the
// same random numbers (a reform that changes nothing gives exactly zero on every path).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulationPlan, reportYears } from '../../../src/models/finance/plan.ts';
import { financeRows, type FinanceRow } from '../../../src/models/finance/rows.ts';
import { simulateAll } from '../../../src/models/finance/simulate.ts';
import { ALL_KINDS, areas, inputs } from './areas-fixture.ts';

describe('finance plan', () => {
  const plan = simulationPlan(inputs());
  const { stats } = simulateAll(plan);
  const rows = financeRows(plan, stats, areas());

  it('plans every kind of policy with its measures', () => {
    const measures = new Set(rows.map((r) => `${r.policy}:${r.measure}`));
    for (const m of [
      'sliver:pot_median_saver',
      'sliver:capital_mobilised',
      'provider:fund_assets',
      'provider:capital_invested',
      'cdc:income_replacement',
      'pots:small_pots_value_change',
      'relief:tax_relief_change',
      'relief:tax_relief_change_basic',
      'relief:tax_relief_change_intermediate',
      'bonds:bond_capacity',
      'bank:bank_equity',
      'bank:capital_ratio_below_minimum',
      'fund:fund_payout',
      'fund:fund_below_start',
    ])
      assert.ok(measures.has(m), m);
    assert.deepEqual([...reportYears(20, 5)], [5, 10, 15, 20]);
    assert.deepEqual(plan.years, [2030, 2035, 2040, 2045]);
  });

  it('additive measures: districts sum to the UK, and so do ITL3 areas, for every percentile', () => {
    const additive = new Set(plan.outputs.filter((o) => o.additive).map((o) => `${o.policy}:${o.measure}`));
    const groups = new Map<string, { uk?: FinanceRow; lad: FinanceRow[]; itl3: FinanceRow[] }>();
    for (const r of rows) {
      if (!additive.has(`${r.policy}:${r.measure}`)) continue;
      const k = `${r.policy}:${r.measure}:${r.year}`;
      const g = groups.get(k) ?? { lad: [], itl3: [] };
      if (r.level === 'uk') g.uk = r;
      else g[r.level].push(r);
      groups.set(k, g);
    }
    assert.ok(groups.size > 40);
    for (const [k, g] of groups)
      for (const level of ['lad', 'itl3'] as const)
        for (const col of ['p05', 'p50', 'p95', 'mean'] as const) {
          const sum = g[level].reduce((s, r) => s + r[col], 0);
          assert.ok(
            Math.abs(sum - g.uk![col]) <= 1e-9 * Math.max(1, Math.abs(g.uk![col])),
            `${k} ${level} ${col}: ${sum} vs ${g.uk![col]}`,
          );
        }
  });

  it('a policy restricted to areas reports only those areas; probabilities carry their interval', () => {
    const bonds = rows.filter(
      (r) => r.policy === 'bonds' && r.measure === 'bond_capacity' && r.level === 'lad' && r.year === 2030,
    );
    assert.deepEqual(
      bonds
        .filter((r) => r.p50 > 0)
        .map((r) => r.areacd)
        .sort(),
      ['E06000001', 'E06000002', 'E08000001'],
    );
    for (const r of rows.filter((x) => x.measure === 'fund_below_start'))
      assert.ok(r.p05 <= r.p50 && r.p50 <= r.p95 && r.p50 === r.mean);
  });

  it('a reform that changes nothing differs from its baseline by exactly zero on every path', () => {
    const none = { ...ALL_KINDS, policies: [{ ...ALL_KINDS.policies[0]!, share: 0 }] };
    const p = simulationPlan(inputs(none, 700));
    const r = financeRows(p, simulateAll(p).stats, areas());
    for (const row of r.filter((x) => x.measure === 'pot_median_saver_change'))
      assert.deepEqual([row.p05, row.p50, row.p95, row.mean], [0, 0, 0, 0]);
    const base = r.filter((x) => x.measure === 'pot_median_saver_baseline');
    const reform = r.filter((x) => x.measure === 'pot_median_saver');
    assert.deepEqual(
      base.map((x) => x.p50),
      reform.map((x) => x.p50),
    );
  });
});
