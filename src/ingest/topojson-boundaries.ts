import type { Topology } from 'topojson-specification';
import { SourceError } from '../core/errors.ts';
import type { AreaGeometry, AreaRecord, BoundaryLayer } from '../core/records.ts';
import { lonLatToBng } from './bng.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';
import type { SourceFile } from './source-file.ts';
import { decodeText } from './text.ts';
import { centroidOf, fixWinding, layerTopology, type AreaGeometryObject } from './topology.ts';

const READER = 'topojson-boundaries';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
/** The layers of the ONS UK TopoJSON, coarse to fine. */
export const ONS_LAYERS = ['uk', 'ctry', 'rgn', 'cty', 'mcty', 'cauth', 'utla', 'ltla'] as const;
const GSS = /^[EWSNK]\d{8}$/;

/**
 * ONS super-generalised boundaries as one TopoJSON (lon/lat, quantised) with a layer per
 * geography; each feature has `areacd`, `areanm` and optional `start`/`end` years (valid when
 * start ≤ year ≤ end, absent = open). Gives one compact topology per layer (only its arcs,
 * quantisation kept, rings wound as d3-geo draws them), every feature as an area, and its
 * centroid in lon/lat (d3-geo, spherical) and British National Grid metres.
 * Option `layers` overrides the list of layers required.
 */
export function readTopojsonBoundaries(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const topo = parseTopology(file);
  const wanted = (input.source.options?.layers as string[] | undefined) ?? [...ONS_LAYERS];
  const boundaries: BoundaryLayer[] = [];
  const areas: AreaRecord[] = [];
  const geometry: AreaGeometry[] = [];
  const warnings: string[] = [];
  for (const name of wanted) {
    const geometries = layerGeometries(topo, name, file.name);
    const layer = layerTopology(topo, name, geometries);
    const own = (layer.objects[name] as unknown as { geometries: AreaGeometryObject[] }).geometries;
    const reversed = fixWinding(layer, own);
    if (reversed > 0) warnings.push(`${file.name}: layer ${name}: ${reversed} rings rewound for d3-geo`);
    boundaries.push({ name, level: name, crs: 'EPSG:4326', topology: layer });
    own.forEach((g) => {
      const area = areaOf(g, name);
      const [lon, lat] = centroidOf(layer, g);
      const [x, y] = lonLatToBng(lon, lat);
      areas.push(area);
      geometry.push({
        areacd: area.areacd,
        level: name,
        vintage: input.source.vintage,
        start: area.start,
        end: area.end,
        x,
        y,
        lon,
        lat,
      });
    });
  }
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { boundaries, areas, geometry },
    checks: [],
    warnings,
  };
}

function parseTopology(file: SourceFile): Topology {
  const text = decodeText(file);
  let topo: unknown;
  try {
    topo = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    throw new SourceError(
      { file: file.name, ...(line ? { line } : {}) },
      `not JSON (${(e as Error).message})`,
    );
  }
  const t = topo as Partial<Topology> | null;
  if (
    t?.type !== 'Topology' ||
    !Array.isArray(t.arcs) ||
    typeof t.objects !== 'object' ||
    t.objects === null
  ) {
    throw new SourceError(
      { file: file.name, value: (t as { type?: unknown } | null)?.type },
      'not a TopoJSON Topology',
    );
  }
  return t as Topology;
}

/** A layer's geometries, each checked: Polygon or MultiPolygon, GSS `areacd`, `areanm`, valid years. */
function layerGeometries(topo: Topology, name: string, file: string): AreaGeometryObject[] {
  const object = topo.objects[name] as unknown as { type?: string; geometries?: unknown[] } | undefined;
  if (!object) {
    throw new SourceError({ file, value: Object.keys(topo.objects).join(', ') }, `missing layer: ${name}`);
  }
  if (object.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) {
    throw new SourceError({ file, value: object.type }, `objects.${name}: not a GeometryCollection`);
  }
  const seen = new Set<string>();
  return object.geometries.map((raw, i) => {
    const path = `objects.${name}.geometries[${i}]`;
    const type = (raw as { type?: unknown } | null)?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new SourceError({ file, value: type ?? null }, `${path}: not a Polygon or MultiPolygon`);
    }
    const g = raw as AreaGeometryObject;
    checkArcs(g, topo.arcs.length, file, path);
    const p = g.properties ?? {};
    const key = checkProperties(p, file, path);
    if (seen.has(key)) throw new SourceError({ file, value: key }, `${path}: duplicate area and start year`);
    seen.add(key);
    return g;
  });
}

function checkArcs(g: AreaGeometryObject, count: number, file: string, path: string): void {
  const rings = g.type === 'Polygon' ? g.arcs : (g.arcs ?? []).flat();
  if (!Array.isArray(rings) || rings.length === 0) throw new SourceError({ file }, `${path}: no rings`);
  for (const ring of rings) {
    const bad = ring.find((a) => !Number.isInteger(a) || (a < 0 ? ~a : a) >= count);
    if (bad !== undefined) throw new SourceError({ file, value: bad }, `${path}: arc index out of range`);
  }
}

function checkProperties(p: Record<string, unknown>, file: string, path: string): string {
  if (typeof p.areacd !== 'string' || !GSS.test(p.areacd)) {
    throw new SourceError({ file, value: p.areacd ?? null }, `${path}: areacd is not a GSS code`);
  }
  if (typeof p.areanm !== 'string' || p.areanm.trim() === '') {
    throw new SourceError({ file, value: p.areanm ?? null }, `${path}: missing areanm`);
  }
  for (const k of ['start', 'end'] as const) {
    if (
      p[k] !== undefined &&
      !(Number.isInteger(p[k]) && (p[k] as number) >= 1900 && (p[k] as number) <= 2100)
    ) {
      throw new SourceError({ file, value: p[k] }, `${path}: ${k} is not a year`);
    }
  }
  if (typeof p.start === 'number' && typeof p.end === 'number' && p.start > p.end) {
    throw new SourceError({ file, value: `${p.start}-${p.end}` }, `${path}: start after end`);
  }
  return `${p.areacd}|${String(p.start ?? '')}`;
}

function areaOf(g: AreaGeometryObject, level: string): AreaRecord {
  const p = g.properties as { areacd: string; areanm: string; start?: number; end?: number };
  return { areacd: p.areacd, areanm: p.areanm.trim(), level, start: p.start ?? null, end: p.end ?? null };
}

/** Whether an area is valid in a year: start ≤ year ≤ end, a missing bound being open. */
export function validIn(a: { start: number | null; end: number | null }, year: number): boolean {
  return (a.start === null || a.start <= year) && (a.end === null || year <= a.end);
}
