import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Area-weighted centroid of a planar polygon or multipolygon (shoelace formula over every
 * ring). Rings carry signed areas, so holes, wound opposite to their exterior as shapefiles
 * require, subtract. Returns the centroid and the absolute area; throws on a zero area.
 */
export function planarCentroid(g: Polygon | MultiPolygon): { x: number; y: number; area: number } {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const s = ringSums(ring);
      a += s.a;
      cx += s.cx;
      cy += s.cy;
    }
  }
  if (a === 0) throw new Error('zero-area geometry');
  return { x: cx / (3 * a), y: cy / (3 * a), area: Math.abs(a) };
}

function ringSums(ring: Position[]): { a: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  // Offsetting by the first vertex keeps the cross products small in metre coordinates.
  const [x0, y0] = ring[0] as [number, number];
  for (let i = 0; i + 1 < ring.length; i++) {
    const xi = ring[i]![0]! - x0;
    const yi = ring[i]![1]! - y0;
    const xj = ring[i + 1]![0]! - x0;
    const yj = ring[i + 1]![1]! - y0;
    const cross = xi * yj - xj * yi;
    a += cross;
    cx += (xi + xj) * cross;
    cy += (yi + yj) * cross;
  }
  a /= 2;
  // Shift the ring's first moments back from the local origin: Σ(x)·cross = 6·A·x̄_local.
  return { a, cx: cx / 2 + 3 * a * x0, cy: cy / 2 + 3 * a * y0 };
}
