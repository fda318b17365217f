import { geoArea, geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';

/** An areal geometry of a topology: arcs as ring lists (Polygon) or polygon lists (MultiPolygon). */
export type AreaGeometryObject =
  | { type: 'Polygon'; arcs: number[][]; properties?: Record<string, unknown> }
  | { type: 'MultiPolygon'; arcs: number[][][]; properties?: Record<string, unknown> };

function polygonsOf(g: AreaGeometryObject): number[][][] {
  return g.type === 'Polygon' ? [g.arcs] : g.arcs;
}

/**
 * A topology holding one named collection and only the arcs it uses, re-indexed in order
 * of first use; the quantisation transform is kept, so arcs are copied as published.
 */
export function layerTopology(topo: Topology, name: string, geometries: AreaGeometryObject[]): Topology {
  const index = new Map<number, number>();
  const arcs: Topology['arcs'] = [];
  const remap = (i: number): number => {
    const k = i < 0 ? ~i : i;
    let j = index.get(k);
    if (j === undefined) {
      j = arcs.length;
      index.set(k, j);
      arcs.push(topo.arcs[k]!);
    }
    return i < 0 ? ~j : j;
  };
  const copied = geometries.map((g): AreaGeometryObject => {
    const polygons = polygonsOf(g).map((p) => p.map((ring) => ring.map(remap)));
    return g.type === 'Polygon' ? { ...g, arcs: polygons[0]! } : { ...g, arcs: polygons };
  });
  const object = { type: 'GeometryCollection', geometries: copied } as unknown as GeometryObject;
  return {
    type: 'Topology',
    ...(topo.transform ? { transform: topo.transform } : {}),
    arcs,
    objects: { [name]: object },
  };
}

/** Signed-area test on the sphere: a ring is wound as d3-geo wants when, alone, it covers less than a hemisphere. */
function coversLessThanHemisphere(topo: Topology, ring: number[]): boolean {
  const f = feature(topo, { type: 'Polygon', arcs: [ring] } as unknown as GeometryObject);
  return geoArea(f) < 2 * Math.PI;
}

/**
 * d3-geo draws exterior rings clockwise and holes anticlockwise (the reverse of RFC 7946
 * GeoJSON); a ring wound the other way would fill the rest of the globe. Reverses, in place,
 * every ring of `topo`'s geometries that is wound the wrong way; returns how many it reversed.
 */
export function fixWinding(topo: Topology, geometries: AreaGeometryObject[]): number {
  let reversed = 0;
  for (const g of geometries) {
    for (const polygon of polygonsOf(g)) {
      polygon.forEach((ring, i) => {
        if (coversLessThanHemisphere(topo, ring) === (i === 0)) return;
        polygon[i] = ring.reverse().map((a) => ~a);
        reversed++;
      });
    }
  }
  return reversed;
}

/** The spherical centroid (lon, lat) of one geometry of a topology. */
export function centroidOf(topo: Topology, g: AreaGeometryObject): [number, number] {
  return geoCentroid(feature(topo, g as unknown as GeometryObject));
}
