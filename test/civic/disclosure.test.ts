// Small counts are withheld, and a lone withheld cell takes the next smallest with it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DISCLOSURE_MIN, suppress } from '../../src/civic/disclosure.ts';

const cells = (...counts: number[]) => counts.map((count, i) => ({ group: `g${i}`, count }));

describe('small-number suppression', () => {
  it('withholds 1 to 9, shows 0 and 10 upwards', () => {
    assert.equal(DISCLOSURE_MIN, 10);
    assert.deepEqual(suppress(cells(0, 9, 1, 10, 250)), [0, null, null, 10, 250]);
  });
  it('withholds the next smallest cell when only one would be hidden', () => {
    assert.deepEqual(suppress(cells(40, 3, 12, 0)), [40, null, null, 0]);
    assert.deepEqual(suppress(cells(3)), [null]);
    assert.deepEqual(suppress(cells(30, 20)), [30, 20]);
  });
});
