import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePipeline } from '../../../src/models/composite/pipeline.ts';
import { replay } from '../../../src/models/composite/run.ts';

// Four areas, three indicators; D misses two of three, A misses one.
const data = {
  areas: ['A', 'B', 'C', 'D'],
  indicators: ['pay', 'gva', 'emissions', 'unused'],
  values: Float64Array.from([NaN, 10, 5, 0, 500, 20, 4, 0, 700, 30, 2, 0, 600, NaN, NaN, 0]),
};

describe('replay', () => {
  it('screens, imputes, normalises, weights and ranks as declared, keeping the record', () => {
    const p = parsePipeline({
      id: 'r',
      indicators: [
        { id: 'pay', direction: 1 },
        { id: 'gva', direction: 1 },
        { id: 'emissions', direction: -1 },
      ],
      screening: { minCoverage: 0.5 },
      imputation: { method: 'mean' },
      outliers: { method: 'none' },
    });
    const r = replay(p, data);
    assert.deepEqual(r.steps.screenedOut, ['D']);
    assert.deepEqual(r.areas, ['A', 'B', 'C']);
    assert.deepEqual(
      r.steps.imputed.map((c) => [c.area, c.indicator, c.value]),
      [['A', 'pay', 600]],
    );
    // min–max: pay (600, 500, 700) → 50, 0, 100; gva → 0, 50, 100; emissions turned round → 0, 33.3, 100
    const expected = [(50 + 0 + 0) / 3, (0 + 50 + 100 / 3) / 3, 100];
    expected.forEach((e, i) => assert.ok(Math.abs(r.scores[i]! - e) < 1e-9, `${r.areas[i]} ${r.scores[i]}`));
    assert.deepEqual([...r.ranks], [3, 2, 1]);
  });
  it('names an indicator the data lacks', () => {
    const p = parsePipeline({ id: 'r', indicators: [{ id: 'jobs', direction: 1 }] });
    assert.throws(() => replay(p, data), /indicator not in data: jobs/);
  });
});
