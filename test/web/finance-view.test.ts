// The Finance page's view helpers: values in their units, the builder's parameters and edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainParameters, riskTable, valueText, withValue } from '../../src/web/lib/finance-view.ts';

describe('finance views', () => {
  it('reads values in their units, negative pounds with a minus sign', () => {
    assert.equal(valueText(2.34e9, '£'), '£2.3bn');
    assert.equal(valueText(-1.5e6, '£ (Type II)'), '−£1.5m');
    assert.equal(valueText(0.2071, 'share of pay'), '20.7%');
    assert.equal(valueText(null, '£'), '–');
  });

  it('lists the numbers of a policy file, nested settings included, grouped by policy; edits one in a copy', () => {
    const policy = {
      id: 'x',
      horizon: 40,
      seed: 7,
      paths: 1000,
      fund: { weights: { equities: 0.6, gilts: 0.4 } },
      policies: [
        { id: 'a', share: 0.05, asset: { sigma: 0.2 }, pots: [1, 2], kind: 'sliver' },
        { id: 'b', payout: { rule: 'dividend', amount: 10000, deep: { deeper: { deepest: 1 } } } },
      ],
    };
    assert.deepEqual(
      mainParameters(policy).map((p) => [p.group, p.label, p.value, p.path.join('.')]),
      [
        ['file', 'horizon', 40, 'horizon'],
        ['file', 'seed', 7, 'seed'],
        ['file', 'fund.weights.equities', 0.6, 'fund.weights.equities'],
        ['file', 'fund.weights.gilts', 0.4, 'fund.weights.gilts'],
        ['a', 'share', 0.05, 'policies.0.share'],
        ['a', 'asset.sigma', 0.2, 'policies.0.asset.sigma'],
        ['b', 'payout.amount', 10000, 'policies.1.payout.amount'],
      ],
    );
    const nested = withValue(policy, ['policies', 1, 'payout', 'amount'], 5000);
    assert.equal((nested['policies'] as { payout: { amount: number } }[])[1]!.payout.amount, 5000);
    assert.equal(policy.policies[1]!.payout!.amount, 10000);
    const edited = withValue(policy, ['policies', 0, 'share'], 0.1);
    assert.equal((edited['policies'] as { share: number }[])[0]!.share, 0.1);
    assert.equal(policy.policies[0]!.share, 0.05);
  });

  it('shows a probability with its 90% interval as percentages', () => {
    const row = {
      policy: 'a',
      year: 2030,
      areacd: 'K02000001',
      level: 'uk' as const,
      measure: 'fund_depleted',
      unit: 'probability',
      p05: 0.0123,
      p10: null,
      p25: null,
      p50: 0.02,
      p75: null,
      p90: null,
      p95: 0.031,
      mean: 0.02,
    };
    const t = riskTable([row]);
    assert.deepEqual(t.columns, ['Year', 'Probability', '90% interval from', 'to']);
    assert.deepEqual(
      t.rows[0]!.map((v, i) => (t.formats?.[i] ? t.formats[i]!(v) : v)),
      ['2030', '2.0%', '1.2%', '3.1%'],
    );
  });
});
