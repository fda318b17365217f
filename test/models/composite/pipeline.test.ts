import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePipeline } from '../../../src/models/composite/pipeline.ts';
import { effectiveWeights, weightStructure } from '../../../src/models/composite/weights.ts';

const base = {
  id: 'prosperity',
  indicators: [
    { id: 'gva', direction: 1, pillar: 'economy' },
    { id: 'pay', direction: 1, pillar: 'economy' },
    { id: 'emissions', direction: -1, pillar: 'environment' },
  ],
};

describe('pipeline schema', () => {
  it('fills the documented defaults', () => {
    const p = parsePipeline(base);
    assert.equal(p.imputation.method, 'none');
    assert.equal(p.normalisation.method, 'minmax');
    assert.equal(p.aggregation.method, 'arithmetic');
    assert.deepEqual(p.outliers, {
      method: 'winsorise',
      skewness: 2,
      kurtosis: 3.5,
      maxPoints: 5,
      then: 'log',
    });
    assert.deepEqual(p.uncertainty.weights, { kind: 'uniform', spread: 0.25 });
    assert.equal(p.uncertainty.runs, 1000);
  });
  it('names the path of a bad value', () => {
    assert.throws(
      () => parsePipeline({ ...base, weights: { gva: 'high' } }),
      /weights\.gva: .*expected number/,
    );
    assert.throws(
      () => parsePipeline({ ...base, weights: { gdp: 1 } }),
      /weights\.gdp: not a declared indicator: gdp/,
    );
    assert.throws(
      () => parsePipeline({ ...base, indicators: [{ id: 'gva', direction: 2 }] }),
      /indicators\.0\.direction: /,
    );
    assert.throws(
      () => parsePipeline({ ...base, normalisation: { method: 'goalposts' } }),
      /indicators\.0\.goalposts: required for goalposts normalisation/,
    );
    assert.throws(
      () => parsePipeline({ ...base, aggregation: { method: 'median' } }),
      /aggregation\.method: /,
    );
    assert.throws(
      () => parsePipeline({ ...base, pillarWeights: { society: 2 } }),
      /pillarWeights\.society: not a declared pillar/,
    );
  });
  it('reduces nested weights to effective weights summing to one', () => {
    const p = parsePipeline({
      ...base,
      weights: { gva: 3, pay: 1 },
      pillarWeights: { economy: 2, environment: 1 },
    });
    // economy ⅔ split 3:1 → ½, ⅙; environment ⅓
    const w = effectiveWeights(weightStructure(p));
    [0.5, 1 / 6, 1 / 3].forEach((e, i) => assert.ok(Math.abs(w[i]! - e) < 1e-12));
  });
});
