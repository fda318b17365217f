// EJR up to one: a hand-made violation, the search against brute force on random small
// instances, and Equal Shares (which satisfies the axiom, Peters, Pierczyński & Skowron 2021)
// never violating it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ejrViolatedBrute } from '../../../src/civic/pb/ejr-brute.ts';
import { ejrUpToOne, type EjrInput } from '../../../src/civic/pb/ejr.ts';
import { utilitiesOf } from '../../../src/civic/pb/utilities.ts';
import { approvalProblem, type BudgetProblem } from '../../../src/civic/problem.ts';
import { greedyIndices } from '../../../src/civic/tally/greedy.ts';
import { mesCardinalExact } from '../../../src/civic/tally/mes-cardinal-exact.ts';
import { mesExact } from '../../../src/civic/tally/mes-exact.ts';

const input = (p: BudgetProblem, funded: number[], kind: 'cost' | 'count' = 'cost'): EjrInput => ({
  budget: p.budget,
  cost: p.projects.map((x) => x.cost),
  voters: p.voters,
  utilities: utilitiesOf(p, kind),
  funded,
});

describe('EJR up to one', () => {
  // Budget 4, 4 voters (1 each). v1, v2 approve A and B (cost 1 each); v3, v4 approve C (3).
  // Outcome {C}: v1, v2 hold half the budget, 2, enough for A alone (cost 1): they get 0, and
  // with A added exactly 1, not more than A's cost — a violation with T = {A}.
  const p = approvalProblem(
    '4',
    [
      { id: 'A', cost: '1' },
      { id: 'B', cost: '1' },
      { id: 'C', cost: '3' },
    ],
    [['A', 'B'], ['A', 'B'], ['C'], ['C']],
  );
  it('finds the group of two that could pay for A when only C is funded', () => {
    const r = ejrUpToOne(input(p, [2]));
    assert.equal(r.method, 'exact');
    assert.deepEqual(r.violation, { projects: [0], levels: [1], group: 2 });
    assert.equal(ejrViolatedBrute(input(p, [2])), true);
  });
  it('is satisfied by A, B: sets {A}, {B}, then {A}, {B}, {A, B} examined; {C} is too dear for two voters', () => {
    const r = ejrUpToOne(input(p, [0, 1]));
    assert.deepEqual(r, { method: 'exact', depth: 2, examined: 5 });
  });
  it('finds the minority greedy by votes leaves out', () => {
    // Budget 10, 10 voters: 6 approve X (10), 4 approve Y (4). Greedy funds X; the 4 hold 4.
    const q = approvalProblem(
      '10',
      [
        { id: 'X', cost: '10' },
        { id: 'Y', cost: '4' },
      ],
      [...Array(6).fill(['X']), ...Array(4).fill(['Y'])] as string[][],
    );
    assert.deepEqual(greedyIndices(q, true), [0]);
    assert.deepEqual(ejrUpToOne(input(q, [0])).violation, { projects: [1], levels: [4], group: 4 });
    assert.equal(ejrUpToOne(input(q, mesExact(q, q.budget))).violation, undefined);
  });
  it('says it is a search when the work limit stops it', () => {
    const r = ejrUpToOne(input(p, [0, 1]), 3);
    assert.equal(r.method, 'search');
    assert.equal(r.violation, undefined);
  });
});

const instance = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
    voters: fc.integer({ min: 1, max: 7 }),
    seed: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 35, maxLength: 35 }),
    budget: fc.integer({ min: 1, max: 20 }),
    outcome: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  })
  .map(({ costs, voters, seed, budget, outcome }) => {
    const projects = costs.map((c, j) => ({ id: `p${j}`, cost: String(c) }));
    const ballots = Array.from({ length: voters }, (_, v) =>
      projects.filter((_, j) => seed[v * 5 + j]! > 0).map((x) => x.id),
    );
    const p = approvalProblem(String(budget), projects, ballots);
    const points = costs.map((_, j) => Float64Array.from(p.approvers[j]!, (v) => seed[v * 5 + j]!));
    const cardinal: BudgetProblem = {
      ...p,
      approval: false,
      cardinal: { voters: p.approvers, points, scale: 0 },
    };
    const funded = costs.map((_, j) => j).filter((j) => outcome[j]);
    return { p, cardinal, funded };
  });

describe('the EJR search agrees with brute force', () => {
  it('on random outcomes, with cost utilities, cardinality and points', () => {
    fc.assert(
      fc.property(instance, ({ p, cardinal, funded }) => {
        for (const x of [input(p, funded), input(p, funded, 'count'), input(cardinal, funded)]) {
          const r = ejrUpToOne(x);
          assert.equal(r.method, 'exact');
          assert.equal(r.violation !== undefined, ejrViolatedBrute(x));
        }
      }),
      { seed: 5, numRuns: 400 },
    );
  });
  it('never finds a violation in an Equal Shares outcome', () => {
    fc.assert(
      fc.property(instance, ({ p, cardinal }) => {
        assert.equal(ejrUpToOne(input(p, mesExact(p, p.budget))).violation, undefined);
        assert.equal(
          ejrUpToOne(input(cardinal, mesCardinalExact(cardinal, cardinal.budget))).violation,
          undefined,
        );
      }),
      { seed: 6, numRuns: 400 },
    );
  });
});
