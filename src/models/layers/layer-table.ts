import type { Panel } from './panel.ts';
import type { LayerWeights } from './split.ts';

/** Values, shares and location quotients by area, year and layer (METHODS.md §2). */
export interface LayerTable {
  measure: string;
  taxonomy: string;
  areas: string[];
  years: number[];
  layers: string[];
  /** areas × years × layers */
  values: Float64Array;
  shares: Float64Array;
  lq: Float64Array;
  /** areas × years: the sum over layers (excluded codes left out). */
  totals: Float64Array;
  /** years × layers: the LQ's reference, the sum over all areas in the table unless given. */
  reference: Float64Array;
}

/**
 * Aggregates a panel to layers, then shares s = e_l^r / e^r and LQ = s / (E_l / E), where the
 * reference E is the sum over the table's areas (so the total-weighted mean LQ is exactly 1).
 * A cell the publisher left empty counts as zero and is not an error. `against` (years × layers,
 * the same years and layers) replaces the reference with a wider one: a few areas summed from
 * districts are compared with the sum of every district, not with each other.
 */
export function layerTable(panel: Panel, w: LayerWeights, against?: Float64Array): LayerTable {
  const A = panel.areas.length;
  const Y = panel.years.length;
  const I = panel.industries.length;
  const L = w.layers.length;
  if (w.industries.length !== I || w.industries.some((c, i) => c !== panel.industries[i])) {
    throw new Error('layer weights do not match the panel industries');
  }
  const values = new Float64Array(A * Y * L);
  const totals = new Float64Array(A * Y);
  const reference = new Float64Array(Y * L);
  const wt = w.weights;
  const v = panel.values;
  for (let ay = 0; ay < A * Y; ay++) {
    const base = ay * I;
    const out = ay * L;
    for (let i = 0; i < I; i++) {
      const x = v[base + i]!;
      if (x !== x) continue; // NaN: not published
      const row = i * L;
      for (let l = 0; l < L; l++) values[out + l] += x * wt[row + l]!;
    }
    let t = 0;
    for (let l = 0; l < L; l++) t += values[out + l]!;
    totals[ay] = t;
    const y = ay % Y;
    for (let l = 0; l < L; l++) reference[y * L + l] += values[out + l]!;
  }
  if (against) {
    if (against.length !== Y * L) throw new Error('LQ reference does not match the table years and layers');
    reference.set(against);
  }
  const shares = new Float64Array(A * Y * L);
  const lq = new Float64Array(A * Y * L);
  const refTotal = new Float64Array(Y);
  for (let y = 0; y < Y; y++) for (let l = 0; l < L; l++) refTotal[y] += reference[y * L + l]!;
  for (let ay = 0; ay < A * Y; ay++) {
    const y = ay % Y;
    const t = totals[ay]!;
    for (let l = 0; l < L; l++) {
      const k = ay * L + l;
      const s = t > 0 ? values[k]! / t : NaN;
      shares[k] = s;
      const national = reference[y * L + l]! / refTotal[y]!;
      lq[k] = national > 0 ? s / national : NaN;
    }
  }
  return {
    measure: panel.measure,
    taxonomy: w.taxonomy,
    areas: panel.areas,
    years: panel.years,
    layers: w.layers,
    values,
    shares,
    lq,
    totals,
    reference,
  };
}
