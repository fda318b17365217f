import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Multipliers } from '../../../src/models/io/multipliers.ts';
import { regionalGrid, regionalModels, type AreaModel } from '../../../src/models/io/regional.ts';
import { createRegionalPool, splitAreas } from '../../../src/models/io/regional-pool.ts';
import { CODES, randomCase } from './random-case.ts';

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => Object.is(v, b[i]));

function sameMultipliers(a: Multipliers, b: Multipliers): boolean {
  return (['output', 'gva', 'compensation', 'employment'] as const).every((f) =>
    (['direct', 'indirect', 'induced', 'total1', 'total2', 'type1', 'type2'] as const).every((k) =>
      sameBits(a[f]![k], b[f]![k]),
    ),
  );
}

function sameModel(a: AreaModel, b: AreaModel): boolean {
  return (
    a.area === b.area &&
    a.lambda === b.lambda &&
    sameBits(a.lu.lu, b.lu.lu) &&
    sameBits(a.a, b.a) &&
    sameBits(a.closure.v, b.closure.v) &&
    sameBits(a.closure.q, b.closure.q) &&
    Object.is(a.closure.loop, b.closure.loop) &&
    sameBits(a.interaction!, b.interaction!) &&
    sameMultipliers(a.multipliers, b.multipliers)
  );
}

describe('regional models on worker threads', () => {
  const { national, sizes, layers } = randomCase(8, 23);
  const pools = [0, 1, 2].map((n) => createRegionalPool(n));
  after(() => Promise.all(pools.map((p) => p.close())));
  it('give the same bits as the calling thread alone, for 0, 1 and 2 workers', async () => {
    const one = regionalModels(national, sizes, { layers });
    for (const pool of pools) {
      const many = await pool.models(national, sizes, { layers });
      assert.equal(many.length, 23);
      many.forEach((m, r) => {
        assert.ok(sameModel(m, one[r]!), `${pool.size} workers, ${m.area}`);
        assert.ok(
          sameMultipliers(m.band.low, one[r]!.band.low) && sameMultipliers(m.band.high, one[r]!.band.high),
        );
      });
    }
  });
  it('build a δ grid, the same as regionalGrid', async () => {
    const deltas = [0.1, 0.2, 0.3, 0.4];
    const ref = regionalGrid(national, sizes, { deltas, layers });
    const got = await pools[2]!.grid(national, sizes, { deltas, layers });
    assert.deepEqual(got.deltas, deltas);
    got.models.forEach((row, d) => row.forEach((m, r) => assert.ok(sameModel(m, ref.models[d]![r]!))));
  });
  it('report an error from any thread, and the pool goes on working', async () => {
    // every area of no size: whichever thread takes the first block fails
    const empty = {
      ...sizes,
      size: Float64Array.from(sizes.size, (v, k) => (k < 20 * CODES.length ? 0 : v)),
    };
    for (const pool of pools)
      await assert.rejects(pool.models(national, empty, { layers }), /area has no size: TLX\d\d/);
    const again = await pools[1]!.models(national, sizes, { layers });
    assert.equal(again.length, 23);
  });
  it('refuse a bad worker count and split areas evenly', () => {
    assert.throws(() => createRegionalPool(-1), /invalid worker count: -1/);
    assert.throws(() => createRegionalPool(1.5), /invalid worker count: 1.5/);
    assert.deepEqual(splitAreas(10, 4), [
      [0, 2],
      [2, 5],
      [5, 7],
      [7, 10],
    ]);
    assert.deepEqual(splitAreas(2, 4), [
      [0, 1],
      [1, 2],
    ]);
  });
});
