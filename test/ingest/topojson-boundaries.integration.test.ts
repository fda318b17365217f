import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { ONS_LAYERS, readTopojsonBoundaries, validIn } from '../../src/ingest/topojson-boundaries.ts';
import { PACK, testSource } from '../helpers/source.ts';

describe('ONS UK TopoJSON boundaries, 2014–2025 (real file)', () => {
  const started = performance.now();
  const out = readTopojsonBoundaries({
    files: [readSourceFile(join(PACK, 'lad-boundaries-topojson', 'topo.json'))],
    source: testSource({ vintage: '2025' }),
    retrieved: '2026-01-01',
  });
  const ms = performance.now() - started;
  const areas = out.records.areas!;
  const ltla = areas.filter((a) => a.level === 'ltla');

  it('holds the eight layers with their published feature counts', () => {
    assert.deepEqual(
      out.records.boundaries!.map((b) => b.name),
      [...ONS_LAYERS],
    );
    const count = (level: string) => areas.filter((a) => a.level === level).length;
    assert.deepEqual(ONS_LAYERS.map(count), [1, 4, 12, 27, 6, 20, 230, 407]);
    assert.equal(out.records.geometry!.length, areas.length);
    assert.ok(ms < 3000, `took ${ms} ms`);
  });

  it('gives the UK local authority district counts of each year: 391, 382, 379, 374, 361', () => {
    const valid = (year: number, prefix = '') =>
      ltla.filter((a) => validIn(a, year) && a.areacd.startsWith(prefix)).length;
    assert.deepEqual(
      [2018, 2019, 2020, 2021, 2023, 2025].map((y) => valid(y)),
      [391, 382, 379, 374, 361, 361],
    );
    assert.deepEqual(
      ['E', 'W', 'S', 'N'].map((c) => valid(2025, c)),
      [296, 22, 32, 11],
    );
    assert.equal(areas.filter((a) => a.level === 'utla' && validIn(a, 2025)).length, 218);
  });

  it('is wound as d3-geo draws it: no ring needed rewinding and every feature covers a small area', () => {
    assert.deepEqual(out.warnings, []);
    const layer = out.records.boundaries!.find((b) => b.name === 'ltla')!.topology as Topology;
    const fc = feature(layer, layer.objects.ltla!) as unknown as { features: unknown[] };
    assert.ok(fc.features.every((f) => geoArea(f as never) < 0.01));
  });

  it('places every centroid inside the UK, with distances in British National Grid metres', () => {
    for (const g of out.records.geometry!) {
      assert.ok(g.lon > -8.7 && g.lon < 1.8 && g.lat > 49.8 && g.lat < 60.9, `${g.areacd} ${g.lon},${g.lat}`);
      assert.ok(g.x > 0 && g.x < 700_000 && g.y > 0 && g.y < 1_250_000, `${g.areacd} ${g.x},${g.y}`);
    }
    const at = (code: string) => out.records.geometry!.find((g) => g.areacd === code && g.level === 'ltla')!;
    const hartlepool = at('E06000001');
    assert.ok(Math.abs(hartlepool.x - 447_900) < 2_000 && Math.abs(hartlepool.y - 530_700) < 2_000);
    const london = at('E09000001');
    const edinburgh = at('S12000036');
    const km = Math.hypot(london.x - edinburgh.x, london.y - edinburgh.y) / 1000;
    assert.ok(km > 525 && km < 545, `City of London to Edinburgh ${km} km`);
  });

  it('keeps each layer compact: quantised arcs as published, only the arcs the layer uses', () => {
    const ltlaTopo = out.records.boundaries!.find((b) => b.name === 'ltla')!.topology as Topology;
    const mcty = out.records.boundaries!.find((b) => b.name === 'mcty')!.topology as Topology;
    assert.ok(ltlaTopo.transform && mcty.arcs.length < ltlaTopo.arcs.length / 10);
    const bytes = out.records.boundaries!.reduce((s, b) => s + JSON.stringify(b.topology).length, 0);
    assert.ok(bytes < 3_000_000, `${bytes} bytes`);
  });
});
