import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A point inside an areal geometry, even where its centroid is not (a bay, a crescent coast):
 * the midpoint of the widest inside stretch of a few horizontal scan lines across each part
 * (the way GIS libraries find a "point on surface"). Planar in the coordinates given, which is
 * exact enough for membership tests on areas far larger than their boundary's curvature.
 */
export function interiorPoint(g: Polygon | MultiPolygon): Position {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: Position | null = null;
  let widest = -1;
  for (const rings of parts) {
    if (!rings[0]?.length) continue;
    const ys = rings[0]!.map((p) => p[1]!);
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    for (const f of SCAN_LINES) {
      const y = lo + (hi - lo) * f;
      const xs = crossings(rings, y);
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const width = xs[i + 1]! - xs[i]!;
        if (width > widest) [widest, best] = [width, [(xs[i]! + xs[i + 1]!) / 2, y]];
      }
    }
  }
  if (best === null) throw new Error('invalid geometry: no polygon with an area');
  return best;
}

/** Where the scan lines run, as fractions of a part's height (the middle first). */
const SCAN_LINES = [0.5, 0.25, 0.75, 0.375, 0.625];

/** The x of every edge crossing the line at `y`, sorted: inside stretches are pairs. */
function crossings(rings: Position[][], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i]! as [number, number];
      const [x2, y2] = ring[i + 1]! as [number, number];
      if (y1 <= y !== y2 <= y) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
  }
  return xs.sort((a, b) => a - b);
}
