import { checkDelta } from './model.ts';

/**
 * Regionalisation by location quotients (METHODS.md §3): Flegg, Webber & Elliott (1995),
 * Flegg & Webber (1997) FLQ; Flegg & Webber (2000) AFLQ. A national coefficient a_ij is
 * scaled by min(FLQ_ij, 1): the share of the input the area is assumed to supply itself.
 */
export type FlqVariant = 'flq' | 'aflq';

/** Resolves a variant name once; unknown names are rejected. */
export function flqVariant(name: string): FlqVariant {
  switch (name) {
    case 'flq':
    case 'aflq':
      return name;
    default:
      throw new Error(`invalid FLQ variant: ${name}`);
  }
}

/** λ* = [log₂(1 + E^r/E)]^δ, the regional-size scalar. */
export function lambdaStar(regionShare: number, delta: number): number {
  checkDelta(delta);
  if (!(regionShare > 0 && regionShare <= 1))
    throw new Error(`regional share outside (0, 1]: ${regionShare}`);
  return Math.log2(1 + regionShare) ** delta;
}

/** Simple location quotients SLQ_i = (e_i/e)/(E_i/E); 0 where the nation has none of industry i. */
export function simpleLq(
  regional: Float64Array,
  national: Float64Array,
  regionTotal: number,
  nationTotal: number,
): Float64Array {
  return regional.map((e, i) => (national[i]! > 0 ? e / regionTotal / (national[i]! / nationTotal) : 0));
}

/**
 * Regional coefficients r_ij = a_ij · min(FLQ_ij, 1), n × n row-major, with
 * FLQ_ij = λ*·SLQ_i/SLQ_j off the diagonal and λ*·SLQ_i on it; AFLQ multiplies column j by
 * log₂(1 + SLQ_j) where SLQ_j > 1. A supplier the area lacks (SLQ_i = 0) supplies nothing;
 * a buyer it lacks (SLQ_j = 0) leaves the ratio unbounded, so its column keeps a_ij.
 */
export function regionalCoefficients(
  a: Float64Array,
  n: number,
  slq: Float64Array,
  lambda: number,
  variant: FlqVariant,
  out: Float64Array = new Float64Array(n * n),
): Float64Array {
  const { colFactor, colScale } = columnScales(slq, n, variant);
  for (let i = 0; i < n; i++) {
    const rowFactor = lambda * slq[i]!;
    const ii = i * n;
    if (rowFactor === 0) {
      out.fill(0, ii, ii + n);
      continue;
    }
    for (let j = 0; j < n; j++) {
      const f = rowFactor * colScale[j]!;
      const aij = a[ii + j]!;
      out[ii + j] = f < 1 ? aij * f : aij;
    }
    const fii = rowFactor * colFactor[i]!;
    out[ii + i] = fii < 1 ? a[ii + i]! * fii : a[ii + i]!;
  }
  return out;
}

/** m[i][j] = −(a[i][j] · min(rowFactor_i · colScale_j, 1)) for every cell of the n × n matrices. */
export type FlqRows = (
  m: Float64Array,
  a: Float64Array,
  colScale: Float64Array,
  rowFactor: Float64Array,
  n: number,
) => void;

/** `FlqRows` in plain JavaScript (simd.ts has it in WebAssembly, the same bits). */
export const flqRows: FlqRows = (m, a, colScale, rowFactor, n) => {
  for (let i = 0; i < n; i++) {
    const f = rowFactor[i]!;
    for (let j = 0, ii = i * n; j < n; j++) m[ii + j] = -(a[ii + j]! * Math.min(f * colScale[j]!, 1));
  }
};

/**
 * I − R for the coefficients of `regionalCoefficients`, written straight into `m` (the array
 * the LU then factors in place): one pass over A instead of two, and R itself is not kept.
 * Every value is the one `identityMinus(regionalCoefficients(…))` gives: a·min(f, 1) is a·f
 * below 1 and a itself (a·1) from 1 up. The cells go through `kernel`, over `work`'s column
 * scales and row factors; rows the area lacks and the diagonal are then set apart.
 */
export function regionalLeontief(
  a: Float64Array,
  n: number,
  slq: Float64Array,
  lambda: number,
  variant: FlqVariant,
  m: Float64Array,
  kernel: FlqRows = flqRows,
  work: { colScale: Float64Array; rowFactor: Float64Array } = {
    colScale: new Float64Array(n),
    rowFactor: new Float64Array(n),
  },
): Float64Array {
  const { colFactor, colScale } = columnScales(slq, n, variant, work.colScale);
  const rowFactor = work.rowFactor;
  for (let i = 0; i < n; i++) rowFactor[i] = lambda * slq[i]!;
  kernel(m, a, colScale, rowFactor, n);
  for (let i = 0; i < n; i++) {
    const ii = i * n;
    if (rowFactor[i] === 0) {
      for (let j = 0; j < n; j++) m[ii + j] = -0;
      m[ii + i] = 1;
      continue;
    }
    const fii = rowFactor[i]! * colFactor[i]!;
    m[ii + i] = 1 - (fii < 1 ? a[ii + i]! * fii : a[ii + i]!);
  }
  return m;
}

/**
 * Household purchases kept in the area, c_i · min(λ*·SLQ_i, 1): households are read as a buyer
 * with SLQ 1, so the FLQ cap applies to each good they buy as to any industry's input.
 */
export function localConsumption(
  c: Float64Array,
  slq: Float64Array,
  lambda: number,
  out: Float64Array = new Float64Array(c.length),
): Float64Array {
  for (let i = 0; i < c.length; i++) out[i] = c[i]! * Math.min(lambda * slq[i]!, 1);
  return out;
}

/**
 * The diagonal r_ii of `regionalCoefficients` (the same bits), for callers that hold I − R and
 * need R's own diagonal back without the rounding of 1 − (1 − r_ii).
 */
export function regionalDiagonal(
  a: Float64Array,
  n: number,
  slq: Float64Array,
  lambda: number,
  variant: FlqVariant,
  out: Float64Array = new Float64Array(n),
): Float64Array {
  for (let i = 0; i < n; i++) {
    const rowFactor = lambda * slq[i]!;
    const fii = rowFactor * columnFactor(slq[i]!, variant);
    const aii = a[i * n + i]!;
    out[i] = rowFactor === 0 ? 0 : fii < 1 ? aii * fii : aii;
  }
  return out;
}

/** AFLQ's log₂(1 + SLQ_j) where SLQ_j > 1; 1 otherwise and for the FLQ. */
function columnFactor(slq: number, variant: FlqVariant): number {
  return variant === 'aflq' && slq > 1 ? Math.log2(1 + slq) : 1;
}

/** FLQ_ij · (AFLQ factor) = (λ·SLQ_i) · (factor_j / SLQ_j): the column parts, so one product per cell. */
function columnScales(
  slq: Float64Array,
  n: number,
  variant: FlqVariant,
  colScale: Float64Array = new Float64Array(n),
) {
  const colFactor = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    colFactor[j] = columnFactor(slq[j]!, variant);
    colScale[j] = slq[j]! > 0 ? colFactor[j]! / slq[j]! : Infinity;
  }
  return { colFactor, colScale };
}
