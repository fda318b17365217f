// One year of a block of paths from standard normal draws z (asset-major, BLOCK per asset):
// each asset's log-return deviation x_i = Σ_{j≤i} F_ij z_j, its gross return e^{μ_i + x_i}, and
// each portfolio's gross return Σ_i w_i e^{μ_i + x_i}; deviations of the assets policies read
// are kept. Two versions that give the same bits: the reference loops over the plan's arrays;
// the compiled one is generated once per plan with the plan's numbers written into the code,
// so V8 keeps the loadings, medians and weights in registers and fuses the passes (about a
// third faster per path-year, measured in bench/finance.bench.ts). The generated source holds
// only numbers from the plan, written as JavaScript number literals.
import type { fastExp as FastExp } from './fast-exp.ts';
import type { MarketPlan } from './market.ts';

const BLOCK = 512;

/** Writes one year's gross returns and read deviations for paths [0, n) of a block. */
export type Combine = (
  z: Float64Array,
  gross: Float64Array,
  deviations: Float64Array,
  y: number,
  n: number,
  et: Float64Array,
  exp: typeof FastExp,
) => void;

interface Shape {
  A: number;
  P: number;
  Y: number;
  held: boolean[];
  readAt: Int32Array;
}

function shape(plan: MarketPlan): Shape {
  const A = plan.assets.length;
  const held = new Array<boolean>(A).fill(false);
  for (let i = 0; i < plan.portfolios.length; i++) if (plan.portfolios[i] !== 0) held[i % A] = true;
  const readAt = new Int32Array(A).fill(-1);
  plan.read.forEach((a, r) => (readAt[a] = r));
  return { A, P: plan.portfolios.length / A, Y: plan.years, held, readAt };
}

/** The reference: loops over the plan's arrays, asset by asset. */
export function referenceCombine(plan: MarketPlan): Combine {
  const { A, P, Y, held, readAt } = shape(plan);
  const x = new Float64Array(BLOCK);
  return (z, gross, deviations, y, n, et, exp) => {
    for (let p = 0; p < P; p++) gross.fill(0, (p * Y + y) * BLOCK, (p * Y + y) * BLOCK + n);
    for (let i = 0; i < A; i++) {
      const r = readAt[i]!;
      if (!held[i] && r < 0) continue;
      x.fill(0, 0, n);
      for (let j = 0; j <= i; j++) {
        const l = plan.factor[i * A + j]!;
        if (l === 0) continue;
        for (let k = 0; k < n; k++) x[k] += l * z[j * BLOCK + k]!;
      }
      if (r >= 0) deviations.set(x.subarray(0, n), (r * Y + y) * BLOCK);
      if (!held[i]) continue;
      const mu = plan.mu[i]!;
      for (let k = 0; k < n; k++) x[k] = exp(mu + x[k]!, et);
      for (let p = 0; p < P; p++) {
        const w = plan.portfolios[p * A + i]!;
        if (w === 0) continue;
        const at = (p * Y + y) * BLOCK;
        for (let k = 0; k < n; k++) gross[at + k] += w * x[k]!;
      }
    }
  };
}

function literal(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`invalid market parameter: ${v}`);
  return Object.is(v, -0) ? '-0' : String(v);
}

/** The source of the compiled combine: the same operations in the same order as the reference. */
export function combineSource(plan: MarketPlan): string {
  const { A, P, Y, held, readAt } = shape(plan);
  const need = held.map((h, i) => h || readAt[i]! >= 0);
  const used = new Set<number>();
  const body: string[] = [];
  for (let i = 0; i < A; i++) {
    if (!need[i]) continue;
    body.push(`let x${i} = 0;`);
    for (let j = 0; j <= i; j++) {
      const l = plan.factor[i * A + j]!;
      if (l === 0) continue;
      used.add(j);
      body.push(`x${i} += ${literal(l)} * z${j};`);
    }
    if (readAt[i]! >= 0) body.push(`deviations[${readAt[i]! * Y * BLOCK} + y * ${BLOCK} + k] = x${i};`);
    if (held[i]) body.push(`const e${i} = exp(${literal(plan.mu[i]!)} + x${i}, et);`);
  }
  for (let p = 0; p < P; p++) {
    const terms: string[] = [];
    for (let i = 0; i < A; i++) {
      const w = plan.portfolios[p * A + i]!;
      if (w !== 0) terms.push(terms.length ? `${literal(w)} * e${i}` : `0 + ${literal(w)} * e${i}`);
    }
    body.push(`gross[${p * Y * BLOCK} + y * ${BLOCK} + k] = ${terms.join(' + ') || '0'};`);
  }
  const loads = [...used].sort((a, b) => a - b).map((j) => `const z${j} = z[${j * BLOCK} + k];`);
  return ['for (let k = 0; k < n; k++) {', ...loads, ...body, '}'].join('\n');
}

const compiled = new WeakMap<MarketPlan, Combine>();

/** The compiled combine of a plan (made once per plan object). */
export function compiledCombine(plan: MarketPlan): Combine {
  let f = compiled.get(plan);
  if (!f) {
    f = new Function('z', 'gross', 'deviations', 'y', 'n', 'et', 'exp', combineSource(plan)) as Combine;
    compiled.set(plan, f);
  }
  return f;
}
