import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kurtosis, skewness, treatColumn } from '../../../src/models/composite/outliers.ts';

const spec = { method: 'winsorise' as const, skewness: 2, kurtosis: 3.5, maxPoints: 5, then: 'log' as const };
const x = () => Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]);

describe('outlier treatment', () => {
  it('measures skewness and kurtosis as Excel SKEW and KURT do', () => {
    assert.ok(Math.abs(skewness(x()) - 3.063241) < 1e-6);
    assert.ok(Math.abs(kurtosis(x()) - 9.741391) < 1e-6);
  });
  it('winsorises the top value once: 100 takes 30, then skew 1.712 and kurtosis 1.816 pass', () => {
    const v = x();
    const t = treatColumn(v, spec, 'flights')!;
    assert.deepEqual([...v], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30]);
    assert.equal(t.action, 'winsorised');
    assert.deepEqual(t.rows, [11]);
    assert.ok(Math.abs(t.skewness - 1.712038) < 1e-6);
  });
  it('falls back to the log transform on the original values when the cap is reached', () => {
    const v = x();
    const t = treatColumn(v, { ...spec, maxPoints: 0 }, 'flights')!;
    assert.equal(t.action, 'log');
    // log(x − 1 + 0.99)
    assert.ok(Math.abs(v[0]! - Math.log(0.99)) < 1e-12 && Math.abs(v[11]! - Math.log(99.99)) < 1e-12);
  });
  it('leaves a column that passes, and does nothing when the method is none', () => {
    assert.equal(treatColumn(Float64Array.from([1, 2, 3, 4, 5]), spec, 'a'), undefined);
    assert.equal(treatColumn(x(), { ...spec, method: 'none' }, 'a'), undefined);
  });
});
