// The standard normal distribution: its quantile function (Wichura's AS 241, accurate to about
// 1e-16), its distribution function (Marsaglia 2004's Taylor series in the middle, the
// continued fraction of the Mills ratio in the tails), and a fast quantile for 32 random bits
// that interpolates a table of AS 241 values and calls AS 241 itself in the tails. The fast path
// is what the Monte Carlo uses; test/models/finance/normal.test.ts holds it to AS 241.

// The coefficients are kept as Wichura printed them (more digits than a double holds).
/* eslint-disable no-loss-of-precision */
/** Φ⁻¹(p) by Wichura (1988), Algorithm AS 241 (PPND16); p must lie in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`invalid probability: ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let v: number;
  if (r <= 5) {
    r -= 1.6;
    v =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    v =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -v : v;
}
/* eslint-enable no-loss-of-precision */

const INV_SQRT_2PI = 0.3989422804014327;

/** The standard normal density φ(x). */
export function normalDensity(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Φ(x): Marsaglia (2004) for |x| < 3, the Mills-ratio continued fraction beyond (relative accuracy about 1e-13 in the tails). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= -3) return upperTail(-x);
  if (x >= 3) return 1 - upperTail(x);
  let s = x;
  let t = 0;
  let b = x;
  const q = x * x;
  for (let i = 1; s !== t; i += 2) {
    t = s;
    b *= q / (i + 2);
    s = t + b;
  }
  return 0.5 + s * normalDensity(x);
}

// 1 − Φ(x) for x ≥ 3: φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated from the bottom
// (40 terms: converged to 1e-15 from x = 3 on).
function upperTail(x: number): number {
  let f = x;
  for (let k = 40; k >= 1; k--) f = x + k / f;
  return normalDensity(x) / f;
}

/** Cells of the fast quantile table: the top 14 bits of a draw pick the cell. */
const CELL_BITS = 14;
const CELLS = 1 << CELL_BITS;
const FRACTION_BITS = 32 - CELL_BITS;
const FRACTION_MASK = (1 << FRACTION_BITS) - 1;
const FRACTION_SCALE = 1 / (1 << FRACTION_BITS);
/** Cells at either end computed exactly: there Φ⁻¹ bends too fast for linear interpolation. */
export const EXACT_CELLS = 64;

let table: Float64Array | undefined;

/** Φ⁻¹ at the cell edges i / 2^14 (the ends are never read). */
export function quantileTable(): Float64Array {
  if (table) return table;
  table = new Float64Array(CELLS + 1);
  for (let i = 1; i < CELLS; i++) table[i] = normalQuantile(i / CELLS);
  return table;
}

/**
 * The normal deviate of 32 random bits: Φ⁻¹((bits + ½) / 2^32), by linear interpolation in
 * the table inside the central cells (absolute error below 1e-5) and by AS 241 in the 64 cells
 * at either end (probabilities below 0.0039 or above 0.9961).
 */
export function normalFromBits(bits: number, t: Float64Array): number {
  const j = bits >>> FRACTION_BITS;
  if (j < EXACT_CELLS || j >= CELLS - EXACT_CELLS)
    return normalQuantile((bits + 0.5) * 2.3283064365386963e-10);
  const f = ((bits & FRACTION_MASK) + 0.5) * FRACTION_SCALE;
  const a = t[j]!;
  return a + f * (t[j + 1]! - a);
}
