import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalBallot, checkConsultation, type Consultation } from '../../src/civic/consultation.ts';

const pb: Consultation = {
  id: 'pb-2026',
  title: 'Neighbourhood fund',
  ballot: 'approval',
  options: [
    { id: 'p1', cost: '400' },
    { id: 'p2', cost: '300' },
    { id: 'p3', cost: '500' },
  ],
  budget: '800',
  rule: 'equalshares/add1',
  maxLength: 2,
};

describe('consultations and ballots', () => {
  it('puts approval ballots in published order', () => {
    assert.deepEqual(canonicalBallot(pb, ['p3', 'p1']), ['p1', 'p3']);
  });
  it('keeps a ranking in the voter’s order', () => {
    assert.deepEqual(canonicalBallot({ ...pb, ballot: 'ranking', rule: 'borda' }, ['p3', 'p1']), [
      'p3',
      'p1',
    ]);
  });
  it('checks knapsack ballots against the budget', () => {
    const k = { ...pb, ballot: 'knapsack' as const };
    assert.deepEqual(canonicalBallot(k, ['p2', 'p1']), ['p1', 'p2']);
    assert.throws(() => canonicalBallot(k, ['p1', 'p3']), /exceeds the budget/);
  });
  it('drops zero goals from points ballots and sorts nothing away', () => {
    const g: Consultation = {
      id: 'g',
      title: 'Goals',
      ballot: 'points',
      options: [{ id: 'jobs' }, { id: 'air' }],
      rule: 'median',
    };
    assert.deepEqual(canonicalBallot(g, { air: 100, jobs: 0 }), { air: 100 });
    assert.throws(() => canonicalBallot(g, ['air']), /must map goal ids to points/);
  });
  it('rejects unknown, repeated, too many options, and non-lists', () => {
    assert.throws(() => canonicalBallot(pb, ['p9']), /unknown option: p9/);
    assert.throws(() => canonicalBallot(pb, ['p1', 'p1']), /an option twice/);
    assert.throws(() => canonicalBallot(pb, ['p1', 'p2', 'p3']), /names 3 options, more than 2/);
    assert.throws(() => canonicalBallot(pb, 'p1'), /must be a list of option ids/);
  });
  it('checks that the rule fits the ballot and that budgets have costs', () => {
    assert.doesNotThrow(() => checkConsultation(pb));
    assert.throws(
      () => checkConsultation({ ...pb, rule: 'mean' }),
      /rule mean cannot tally approval ballots/,
    );
    assert.throws(() => checkConsultation({ ...pb, budget: undefined }), /needs a budget/);
    assert.throws(() => checkConsultation({ ...pb, rule: 'lottery' }), /invalid tally rule: lottery/);
    for (const id of ['constructor', '__proto__', 'toString'])
      assert.throws(
        () => checkConsultation({ ...pb, options: [...pb.options, { id, cost: '1' }] }),
        new RegExp(`invalid option id: ${id}`),
      );
    assert.throws(
      () => checkConsultation({ ...pb, ballot: 'points', rule: 'trimmed-mean' }),
      /invalid trim fraction/,
    );
  });
});
