import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nationalModel } from '../../../src/models/io/national.ts';
import { twoSector } from './tables.ts';

describe('nationalModel', () => {
  it('builds A, coefficient rows and the household closure from the table', () => {
    const m = nationalModel(twoSector(), { employment: Float64Array.of(50, 30) });
    assert.deepEqual([...m.a], [0.15, 0.25, 0.2, 0.05]);
    assert.deepEqual([...m.factors.gva], [0.5, 0.5]);
    assert.deepEqual([...m.factors.compensation], [0.3, 0.25]);
    // 50 employees per £1000m → 0.05 per £m; 30 per £2000m → 0.015.
    assert.deepEqual([...m.factors.employment!], [0.05, 0.015]);
    assert.deepEqual([...m.closure.c], [0.25, 0.5]);
    assert.deepEqual([...m.finalDemand], [350, 1700]);
  });
  it('refuses bad tables with the thing and the value', () => {
    const neg = twoSector();
    neg.z[1] = -5;
    assert.throws(() => nationalModel(neg), /negative intermediate flow: A01 → C10 = -5/);
    const nonProductive = twoSector();
    nonProductive.z.set([900, 500, 200, 100]);
    assert.throws(() => nationalModel(nonProductive), /non-productive: column sum of A for A01 is 1.1/);
    const noD1 = twoSector();
    delete noD1.primaryInputs.D1;
    assert.throws(() => nationalModel(noD1), /missing primary input: D1/);
    const short = twoSector();
    short.output = Float64Array.of(1000);
    assert.throws(() => nationalModel(short), /output: expected 2 values, got 1/);
    assert.throws(
      () => nationalModel(twoSector(), { employment: Float64Array.of(1) }),
      /employment: expected 2 values, got 1/,
    );
    const dup = twoSector();
    dup.codes = ['A01', 'A01'];
    assert.throws(() => nationalModel(dup), /duplicate industry codes/);
  });
});
