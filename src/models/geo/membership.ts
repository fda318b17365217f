import { geoArea, geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { interiorPoint } from './interior-point.ts';

/** An area as a GeoJSON feature with its code. */
export type AreaFeature = Feature<Polygon | MultiPolygon, { areacd: string }>;

/** The members of one larger area, and how well they fill it. */
export interface Membership {
  parent: string;
  members: string[];
  /** Σ member areas ÷ the parent's area (spherical): 1 when the members tile it exactly. */
  cover: number;
  /** Whether `cover` lies within the tolerance: every member inside and none missing. */
  ok: boolean;
}

/** Degrees added around a parent's box: far more than any edge of a district-sized ring bows out. */
const PAD = 0.5;

/** A parent's longitude–latitude box, padded; null where a box says nothing (a ring over half the sphere, or spanning the antimeridian or a pole). */
function boxOf(p: AreaFeature): [number, number, number, number] | null {
  if (geoArea(p) >= 2 * Math.PI) return null;
  const rings = p.geometry.type === 'Polygon' ? p.geometry.coordinates : p.geometry.coordinates.flat();
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x! < x0) x0 = x!;
      if (x! > x1) x1 = x!;
      if (y! < y0) y0 = y!;
      if (y! > y1) y1 = y!;
    }
  if (x1 - x0 > 180 || y0 - PAD <= -90 || y1 + PAD >= 90) return null;
  return [x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD];
}

/** A parent's test of points, made once per parent. */
type Inside = (parent: AreaFeature) => (point: [number, number]) => boolean;

/** Whether a point is inside, asking d3-geo only for points within the parent's padded box. */
const boxedInside: Inside = (p) => {
  const b = boxOf(p);
  if (!b) return (point) => geoContains(p, point);
  return (point) =>
    point[0] >= b[0] && point[0] <= b[2] && point[1] >= b[1] && point[1] <= b[3] && geoContains(p, point);
};

/** The exact reference: d3-geo for every point. */
const exactInside: Inside = (p) => (point) => geoContains(p, point);

/**
 * Which smaller areas make up each larger one, from boundaries alone: a child belongs to a parent
 * when a point inside the child lies inside the parent. The check that every member lies inside
 * and none is missing: the members' areas must add up to the parent's within `tolerance`
 * (a member straddling the edge, or a gap, shows as cover ≠ 1). Points outside a parent's padded
 * box are not asked of d3-geo; membersByBoundaryExact asks for every one (a test checks they agree).
 */
export function membersByBoundary(
  parents: readonly AreaFeature[],
  children: readonly AreaFeature[],
  tolerance = 0.005,
): Membership[] {
  return members(parents, children, tolerance, boxedInside);
}

/** membersByBoundary asking d3-geo about every point: the reference. */
export function membersByBoundaryExact(
  parents: readonly AreaFeature[],
  children: readonly AreaFeature[],
  tolerance = 0.005,
): Membership[] {
  return members(parents, children, tolerance, exactInside);
}

function members(
  parents: readonly AreaFeature[],
  children: readonly AreaFeature[],
  tolerance: number,
  inside: Inside,
): Membership[] {
  const points = children.map((c) => ({ code: c.properties.areacd, point: interiorPoint(c.geometry) }));
  const areas = new Map(children.map((c) => [c.properties.areacd, geoArea(c)]));
  return parents.map((p) => {
    const has = inside(p);
    const members = points.filter((c) => has(c.point as [number, number])).map((c) => c.code);
    const cover = members.reduce((s, m) => s + areas.get(m)!, 0) / geoArea(p);
    return { parent: p.properties.areacd, members, cover, ok: Math.abs(cover - 1) <= tolerance };
  });
}
