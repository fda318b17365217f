// Weights at two levels (indicators within pillars, pillars within the index), reduced to one
// effective weight per indicator: w_i = W_p · w_i / Σ_{j∈p} w_j, normalised to sum to 1.
// Nested arithmetic (or nested geometric) aggregation with these weights equals one flat
// aggregation with the effective weights, which is what makes the Monte Carlo loop a
// single matrix–vector product.
import { dirichlet, type Random } from '../random.ts';
import type { Pipeline } from './pipeline.ts';

/** The declared weights of a pipeline, by position. */
export interface WeightStructure {
  /** Declared weight of each indicator (1 when not declared). */
  indicator: Float64Array;
  /** Pillar index of each indicator (all 0 when the index has no pillars). */
  pillarOf: Int32Array;
  /** Declared weight of each pillar (1 when not declared). */
  pillar: Float64Array;
  pillars: string[];
}

/** The uncertainty declared for weights. */
export type WeightUncertainty = Pipeline['uncertainty']['weights'];

/** Reads the declared weights, filling the default (equal) weight of 1. */
export function weightStructure(p: Pipeline): WeightStructure {
  const pillars = [...new Set(p.indicators.map((i) => i.pillar ?? ''))];
  return {
    indicator: Float64Array.from(p.indicators, (i) => p.weights[i.id] ?? 1),
    pillarOf: Int32Array.from(p.indicators, (i) => pillars.indexOf(i.pillar ?? '')),
    pillar: Float64Array.from(pillars, (id) => p.pillarWeights[id] ?? 1),
    pillars,
  };
}

/** Effective indicator weights (sum 1) from indicator and pillar weights. */
export function effectiveWeights(
  s: WeightStructure,
  indicator: Float64Array = s.indicator,
  pillar: Float64Array = s.pillar,
  out: Float64Array = new Float64Array(indicator.length),
): Float64Array {
  const within = new Float64Array(pillar.length);
  for (let i = 0; i < indicator.length; i++) within[s.pillarOf[i]!]! += indicator[i]!;
  let total = 0;
  for (let p = 0; p < pillar.length; p++) {
    if (!(within[p]! > 0)) throw new Error(`pillar has no weight: ${s.pillars[p] || 'index'}`);
    total += pillar[p]!;
  }
  if (!(total > 0)) throw new Error('weights sum to zero');
  for (let i = 0; i < indicator.length; i++) {
    const p = s.pillarOf[i]!;
    out[i] = (pillar[p]! / total) * (indicator[i]! / within[p]!);
  }
  return out;
}

/**
 * One draw of effective weights around the declared ones: each weight (at both levels) times
 * 1 + U(−spread, spread), or a Dirichlet with mean the declared shares and the given
 * concentration (larger = closer to the declared weights), at each level.
 */
export function sampleWeights(
  s: WeightStructure,
  spec: WeightUncertainty,
  rng: Random,
  out: Float64Array,
): Float64Array {
  switch (spec.kind) {
    case 'fixed':
      return effectiveWeights(s, s.indicator, s.pillar, out);
    case 'uniform':
      return effectiveWeights(
        s,
        perturb(s.indicator, spec.spread, rng),
        perturb(s.pillar, spec.spread, rng),
        out,
      );
    case 'dirichlet':
      return effectiveWeights(
        s,
        shares(s.indicator, spec.concentration, rng),
        shares(s.pillar, spec.concentration, rng),
        out,
      );
  }
  throw new Error(`invalid weight uncertainty: ${(spec as { kind: unknown }).kind}`);
}

function perturb(w: Float64Array, spread: number, rng: Random): Float64Array {
  return w.map((x) => x * (1 + spread * (2 * rng.uniform() - 1)));
}

// A zero declared weight stays zero: the Dirichlet is drawn over the positive weights only.
function shares(w: Float64Array, concentration: number, rng: Random): Float64Array {
  if (w.length === 1) return w.slice();
  const total = w.reduce((a, b) => a + b, 0);
  const positive = [...w.keys()].filter((i) => w[i]! > 0);
  const draw = dirichlet(
    rng,
    positive.map((i) => (concentration * w[i]!) / total),
  );
  const out = new Float64Array(w.length);
  positive.forEach((i, k) => (out[i] = draw[k]!));
  return out;
}
