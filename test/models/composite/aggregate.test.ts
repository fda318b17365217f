import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arithmetic, copeland, geometric, pairSigns } from '../../../src/models/composite/aggregate.ts';
import { ranksDescending } from '../../../src/models/composite/rank.ts';

const close = (actual: Float64Array, expected: number[], tol = 1e-4) =>
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i]! - e) <= tol, `[${i}] ${actual[i]} ≠ ${e}`));

describe('aggregation (hand-computed)', () => {
  it('weighted arithmetic mean', () => {
    const m = Float64Array.from([20, 80, 50, 50, 90, 10]);
    // 0.25·20 + 0.75·80 = 65; 50; 0.25·90 + 0.75·10 = 30
    close(arithmetic(m, 3, 2, Float64Array.from([0.25, 0.75])), [65, 50, 30]);
  });
  it('weighted geometric mean, from logs', () => {
    const logs = Float64Array.from([1, 100, 10, 10, 100, 1].map(Math.log));
    close(geometric(logs, 3, 2, Float64Array.from([0.5, 0.5])), [10, 10, 10]);
    // 100^0.75 = 31.6228; 100^0.25 = 3.1623
    close(geometric(logs, 3, 2, Float64Array.from([0.25, 0.75])), [31.6228, 10, 3.1623]);
  });
  it('Copeland on three areas: pairwise weighted majorities, wins minus losses', () => {
    // A = (1, 5, 3), B = (2, 4, 3), C = (3, 1, 1)
    const m = Float64Array.from([1, 5, 3, 2, 4, 3, 3, 1, 1]);
    const signs = pairSigns(m, 3, 3);
    // equal weights: A–B tie (−⅓ + ⅓ + 0), A beats C, B beats C → A 1, B 1, C −2
    close(copeland(signs, 3, 3, Float64Array.from([1, 1, 1].map((x) => x / 3))), [1, 1, -2]);
    // weights (½, ¼, ¼): B beats A (−½ + ¼); A–C and B–C tie (−½ + ¼ + ¼) → A −1, B 1, C 0
    const s = copeland(signs, 3, 3, Float64Array.from([0.5, 0.25, 0.25]));
    close(s, [-1, 1, 0]);
    assert.deepEqual([...ranksDescending(s)], [3, 1, 2]);
  });
  it('ranks ties together (competition ranking)', () => {
    assert.deepEqual([...ranksDescending(Float64Array.from([5, 7, 5, 1]))], [2, 1, 2, 4]);
  });
});
