// Equal Shares with points as utilities: a hand-computed instance, the fast path against the
// exact-rational reference on random tie-heavy instances, and points equal to costs giving
// exactly the cost-utility rule of approval ballots.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parsePb } from '../../../src/civic/pabulib.ts';
import { approvalProblem, pbProblem, type BudgetProblem } from '../../../src/civic/problem.ts';
import { equalShares } from '../../../src/civic/tally/equal-shares.ts';
import { mesCardinal } from '../../../src/civic/tally/mes-cardinal.ts';
import { mesCardinalExact } from '../../../src/civic/tally/mes-cardinal-exact.ts';
import { mesExact } from '../../../src/civic/tally/mes-exact.ts';

/** A problem from ballots given as project index → points. */
function cardinal(budget: number, costs: number[], ballots: Record<number, number>[]): BudgetProblem {
  const projects = costs.map((c, j) => ({ id: `p${j}`, cost: String(c) }));
  const lists = ballots.map((b) => Object.keys(b).map((j) => `p${j}`));
  const p = approvalProblem(String(budget), projects, lists);
  const voters = costs.map((_, j) => Int32Array.from(ballots.flatMap((b, v) => (b[j] ? [v] : []))));
  const points = costs.map((_, j) => Float64Array.from(ballots.flatMap((b) => (b[j] ? [b[j]] : []))));
  return { ...p, approval: false, cardinal: { voters, points, scale: 0 } };
}

describe('Equal Shares with points', () => {
  // 3 voters, 10 each. A (12): v1 3 points, v2 1; B (9): v3 3; C (10): 1 point from each.
  // Round 1: A ρ = 12/4 = 3 (v1 pays 9, v2 3); B ρ = 9/3 = 3; C ρ = 10/3. A and B tie at 3:
  // B is cheaper → v3 keeps 1. Round 2: A ρ = 3; C: v3 pays all 1, v1 and v2 pay 4.5 each →
  // ρ = 4.5: A → v1 keeps 1, v2 7. Round 3: C's supporters hold 9 < 10. Outcome B, A.
  const p = cardinal(
    30,
    [12, 9, 10],
    [
      { 0: 3, 2: 1 },
      { 0: 1, 2: 1 },
      { 1: 3, 2: 1 },
    ],
  );
  it('funds B then A, as computed by hand', () => {
    assert.deepEqual(mesCardinalExact(p, 30), [1, 0]);
    assert.deepEqual(mesCardinal(p, 30), [1, 0]);
    assert.deepEqual(equalShares('equalshares')(p).selected, ['p1', 'p0']);
  });
  it('reads cumulative ballots from a .pb file and refuses negative points by name', () => {
    const text = (type: string, pts: string) =>
      `META\nkey;value\nbudget;30\nvote_type;${type}\nrule;equalshares\nPROJECTS\nproject_id;cost\nA;12\nB;9\nC;10\nVOTES\nvoter_id;vote;points\nv1;A,C;"3,1"\nv2;A,C;"1,1"\nv3;B,C;"${pts}"\n`;
    const q = pbProblem(parsePb(text('cumulative', '3,1'), 'c.pb'));
    assert.deepEqual(equalShares('equalshares')(q).selected, ['B', 'A']);
    const neg = pbProblem(parsePb(text('scoring', '3,-1'), 's.pb'));
    assert.throws(
      () => equalShares('equalshares')(neg),
      /^Error: equal shares needs points of at least 0: voter v3 gives -1 to project C$/,
    );
  });
  it('with points equal to costs, is Equal Shares with cost utilities', () => {
    fc.assert(
      fc.property(instance, ({ p, total }) => {
        const a = { ...p, approval: true };
        const withCosts: BudgetProblem = {
          ...p,
          cardinal: {
            voters: p.cardinal!.voters,
            points: p.cardinal!.voters.map((v, j) => new Float64Array(v.length).fill(p.projects[j]!.cost)),
            scale: 0,
          },
        };
        const app = { ...a, approvers: p.cardinal!.voters };
        assert.deepEqual(mesCardinal(withCosts, total), mesExact(app, total));
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

const instance = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }),
    voters: fc.integer({ min: 1, max: 12 }),
    seed: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 72, maxLength: 72 }),
    budget: fc.integer({ min: 1, max: 60 }),
  })
  .map(({ costs, voters, seed, budget }) => {
    const ballots = Array.from({ length: voters }, (_, v) => {
      const b: Record<number, number> = {};
      costs.forEach((_, j) => {
        if (seed[v * 6 + j]) b[j] = seed[v * 6 + j]!;
      });
      return b;
    });
    return {
      p: cardinal(
        budget,
        costs.map((c) => c * 5),
        ballots,
      ),
      total: budget,
    };
  });

describe('mesCardinal agrees with the exact reference', () => {
  it('on random small instances full of ties', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 0, max: 3 }), ({ p, total }, extra) => {
        const t = total + extra * p.voters;
        assert.deepEqual(mesCardinal(p, t), mesCardinalExact(p, t));
      }),
      { seed: 20240607, numRuns: 2000 },
    );
  });
  it('with many voters and spread-out points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        let s = seed;
        const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
        const costs = Array.from({ length: 10 }, () => 100 + Math.floor(rand() * 4000));
        const ballots = Array.from({ length: 200 }, () => {
          const b: Record<number, number> = {};
          costs.forEach((_, j) => {
            if (rand() < 0.35) b[j] = 1 + Math.floor(rand() * 10);
          });
          return b;
        });
        const p = cardinal(9000, costs, ballots);
        for (const total of [p.budget, p.budget + 7 * p.voters])
          assert.deepEqual(mesCardinal(p, total), mesCardinalExact(p, total));
      }),
      { seed: 7, numRuns: 30 },
    );
  });
});
