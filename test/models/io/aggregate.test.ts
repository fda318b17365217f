import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateMatrix, aggregateTable, aggregation, rollUp } from '../../../src/models/io/aggregate.ts';
import { twoSector } from './tables.ts';

describe('aggregation', () => {
  it('Z_agg = B Z Bᵀ, by hand', () => {
    // Three industries into two groups: {a, b} and {c}.
    const z = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
    const agg = aggregation(['a', 'b', 'c'], (c) => (c === 'c' ? 'G2' : 'G1'));
    // G1→G1 = 1 + 2 + 4 + 5 = 12; G1→G2 = 3 + 6 = 9; G2→G1 = 7 + 8 = 15; G2→G2 = 9.
    assert.deepEqual([...aggregateMatrix(agg, z)], [12, 9, 15, 9]);
  });
  it('split shares divide flows, and totals are kept', () => {
    const agg = aggregation(['A01', 'C10'], (c) => (c === 'A01' ? { F: 0.25, T: 0.75 } : 'T'));
    const t = aggregateTable(twoSector(), agg);
    assert.deepEqual(t.codes, ['F', 'T']);
    // B = [[0.25, 0], [0.75, 1]]; BZ = [[37.5, 125], [312.5, 475]];
    // (BZ)Bᵀ = [[37.5·0.25, 37.5·0.75 + 125], [312.5·0.25, 312.5·0.75 + 475]].
    assert.deepEqual([...t.z], [9.375, 153.125, 78.125, 709.375]);
    assert.equal(
      [...t.z].reduce((s, v) => s + v, 0),
      950,
    );
    assert.deepEqual([...t.output], [250, 2750]);
    assert.throws(() => aggregation(['A01'], () => ({ F: 0.5 })), /group shares of A01 sum to 0.5, not 1/);
  });
  it('rolls areas up to parents, splitting straddlers by weight', () => {
    const r = rollUp(['TLC11', 'TLC12', 'TLD11'], Float64Array.of(1, 10, 2, 20, 3, 30), [
      { child: 'TLC11', parent: 'TLC1', weight: 1 },
      { child: 'TLC12', parent: 'TLC1', weight: 0.5 },
      { child: 'TLC12', parent: 'TLD1', weight: 0.5 },
      { child: 'TLD11', parent: 'TLD1', weight: 1 },
    ]);
    assert.deepEqual(r.parents, ['TLC1', 'TLD1']);
    assert.deepEqual([...r.values], [2, 20, 4, 40]);
    assert.throws(
      () => rollUp(['TLC11'], Float64Array.of(1), [{ child: 'TLX', parent: 'UK', weight: 1 }]),
      /unknown area: TLX/,
    );
    assert.throws(
      () => rollUp(['TLC11', 'TLC12'], Float64Array.of(1, 2), [{ child: 'TLC11', parent: 'UK', weight: 1 }]),
      /area TLC12 is rolled up with total weight 0, not 1/,
    );
  });
});
