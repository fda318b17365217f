// The draws an appraisal shares across areas: δ for each draw (one of the band's grid values,
// one-hot over the nodes), and for each intervention its parameters' values, the
// additionality factor α, the part coefficients θ and the cost — folded into u_d = α θ ⊗ w.
import { additionalityFactor, type AdditionalityValues } from './additionality.ts';
import type { IvDraws } from './appraise.ts';
import { additionalityParams, type CompiledIntervention } from './compile.ts';
import { uniforms } from './draws.ts';
import { costOf, partCount, thetaOf } from './kinds/index.ts';
import { bandGrid, nodeOf } from './nodes.ts';
import { sample, varies, type Parameter } from './parameter.ts';

/** The δ of every draw, one-hot over the nodes (draws × nodes), and the central δ's. */
export interface DeltaDraws {
  nodes: number[];
  central: number;
  deltas: Float64Array;
  weights: Float64Array;
  centralWeights: Float64Array;
  /** The node of each draw. */
  node: Int32Array;
}

/** Each draw's δ: uniform over the band's grid (bandGrid), the same for every area and intervention. */
export function deltaDraws(
  nodes: number[],
  central: number,
  band: readonly [number, number] | null,
  draws: number,
  seed: number,
): DeltaDraws {
  const G = nodes.length;
  const grid = bandGrid(central, band);
  const deltas = new Float64Array(draws).fill(central);
  if (grid.length > 1) {
    const u = uniforms(seed, 'delta', draws);
    for (let d = 0; d < draws; d++)
      deltas[d] = grid[Math.min(grid.length - 1, Math.floor(u[d]! * grid.length))]!;
  }
  const weights = new Float64Array(draws * G);
  const node = Int32Array.from(deltas, (x) => nodeOf(nodes, x));
  for (let d = 0; d < draws; d++) weights[d * G + node[d]!] = 1;
  const centralWeights = new Float64Array(G);
  centralWeights[nodeOf(nodes, central)] = 1;
  return { nodes, central, deltas, weights, centralWeights, node };
}

/** A parameter's value in every draw (its central value throughout when it does not vary). */
export function paramDraws(p: Parameter, key: string, draws: number, seed: number): Float64Array {
  if (!varies(p)) return new Float64Array(draws).fill(p.value);
  const u = uniforms(seed, key, draws);
  return u.map((x) => sample(p, x));
}

function additionalityAt(v: Float64Array): AdditionalityValues {
  return {
    leakage: v[0]!,
    displacement: v[1]!,
    substitution: v[2]!,
    multiplier: v[3]!,
    deadweight: v[4]!,
    reference: { leakage: v[5]!, displacement: v[6]!, substitution: v[7]!, multiplier: v[8]! },
  };
}

/** One intervention's shared draws. */
export function ivDraws(iv: CompiledIntervention, delta: DeltaDraws, draws: number, seed: number): IvDraws {
  const G = delta.nodes.length;
  const parts = partCount(iv);
  const width = parts * G;
  const kind = iv.params.map((p) => paramDraws(p.param, `${iv.id}/${p.name}`, draws, seed));
  const add = additionalityParams(iv.additionality).map((p) =>
    paramDraws(p.param, `${iv.id}/${p.name}`, draws, seed),
  );
  const u = new Float64Array(draws * width);
  const cost = new Float64Array(draws);
  const kv = new Float64Array(kind.length);
  const av = new Float64Array(add.length);
  const theta = new Float64Array(parts);
  for (let d = 0; d < draws; d++) {
    kind.forEach((x, j) => (kv[j] = x[d]!));
    add.forEach((x, j) => (av[j] = x[d]!));
    fold(
      iv,
      kv,
      av,
      delta.weights.subarray(d * G, (d + 1) * G),
      theta,
      u.subarray(d * width, (d + 1) * width),
    );
    cost[d] = costOf(iv, kv) * (1 + iv.uplift);
  }
  const kc = Float64Array.from(iv.params, (p) => p.param.value);
  const ac = Float64Array.from(additionalityParams(iv.additionality), (p) => p.param.value);
  const wc = delta.centralWeights;
  const uc = new Float64Array(width);
  fold(iv, kc, ac, wc, theta, uc);
  const out: IvDraws = { width, u, uc, cost, costc: costOf(iv, kc) * (1 + iv.uplift), annuity: iv.annuity };
  if (parts === 1 && cost.every((c) => c === cost[0])) out.scaled = scaledDraws(u, delta, G);
  return out;
}

/** One part and a fixed cost: u_d = s_d at the draw's node; the draws of each node sorted by s. */
function scaledDraws(u: Float64Array, delta: DeltaDraws, G: number): NonNullable<IvDraws['scaled']> {
  const D = delta.node.length;
  const s = Float64Array.from({ length: D }, (_, d) => u[d * G + delta.node[d]!]!);
  const byNode: number[][] = Array.from({ length: G }, () => []);
  for (let d = 0; d < D; d++) byNode[delta.node[d]!]!.push(d);
  const order = byNode.map((ds) => Int32Array.from(ds.sort((a, b) => s[a]! - s[b]! || a - b)));
  return { s, node: delta.node, order };
}

/** u[k·G + g] = α θ_k w_g. */
function fold(
  iv: CompiledIntervention,
  kv: Float64Array,
  av: Float64Array,
  w: Float64Array,
  theta: Float64Array,
  out: Float64Array,
): void {
  const alpha = additionalityFactor(additionalityAt(av));
  thetaOf(iv, kv, theta);
  const G = w.length;
  for (let k = 0; k < theta.length; k++)
    for (let g = 0; g < G; g++) out[k * G + g] = alpha * theta[k]! * w[g]!;
}
