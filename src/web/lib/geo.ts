// Boundaries for the atlas: TopoJSON from the API, features picked for the year shown, projected
// once per layer and width, thinned to what the screen can show. LADs come in longitude/latitude
// (ONS); the ITL3 layer in British National Grid metres (EPSG:27700), planar with y pointing up.
import { geoPath, geoTransform, type GeoStream } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { apiUrl, getJson } from './api.ts';
import type { BoundaryProps } from './api-types.ts';

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

/**
 * Drops points closer than `px` to the last one kept (in screen pixels, after projection), so the
 * map carries no detail it cannot show; every ring keeps at least its first three points and its
 * last, so small areas (the City of London) still draw.
 */
function thin(out: GeoStream, px: number): GeoStream {
  const min2 = px * px;
  let kept = 0;
  let lx = 0;
  let ly = 0;
  let pending: [number, number] | null = null;
  return {
    point(x, y) {
      if (kept < 3 || (x - lx) ** 2 + (y - ly) ** 2 >= min2) {
        out.point(x, y);
        lx = x;
        ly = y;
        kept++;
        pending = null;
      } else pending = [x, y];
    },
    lineStart() {
      kept = 0;
      pending = null;
      out.lineStart();
    },
    lineEnd() {
      if (pending) out.point(pending[0], pending[1]);
      out.lineEnd();
    },
    polygonStart: () => out.polygonStart(),
    polygonEnd: () => out.polygonEnd(),
    sphere: () => out.sphere?.(),
  };
}

export interface Projected {
  width: number;
  height: number;
  /** SVG path data by area code. */
  paths: Map<string, string>;
  /** Area names as the boundary file gives them. */
  names: Map<string, string>;
}

/**
 * Projects features to SVG paths fitted to a width. Longitude/latitude go through a sinusoidal
 * projection centred on 2°W (x = Δλ·cos φ): over Great Britain it is within a few per cent of
 * the National Grid's transverse Mercator and needs one cosine per point instead of a full
 * spherical projection with clipping, which matters with a million characters of path data.
 */
export function project(features: AreaFeature[], planar: boolean, width: number): Projected {
  const fc: FeatureCollection<Geometry, BoundaryProps> = { type: 'FeatureCollection', features };
  const RAD = Math.PI / 180;
  const raw = (x: number, y: number): [number, number] =>
    planar ? [x, -y] : [(x + 2) * Math.cos(y * RAD), -y];
  const flat = geoTransform({
    point(x, y) {
      const [px, py] = raw(x, y);
      this.stream.point(px, py);
    },
  });
  const [[x0, y0], [x1, y1]] = geoPath(flat).bounds(fc);
  const k = width / (x1 - x0);
  const fitted = geoTransform({
    point(x, y) {
      const [px, py] = raw(x, y);
      this.stream.point((px - x0) * k, (py - y0) * k);
    },
  });
  const path = geoPath({ stream: (out) => fitted.stream(thin(out, 0.6)) }).digits(1);
  const paths = new Map<string, string>();
  const names = new Map<string, string>();
  for (const f of features) {
    names.set(f.properties.areacd, f.properties.areanm);
    paths.set(f.properties.areacd, path(f) ?? '');
  }
  return { width, height: Math.ceil((y1 - y0) * k + 2), paths, names };
}
