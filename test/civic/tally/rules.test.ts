import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Consultation } from '../../../src/civic/consultation.ts';
import { parsePb } from '../../../src/civic/pabulib.ts';
import { budgetRule, PB_RULES, tally, tallyPb } from '../../../src/civic/tally/rules.ts';

const pb = parsePb(
  [
    'META',
    'key;value',
    'budget;10',
    'vote_type;approval',
    'rule;greedy-no-skip',
    'PROJECTS',
    'project_id;cost',
    'A;6',
    'B;5',
    'C;3',
    'VOTES',
    'voter_id;vote',
    '1;A,B',
    '2;A,B',
    '3;A,C',
  ].join('\r\n'),
  'rules.pb',
);

describe('tally rules', () => {
  it('resolves every participatory-budget rule and rejects others by name', () => {
    for (const r of PB_RULES) assert.equal(typeof budgetRule(r, { exclusive: [['A', 'B']] }), 'function');
    assert.throws(() => budgetRule('greedy-cost'), /^Error: invalid tally rule: greedy-cost$/);
    for (const r of ['greedy-custom', 'unknown'])
      assert.throws(
        () => budgetRule(r),
        new RegExp(
          `^Error: invalid tally rule: ${r} \\(pabulib's name for a rule described only in the file's comment\\)$`,
        ),
      );
    assert.throws(
      () => budgetRule('greedy-exclusive'),
      /greedy-exclusive needs the groups of mutually exclusive projects/,
    );
  });
  it('tallies a pabulib instance under its own META rule', () => {
    // Votes A 3, B 2, C 1: A (left 4), then B (5) does not fit: no skip → stop.
    assert.deepEqual(tallyPb(pb).selected, ['A']);
    assert.equal(tallyPb(pb).rule, 'greedy-no-skip');
  });
  it('tallies a consultation by its published rule', () => {
    const c: Consultation = {
      id: 'c1',
      title: 'Parks',
      ballot: 'approval',
      options: [
        { id: 'A', cost: '6' },
        { id: 'B', cost: '5' },
        { id: 'C', cost: '3' },
      ],
      budget: '10',
      rule: 'greedy',
    };
    const out = tally(c, [
      ['A', 'B'],
      ['A', 'B'],
      ['A', 'C'],
    ]);
    assert.equal(out.kind, 'budget');
    assert.deepEqual(out.kind === 'budget' && out.selected, ['A', 'C']);
    const ranked = tally({ ...c, rule: 'approval', seats: 2 }, [
      ['A', 'B'],
      ['A', 'B'],
      ['A', 'C'],
    ]);
    assert.deepEqual(ranked.kind === 'ranking' && ranked.winners, ['A', 'B']);
    assert.throws(() => tally({ ...c, rule: 'borda' }, []), /rule borda cannot tally approval ballots/);
  });
});
