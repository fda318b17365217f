import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saltelliDesign, sobol, sobolIndices } from '../../../src/models/composite/sobol.ts';
import { createRandom } from '../../../src/models/random.ts';

// Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³, a = 7, b = 0.1.
// Known indices: S = (0.3139, 0.4424, 0), S_T = (0.5576, 0.4424, 0.2437).
function ishigami(u: Float64Array): number {
  const [x1, x2, x3] = Array.from(u, (v) => -Math.PI + 2 * Math.PI * v) as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

describe('Sobol indices (Saltelli 2010 first order, Jansen 1999 total)', () => {
  it('recovers the Ishigami indices within 0.03 at N = 65,536 (seed 1)', () => {
    // standard error at this N is about 0.005–0.01 for these estimators; 0.03 is ≥ 3 of them
    const { first, total } = sobol(ishigami, 3, 65536, createRandom(1));
    const expectFirst = [0.3139, 0.4424, 0];
    const expectTotal = [0.5576, 0.4424, 0.2437];
    for (let i = 0; i < 3; i++) {
      assert.ok(Math.abs(first[i]! - expectFirst[i]!) < 0.03, `S${i + 1} = ${first[i]}`);
      assert.ok(Math.abs(total[i]! - expectTotal[i]!) < 0.03, `ST${i + 1} = ${total[i]}`);
    }
  });
  it('lays out A, B, then A with column i from B', () => {
    const k = 3;
    const n = 4;
    const x = saltelliDesign(k, n, createRandom(9));
    assert.equal(x.length, n * (k + 2) * k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < n; j++)
        for (let c = 0; c < k; c++) {
          const from = c === i ? n + j : j; // B row j for column i, A row j otherwise
          assert.equal(x[((2 + i) * n + j) * k + c], x[from * k + c]);
        }
  });
  it('gives S = S_T = 1 for the only input that matters, 0 for the others', () => {
    const { first, total } = sobol((u) => u[1]! ** 2, 3, 20000, createRandom(4));
    assert.ok(Math.abs(first[1]! - 1) < 0.03 && Math.abs(total[1]! - 1) < 0.03);
    assert.ok(Math.abs(first[0]!) < 0.03 && total[0] === 0 && total[2] === 0);
  });
  it('returns zeros for an output that never varies', () => {
    const r = sobolIndices(new Float64Array(2 * 3), 1, 2);
    assert.equal(r.variance, 0);
    assert.deepEqual([...r.first, ...r.total], [0, 0]);
  });
});
