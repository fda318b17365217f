/**
 * Gravity terms between areas (METHODS.md §3): g_rs = d_rs^−β with d the distance between
 * centroids (British National Grid metres, taken in km), 0 on the diagonal. Only ratios
 * matter: each buyer's suppliers are weighted by size × g and normalised to 1.
 */
export function gravity(
  x: Float64Array,
  y: Float64Array,
  beta: number,
  areas: readonly string[],
): Float64Array {
  if (!(beta >= 0 && Number.isFinite(beta))) throw new Error(`invalid gravity beta: ${beta}`);
  const n = x.length;
  if (y.length !== n || areas.length !== n)
    throw new Error(`centroids: expected ${areas.length} x and y, got ${n} and ${y.length}`);
  const g = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    if (!Number.isFinite(x[r]!) || !Number.isFinite(y[r]!))
      throw new Error(`centroid of ${areas[r]} is not a number`);
    for (let s = 0; s < r; s++) {
      const d = Math.hypot(x[r]! - x[s]!, y[r]! - y[s]!) / 1000;
      if (!(d > 0)) throw new Error(`areas share a centroid: ${areas[s]} and ${areas[r]}`);
      g[r * n + s] = g[s * n + r] = d ** -beta;
    }
  }
  return g;
}

/**
 * For buyer area s and industry i, Σ_{t≠s} size_i^t g_ts: the normaliser of the supply
 * shares w_{r←s,i} = size_i^r g_rs / norm_i^s. N × n row-major.
 */
export function supplyNorms(g: Float64Array, size: Float64Array, areas: number, n: number): Float64Array {
  const norm = new Float64Array(areas * n);
  for (let s = 0; s < areas; s++)
    for (let t = 0; t < areas; t++) {
      const w = g[t * areas + s]!;
      if (w === 0) continue;
      for (let i = 0; i < n; i++) norm[s * n + i]! += size[t * n + i]! * w;
    }
  return norm;
}
