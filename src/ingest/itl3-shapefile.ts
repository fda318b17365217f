import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { levelOfCode } from '../core/area.ts';
import { SourceError } from '../core/errors.ts';
import type { AreaGeometry, AreaRecord, BoundaryLayer } from '../core/records.ts';
import { bngToLonLat } from './bng.ts';
import { planarCentroid } from './planar-centroid.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';
import {
  checkDbfHeader,
  checkShpHeader,
  readShapefileSet,
  requireBritishNationalGrid,
  shapefileSet,
} from './shapefile-set.ts';
import { fixWinding, type AreaGeometryObject } from './topology.ts';

const READER = 'itl3-shapefile';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
const POLYGON = 5;
/**
 * About 1 m steps over the UK. Coarser steps (1e5, ~10 m) collapse two tiny Scottish islets
 * to zero-area rings, which d3-geo would read as covering the whole globe.
 */
const QUANTIZATION = 1e6;

type Area = Feature<Polygon | MultiPolygon, { areacd: string; areanm: string }>;

/**
 * ONS ITL3 (January 2021) super-generalised boundaries, an ESRI shapefile in British National
 * Grid with attributes `ITL321CD`, `ITL321NM`. Gives two layers of the same areas, both with
 * properties `areacd`/`areanm` like the ONS TopoJSON: `itl3` in BNG metres (EPSG:27700, as
 * published; draw with `d3.geoIdentity().reflectY(true)`), and `itl3-lonlat` reprojected to
 * WGS84 so it can share one d3-geo projection with the local authority layers. Centroids are
 * area-weighted in BNG, converted to lon/lat. Options: `codeField`, `nameField`, `layer`, `start`.
 */
export async function readItl3Shapefile(input: ReaderInput): Promise<ReadResult> {
  const set = shapefileSet(input.files);
  requireBritishNationalGrid(set.prj);
  const bbox = checkShpHeader(set.shp, POLYGON);
  if (Math.abs(bbox[0]) <= 180 && Math.abs(bbox[2]) <= 180 && Math.abs(bbox[3]) <= 90) {
    throw new SourceError(
      { file: set.shp.name, value: bbox.join(' ') },
      'coordinates look like degrees, not BNG metres',
    );
  }
  const records = checkDbfHeader(set.dbf);
  const fc = await readShapefileSet(set);
  if (fc.features.length !== records) {
    throw new SourceError(
      { file: set.shp.name, value: fc.features.length },
      `${records} dBASE records but a different number of shapes`,
    );
  }
  const opts = input.source.options ?? {};
  const layer = String(opts.layer ?? 'itl3');
  const start = typeof opts.start === 'number' ? opts.start : 2021;
  const areas = attributes(
    fc,
    set.dbf.name,
    String(opts.codeField ?? 'ITL321CD'),
    String(opts.nameField ?? 'ITL321NM'),
  );
  const planar = topology(
    { [layer]: { type: 'FeatureCollection', features: areas } as FeatureCollection },
    QUANTIZATION,
  );
  const lonLatName = `${layer}-lonlat`;
  const lonlat = topology(
    { [lonLatName]: { type: 'FeatureCollection', features: areas.map(toLonLat) } as FeatureCollection },
    QUANTIZATION,
  );
  const warnings: string[] = [];
  const reversed = fixWinding(
    lonlat,
    (lonlat.objects[lonLatName] as unknown as { geometries: AreaGeometryObject[] }).geometries,
  );
  if (reversed > 0) warnings.push(`${set.shp.name}: ${reversed} rings rewound for d3-geo`);
  const boundaries: BoundaryLayer[] = [
    { name: layer, level: layer, crs: 'EPSG:27700', topology: planar },
    { name: lonLatName, level: layer, crs: 'EPSG:4326', topology: lonlat as Topology },
  ];
  const areaRecords: AreaRecord[] = areas.map((f) => ({ ...f.properties, level: layer, start, end: null }));
  const geometry: AreaGeometry[] = areas.map((f) => {
    const { x, y } = planarCentroid(f.geometry);
    const [lon, lat] = bngToLonLat(x, y);
    return {
      areacd: f.properties.areacd,
      level: layer,
      vintage: input.source.vintage,
      start,
      end: null,
      x,
      y,
      lon,
      lat,
    };
  });
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { boundaries, areas: areaRecords, geometry },
    checks: [],
    warnings,
  };
}

/** Each record's code and name, checked; the geometry must be a polygon. */
function attributes(fc: FeatureCollection, dbf: string, codeField: string, nameField: string): Area[] {
  const seen = new Set<string>();
  return fc.features.map((f, i) => {
    const at = (column: string, value: unknown) => ({ file: dbf, line: i + 1, column, value });
    const p = f.properties ?? {};
    if (!(codeField in p))
      throw new SourceError(at(codeField, Object.keys(p).join(', ')), `missing field ${codeField}`);
    const code = String(p[codeField] ?? '').trim();
    const name = String(p[nameField] ?? '').trim();
    if (levelOfCode(code) !== 'itl3') throw new SourceError(at(codeField, code), 'not an ITL3 code');
    if (name === '') throw new SourceError(at(nameField, p[nameField] ?? null), 'missing name');
    if (seen.has(code)) throw new SourceError(at(codeField, code), 'duplicate area');
    seen.add(code);
    const type = f.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon')
      throw new SourceError(at('shape', type ?? null), 'not a polygon');
    return {
      type: 'Feature',
      properties: { areacd: code, areanm: name },
      geometry: f.geometry as Polygon | MultiPolygon,
    };
  });
}

function toLonLat(f: Area): Area {
  const ring = (r: Position[]) => r.map(([x, y]) => bngToLonLat(x!, y!));
  const g = f.geometry;
  const geometry: Polygon | MultiPolygon =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
  return { ...f, geometry };
}
