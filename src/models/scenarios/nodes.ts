// The δ band of the regional model enters the Monte Carlo through models built at a grid of δ
// values over the band — seven, evenly spaced (0.10, 0.15, … 0.40 for the default band) — and
// each draw takes one of them, uniformly: every drawn figure is a model's own, never an
// interpolation (the min(FLQ, 1) cap makes the response kink in δ, so interpolating between
// models would be off by several per cent). The central δ is a node too, for the headline.

/** Grid points over the band (the band's ends included). */
export const GRID_POINTS = 7;

/** The δ values drawn from: `count` evenly spaced over the band, the central δ replacing one it equals. */
export function bandGrid(
  central: number,
  band: readonly [number, number] | null,
  count = GRID_POINTS,
): number[] {
  if (!band || band[1] === band[0]) return [central];
  const [lo, hi] = band;
  if (!(hi > lo)) throw new Error(`invalid delta band: ${lo}–${hi}`);
  if (!(Number.isInteger(count) && count >= 2)) throw new Error(`invalid grid: ${count} points`);
  return Array.from({ length: count }, (_, k) => {
    const x = k === count - 1 ? hi : lo + (k * (hi - lo)) / (count - 1);
    return Math.abs(x - central) <= 1e-9 * Math.max(1, Math.abs(central)) ? central : x;
  });
}

/** The δ values models are built at, ascending: the grid and the central δ. */
export function deltaNodes(
  central: number,
  band: readonly [number, number] | null,
  count = GRID_POINTS,
): number[] {
  const grid = bandGrid(central, band, count);
  return [...new Set([...grid, central])].sort((a, b) => a - b);
}

/** The node index of a δ (exact: grid values and the central δ are nodes by construction). */
export function nodeOf(nodes: readonly number[], delta: number): number {
  const k = nodes.indexOf(delta);
  if (k < 0) throw new Error(`no model at delta ${delta}`);
  return k;
}
