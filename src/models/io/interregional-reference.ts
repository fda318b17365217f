// The interregional system built the straightforward way, area by area in plain JavaScript with
// fresh arrays: the reference interregional.ts's build agrees with bit for bit (tests).
import { lambdaStar, localConsumption, regionalCoefficients, simpleLq } from './flq.ts';
import {
  emptySystem,
  systemSetup,
  type InterregionalOptions,
  type InterregionalSystem,
} from './interregional.ts';
import { dot, identityMinus } from './leontief.ts';
import { luFactorDominant, luSolve } from './lu.ts';
import type { NationalModel } from './national.ts';
import type { RegionalSizes } from './sizes.ts';

/** Builds the interregional system: one LU per area, R, its leakage and closure in fresh arrays. */
export function interregionalSystemReference(
  national: NationalModel,
  sizes: RegionalSizes,
  centroids: { x: Float64Array; y: Float64Array },
  opts: InterregionalOptions = {},
): InterregionalSystem {
  const { n, delta, variant, nation, nationTotal, g, norm } = systemSetup(national, sizes, centroids, opts);
  const sys = emptySystem(national, sizes, g, norm);
  for (let r = 0; r < sizes.areas.length; r++) {
    const region = sizes.size.subarray(r * n, (r + 1) * n);
    const total = region.reduce((s, v) => s + v, 0);
    if (!(total > 0)) throw new Error(`area has no size: ${sizes.areas[r]}`);
    const slq = simpleLq(region, nation, total, nationTotal);
    const lambda = lambdaStar(total / nationTotal, delta);
    const rc = regionalCoefficients(national.a, n, slq, lambda, variant);
    const c = localConsumption(national.closure.c, slq, lambda);
    for (let i = 0; i < n; i++) {
      if (sys.norm[r * n + i]! > 0) continue;
      let leaks = national.closure.c[i]! > c[i]!;
      for (let j = 0; j < n; j++) leaks ||= national.a[i * n + j]! > rc[i * n + j]!;
      if (!leaks) continue;
      for (let j = 0; j < n; j++) rc[i * n + j] = national.a[i * n + j]!;
      c[i] = national.closure.c[i]!;
      sys.flags.push(
        `${sys.areas[r]}: ${sys.codes[i]} has no supplier in any other area; its inputs stay local`,
      );
    }
    const leak = national.a.map((a, k) => a - rc[k]!);
    const lu = luFactorDominant(identityMinus(rc, n, rc), n, 'I − R');
    const v = luSolve(lu, c);
    sys.lu.push(lu);
    sys.leak.push(leak);
    sys.leakC.push(national.closure.c.map((ci, i) => ci - c[i]!));
    sys.v.push(v);
    sys.loop[r] = dot(sys.h, v);
  }
  return sys;
}
