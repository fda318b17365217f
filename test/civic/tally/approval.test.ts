import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approvalCount } from '../../../src/civic/tally/approval.ts';

describe('approval count', () => {
  it('counts each ballot once per option and ranks by count', () => {
    // x: 2, y: 3, z: 1.
    const out = approvalCount(['x', 'y', 'z'], [['x', 'y'], ['y'], ['y', 'z'], ['x']], 2);
    assert.deepEqual(out.scores, [
      { id: 'y', score: 3 },
      { id: 'x', score: 2 },
      { id: 'z', score: 1 },
    ]);
    assert.deepEqual(out.winners, ['y', 'x']);
    assert.deepEqual(out.notes, []);
  });
  it('keeps the published order in a tie and says so when it decides a seat', () => {
    const out = approvalCount(['a', 'b', 'c'], [['c', 'b'], ['a']], 1);
    assert.deepEqual(out.winners, ['a']);
    assert.match(out.notes[0]!, /tie at score 1 across the last seat/);
  });
  it('rejects an unknown option', () => {
    assert.throws(() => approvalCount(['a'], [['b']]), /unknown option: b/);
  });
});
