// The δ band of the regional model enters the Monte Carlo through a few models built at fixed
// δ nodes: four spread evenly over the band, plus the central δ when it is not one of them. A
// drawn δ's effects are the cubic Lagrange interpolation of the effects at the four nodes around
// it (exact at every node, so the central figure is the model's own). `interpolationError` in the
// tests holds the interpolation against models built at the drawn δ itself.

/** The δ values models are built at, ascending; the central δ is always one of them exactly. */
export function deltaNodes(central: number, band: readonly [number, number] | null): number[] {
  if (!band || band[1] === band[0]) return [central];
  const [lo, hi] = band;
  if (!(hi > lo)) throw new Error(`invalid delta band: ${lo}–${hi}`);
  const nodes = [0, 1, 2, 3].map((k) => (k === 0 ? lo : k === 3 ? hi : lo + (k * (hi - lo)) / 3));
  const near = nodes.findIndex((x) => Math.abs(x - central) <= 1e-9 * Math.max(1, Math.abs(central)));
  if (near >= 0) nodes[near] = central;
  else nodes.push(central);
  return nodes.sort((a, b) => a - b);
}

/**
 * Weights w over the nodes with Σ w_g f(node_g) the cubic through the four nodes nearest δ
 * (all weight on a node δ equals; linear or constant with fewer nodes). Written into `out`.
 */
export function nodeWeights(
  nodes: readonly number[],
  delta: number,
  out = new Float64Array(nodes.length),
): Float64Array {
  out.fill(0);
  const G = nodes.length;
  const hit = nodes.indexOf(delta);
  if (hit >= 0 || G === 1) {
    out[hit >= 0 ? hit : 0] = 1;
    return out;
  }
  const k = Math.min(4, G);
  let start = 0;
  while (start + k < G && nodes[start + Math.floor(k / 2)]! < delta) start++;
  for (let a = start; a < start + k; a++) {
    let w = 1;
    for (let b = start; b < start + k; b++) if (b !== a) w *= (delta - nodes[b]!) / (nodes[a]! - nodes[b]!);
    out[a] = w;
  }
  return out;
}
