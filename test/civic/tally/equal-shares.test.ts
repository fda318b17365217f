import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approvalProblem } from '../../../src/civic/problem.ts';
import { add1, compareWithGreedy, equalShares } from '../../../src/civic/tally/equal-shares.ts';
import { mesExact } from '../../../src/civic/tally/mes-exact.ts';
import { mesFast } from '../../../src/civic/tally/mes-fast.ts';

const ids = (p: { projects: { id: string }[] }, js: number[]) => js.map((j) => p.projects[j]!.id);

describe('Method of Equal Shares, fixed budget', () => {
  // 4 voters, budget 40: 10 each. P1 (20) by v1 v2 v3; P2 (15) by v4; P3 (12) by v1 v4.
  // Round 1: P1 ρ = 20/3, ρ/cost = 1/3; P3 ρ = 6, 1/2; P2 unaffordable (10 < 15). Fund P1:
  // v1-v3 keep 10/3. Round 2: P3: v1 pays all 10/3, v4 pays 12 − 10/3 = 26/3 ≤ 10 → fund;
  // v4 keeps 4/3. Round 3: P2 unaffordable. Outcome P1, P3 (cost 32 of 40).
  const p = approvalProblem(
    '40',
    [
      { id: 'P1', cost: '20' },
      { id: 'P2', cost: '15' },
      { id: 'P3', cost: '12' },
    ],
    [['P1', 'P3'], ['P1'], ['P1'], ['P2', 'P3']],
  );
  it('funds P1 then P3, as computed by hand', () => {
    assert.deepEqual(ids(p, mesFast(p, 40)), ['P1', 'P3']);
    assert.deepEqual(ids(p, mesExact(p, 40)), ['P1', 'P3']);
    assert.deepEqual(equalShares('equalshares')(p).selected, ['P1', 'P3']);
  });
  it('breaks an exact tie in ρ/cost for the cheaper project, then more approvals', () => {
    // 2 voters, 10 each. A (8) and B (6), both approved by both: ρ/cost = 1/2 for each → B
    // (cheaper). Then A: 7 + 7 = 14 ≥ 8, ρ = 4 → A.
    const q = approvalProblem(
      '20',
      [
        { id: 'A', cost: '8' },
        { id: 'B', cost: '6' },
      ],
      [
        ['A', 'B'],
        ['A', 'B'],
      ],
    );
    assert.deepEqual(ids(q, mesFast(q, 20)), ['B', 'A']);
    // Equal cost and approvals: the published order decides (C listed first).
    const r = approvalProblem(
      '9',
      [
        { id: 'C', cost: '3' },
        { id: 'D', cost: '3' },
      ],
      [
        ['C', 'D'],
        ['C', 'D'],
        ['C', 'D'],
      ],
    );
    assert.deepEqual(ids(r, mesFast(r, 9)), ['C', 'D']);
  });
  it('decides a tie that only exact arithmetic can see', () => {
    // 4 voters, 10 each; listed W (18) by v1 v2 v3, Y (18) by v1 v2 v4, X (9) by v1 v4.
    // Round 1: W and Y ρ = 6 (1/3), X ρ = 4.5 (1/2); W and Y tie on cost and approvals, W is
    // listed first → W; v1-v3 keep 4. Round 2: X: v1 pays all 4, v4 pays 5 → ρ/cost = 5/9;
    // Y: v1, v2 pay 4 each, v4 pays all 10 → 10/18 = 5/9. An exact tie only rationals can
    // certify; X is cheaper → X. Round 3: Y: 4 + 5 < 18. Outcome W, X.
    const q = approvalProblem(
      '40',
      [
        { id: 'W', cost: '18' },
        { id: 'Y', cost: '18' },
        { id: 'X', cost: '9' },
      ],
      [['W', 'Y', 'X'], ['W', 'Y'], ['W'], ['Y', 'X']],
    );
    assert.deepEqual(ids(q, mesExact(q, 40)), ['W', 'X']);
    assert.deepEqual(ids(q, mesFast(q, 40)), ['W', 'X']);
    // 4 voters, 15 each. A (9) by v3 v4, B (21) by v1 v3, C (20) by v1 v2. Round 1: all three
    // have ρ/cost = 1/2 → A (cheapest); v3, v4 keep 10.5. Round 2: B: v1 and v3 pay 10.5 each
    // (all v3 has) → 1/2; C: 10 each → 1/2. Exact tie → C (cheaper). Then B: 5 < 21. A, C.
    const t = approvalProblem(
      '60',
      [
        { id: 'A', cost: '9' },
        { id: 'B', cost: '21' },
        { id: 'C', cost: '20' },
      ],
      [['B', 'C'], ['C'], ['A', 'B'], ['A']],
    );
    assert.deepEqual(ids(t, mesExact(t, 60)), ['A', 'C']);
    assert.deepEqual(ids(t, mesFast(t, 60)), ['A', 'C']);
    // 3 voters share 13: A (10) by all (ρ = 10/3), then each keeps exactly 1, which pays C (1)
    // for v3. In doubles 13/3 − 10/3 = 0.9999999999999996 < 1, and C would be unaffordable.
    const c = approvalProblem(
      '13',
      [
        { id: 'A', cost: '10' },
        { id: 'B', cost: '29' },
        { id: 'C', cost: '1' },
      ],
      [['A'], ['A', 'B'], ['A', 'B', 'C']],
    );
    assert.ok(13 / 3 - 10 / 3 < 1);
    assert.deepEqual(ids(c, mesFast(c, 13)), ['A', 'C']);
    assert.deepEqual(ids(c, mesExact(c, 13)), ['A', 'C']);
    // 3 voters with 1/3 each (budget 1): Z (1) by all: ρ = 1/3, every voter pays all they have.
    const z = approvalProblem('1', [{ id: 'Z', cost: '1' }], [['Z'], ['Z'], ['Z']]);
    assert.deepEqual(ids(z, mesFast(z, 1)), ['Z']);
  });
});

