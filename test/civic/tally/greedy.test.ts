import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePb } from '../../../src/civic/pabulib.ts';
import { approvalProblem, pbProblem } from '../../../src/civic/problem.ts';
import { greedy, greedyExclusive, greedyNoSkip, greedyThreshold } from '../../../src/civic/tally/greedy.ts';

// Budget 10. Votes: A 5 (cost 6), B 4 (cost 5), C 3 (cost 3), D 1 (cost 1).
const projects = [
  { id: 'A', cost: '6' },
  { id: 'B', cost: '5' },
  { id: 'C', cost: '3' },
  { id: 'D', cost: '1' },
];
const ballots = [['A', 'B', 'C', 'D'], ['A', 'B', 'C'], ['A', 'B', 'C'], ['A', 'B'], ['A']];
const p = approvalProblem('10', projects, ballots);

describe('greedy by votes', () => {
  it('funds A (left 4), skips B (5 > 4), funds C (left 1) and D (left 0)', () => {
    const out = greedy(p);
    assert.deepEqual(out.selected, ['A', 'C', 'D']);
    assert.equal(out.spent, 10);
  });
  it('greedy-no-skip stops at B, the first project that does not fit', () => {
    assert.deepEqual(greedyNoSkip(p).selected, ['A']);
  });
  it('breaks a tie in votes for the cheaper project, then the one listed first', () => {
    const tied = approvalProblem(
      '6',
      [
        { id: 'X', cost: '5' },
        { id: 'Y', cost: '4' },
        { id: 'Z', cost: '4' },
      ],
      [['X', 'Y', 'Z']],
    );
    // All three have 1 vote: Y (4, listed before Z) first; then neither X (5) nor Z (4) fits in 2.
    assert.deepEqual(greedy(tied).selected, ['Y']);
  });
  it('uses decimal budgets exactly', () => {
    const exact = approvalProblem(
      '0.3',
      [
        { id: 'a', cost: '0.1' },
        { id: 'b', cost: '0.2' },
      ],
      [['a', 'b'], ['b']],
    );
    // 0.2 + 0.1 fits 0.3 exactly (in doubles 0.1 + 0.2 > 0.3).
    assert.deepEqual(greedy(exact).selected, ['b', 'a']);
  });
  it('orders ordinal ballots by pabulib points (k, k-1, …, 1 for k listed)', () => {
    const pb = parsePb(
      'META\nkey;value\nbudget;5\nvote_type;ordinal\nrule;greedy\nPROJECTS\nproject_id;cost\na;3\nb;3\nc;2\nVOTES\nvoter_id;vote\n1;a,b,c\n2;b,c\n3;c\n',
      'ordinal.pb',
    );
    // Points: a 3; b 2+2 = 4; c 1+1+1 = 3 → b (3), then a (3) does not fit 2, c (2) does.
    const q = pbProblem(pb);
    assert.deepEqual(q.scores, [3, 4, 3]);
    assert.deepEqual(greedy(q).selected, ['b', 'c']);
  });
  it('greedy-threshold passes over projects scoring below META min_project_score_threshold', () => {
    // Threshold 3: D (1 vote) is not eligible: A (left 4), B (5) does not fit, C (left 1); D would fit but scores 1.
    const pb = parsePb(
      'META\nkey;value\nbudget;10\nvote_type;approval\nrule;greedy-threshold\nmin_project_score_threshold;3\nPROJECTS\nproject_id;cost\nA;6\nB;5\nC;3\nD;1\nVOTES\nvoter_id;vote\n1;A,B,C,D\n2;A,B,C\n3;A,B,C\n4;A,B\n5;A\n',
      'threshold.pb',
    );
    const out = greedyThreshold(pbProblem(pb));
    assert.deepEqual(out.selected, ['A', 'C']);
    assert.deepEqual(out.notes, ['threshold 3: 1 projects score below it']);
    assert.throws(
      () => greedyThreshold(p),
      /^Error: greedy-threshold needs META min_project_score_threshold$/,
    );
  });
  it('greedy-exclusive passes over a project exclusive with one already funded', () => {
    // A and C exclusive: A (left 4), B does not fit, C is excluded by A, D (left 3).
    const out = greedyExclusive([['A', 'C']])(p);
    assert.deepEqual(out.selected, ['A', 'D']);
    assert.deepEqual(out.notes, ['exclusive groups: A+C']);
    assert.throws(
      () => greedyExclusive([['A', 'Z']])(p),
      /^Error: exclusive group names an unknown project: Z$/,
    );
  });
});
