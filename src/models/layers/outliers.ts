/** A declared rule for "far outside its peers": beyond the peers' quartiles by k interquartile ranges (Tukey's fences). */
export interface FenceRule {
  k: number;
}

/** Fences of a set of values: Q1 − k·IQR and Q3 + k·IQR, quartiles by linear interpolation (type 7). */
export function fences(
  values: readonly number[],
  rule: FenceRule,
): { q1: number; q3: number; low: number; high: number } {
  const xs = values.filter((x) => Number.isFinite(x)).sort((p, q) => p - q);
  if (xs.length < 4) throw new Error(`fences need at least 4 values, got ${xs.length}`);
  const q = (p: number) => {
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    return xs[lo]! + (h - lo) * ((xs[Math.min(lo + 1, xs.length - 1)] ?? xs[lo]!) - xs[lo]!);
  };
  const q1 = q(0.25);
  const q3 = q(0.75);
  const iqr = q3 - q1;
  return { q1, q3, low: q1 - rule.k * iqr, high: q3 + rule.k * iqr };
}
