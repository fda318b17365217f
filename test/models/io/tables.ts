import type { IoTable } from '../../../src/core/io-table.ts';

/**
 * Miller & Blair (2009) §2.3 two-sector example: Z = [[150, 500], [200, 100]], x = (1000, 2000),
 * so A = [[0.15, 0.25], [0.20, 0.05]]. Compensation (300, 500) gives h = (0.3, 0.25); household
 * consumption (200, 400) out of income 800 gives c = (0.25, 0.5).
 */
export function twoSector(): IoTable {
  return {
    year: 2009,
    codes: ['A01', 'C10'],
    names: ['Agriculture', 'Food'],
    z: Float64Array.of(150, 500, 200, 100),
    finalDemand: { 'P3 S14': Float64Array.of(200, 400), P62: Float64Array.of(150, 1300) },
    primaryInputs: {
      'Use of imported products, cif': Float64Array.of(150, 400),
      D1: Float64Array.of(300, 500),
      'GOS & MI': Float64Array.of(200, 500),
      GVA: Float64Array.of(500, 1000),
    },
    output: Float64Array.of(1000, 2000),
  };
}

/** A table with the given coefficients A (row-major) and output, balanced with made-up primary inputs. */
export function tableFromA(codes: string[], a: number[], x: number[]): IoTable {
  const n = codes.length;
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) z[i * n + j] = a[i * n + j]! * x[j]!;
  const gva = x.map((xj, j) => xj - codes.reduce((s, _c, i) => s + z[i * n + j]!, 0));
  return {
    year: 2000,
    codes,
    names: codes.map((c) => `Industry ${c}`),
    z,
    finalDemand: { 'P3 S14': Float64Array.from(x, (v) => v * 0.3) },
    primaryInputs: { D1: Float64Array.from(gva, (v) => v * 0.6), GVA: Float64Array.from(gva) },
    output: Float64Array.from(x),
  };
}

/** Largest |a − b| / max(|b|, floor) over two arrays. */
export function maxRel(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-300): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs(a[i]! - b[i]!) / Math.max(Math.abs(b[i]!), floor);
    if (d > worst) worst = d;
  }
  return worst;
}