describe('add1 completion and the comparison step', () => {
  // 4 voters, budget 30. A (20) by all; B (10) by v1 v2; C (20) by v3.
  // Per voter 7 (floor 30/4): A (ρ 5) leaves 2 each; B: 4 < 10, unaffordable → A (20).
  // 8, 9: same. 10: after A v1, v2 keep 5 each = 10 → B; A, B cost 30 ≤ 30: kept.
  // C needs v3 to keep 20 after paying 5 for A: per voter 25 → A, B, C cost 50 > 30: stop at 24.
  const p = approvalProblem(
    '30',
    [
      { id: 'A', cost: '20' },
      { id: 'B', cost: '10' },
      { id: 'C', cost: '20' },
    ],
    [['A', 'B'], ['A', 'B'], ['A', 'C'], ['A']],
  );
  it('raises the share one unit at a time until the next outcome would exceed the budget', () => {
    assert.deepEqual(ids(p, mesFast(p, 30)), ['A']);
    const out = add1(p);
    assert.deepEqual(ids(p, out.winners), ['A', 'B']);
    assert.deepEqual(out.notes, ['add1: 24 currency units per voter after 17 raises']);
  });
  it('stops at the first exhaustive outcome with the exhaustive option', () => {
    assert.deepEqual(add1(p, { exhaustive: true }).notes, [
      'add1: 10 currency units per voter after 3 raises',
    ]);
  });
  it('keeps Equal Shares unless strictly more voters prefer greedy', () => {
    // Greedy funds A, B as well: nobody prefers either.
    const cmp = equalShares('equalshares/add1-comparison')(p);
    assert.deepEqual(cmp.selected, ['A', 'B']);
    assert.match(cmp.notes.at(-1)!, /0 voters prefer Equal Shares, 0 prefer greedy/);
  });
  it('switches to greedy when more voters prefer it', () => {
    // 5 voters, budget 20. X1, X2 (10 each) by v1-v3; Y (10) by v4, v5. add1 ends at 6 per
    // voter with X1, Y (at 7: X1, X2, Y cost 30 > 20). Greedy funds X1, X2: v1-v3 prefer it
    // (2 > 1), v4, v5 prefer X1, Y (1 > 0): 3 > 2, so greedy's outcome is taken.
    const q = approvalProblem(
      '20',
      [
        { id: 'X1', cost: '10' },
        { id: 'X2', cost: '10' },
        { id: 'Y', cost: '10' },
      ],
      [['X1', 'X2'], ['X1', 'X2'], ['X1', 'X2'], ['Y'], ['Y']],
    );
    assert.deepEqual(equalShares('equalshares/add1')(q).selected, ['X1', 'Y']);
    assert.deepEqual(add1(q).notes, ['add1: 6 currency units per voter after 2 raises']);
    const cmp = compareWithGreedy(q, add1(q).winners);
    assert.deepEqual(ids(q, cmp.winners), ['X1', 'X2']);
    assert.equal(cmp.note, 'comparison: 2 voters prefer Equal Shares, 3 prefer greedy');
    assert.deepEqual(equalShares('equalshares/add1-comparison')(q).selected, ['X1', 'X2']);
  });
  it('needs approval, cumulative or scoring ballots', () => {
    assert.throws(
      () => add1({ ...p, approval: false }),
      /^Error: equal shares needs approval, cumulative or scoring ballots \(ordinal ballots have no utilities\)$/,
    );
  });
});
