import { layerAt, type LayerMap } from './layers.ts';
import { leontiefLu, matVec, identityMinus } from './leontief.ts';
import { luSolve } from './lu.ts';
import type { IoModel } from './model.ts';

/** What the economy loses when a layer is hypothetically extracted. */
export interface Extraction {
  layer: string;
  /** Output by industry before and after (after: the rest of the economy only), £ million. */
  baseline: Float64Array;
  extracted: Float64Array;
  /** Σ baseline − Σ extracted. */
  lossTotal: number;
  /** The layer's own output. */
  lossLayer: number;
  /** Output the other layers lose: what the layer's purchases had supported. */
  lossRest: number;
  /** lossRest as a share of the other layers' baseline output. */
  restShare: number;
}

/**
 * Hypothetical extraction of a whole layer (Miller & Blair 2009 §12.2.5; Dietzenbacher &
 * van der Linden 1997): the economy without the layer — it neither buys nor sells locally
 * and its final demand goes — holding the rest's final demand. An industry split between
 * layers keeps only its other part: with w_i its share in the layer, the rest solves
 * x̄ = (I − diag(1 − w)A)⁻¹ diag(1 − w) f, f = (I − A)x from the model's own output.
 */
export function extractLayer(model: IoModel, map: LayerMap, layer: string): Extraction {
  const l = layerAt(map, layer);
  const n = model.n;
  if (map.n !== n) throw new Error(`layer map has ${map.n} industries, model has ${n}`);
  const keep = Float64Array.from({ length: n }, (_, i) => 1 - map.weights[i * map.k + l]!);
  const x = model.output;
  const f = matVec(identityMinus(model.a, n), x, n);
  const kept = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) kept[i * n + j] = keep[i]! * model.a[i * n + j]!;
  const extracted = luSolve(
    leontiefLu(kept, n),
    f.map((v, i) => keep[i]! * v),
  );
  let total = 0;
  let after = 0;
  let rest = 0;
  for (let i = 0; i < n; i++) {
    total += x[i]!;
    after += extracted[i]!;
    rest += keep[i]! * x[i]!;
  }
  return {
    layer,
    baseline: Float64Array.from(x),
    extracted,
    lossTotal: total - after,
    lossLayer: total - rest,
    lossRest: rest - after,
    restShare: rest > 0 ? (rest - after) / rest : 0,
  };
}
