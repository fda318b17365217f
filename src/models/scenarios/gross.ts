// An intervention's gross response in one area, per part and δ node: G[k, g, c] = (M_g Δf_k)_c +
// H_g[c]·income_k + direct_k[c] — the channels per unit of the part's coefficient θ_k.
import type { AreaModel } from './area-model.ts';
import type { Part } from './kinds/part.ts';

/** G (parts × nodes × m) from the parts and the area's model. */
export function grossOf(parts: readonly Part[], model: AreaModel, io: number, m: number): Float64Array {
  const G = model.nodes.length;
  const out = new Float64Array(parts.length * G * m);
  parts.forEach((p, k) => {
    for (let g = 0; g < G; g++) {
      const o = (k * G + g) * m;
      if (p.df) addRows(model.rows[g]!, io, p.df, out, o);
      if (p.income) {
        const h = model.income[g]!;
        for (let c = 0; c < io; c++) out[o + c] = out[o + c]! + h[c]! * p.income;
      }
      if (p.direct) for (let c = 0; c < m; c++) out[o + c] = out[o + c]! + p.direct[c]!;
    }
  });
  return out;
}

/** out[o + c] += Σ_i rows[c, i] df_i, visiting only the industries df touches. */
function addRows(rows: Float64Array, io: number, df: Float64Array, out: Float64Array, o: number): void {
  const n = df.length;
  for (let i = 0; i < n; i++) {
    const v = df[i]!;
    if (v === 0) continue;
    for (let c = 0; c < io; c++) out[o + c] = out[o + c]! + rows[c * n + i]! * v;
  }
}
