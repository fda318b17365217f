import type { Panel } from './panel.ts';
import type { LayerWeights } from './split.ts';

/** Each industry's part in one area's real growth by layer, since the first year. */
export interface GrowthContributions {
  layers: string[];
  industries: string[];
  years: number[];
  /** layers × industries: points of growth (a ratio: 0.5 is 50 points of the first year's volume). */
  contribution: Float64Array;
  /** industries: the implied price change (cp/cvm) from the first year to the last; NaN where not formed. */
  priceChange: Float64Array;
  /** layers: real growth since the first year, the sum of the layer's contributions. */
  total: Float64Array;
}

/**
 * Splits the chain-linked layer volume of `layerVolume` (growth.ts) into industries. Year t adds
 * I_{t−1}·(Σ_i w_il·cp_i,t−1·(cvm_i,t/cvm_i,t−1 − 1)) / Σ_i w_il·cp_i,t−1 to the index, so industry
 * i's part in that year is its term of the sum; over the years the parts add up exactly to
 * I_T − I_0, and divided by I_0 = 100 to the layer's real growth since the first year.
 */
export function growthContributions(cp: Panel, cvm: Panel, w: LayerWeights, a: number): GrowthContributions {
  const years = cvm.years.filter((y) => cp.years.includes(y));
  const I = cp.industries.length;
  const L = w.layers.length;
  const contribution = new Float64Array(L * I);
  const index = new Float64Array(L).fill(1);
  const den = new Float64Array(L);
  const term = new Float64Array(L * I);
  const cpAt = (k: number, i: number) =>
    cp.values[(a * cp.years.length + cp.years.indexOf(years[k]!)) * I + i]!;
  const cvAt = (k: number, i: number) =>
    cvm.values[(a * cvm.years.length + cvm.years.indexOf(years[k]!)) * I + i]!;
  for (let k = 1; k < years.length; k++) {
    den.fill(0);
    term.fill(0);
    for (let i = 0; i < I; i++) {
      const c = cpAt(k - 1, i);
      const x0 = cvAt(k - 1, i);
      const x1 = cvAt(k, i);
      if (!(c > 0) || !(x0 > 0) || !(x1 === x1)) continue;
      for (let l = 0; l < L; l++) {
        const wc = w.weights[i * L + l]! * c;
        den[l] += wc;
        term[l * I + i] = wc * (x1 / x0 - 1);
      }
    }
    for (let l = 0; l < L; l++) {
      if (!(den[l]! > 0)) {
        index[l] = NaN;
        continue;
      }
      let step = 0;
      for (let i = 0; i < I; i++) {
        const part = (index[l]! * term[l * I + i]!) / den[l]!;
        contribution[l * I + i] += part;
        step += part;
      }
      index[l] += step;
    }
  }
  const last = years.length - 1;
  const priceChange = new Float64Array(I).fill(NaN);
  for (let i = 0; i < I; i++) {
    const p0 = cpAt(0, i) / cvAt(0, i);
    const p1 = cpAt(last, i) / cvAt(last, i);
    if (p0 > 0 && p1 > 0) priceChange[i] = p1 / p0 - 1;
  }
  const total = index.map((x) => x - 1);
  return { layers: w.layers, industries: cp.industries, years, contribution, priceChange, total };
}
