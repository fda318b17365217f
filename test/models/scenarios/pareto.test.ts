import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dominates, paretoFrontier } from '../../../src/models/scenarios/pareto.ts';

describe('Pareto frontier', () => {
  it('holds exactly the candidates no other dominates (against the pairwise definition)', () => {
    const point = fc.record({ x: fc.integer({ min: -5, max: 5 }), y: fc.integer({ min: -5, max: 5 }) });
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 40 }),
        fc.constantFrom<1 | -1>(1, -1),
        fc.constantFrom<1 | -1>(1, -1),
        (pts, sx, sy) => {
          const front = new Set(paretoFrontier(pts, sx, sy));
          pts.forEach((p, i) => {
            const beaten = pts.some((q) => dominates(q, p, sx, sy));
            assert.equal(front.has(i), !beaten, `point ${i} ${JSON.stringify(p)}`);
          });
        },
      ),
      { numRuns: 500, seed: 11 },
    );
  });
  it('reads polarity: less emissions is better', () => {
    const pts = [
      { x: 10, y: 5 },
      { x: 10, y: 3 },
      { x: 8, y: 1 },
    ];
    assert.deepEqual(paretoFrontier(pts, 1, -1), [1, 2]);
    assert.deepEqual(paretoFrontier(pts, 1, 1), [0]);
  });
  it('leaves out figures that are not numbers', () => {
    assert.deepEqual(
      paretoFrontier(
        [
          { x: NaN, y: 1 },
          { x: 1, y: 1 },
        ],
        1,
        1,
      ),
      [1],
    );
  });
});
