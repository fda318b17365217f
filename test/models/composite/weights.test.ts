import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePipeline } from '../../../src/models/composite/pipeline.ts';
import { effectiveWeights, sampleWeights, weightStructure } from '../../../src/models/composite/weights.ts';
import { createRandom } from '../../../src/models/random.ts';

const p = parsePipeline({
  id: 'w',
  indicators: [
    { id: 'a', direction: 1 },
    { id: 'b', direction: 1 },
    { id: 'c', direction: 1 },
  ],
  weights: { a: 2, b: 1, c: 1 },
});
const s = weightStructure(p);

describe('weight sampling', () => {
  it('keeps the declared weights when fixed', () => {
    assert.deepEqual(
      [...sampleWeights(s, { kind: 'fixed' }, createRandom(1), new Float64Array(3))],
      [0.5, 0.25, 0.25],
    );
  });
  it('perturbs each weight by at most ±spread before renormalising', () => {
    const rng = createRandom(2);
    const w = new Float64Array(3);
    for (let k = 0; k < 2000; k++) {
      sampleWeights(s, { kind: 'uniform', spread: 0.2 }, rng, w);
      // a/b ratio of perturbed weights lies in [2·0.8/1.2, 2·1.2/0.8]
      assert.ok(w[0]! / w[1]! >= (2 * 0.8) / 1.2 - 1e-12 && w[0]! / w[1]! <= (2 * 1.2) / 0.8 + 1e-12);
      assert.ok(Math.abs(w[0]! + w[1]! + w[2]! - 1) < 1e-12);
    }
  });
  it('draws Dirichlet weights centred on the declared shares', () => {
    const rng = createRandom(3);
    const mean = [0, 0, 0];
    const w = new Float64Array(3);
    for (let k = 0; k < 5000; k++) {
      sampleWeights(s, { kind: 'dirichlet', concentration: 50 }, rng, w);
      w.forEach((x, i) => (mean[i]! += x / 5000));
    }
    [0.5, 0.25, 0.25].forEach((e, i) => assert.ok(Math.abs(mean[i]! - e) < 0.01, `${i}: ${mean[i]}`));
  });
  it('refuses a pillar whose indicators all weigh zero', () => {
    assert.throws(() => effectiveWeights(s, Float64Array.from([0, 0, 0])), /pillar has no weight: index/);
  });
});
