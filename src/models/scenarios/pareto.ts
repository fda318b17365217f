// The Pareto frontier of candidates on two goals: the candidates no other candidate beats on one
// goal without losing on the other (each goal read by its polarity). Sorted sweep, O(n log n);
// `dominatedBy` is the pairwise definition the tests hold the sweep to.

/** A candidate's two figures. */
export interface Point {
  x: number;
  y: number;
}

/** True when a is at least as good as b on both goals and better on one (sx, sy: +1 more is better, −1 less). */
export function dominates(a: Point, b: Point, sx: 1 | -1, sy: 1 | -1): boolean {
  const dx = sx * (a.x - b.x);
  const dy = sy * (a.y - b.y);
  return dx >= 0 && dy >= 0 && (dx > 0 || dy > 0);
}

/** Indices of the candidates on the frontier, best x first; NaN figures are never on it. */
export function paretoFrontier(points: readonly Point[], sx: 1 | -1, sy: 1 | -1): number[] {
  const order = points
    .map((_, i) => i)
    .filter((i) => Number.isFinite(points[i]!.x) && Number.isFinite(points[i]!.y))
    .sort((i, j) => sx * (points[j]!.x - points[i]!.x) || sy * (points[j]!.y - points[i]!.y) || i - j);
  const out: number[] = [];
  let best = -Infinity;
  let lastX = NaN;
  let lastY = NaN;
  for (const i of order) {
    const { x, y } = points[i]!;
    const sy_ = sy * y;
    // equal to the last kept point: neither dominates the other
    if (x === lastX && y === lastY) {
      out.push(i);
      continue;
    }
    if (sy_ > best) {
      out.push(i);
      best = sy_;
      lastX = x;
      lastY = y;
    }
  }
  return out;
}
