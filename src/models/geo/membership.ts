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

/**
 * Which smaller areas make up each larger one, from boundaries alone: a child belongs to a parent
 * when a point inside the child lies inside the parent. The check that every member lies inside
 * and none is missing: the members' areas must add up to the parent's within `tolerance`
 * (a member straddling the edge, or a gap, shows as cover ≠ 1).
 */
export function membersByBoundary(
  parents: readonly AreaFeature[],
  children: readonly AreaFeature[],
  tolerance = 0.005,
): Membership[] {
  const points = children.map((c) => ({ code: c.properties.areacd, point: interiorPoint(c.geometry) }));
  const areas = new Map(children.map((c) => [c.properties.areacd, geoArea(c)]));
  return parents.map((p) => {
    const members = points.filter((c) => geoContains(p, c.point as [number, number])).map((c) => c.code);
    const cover = members.reduce((s, m) => s + areas.get(m)!, 0) / geoArea(p);
    return { parent: p.properties.areacd, members, cover, ok: Math.abs(cover - 1) <= tolerance };
  });
}
