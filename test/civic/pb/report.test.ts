// The answers of `strata pb tally|compare|stats` on a small instance worked by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePb } from '../../../src/civic/pabulib.ts';
import { compareRows, ejrText, parseGroups, pbCompare, pbTally } from '../../../src/civic/pb/report.ts';
import { pbStats } from '../../../src/civic/pb/stats.ts';
import { pbProblem } from '../../../src/civic/problem.ts';

// Budget 10. Votes: A 5 (cost 6), B 4 (cost 5), C 3 (cost 3), D 1 (cost 1). Greedy: A, then B
// does not fit (4 left), C, D: spent 10. greedy-no-skip stops at B: A alone.
const pb = parsePb(
  [
    'META',
    'key;value',
    'description;Small test',
    'budget;10',
    'vote_type;approval',
    'rule;greedy',
    'currency;EUR',
    'PROJECTS',
    'project_id;cost;votes;name',
    'A;6;5;Park',
    'B;5;4;Library',
    'C;3;3;Benches',
    'D;1;1;Bins',
    'VOTES',
    'voter_id;vote',
    'v1;A,B,C,D',
    'v2;A,B,C',
    'v3;A,B,C',
    'v4;A,B',
    'v5;A',
  ].join('\r\n'),
  'small.pb',
);

describe('strata pb reports', () => {
  it('tally: the selected projects in order, then the rest, with cost and support', () => {
    const t = pbTally(pb);
    assert.deepEqual(t.selected, ['A', 'C', 'D']);
    assert.equal(t.spent, 10);
    assert.deepEqual(
      t.projects.map((x) => [x.project_id, x.order, x.cost, x.votes]),
      [
        ['A', 1, 6, 5],
        ['C', 2, 3, 3],
        ['D', 3, 1, 1],
        ['B', null, 5, 4],
      ],
    );
    assert.deepEqual(pbTally(pb, 'greedy-no-skip').selected, ['A']);
  });
  it('compare: coverage, cost-satisfaction, EJR up to one and preferences, side by side', () => {
    const [g, ns] = pbCompare(pb, ['greedy', 'greedy-no-skip']);
    // Everyone approves A. Cost-satisfaction under greedy: 10, 9, 9, 6, 6 → mean 8; A alone: 6.
    assert.equal(g!.covered_share, 1);
    assert.equal(g!.avg_cost_satisfaction, 8);
    assert.equal(ns!.avg_cost_satisfaction, 6);
    assert.equal(ejrText(g!.ejr), 'satisfied (exact)');
    // A alone: each voter already has 6 from A, at least the cost of B (5) or of C (3); B and C
    // together (8) need 4 voters' shares and only v1–v3 approve both.
    assert.equal(ns!.ejr.violation, null);
    // Funded approved projects: v1 3 vs 1, v2 and v3 2 vs 1, v4 and v5 1 vs 1.
    assert.deepEqual(g!.prefer_over, { 'greedy-no-skip': 3 });
    assert.deepEqual(ns!.prefer_over, { greedy: 0 });
    const rows = compareRows([g!, ns!]);
    assert.deepEqual(Object.keys(rows[1]!), Object.keys(rows[0]!));
    assert.equal(rows[0]!['prefer over greedy'], null);
    assert.equal(rows[1]!['selected'], 'A');
  });
  it('reads exclusive groups and refuses a group of one', () => {
    assert.deepEqual(parseGroups('12+26,3+7+9'), [
      ['12', '26'],
      ['3', '7', '9'],
    ]);
    assert.throws(
      () => parseGroups('12'),
      /^Error: invalid exclusive group: 12 \(two or more project ids joined by \+\)$/,
    );
    assert.deepEqual(pbTally(pb, 'greedy-exclusive', { exclusive: [['A', 'C']] }).selected, ['A', 'D']);
  });
  it('stats: budget, projects, ballots', () => {
    const s = Object.fromEntries(pbStats(pb, pbProblem(pb)).map((r) => [r.measure, r.value]));
    assert.equal(s['budget'], 10);
    assert.equal(s['cost of all projects'], 15);
    assert.equal(s['cost of all projects ÷ budget'], 1.5);
    assert.equal(s['project cost: median'], 4);
    assert.equal(s['supporters per project: median'], 3.5);
    assert.equal(s['ballot length: mean'], 2.6);
    assert.equal(s['ballot length: median'], 3);
    assert.equal(s['published outcome'], 'none (no selected column)');
    assert.equal(s['currency'], 'EUR');
  });
});
