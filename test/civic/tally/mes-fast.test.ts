// The fast Equal Shares (doubles with proven error bounds, exact where they cannot decide)
// must agree with the plain exact-rational reference on every instance. Small random
// instances with few distinct costs and budgets make exact ties common.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { approvalProblem } from '../../../src/civic/problem.ts';
import { mesExact } from '../../../src/civic/tally/mes-exact.ts';
import { mesFast } from '../../../src/civic/tally/mes-fast.ts';

const instance = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 7 }),
    voters: fc.integer({ min: 1, max: 14 }),
    seed: fc.array(fc.boolean(), { minLength: 7 * 14, maxLength: 7 * 14 }),
    budget: fc.integer({ min: 1, max: 60 }),
  })
  .map(({ costs, voters, seed, budget }) => {
    const projects = costs.map((c, j) => ({ id: `p${j}`, cost: String(c * 5) }));
    const ballots = Array.from({ length: voters }, (_, v) =>
      projects.filter((_, j) => seed[v * 7 + j]).map((x) => x.id),
    );
    return { problem: approvalProblem(String(budget), projects, ballots), budget };
  });

describe('mesFast agrees with the exact reference', () => {
  it('on random small instances full of ties', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 0, max: 3 }), ({ problem, budget }, extra) => {
        const total = budget + extra * problem.voters;
        assert.deepEqual(mesFast(problem, total), mesExact(problem, total));
      }),
      { seed: 20240607, numRuns: 2000 },
    );
  });
  it('with decimal costs and many voters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        let s = seed;
        const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
        const projects = Array.from({ length: 12 }, (_, j) => ({
          id: `p${j}`,
          cost: (1 + Math.floor(rand() * 5000)) / 100 + '',
        }));
        const ballots = Array.from({ length: 300 }, () =>
          projects.filter(() => rand() < 0.3).map((x) => x.id),
        );
        const p = approvalProblem(
          '150.00',
          projects.map((x) => ({ ...x, cost: Number(x.cost).toFixed(2) })),
          ballots,
        );
        for (const total of [p.budget, p.budget + 100 * p.voters])
          assert.deepEqual(mesFast(p, total), mesExact(p, total));
      }),
      { seed: 7, numRuns: 40 },
    );
  });
});
