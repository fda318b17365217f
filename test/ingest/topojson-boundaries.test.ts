import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { lonLatToBng } from '../../src/ingest/bng.ts';
import { readTopojsonBoundaries, validIn } from '../../src/ingest/topojson-boundaries.ts';
import { inputOf } from '../helpers/source.ts';

const FILE = 'topo.json';
/**
 * Two squares 0.1° wide near Hartlepool sharing arc 0 (their common edge, drawn south), wound
 * clockwise as d3-geo wants; the `uk` layer is their union, arcs 1 and 2.
 */
function fixture() {
  return {
    type: 'Topology',
    arcs: [
      [
        [-1.2, 54.7],
        [-1.2, 54.6],
      ],
      [
        [-1.2, 54.6],
        [-1.3, 54.6],
        [-1.3, 54.7],
        [-1.2, 54.7],
      ],
      [
        [-1.2, 54.7],
        [-1.1, 54.7],
        [-1.1, 54.6],
        [-1.2, 54.6],
      ],
    ],
    objects: {
      uk: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[1, 2]], properties: { areacd: 'K02000001', areanm: 'United Kingdom' } },
        ],
      },
      ltla: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[1, 0]], properties: { areacd: 'E06000001', areanm: 'Hartlepool' } },
          {
            type: 'MultiPolygon',
            arcs: [[[-1, 2]]],
            properties: { areacd: 'E07000164', areanm: 'Hambleton', end: 2022 },
          },
        ],
      },
    },
  };
}
type Fixture = ReturnType<typeof fixture>;

const read = (topo: unknown, layers: string[] | null = ['uk', 'ltla']) =>
  readTopojsonBoundaries(
    inputOf(
      { [FILE]: typeof topo === 'string' ? topo : JSON.stringify(topo) },
      { vintage: '2025', ...(layers ? { options: { layers } } : {}) },
    ),
  );

