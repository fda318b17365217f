import type { Panel } from './panel.ts';
import type { LayerWeights } from './split.ts';

/** Chain-linked volume indices by area, year and layer (first year = 100). */
export interface LayerVolume {
  areas: string[];
  years: number[];
  layers: string[];
  /** areas × years × layers; NaN where a link could not be formed. */
  index: Float64Array;
}

/**
 * Real growth by layer. Chained-volume industry series are not additive, so a layer's volume
 * growth from t−1 to t is the current-price-weighted mean of its industries' volume growth:
 * Σ_i w_il·cp_i,t−1·(cvm_i,t / cvm_i,t−1) / Σ_i w_il·cp_i,t−1 (an annually chain-linked
 * Laspeyres index, the way national accounts aggregate volumes). `cp` and `cvm` must share
 * areas and industries; years are those of `cvm` that `cp` also has.
 */
export function layerVolume(cp: Panel, cvm: Panel, w: LayerWeights): LayerVolume {
  if (cp.industries.join('|') !== cvm.industries.join('|') || cp.areas.join('|') !== cvm.areas.join('|')) {
    throw new Error('current-price and volume panels must have the same areas and industries');
  }
  const years = cvm.years.filter((y) => cp.years.includes(y));
  const A = cp.areas.length;
  const I = cp.industries.length;
  const L = w.layers.length;
  const Y = years.length;
  const index = new Float64Array(A * Y * L).fill(NaN);
  const cpY = years.map((y) => cp.years.indexOf(y));
  const cvY = years.map((y) => cvm.years.indexOf(y));
  const num = new Float64Array(L);
  const den = new Float64Array(L);
  for (let a = 0; a < A; a++) {
    for (let l = 0; l < L; l++) index[a * Y * L + l] = 100;
    for (let k = 1; k < Y; k++) {
      num.fill(0);
      den.fill(0);
      const p0 = (a * cp.years.length + cpY[k - 1]!) * I;
      const v0 = (a * cvm.years.length + cvY[k - 1]!) * I;
      const v1 = (a * cvm.years.length + cvY[k]!) * I;
      for (let i = 0; i < I; i++) {
        const c = cp.values[p0 + i]!;
        const x0 = cvm.values[v0 + i]!;
        const x1 = cvm.values[v1 + i]!;
        if (!(c > 0) || !(x0 > 0) || !(x1 === x1)) continue;
        for (let l = 0; l < L; l++) {
          const wc = w.weights[i * L + l]! * c;
          num[l] += wc * (x1 / x0);
          den[l] += wc;
        }
      }
      for (let l = 0; l < L; l++) {
        const prev = index[(a * Y + k - 1) * L + l]!;
        index[(a * Y + k) * L + l] = den[l]! > 0 ? (prev * num[l]!) / den[l]! : NaN;
      }
    }
  }
  return { areas: cp.areas, years, layers: w.layers, index };
}
