// Builds the market simulation's plan from a calibration, the assets policies add and the
// portfolios they hold. The core assets are factorised together (Cholesky of the calibrated
// correlations); each added asset loads on the core draws through its correlations with the
// core assets plus a draw of its own, so added assets are independent of one another given
// the core (their mutual correlation is what the core implies) and adding one never changes
// the draws of another — a reform and its baseline share every number they have in common.
import { CORE_ASSETS, correlationMatrix, logParams, type Calibration } from './calibration.ts';
import { checkCorrelation, cholesky, CorrelationError } from './cholesky.ts';
import type { MarketPlan } from './market.ts';

/** An asset a policy adds: its own real log-return parameters and its correlations with the core assets. */
export interface AddedAsset {
  name: string;
  mu: number;
  sigma: number;
  /** Correlation with each core asset, in CORE_ASSETS order. */
  correlations: Float64Array;
}

/** A portfolio as weights by asset name (they must sum to 1). */
export type Weights = Record<string, number>;

/** The core correlation matrix's Cholesky factor (throws CorrelationError naming the asset). */
export function coreFactor(cal: Calibration): Float64Array {
  const names = [...CORE_ASSETS];
  const c = correlationMatrix(names, cal.correlations);
  checkCorrelation(c, names.length, names);
  return cholesky(c, names.length, names);
}

/**
 * Correlations with the core assets of a standardised factor loading only on `asset` with
 * correlation ρ: ρ times that asset's own correlations (any other choice may not be positive
 * definite with the core).
 */
export function factorCorrelations(cal: Calibration, asset: string, rho: number): Float64Array {
  const names = [...CORE_ASSETS];
  const i = names.indexOf(asset as (typeof CORE_ASSETS)[number]);
  if (i < 0) throw new Error(`unknown asset: ${asset}`);
  const c = correlationMatrix(names, cal.correlations);
  return Float64Array.from(names, (_, j) => rho * c[i * names.length + j]!);
}

/** The loadings of an added asset on the core draws and on its own: forward substitution in L. */
export function addedLoadings(core: Float64Array, added: AddedAsset): { core: Float64Array; own: number } {
  const n = CORE_ASSETS.length;
  const b = new Float64Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let s = added.correlations[i]!;
    for (let k = 0; k < i; k++) s -= core[i * n + k]! * b[k]!;
    b[i] = s / core[i * n + i]!;
    norm += b[i]! * b[i]!;
  }
  if (!(1 - norm > 1e-12))
    throw new CorrelationError(
      `correlations of ${added.name} with the core assets are not positive definite together with theirs (1 − ‖b‖² = ${(1 - norm).toPrecision(3)})`,
      n,
    );
  return { core: b, own: Math.sqrt(1 - norm) };
}

/** The MarketPlan: core assets, then added assets; portfolios by name; `read` names the assets read as factors. */
export function marketPlan(
  cal: Calibration,
  opts: {
    seed: number;
    years: number;
    added?: AddedAsset[];
    portfolios: Weights[];
    read?: string[];
    inflation?: boolean;
  },
): MarketPlan {
  const added = opts.added ?? [];
  const names = [...CORE_ASSETS, ...added.map((a) => a.name)];
  if (new Set(names).size !== names.length) throw new Error(`asset names repeat: ${names.join(', ')}`);
  const A = names.length;
  const C = CORE_ASSETS.length;
  const core = coreFactor(cal);
  const mu = new Float64Array(A);
  const factor = new Float64Array(A * A);
  CORE_ASSETS.forEach((name, i) => {
    const p = logParams(cal.assets[name]);
    mu[i] = p.mu;
    for (let j = 0; j <= i; j++) factor[i * A + j] = p.sigma * core[i * C + j]!;
  });
  added.forEach((a, e) => {
    const i = C + e;
    const l = addedLoadings(core, a);
    mu[i] = a.mu;
    for (let j = 0; j < C; j++) factor[i * A + j] = a.sigma * l.core[j]!;
    factor[i * A + i] = a.sigma * l.own;
  });
  const at = new Map(names.map((n, i) => [n, i]));
  const portfolios = new Float64Array(opts.portfolios.length * A);
  opts.portfolios.forEach((w, p) => {
    for (const [name, v] of Object.entries(w)) {
      const i = at.get(name);
      if (i === undefined) throw new Error(`unknown asset: ${name}`);
      portfolios[p * A + i] = v;
    }
  });
  const read = Int32Array.from(opts.read ?? [], (name) => {
    const i = at.get(name);
    if (i === undefined) throw new Error(`unknown asset: ${name}`);
    return i;
  });
  return {
    seed: opts.seed,
    years: opts.years,
    assets: names,
    mu,
    factor,
    streams: Int32Array.from(names, (_, i) => (i < C ? i : i + 1)),
    portfolios,
    read,
    inflation: opts.inflation ? { ...cal.inflation } : null,
  };
}