describe('readTopojsonBoundaries', () => {
  it('gives a compact topology per layer, every feature as an area, and centroids', () => {
    const out = read(fixture());
    const [uk, ltla] = out.records.boundaries!;
    assert.deepEqual([uk!.name, uk!.crs, ltla!.level], ['uk', 'EPSG:4326', 'ltla']);
    // The uk layer keeps only the two arcs it uses, re-indexed from 0.
    const ukTopo = uk!.topology as Topology;
    assert.equal(ukTopo.arcs.length, 2);
    assert.deepEqual(Object.keys(ukTopo.objects), ['uk']);
    assert.deepEqual(
      (ukTopo.objects.uk as unknown as { geometries: { arcs: number[][] }[] }).geometries[0]!.arcs,
      [[0, 1]],
    );
    assert.deepEqual(
      out.records.areas!.map((a) => [a.areacd, a.level, a.start, a.end]),
      [
        ['K02000001', 'uk', null, null],
        ['E06000001', 'ltla', null, null],
        ['E07000164', 'ltla', null, 2022],
      ],
    );
    assert.deepEqual(
      out.records.areas!.filter((a) => a.level === 'ltla' && validIn(a, 2025)).map((a) => a.areacd),
      ['E06000001'],
    );
    const hartlepool = out.records.geometry!.find((g) => g.areacd === 'E06000001')!;
    assert.ok(Math.abs(hartlepool.lon - -1.25) < 1e-3 && Math.abs(hartlepool.lat - 54.65) < 1e-3);
    assert.deepEqual([hartlepool.x, hartlepool.y], lonLatToBng(hartlepool.lon, hartlepool.lat));
    assert.equal(hartlepool.vintage, '2025');
    // 0.1° of longitude at 54.65°N is about 6.45 km.
    const hambleton = out.records.geometry!.find((g) => g.areacd === 'E07000164')!;
    const km = Math.hypot(hambleton.x - hartlepool.x, hambleton.y - hartlepool.y) / 1000;
    assert.ok(Math.abs(km - 6.45) < 0.05, `${km} km`);
    assert.deepEqual(out.warnings, []);
  });

  it('rewinds rings wound the GeoJSON way so d3-geo does not fill the globe', () => {
    const topo: Fixture = fixture();
    topo.objects.ltla.geometries[0]!.arcs = [[~0, ~1]];
    const out = read(topo);
    assert.deepEqual(out.warnings, [`${FILE}: layer ltla: 1 rings rewound for d3-geo`]);
    const layer = out.records.boundaries![1]!.topology as Topology;
    const f = feature(layer, (layer.objects.ltla as unknown as { geometries: never[] }).geometries[0]!);
    assert.ok(geoArea(f) < 1e-5);
    const hartlepool = out.records.geometry!.find((g) => g.areacd === 'E06000001')!;
    assert.ok(Math.abs(hartlepool.lat - 54.65) < 1e-3);
  });

  it('keeps a quantised topology quantised: transform and delta-encoded arcs as published', () => {
    const geo = feature(fixture() as unknown as Topology, fixture().objects.ltla as never);
    const quantised = buildTopology({ ltla: geo }, 1e4);
    const out = read(quantised, ['ltla']);
    const layer = out.records.boundaries![0]!.topology as Topology;
    assert.deepEqual(layer.transform, quantised.transform);
    assert.deepEqual(layer.arcs, quantised.arcs);
    const hartlepool = out.records.geometry!.find((g) => g.areacd === 'E06000001')!;
    assert.ok(Math.abs(hartlepool.lon - -1.25) < 1e-3);
  });

  const edit = (f: (t: Fixture) => void) => {
    const t = fixture();
    f(t);
    return t;
  };
  const g1 = (t: Fixture) =>
    t.objects.ltla.geometries[1]! as { properties: Record<string, unknown>; type: string; arcs: unknown };
  const bad: [string, () => unknown, RegExp][] = [
    [
      'TopoJSON missing a layer',
      () => read(fixture(), null),
      /: topo\.json: missing layer: ctry \(value "uk, ltla"\)$/,
    ],
    [
      'feature without areacd',
      () => read(edit((t) => delete g1(t).properties.areacd)),
      /topo\.json: objects\.ltla\.geometries\[1\]: areacd is not a GSS code \(value null\)/,
    ],
    [
      'malformed area code',
      () => read(edit((t) => (g1(t).properties.areacd = 'E0700164'))),
      /objects\.ltla\.geometries\[1\]: areacd is not a GSS code \(value "E0700164"\)/,
    ],
    [
      'feature without a name',
      () => read(edit((t) => (g1(t).properties.areanm = ' '))),
      /objects\.ltla\.geometries\[1\]: missing areanm \(value " "\)/,
    ],
    [
      'start year that is not a year',
      () => read(edit((t) => (g1(t).properties.start = '2019'))),
      /objects\.ltla\.geometries\[1\]: start is not a year \(value "2019"\)/,
    ],
    [
      'start after end',
      () => read(edit((t) => (g1(t).properties.start = 2023))),
      /objects\.ltla\.geometries\[1\]: start after end \(value "2023-2022"\)/,
    ],
    [
      'duplicate area',
      () => read(edit((t) => (g1(t).properties.areacd = 'E06000001'))),
      /objects\.ltla\.geometries\[1\]: duplicate area and start year \(value "E06000001\|"\)/,
    ],
    [
      'arc index out of range',
      () => read(edit((t) => (g1(t).arcs = [[[-1, 7]]]))),
      /objects\.ltla\.geometries\[1\]: arc index out of range \(value 7\)/,
    ],
    [
      'point instead of a polygon',
      () => read(edit((t) => (g1(t).type = 'Point'))),
      /objects\.ltla\.geometries\[1\]: not a Polygon or MultiPolygon \(value "Point"\)/,
    ],
    [
      'GeoJSON instead of TopoJSON',
      () => read({ type: 'FeatureCollection', features: [] }),
      /topo\.json: not a TopoJSON Topology \(value "FeatureCollection"\)/,
    ],
    ['truncated file', () => read(JSON.stringify(fixture()).slice(0, 200)), /topo\.json(:1)?: not JSON/],
    ['empty file', () => read(''), /topo\.json: empty file/],
  ];
  for (const [name, run, pattern] of bad) it(`rejects a ${name}`, () => assert.throws(run, pattern));
});
