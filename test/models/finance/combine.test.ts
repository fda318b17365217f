// The compiled combine (plan numbers written into generated code) against the reference loops:
// the same operations in the same order, so the same bits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { combineSource, compiledCombine, referenceCombine } from '../../../src/models/finance/combine.ts';
import { CORE_ASSETS } from '../../../src/models/finance/calibration.ts';
import { BLOCK, marketBuffers, simulateMarket } from '../../../src/models/finance/market.ts';
import { factorCorrelations, marketPlan } from '../../../src/models/finance/market-plan.ts';
import { illustrative } from './calibration-fixture.ts';

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('compiled combine', () => {
  const cal = illustrative();
  const plans = {
    core: marketPlan(cal, {
      seed: 3,
      years: 6,
      portfolios: [{ equities: 0.6, gilts: 0.4 }, { infrastructure: 1 }],
    }),
    added: marketPlan(cal, {
      seed: 4,
      years: 6,
      added: [
        {
          name: 'local',
          mu: 0.02,
          sigma: 0.15,
          correlations: new Float64Array(CORE_ASSETS.length).fill(0.3),
        },
        { name: 'credit', mu: 0, sigma: 1, correlations: factorCorrelations(cal, 'equities', 0.5) },
      ],
      portfolios: [
        { equities: 0.5, cash: 0.2, private_equity: 0.3 },
        { local: 1 },
        { gilts: -0.5, equities: 1.5 },
      ],
      read: ['credit', 'gilts'],
      inflation: true,
    }),
  };
  for (const [name, plan] of Object.entries(plans))
    it(`gives the reference loops' bits (${name})`, () => {
      const a = marketBuffers(plan);
      const b = marketBuffers(plan);
      for (const from of [0, BLOCK * 7, 123_456]) {
        simulateMarket(plan, from, 300, a, compiledCombine(plan));
        simulateMarket(plan, from, 300, b, referenceCombine(plan));
        assert.ok(bytes(a.gross).equals(bytes(b.gross)), 'gross returns');
        assert.ok(bytes(a.deviations).equals(bytes(b.deviations)), 'deviations');
      }
    });
  it('writes only numbers from the plan into the code', () => {
    const src = combineSource(plans.added);
    const names = new Set(src.match(/(?<![\w.$])[A-Za-z_$][\w$]*/g));
    const allowed = /^(for|let|const|k|n|y|z|et|exp|gross|deviations|[zxe]\d+)$/;
    assert.deepEqual(
      [...names].filter((w) => !allowed.test(w)),
      [],
    );
    assert.throws(
      () => combineSource({ ...plans.core, mu: Float64Array.from(plans.core.mu, () => NaN) }),
      /invalid market parameter: NaN/,
    );
  });
});
