import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { borda } from '../../../src/civic/tally/borda.ts';

describe('Borda count with partial rankings', () => {
  // [a b c d] → a 4, b 3, c 2, d 1; [b a] → b 2, a 1; [c] → c 1; [d c b] → d 3, c 2, b 1.
  // Totals: a 5, b 6, c 5, d 4.
  const ballots = [['a', 'b', 'c', 'd'], ['b', 'a'], ['c'], ['d', 'c', 'b']];
  it('gives k, k−1, …, 1 points to the k ranked options and 0 to the rest', () => {
    const out = borda(['a', 'b', 'c', 'd'], ballots);
    assert.deepEqual(out.scores, [
      { id: 'b', score: 6 },
      { id: 'a', score: 5 },
      { id: 'c', score: 5 },
      { id: 'd', score: 4 },
    ]);
    assert.deepEqual(out.winners, ['b']);
    assert.equal(out.rule, 'borda');
  });
  it('breaks the a–c tie by published order, and reports it when it decides a seat', () => {
    const out = borda(['a', 'b', 'c', 'd'], ballots, 2);
    assert.deepEqual(out.winners, ['b', 'a']);
    assert.deepEqual(out.notes, ['tie at score 5 across the last seat, broken by published order']);
  });
  it('rejects a ranking that names an option twice or an unknown one', () => {
    assert.throws(() => borda(['a', 'b'], [['a', 'a']]), /names an option twice/);
    assert.throws(() => borda(['a', 'b'], [['c']]), /unknown option: c/);
  });
});
