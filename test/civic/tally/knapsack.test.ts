import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkKnapsack } from '../../../src/civic/tally/knapsack.ts';

const projects = [
  { id: 'a', cost: '0.1' },
  { id: 'b', cost: '0.2' },
  { id: 'c', cost: '0.25' },
];

describe('knapsack ballots', () => {
  it('accept a set that fits the budget exactly', () => {
    assert.doesNotThrow(() => checkKnapsack('0.3', projects, ['a', 'b']));
  });
  it('reject a set over the budget, or an unknown project', () => {
    assert.throws(() => checkKnapsack('0.3', projects, ['b', 'c']), /exceeds the budget: b,c/);
    assert.throws(() => checkKnapsack('0.3', projects, ['z']), /unknown project: z/);
  });
});
