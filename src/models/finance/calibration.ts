// The returns model's calibration as data (reference: finance.md, "Returns model"): each asset's
// annual real log-return is normal with median e^μ − 1 and standard deviation σ, jointly normal
// with a correlation matrix; inflation is a mean-reverting process. An asset may instead be
// given by the arithmetic mean m and standard deviation s of 1 + R, converted by
// σ² = ln(1 + s²/(1+m)²), μ = ln(1+m) − σ²/2. The values shipped are illustrative.
import { z } from 'zod';

/** The seven asset classes every calibration must give, in the order the simulator draws them. */
export const CORE_ASSETS = [
  'equities',
  'gilts',
  'index_linked_gilts',
  'property',
  'infrastructure',
  'private_equity',
  'cash',
] as const;
export type CoreAsset = (typeof CORE_ASSETS)[number];

const logForm = z.strictObject({
  /** Median annual real return (e^μ − 1). */
  median: z.number().gt(-1).lt(1),
  /** Standard deviation of the annual real log-return. */
  sigma: z.number().min(0).max(2),
  label: z.string().optional(),
});
const arithmeticForm = z.strictObject({
  /** Arithmetic mean annual real return m. */
  mean: z.number().gt(-1).lt(1),
  /** Standard deviation s of the annual real return. */
  sd: z.number().min(0).max(2),
  label: z.string().optional(),
});
export const assetSchema = z.union([logForm, arithmeticForm]);
export type AssetSpec = z.infer<typeof assetSchema>;

const correlation = z.number().min(-1).max(1);
export const correlationsSchema = z.strictObject({
  /** The correlation of every pair not listed. */
  default: correlation,
  /** [asset, asset, correlation] triples. */
  pairs: z.array(z.tuple([z.string(), z.string(), correlation])).default([]),
});
export type CorrelationSpec = z.infer<typeof correlationsSchema>;

export const inflationSchema = z.strictObject({
  /** Long-run mean of annual CPI inflation. */
  mean: z.number().min(-0.2).max(0.5),
  /** Speed of mean reversion κ (per year). */
  speed: z.number().positive().max(20),
  /** Volatility σ of the continuous process (per √year). */
  sigma: z.number().min(0).max(0.5),
  /** Inflation in the year before the first simulated year. */
  start: z.number().min(-0.2).max(0.5),
});
export type InflationSpec = z.infer<typeof inflationSchema>;

export const calibrationSchema = z.strictObject({
  id: z.string().min(1),
  status: z.enum(['illustrative', 'user']),
  description: z.string().optional(),
  sources: z.array(z.string()).default([]),
  assets: z.strictObject(
    Object.fromEntries(CORE_ASSETS.map((a) => [a, assetSchema])) as Record<CoreAsset, typeof assetSchema>,
  ),
  correlations: correlationsSchema,
  inflation: inflationSchema,
});
export type Calibration = z.infer<typeof calibrationSchema>;

/** μ and σ of the annual real log-return from either form. */
export function logParams(a: AssetSpec): { mu: number; sigma: number } {
  if ('median' in a) return { mu: Math.log1p(a.median), sigma: a.sigma };
  const v = Math.log1p((a.sd * a.sd) / ((1 + a.mean) * (1 + a.mean)));
  return { mu: Math.log1p(a.mean) - v / 2, sigma: Math.sqrt(v) };
}

/** Mean and variance of 1 + R for a lognormal with log-parameters μ, σ. */
export function lognormalMoments(mu: number, sigma: number): { mean: number; variance: number } {
  const s2 = sigma * sigma;
  return { mean: Math.exp(mu + s2 / 2), variance: Math.expm1(s2) * Math.exp(2 * mu + s2) };
}

/**
 * The correlation matrix over `names` (row-major) from a default and listed pairs; a pair
 * naming an unknown variable or listed twice throws, naming the pair's index.
 */
export function correlationMatrix(names: readonly string[], spec: CorrelationSpec): Float64Array {
  const n = names.length;
  const at = new Map(names.map((name, i) => [name, i]));
  const c = new Float64Array(n * n).fill(spec.default);
  for (let i = 0; i < n; i++) c[i * n + i] = 1;
  const seen = new Set<string>();
  spec.pairs.forEach(([a, b, v], k) => {
    const i = at.get(a);
    const j = at.get(b);
    if (i === undefined || j === undefined)
      throw new PairError(`unknown asset: ${i === undefined ? a : b} (known: ${names.join(', ')})`, k);
    if (i === j) throw new PairError(`a pair needs two different assets: ${a}`, k);
    const key = i < j ? `${i},${j}` : `${j},${i}`;
    if (seen.has(key)) throw new PairError(`pair ${a}, ${b} is listed twice`, k);
    seen.add(key);
    c[i * n + j] = c[j * n + i] = v;
  });
  return c;
}

/** A listed correlation pair refused; `index` is its place in the list. */
export class PairError extends Error {
  readonly index: number;
  constructor(message: string, index: number) {
    super(message);
    this.name = 'PairError';
    this.index = index;
  }
}
