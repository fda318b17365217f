import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitLine, projectFloor } from '../../../src/models/entitlements/projection.ts';
import { rankByNeed } from '../../../src/models/entitlements/ranking.ts';
import { createRandom } from '../../../src/models/random.ts';

const near = (a: number | null, b: number, tol = 1e-9) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} is not within ${tol} of ${b}`);

describe('projected year of meeting a floor', () => {
  it('fits the least-squares line and its standard errors', () => {
    // y = 2x + noise (+1, −1, −1, +1): slope 2; residual sd √(4/2); se(slope) = √2/√5
    const line = fitLine([
      { year: 0, value: 1 },
      { year: 1, value: 1 },
      { year: 2, value: 3 },
      { year: 3, value: 7 },
    ])!;
    near(line.slope, 2);
    near(line.meanValue, 3);
    near(line.seSlope, Math.sqrt(2) / Math.sqrt(5), 1e-12);
    near(line.seMean, Math.sqrt(2) / 2, 1e-12);
  });

  it('projects a perfect falling line to the year it reaches the floor, with no spread', () => {
    const p = projectFloor(
      [2014, 2015, 2016, 2017].map((year, k) => ({ year, value: 20 - k })),
      15,
      'at-most',
      2030,
      createRandom(1),
      500,
    );
    assert.equal(p.kind, 'projected');
    near(p.year, 2019);
    near(p.yearP05, 2019);
    near(p.yearP95, 2019);
    near(p.pByDeadline, 1);
  });

  it('gives limits around a noisy trend, says when a trend moves away, and when the floor is met', () => {
    const pts = [2014, 2015, 2016, 2017, 2019].map((year, k) => ({
      year,
      value: 20 - 0.5 * k + (k % 2 ? 0.4 : -0.4),
    }));
    const p = projectFloor(pts, 15, 'at-most', 2030, createRandom(7), 4000);
    assert.ok(p.yearP05! <= p.year! && p.year! <= (p.yearP95 ?? Infinity));
    const away = projectFloor(
      [
        { year: 2014, value: 16 },
        { year: 2015, value: 17 },
      ],
      15,
      'at-most',
      2030,
      createRandom(1),
      10,
    );
    assert.equal(away.kind, 'not-on-trend');
    assert.equal(
      projectFloor([{ year: 2026, value: 99.5 }], 99, 'at-least', 2030, createRandom(1), 10).kind,
      'met',
    );
    assert.equal(
      projectFloor([{ year: 2026, value: 90 }], 99, 'at-least', 2030, createRandom(1), 10).kind,
      'insufficient-data',
    );
  });
});

describe('need ranking with uncertain unit costs', () => {
  it('ranks by cost per head and widens the interval where needs rest on different services', () => {
    const areas = [
      { population: 100, units: Float64Array.of(10, 0) }, // needs service 0 only
      { population: 100, units: Float64Array.of(0, 10) }, // needs service 1 only
      { population: 100, units: Float64Array.of(1, 1) }, // needs little
    ];
    const costs = [
      { low: 50, central: 100, high: 150 },
      { low: 90, central: 110, high: 130 },
    ];
    const r = rankByNeed(areas, costs, 2000, createRandom(3));
    near(r[1]!.perHead, 11);
    assert.deepEqual(
      r.map((x) => x.rank),
      [2, 1, 3],
    );
    assert.equal(r[0]!.rankP05, 1);
    assert.equal(r[0]!.rankP95, 2);
    assert.deepEqual([r[2]!.rankP05, r[2]!.medianRank, r[2]!.rankP95], [3, 3, 3]);
  });
});
