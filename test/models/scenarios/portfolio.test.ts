import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  bestPortfolio,
  choosePortfolio,
  EXACT_LIMIT,
  greedyPortfolio,
  type Knapsack,
} from '../../../src/models/scenarios/portfolio.ts';

/** The optimum by trying every subset (Gray code: one candidate in or out per step). */
function bruteForce(k: Knapsack): number {
  const n = k.value.length;
  let best = 0;
  let value = 0;
  let cost = 0;
  const inSet = new Uint8Array(n);
  for (let s = 1; s < 2 ** n; s++) {
    const i = Math.clz32(0) - 1 - Math.clz32(s & -s);
    inSet[i] ^= 1;
    const sign = inSet[i] ? 1 : -1;
    value += sign * k.value[i]!;
    cost += sign * k.cost[i]!;
    if (cost <= k.budget && value > best) best = value;
  }
  return best;
}

const instance = (max: number, min = 1) =>
  fc
    // whole-pound costs, so the brute force's running sums are exact and budgets bind exactly
    .array(
      fc.record({ v: fc.double({ min: -1, max: 1, noNaN: true }), c: fc.integer({ min: 0, max: 1000 }) }),
      { minLength: min, maxLength: max },
    )
    .chain((items) =>
      fc.integer({ min: 0, max: items.reduce((s, x) => s + x.c, 0) }).map((budget) => ({
        value: items.map((x) => x.v),
        cost: items.map((x) => x.c),
        budget,
      })),
    );

describe('portfolio under a budget', () => {
  it('branch and bound finds the brute-force optimum (up to 25 candidates)', () => {
    fc.assert(
      fc.property(instance(25), (k) => {
        const p = bestPortfolio(k);
        assert.ok(p.exact);
        assert.ok(p.cost <= k.budget * (1 + 1e-12), `over budget: ${p.cost} > ${k.budget}`);
        assert.ok(
          Math.abs(p.value - bruteForce(k)) <= 1e-9 * Math.max(1, Math.abs(p.value)),
          `${p.value} vs ${bruteForce(k)}`,
        );
        assert.ok(Math.abs(p.value - p.chosen.reduce((s, i) => s + k.value[i]!, 0)) < 1e-12);
      }),
      { numRuns: 60, seed: 3 },
    );
    // and at full size: 20 to 25 candidates, 2^25 subsets for the brute force
    fc.assert(
      fc.property(instance(25, 20), (k) => {
        const p = bestPortfolio(k);
        assert.ok(Math.abs(p.value - bruteForce(k)) <= 1e-9 * Math.max(1, Math.abs(p.value)));
      }),
      { numRuns: 6, seed: 4 },
    );
  });
  it('the heuristic is within its proven gap: value ≤ optimum ≤ bound, and at least half the optimum', () => {
    fc.assert(
      fc.property(instance(18), (k) => {
        const g = greedyPortfolio(k);
        const opt = bruteForce(k);
        assert.ok(g.value <= opt + 1e-9 && opt <= g.bound + 1e-9, `${g.value} ≤ ${opt} ≤ ${g.bound}`);
        assert.ok(g.value >= opt / 2 - 1e-9);
        assert.ok(g.cost <= k.budget * (1 + 1e-12));
      }),
      { numRuns: 200, seed: 5 },
    );
  });
  it(`is exact up to ${EXACT_LIMIT} candidates and a heuristic beyond`, () => {
    const k = (n: number): Knapsack => ({
      value: Array.from({ length: n }, (_, i) => 1 + (i % 7)),
      cost: Array.from({ length: n }, (_, i) => 1 + ((i * 3) % 11)),
      budget: 40,
    });
    assert.equal(choosePortfolio(k(EXACT_LIMIT)).method, 'branch-and-bound');
    assert.equal(choosePortfolio(k(EXACT_LIMIT + 1)).method, 'greedy');
  });
  it('takes free candidates, never ones that lose, and refuses a negative cost', () => {
    const p = bestPortfolio({ value: [1, -2, 0.5], cost: [0, 1, 10], budget: 5 });
    assert.deepEqual(p.chosen, [0]);
    assert.throws(
      () => bestPortfolio({ value: [1], cost: [-1], budget: 5 }),
      /invalid cost of candidate 0: -1/,
    );
  });
});
