import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rank4Update } from '../../../src/models/io/rank4.ts';

describe('rank4Update', () => {
  it('subtracts a rows × 4 block times a 4 × cols block, by hand', () => {
    // x (5 × 3, all 10) −= c (5 × 4) · s (4 × 3): five rows, so the four-row tile and the tail both run.
    const x = new Float64Array(15).fill(10);
    const c = Float64Array.from({ length: 20 }, (_, k) => k);
    const s = Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1);
    rank4Update(x, 0, 3, c, 0, 4, s, 0, 3, 5, 0, 3);
    const want: number[] = [];
    for (let r = 0; r < 5; r++) {
      const [c0, c1, c2, c3] = [4 * r, 4 * r + 1, 4 * r + 2, 4 * r + 3];
      want.push(10 - c0 - c3, 10 - c1 - c3, 10 - c2 - c3);
    }
    assert.deepEqual([...x], want);
  });
});
