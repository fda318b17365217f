import type { Panel } from './panel.ts';

/** Krugman dissimilarity and Herfindahl concentration for every area and year (METHODS.md §2). */
export interface Specialisation {
  areas: string[];
  years: number[];
  /** areas × years: K = Σ_i |s_i^r − S_i| over the panel's industries. */
  krugman: Float64Array;
  /** areas × years: HHI = Σ_i (s_i^r)². */
  herfindahl: Float64Array;
}

/** Industry shares of each area's total and of the reference (sum over areas), skipping excluded industries. */
export function industryShares(p: Panel, include: (industry: string) => boolean = () => true) {
  const A = p.areas.length;
  const Y = p.years.length;
  const I = p.industries.length;
  const keep = p.industries.map(include);
  const shares = new Float64Array(A * Y * I).fill(NaN);
  const refValues = new Float64Array(Y * I);
  for (let ay = 0; ay < A * Y; ay++) {
    let t = 0;
    for (let i = 0; i < I; i++) {
      const x = p.values[ay * I + i]!;
      if (keep[i] && x === x) {
        t += x;
        refValues[(ay % Y) * I + i] += x;
      }
    }
    for (let i = 0; i < I; i++) {
      const x = p.values[ay * I + i]!;
      if (keep[i]) shares[ay * I + i] = t > 0 ? (x === x ? x : 0) / t : NaN;
    }
  }
  const reference = new Float64Array(Y * I).fill(NaN);
  for (let y = 0; y < Y; y++) {
    let t = 0;
    for (let i = 0; i < I; i++) if (keep[i]) t += refValues[y * I + i]!;
    for (let i = 0; i < I; i++) if (keep[i]) reference[y * I + i] = refValues[y * I + i]! / t;
  }
  return { shares, reference };
}

/** Krugman and Herfindahl indices from industry shares. */
export function specialisation(p: Panel, include?: (industry: string) => boolean): Specialisation {
  const { shares, reference } = industryShares(p, include);
  const A = p.areas.length;
  const Y = p.years.length;
  const I = p.industries.length;
  const krugman = new Float64Array(A * Y);
  const herfindahl = new Float64Array(A * Y);
  for (let ay = 0; ay < A * Y; ay++) {
    const y = ay % Y;
    let k = 0;
    let h = 0;
    for (let i = 0; i < I; i++) {
      const s = shares[ay * I + i]!;
      if (s !== s) continue;
      k += Math.abs(s - reference[y * I + i]!);
      h += s * s;
    }
    krugman[ay] = k;
    herfindahl[ay] = h;
  }
  return { areas: p.areas, years: p.years, krugman, herfindahl };
}
