// Outlier treatment as COINr's `Treat` and the JRC audits do it: an indicator fails when
// |skewness| ≥ 2 and kurtosis ≥ 3.5 (sample skewness and excess kurtosis, as Excel's SKEW and
// KURT); it is then winsorised one extreme at a time (the extreme on the side of the skew
// takes the next value in) until it passes or `maxPoints` values have been moved. If it still
// fails, the declared fallback applies to the original values: `log`, COINr's log_CT
// transform log(x − min + 0.01·(max − min)), which keeps the order; or `none`.

/** The declared treatment: thresholds, the cap on winsorised points, and the fallback. */
export interface OutlierSpec {
  method: 'winsorise' | 'none';
  skewness: number;
  kurtosis: number;
  maxPoints: number;
  then: 'log' | 'none';
}

/** What was done to one indicator. */
export interface Treatment {
  indicator: string;
  action: 'winsorised' | 'log' | 'failed';
  /** Rows whose values were moved (winsorised) — all rows for `log`. */
  rows: number[];
  skewness: number;
  kurtosis: number;
}

/** Sample skewness G1 = √(n(n−1))/(n−2) · m3/m2^1.5 (Excel SKEW; e1071 type 2). */
export function skewness(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 3) return NaN;
  const [m2, m3] = centralMoments(x);
  return ((Math.sqrt(n * (n - 1)) / (n - 2)) * m3!) / m2! ** 1.5;
}

/** Sample excess kurtosis G2 = ((n+1)(m4/m2² − 3) + 6)(n−1)/((n−2)(n−3)) (Excel KURT; e1071 type 2). */
export function kurtosis(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 4) return NaN;
  const [m2, , m4] = centralMoments(x);
  return (((n + 1) * (m4! / m2! ** 2 - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

function centralMoments(x: ArrayLike<number>): number[] {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]! / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const e = x[i]! - mean;
    m2 += (e * e) / n;
    m3 += (e * e * e) / n;
    m4 += (e * e * e * e) / n;
  }
  return [m2, m3, m4];
}

/** True when the column needs no treatment: |skewness| < threshold or kurtosis < threshold. */
export function passes(x: ArrayLike<number>, spec: Pick<OutlierSpec, 'skewness' | 'kurtosis'>): boolean {
  const s = skewness(x);
  const k = kurtosis(x);
  if (!Number.isFinite(s) || !Number.isFinite(k)) return true; // constant or too short: nothing to treat
  return Math.abs(s) < spec.skewness || k < spec.kurtosis;
}

/** Treats one column in place; returns what was done, or undefined when it already passed. */
export function treatColumn(x: Float64Array, spec: OutlierSpec, indicator: string): Treatment | undefined {
  if (spec.method === 'none' || passes(x, spec)) return undefined;
  const original = x.slice();
  const moved = new Set<number>();
  while (moved.size < spec.maxPoints && !passes(x, spec)) winsoriseOnce(x, moved);
  const result = (action: Treatment['action'], rows: number[]): Treatment => ({
    indicator,
    action,
    rows,
    skewness: skewness(x),
    kurtosis: kurtosis(x),
  });
  if (passes(x, spec))
    return result(
      'winsorised',
      [...moved].sort((a, b) => a - b),
    );
  x.set(original);
  if (spec.then === 'none') return result('failed', []);
  logCt(x);
  return result(passes(x, spec) ? 'log' : 'failed', [...x.keys()]);
}

// The extreme(s) on the side of the skew take the value of the next one in; ties move together.
function winsoriseOnce(x: Float64Array, moved: Set<number>): void {
  const high = skewness(x) >= 0;
  let extreme = high ? -Infinity : Infinity;
  for (const v of x) extreme = high ? Math.max(extreme, v) : Math.min(extreme, v);
  let next = high ? -Infinity : Infinity;
  for (const v of x) if (v !== extreme) next = high ? Math.max(next, v) : Math.min(next, v);
  if (!Number.isFinite(next)) return;
  x.forEach((v, i) => {
    if (v === extreme) {
      x[i] = next;
      moved.add(i);
    }
  });
}

function logCt(x: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const shift = 0.01 * (max - min);
  for (let i = 0; i < x.length; i++) x[i] = Math.log(x[i]! - min + shift);
}
