import { resolveIndustry } from '../../core/sic.ts';
import { layerIndex, layersOf, type Taxonomy } from '../../core/taxonomy.ts';
import { luSolveTranspose, type Lu } from './lu.ts';

/**
 * Industries → layers (METHODS.md §1): P is K × n, P[k][i] the share of industry i in layer k.
 * An industry whose SIC divisions fall in one layer belongs to it whole; one whose divisions
 * straddle layers (`C1101T1106 & C12`: drinks are foundational, tobacco tradeable) is split
 * by national shares of its divisions, and flagged.
 */
export interface LayerMap {
  taxonomy: string;
  layers: string[];
  n: number;
  k: number;
  /** n × K row-major: weights[i * k + l] = share of industry i in layer l; rows sum to 1. */
  weights: Float64Array;
  flags: string[];
}

/** The layer weights of an industry list; `shares` gives each straddling industry's size by division. */
export function layerMap(
  codes: readonly string[],
  taxonomy: Pick<Taxonomy, 'id' | 'layers'>,
  shares: Record<string, Record<string, number>> = {},
): LayerMap {
  const layers = taxonomy.layers.map((l) => l.id);
  const k = layers.length;
  const index = layerIndex(taxonomy as Taxonomy);
  const weights = new Float64Array(codes.length * k);
  const flags: string[] = [];
  codes.forEach((code, i) => {
    const parts = layersOf(resolveIndustry(code), index);
    if (parts.size === 1) {
      weights[i * k + layers.indexOf([...parts.keys()][0]!)] = 1;
      return;
    }
    const by = shares[code] ?? {};
    const size = (divs: string[]) => divs.reduce((s, d) => s + (by[d] ?? 0), 0);
    const total = [...parts.values()].reduce((s, divs) => s + size(divs), 0);
    if (!(total > 0))
      throw new Error(
        `industry ${code} spans layers ${[...parts.keys()].join(', ')}: division shares needed`,
      );
    const split: string[] = [];
    for (const [layer, divs] of parts) {
      weights[i * k + layers.indexOf(layer)] = size(divs) / total;
      split.push(`${layer} ${((100 * size(divs)) / total).toFixed(1)}%`);
    }
    flags.push(`${code} spans layers: split ${split.join(', ')} by national shares of its divisions`);
  });
  return { taxonomy: taxonomy.id, layers, n: codes.length, k, weights, flags };
}

/** Index of a layer id, throwing on an unknown one. */
export function layerAt(map: LayerMap, id: string): number {
  const l = map.layers.indexOf(id);
  if (l < 0) throw new Error(`unknown layer: ${id} (taxonomy ${map.taxonomy} has ${map.layers.join(', ')})`);
  return l;
}

/** P v: an industry vector summed by layer. */
export function toLayers(map: LayerMap, v: Float64Array): Float64Array {
  const out = new Float64Array(map.k);
  for (let i = 0; i < map.n; i++)
    for (let l = 0; l < map.k; l++) out[l]! += map.weights[i * map.k + l]! * v[i]!;
  return out;
}

/** D: column l is £1 of final demand for layer l, spread over its industries in proportion to `demand`. */
export function layerBasket(map: LayerMap, demand: Float64Array): Float64Array {
  const { n, k, weights } = map;
  const d = new Float64Array(n * k);
  for (let l = 0; l < k; l++) {
    let total = 0;
    let members = 0;
    for (let i = 0; i < n; i++) {
      total += weights[i * k + l]! * demand[i]!;
      members += weights[i * k + l]!;
    }
    // A layer with no industries in the table has an empty basket (a zero column of Λ).
    if (members === 0) continue;
    if (!(total > 0)) throw new Error(`layer ${map.layers[l]} has no final demand to form a basket`);
    for (let i = 0; i < n; i++) {
      const v = (weights[i * k + l]! * demand[i]!) / total;
      if (v < 0) throw new Error(`negative final demand in the ${map.layers[l]} basket: industry ${i}`);
      d[i * k + l] = v;
    }
  }
  return d;
}

/**
 * Λ = P L D (K × K): Λ[k][j] is the output of layer k drawn by £1 of final demand for layer j.
 * Computed as (P L) D: row k of P L is one transposed solve, so K solves in all.
 */
export function layerInteraction(lu: Lu, map: LayerMap, basket: Float64Array): Float64Array {
  const { n, k, weights } = map;
  const out = new Float64Array(k * k);
  const row = new Float64Array(n);
  for (let l = 0; l < k; l++) {
    for (let i = 0; i < n; i++) row[i] = weights[i * k + l]!;
    const pl = luSolveTranspose(lu, row);
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += pl[i]! * basket[i * k + j]!;
      out[l * k + j] = s;
    }
  }
  return out;
}
