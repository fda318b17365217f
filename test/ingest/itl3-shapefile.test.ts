import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { bngToLonLat } from '../../src/ingest/bng.ts';
import { readItl3Shapefile } from '../../src/ingest/itl3-shapefile.ts';
import { inputOf } from '../helpers/source.ts';
import { dbfBytes, shapefileFiles, shpBytes, type ShapeRecord } from '../helpers/shapefile-fixture.ts';

const STEM = 'ITL3_JAN_2021_UK_BUC_V3';
const square = (x0: number, y0: number, size: number): [number, number][] => [
  [x0, y0],
  [x0, y0 + size],
  [x0 + size, y0 + size],
  [x0 + size, y0],
  [x0, y0],
];
/** Two 10 km squares sharing an edge; the first has a 2 km hole off its centre (anticlockwise). */
function records(): ShapeRecord[] {
  const hole = square(441_000, 516_000, 2_000).reverse();
  return [
    {
      attributes: { ITL321CD: 'TLC11', ITL321NM: 'Hartlepool and Stockton-on-Tees' },
      rings: [square(440_000, 515_000, 10_000), hole],
    },
    {
      attributes: { ITL321CD: 'TLC12', ITL321NM: 'South Teesside' },
      rings: [square(450_000, 515_000, 10_000)],
    },
  ];
}

const read = (files: Record<string, Uint8Array | string>) =>
  readItl3Shapefile(inputOf(files, { vintage: 'January 2021', files: [`${STEM}.shp`] }));

describe('readItl3Shapefile', () => {
  it('gives a planar BNG layer and a lon/lat layer of the same areas, with area-weighted centroids', async () => {
    const out = await read(shapefileFiles(STEM, records()));
    const [planar, lonlat] = out.records.boundaries!;
    assert.deepEqual(
      [planar!.name, planar!.crs, lonlat!.name, lonlat!.crs, lonlat!.level],
      ['itl3', 'EPSG:27700', 'itl3-lonlat', 'EPSG:4326', 'itl3'],
    );
    const topo = planar!.topology as Topology;
    const geoms = (topo.objects.itl3 as unknown as { geometries: { properties: unknown }[] }).geometries;
    assert.deepEqual(geoms[0]!.properties, { areacd: 'TLC11', areanm: 'Hartlepool and Stockton-on-Tees' });
    assert.ok(topo.transform, 'quantised');
    assert.deepEqual(out.records.areas, [
      { areacd: 'TLC11', areanm: 'Hartlepool and Stockton-on-Tees', level: 'itl3', start: 2021, end: null },
      { areacd: 'TLC12', areanm: 'South Teesside', level: 'itl3', start: 2021, end: null },
    ]);
    // (100 km² at (445000, 520000) − 4 km² hole at (442000, 517000)) / 96 km².
    const tlc11 = out.records.geometry![0]!;
    assert.ok(
      Math.abs(tlc11.x - 445_125) < 1e-6 && Math.abs(tlc11.y - 520_125) < 1e-6,
      `${tlc11.x},${tlc11.y}`,
    );
    assert.deepEqual([tlc11.lon, tlc11.lat], bngToLonLat(tlc11.x, tlc11.y));
    assert.equal(tlc11.vintage, 'January 2021');
    assert.deepEqual([out.records.geometry![1]!.x, out.records.geometry![1]!.y], [455_000, 520_000]);
    // The lon/lat copy is wound as d3-geo draws it: each area covers a small part of the globe.
    const ll = lonlat!.topology as Topology;
    const fc = feature(ll, ll.objects['itl3-lonlat']!) as unknown as { features: never[] };
    assert.ok(fc.features.every((f) => geoArea(f) < 1e-4));
    assert.deepEqual(out.warnings, []);
  });

  const files = () => shapefileFiles(STEM, records());
  const without = (ext: string) => {
    const f = files();
    delete f[`${STEM}.${ext}`];
    return f;
  };
  const withFile = (ext: string, body: Uint8Array | string) => ({ ...files(), [`${STEM}.${ext}`]: body });
  const renamed = records().map((r) => ({
    ...r,
    attributes: { ITL121CD: r.attributes.ITL321CD!, ITL321NM: r.attributes.ITL321NM! },
  }));
  const recode = (code: string) =>
    records().map((r, i) => (i === 1 ? { ...r, attributes: { ...r.attributes, ITL321CD: code } } : r));
  const shp = shpBytes(records());
  const dbf = dbfBytes(records());
  const degrees = records().map((r) => ({
    ...r,
    rings: r.rings.map((ring) => ring.map(([x, y]) => [x / 1e5, y / 1e4] as [number, number])),
  }));
  const bad: [string, () => Promise<unknown>, RegExp][] = [
    [
      'wrong projection',
      () =>
        read(
          withFile(
            'prj',
            'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]',
          ),
        ),
      /V3\.prj: not British National Grid \(EPSG:27700\) \(value "GEOGCS\[/,
    ],
    [
      'missing .dbf',
      () => read(without('dbf')),
      /V3\.dbf: missing companion of ITL3_JAN_2021_UK_BUC_V3\.shp/,
    ],
    [
      'missing .prj',
      () => read(without('prj')),
      /V3\.prj: missing companion of ITL3_JAN_2021_UK_BUC_V3\.shp/,
    ],
    [
      'truncated .shp',
      () => read(withFile('shp', shp.subarray(0, shp.length - 40))),
      new RegExp(
        `V3\\.shp: truncated or padded: the header says ${shp.length} bytes \\(value ${shp.length - 40}\\)`,
      ),
    ],
    [
      'CSV named .shp',
      () => read(withFile('shp', 'ITL321CD,ITL321NM\nTLC11,Hartlepool\n'.repeat(8))),
      /V3\.shp: not an ESRI shapefile \(value "49544c33"\)/,
    ],
    ['empty .shp', () => read(withFile('shp', '')), /V3\.shp: empty file/],
    [
      'polyline shapefile',
      () => read(withFile('shp', shpBytes(records(), 3))),
      /V3\.shp: expected Polygon shapes \(value "PolyLine"\)/,
    ],
    [
      'lon/lat coordinates under a BNG .prj',
      () => read({ ...files(), [`${STEM}.shp`]: shpBytes(degrees) }),
      /V3\.shp: coordinates look like degrees, not BNG metres/,
    ],
    [
      'non-ITL3 code',
      () => read({ ...files(), [`${STEM}.dbf`]: dbfBytes(recode('E06000001')) }),
      /V3\.dbf:2:ITL321CD: not an ITL3 code \(value "E06000001"\)/,
    ],
    [
      'duplicate area',
      () => read({ ...files(), [`${STEM}.dbf`]: dbfBytes(recode('TLC11')) }),
      /V3\.dbf:2:ITL321CD: duplicate area \(value "TLC11"\)/,
    ],
    [
      'renamed code field',
      () => read({ ...files(), [`${STEM}.dbf`]: dbfBytes(renamed) }),
      /V3\.dbf:1:ITL321CD: missing field ITL321CD \(value "ITL121CD, ITL321NM"\)/,
    ],
    [
      'truncated .dbf',
      () => read(withFile('dbf', dbf.subarray(0, dbf.length - 30))),
      /V3\.dbf: truncated: 2 records need \d+ bytes/,
    ],
    [
      'unknown code page',
      () => read(withFile('cpg', 'EBCDIC')),
      /V3\.cpg: unknown code page \(value "EBCDIC"\)/,
    ],
  ];
  for (const [name, run, pattern] of bad) it(`rejects a ${name}`, () => assert.rejects(run, pattern));
});
