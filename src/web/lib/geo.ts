// Boundaries for the atlas: TopoJSON from the API, features picked for the year shown, projected
// once per layer and width. LADs come in longitude/latitude (ONS); the ITL3 layer in British
// National Grid metres (EPSG:27700), drawn as planar coordinates with y pointing up.
import { geoIdentity, geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { apiUrl, getJson } from './api.ts';
import type { BoundaryProps } from './types.ts';

export type AreaFeature = Feature<Geometry, BoundaryProps>;

export interface Boundaries {
  features: AreaFeature[];
  /** True when coordinates are planar metres (British National Grid) rather than lon/lat. */
  planar: boolean;
}

const loaded = new Map<string, Promise<Boundaries>>();

/** The boundary features of a level (`lad`, `itl3`), fetched and converted once. */
export function boundaries(level: string): Promise<Boundaries> {
  let p = loaded.get(level);
  if (!p) {
    p = getJson<Topology & { bbox?: number[] }>(apiUrl(`boundaries/${level}`)).then((topo) => {
      const object = Object.values(topo.objects)[0] as GeometryCollection<BoundaryProps>;
      const fc = feature(topo, object) as FeatureCollection<Geometry, BoundaryProps>;
      // lon/lat never exceeds ±180; BNG metres run to 700 000 × 1 300 000.
      const x = topo.bbox ? topo.bbox[2]! : probe(fc.features);
      return { features: fc.features, planar: Math.abs(x) > 360 };
    });
    p.catch(() => loaded.delete(level));
    loaded.set(level, p);
  }
  return p;
}

function probe(features: AreaFeature[]): number {
  const g = features.find((f) => f.geometry)?.geometry;
  let c: unknown = g && 'coordinates' in g ? g.coordinates : 0;
  while (Array.isArray(c)) c = c[0];
  return typeof c === 'number' ? c : 0;
}

const validIn = (f: AreaFeature, year: number) =>
  (f.properties.start == null || f.properties.start <= year) &&
  (f.properties.end == null || f.properties.end >= year);

/**
 * The features to draw for a year: those valid that year, unless the data are published on
 * another vintage of boundaries (GVA back series use the latest codes for every year); then
 * the vintage that matches most of the data's codes.
 */
export function pickFeatures(
  all: AreaFeature[],
  year: number,
  codes: ReadonlySet<string>,
): { features: AreaFeature[]; year: number } {
  const candidates = new Set<number>([year]);
  for (const f of all) {
    if (f.properties.start != null) candidates.add(f.properties.start);
    if (f.properties.end != null) candidates.add(f.properties.end);
  }
  let best = { year, matched: -1 };
  for (const y of [...candidates].sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a)) {
    let matched = 0;
    for (const f of all) if (validIn(f, y) && codes.has(f.properties.areacd)) matched++;
    if (matched > best.matched) best = { year: y, matched };
  }
  return { features: all.filter((f) => validIn(f, best.year)), year: best.year };
}

export interface Projected {
  width: number;
  height: number;
  /** SVG path data by area code. */
  paths: Map<string, string>;
  /** Centroid in SVG coordinates by area code (where a keyboard focus puts the tooltip). */
  centroids: Map<string, [number, number]>;
  /** Area names as the boundary file gives them. */
  names: Map<string, string>;
}

/** Projects features to SVG paths fitted to a width (transverse Mercator on 2°W, close to the National Grid). */
export function project(features: AreaFeature[], planar: boolean, width: number): Projected {
  const fc: FeatureCollection<Geometry, BoundaryProps> = { type: 'FeatureCollection', features };
  // geoIdentity has fitWidth at run time; its type declarations leave it out.
  type Fits = Pick<GeoProjection, 'fitWidth'>;
  const projection = planar
    ? (geoIdentity().reflectY(true) as unknown as Fits).fitWidth(width, fc)
    : geoTransverseMercator().rotate([2, -49]).fitWidth(width, fc);
  const path = geoPath(projection);
  const [[, y0], [, y1]] = path.bounds(fc);
  const paths = new Map<string, string>();
  const centroids = new Map<string, [number, number]>();
  const names = new Map<string, string>();
  for (const f of features) {
    names.set(f.properties.areacd, f.properties.areanm);
    paths.set(f.properties.areacd, path(f) ?? '');
    centroids.set(f.properties.areacd, path.centroid(f) as [number, number]);
  }
  return { width, height: Math.ceil(y1 - y0 + 2), paths, centroids, names };
}
