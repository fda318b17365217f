import assert from 'node:assert/strict';
import type { Effect, Multipliers } from '../../../src/models/io/multipliers.ts';
import type { InterregionalSystem } from '../../../src/models/io/interregional.ts';
import type { AreaModel, RegionalModel } from '../../../src/models/io/regional.ts';
import { maxRel } from './tables.ts';

const TOTALS = ['total1', 'total2', 'type1', 'type2'] as const;
const PARTS = ['direct', 'indirect', 'induced'] as const;

/** Largest relative difference over an effect: totals and ratios elementwise, the split parts against the total. */
function effectDiff(a: Effect, b: Effect): number {
  let worst = 0;
  for (const k of TOTALS) worst = Math.max(worst, maxRelNaN(a[k], b[k]));
  // indirect = total − direct cancels; its error is measured against the total it came from
  for (const k of PARTS)
    for (let j = 0; j < a[k].length; j++)
      worst = Math.max(worst, Math.abs(a[k][j]! - b[k][j]!) / Math.max(Math.abs(b.total2[j]!), 1e-300));
  return worst;
}

function maxRelNaN(a: Float64Array, b: Float64Array): number {
  for (let j = 0; j < a.length; j++) assert.equal(Number.isNaN(a[j]!), Number.isNaN(b[j]!), `NaN at ${j}`);
  return maxRel(
    a.map((v) => (Number.isNaN(v) ? 0 : v)),
    b.map((v) => (Number.isNaN(v) ? 0 : v)),
  );
}

export function multipliersDiff(a: Multipliers, b: Multipliers): number {
  let worst = 0;
  for (const f of ['output', 'gva', 'compensation', 'employment'] as const) {
    assert.equal(a[f] === null, b[f] === null, f);
    if (a[f] && b[f]) worst = Math.max(worst, effectDiff(a[f], b[f]));
  }
  return worst;
}

/** Largest relative difference between two models of one area at one δ (R, LU, closure, multipliers, Λ). */
export function areaDiff(a: AreaModel, b: AreaModel): number {
  assert.equal(a.area, b.area);
  assert.equal(a.delta, b.delta);
  assert.equal(a.lambda, b.lambda);
  assert.deepEqual([...a.slq], [...b.slq]);
  assert.deepEqual([...a.lu.piv], [...b.lu.piv]);
  assert.equal(a.interaction === null, b.interaction === null);
  return Math.max(
    maxRel(a.a, b.a),
    maxRel(a.lu.lu, b.lu.lu),
    maxRel(a.output, b.output),
    maxRel(a.closure.c, b.closure.c),
    maxRel(a.closure.q, b.closure.q),
    maxRel(a.closure.v, b.closure.v),
    maxRel([a.closure.loop], [b.closure.loop]),
    multipliersDiff(a.multipliers, b.multipliers),
    a.interaction ? maxRel(a.interaction, b.interaction!) : 0,
  );
}

/** The same, with the δ band. */
export function regionalDiff(a: RegionalModel, b: RegionalModel): number {
  assert.deepEqual(a.band.deltas, b.band.deltas);
  return Math.max(
    areaDiff(a, b),
    multipliersDiff(a.band.low, b.band.low),
    multipliersDiff(a.band.high, b.band.high),
  );
}

/** Every stored array of two systems, bit for bit (Object.is tells 0 from −0). */
export function assertSameSystem(a: InterregionalSystem, b: InterregionalSystem): void {
  assert.deepEqual(a.flags, b.flags);
  assert.deepEqual([...a.loop], [...b.loop]);
  a.areas.forEach((_, r) => {
    for (const [x, y] of [
      [a.lu[r]!.lu, b.lu[r]!.lu],
      [a.leak[r]!, b.leak[r]!],
      [a.leakC[r]!, b.leakC[r]!],
      [a.v[r]!, b.v[r]!],
    ] as const) {
      assert.equal(x.length, y.length);
      let k = 0;
      while (k < x.length && Object.is(x[k], y[k])) k++;
      assert.equal(k, x.length, `${a.areas[r]} element ${k}: ${x[k]} vs ${y[k]}`);
    }
    assert.deepEqual([...a.lu[r]!.piv], [...b.lu[r]!.piv]);
  });
}
