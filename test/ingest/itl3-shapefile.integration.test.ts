import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { read as readShapefile } from 'shapefile';
import type { Topology } from 'topojson-specification';
import { readGvaItl3 } from '../../src/ingest/gva-itl3.ts';
import { readItl3Shapefile } from '../../src/ingest/itl3-shapefile.ts';
import { planarCentroid } from '../../src/ingest/planar-centroid.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

const DIR = join(PACK, 'itl3-boundaries-2021');
const STEM = 'ITL3_JAN_2021_UK_BUC_V3';
const files = () =>
  ['shp', 'dbf', 'prj', 'cpg', 'shx'].map((ext) => readSourceFile(join(DIR, `${STEM}.${ext}`)));

describe('ONS ITL3 (January 2021) super-generalised boundaries shapefile (real files)', async () => {
  const started = performance.now();
  const out = await readItl3Shapefile({
    files: files(),
    source: testSource({ vintage: 'January 2021' }),
    retrieved: '2026-01-01',
  });
  const ms = performance.now() - started;
  const areas = out.records.areas!;
  const at = (code: string) => out.records.geometry!.find((g) => g.areacd === code)!;

  it('holds 179 ITL3 polygons (144 Polygon, 35 MultiPolygon), in BNG and in lon/lat', () => {
    assert.equal(areas.length, 179);
    for (const b of out.records.boundaries!) {
      const t = b.topology as Topology;
      const geoms = (t.objects[b.name] as unknown as { geometries: { type: string }[] }).geometries;
      assert.equal(geoms.length, 179);
      assert.equal(geoms.filter((g) => g.type === 'MultiPolygon').length, 35);
    }
    assert.deepEqual(out.warnings, []);
    assert.ok(ms < 3000, `took ${ms} ms`);
  });

  it('has the same 179 codes as the ONS regional GVA Table 3c for ITL3', () => {
    const table = join(
      PACK,
      'gva-itl3-by-industry',
      'Table 3c ITL3 current price estimates pounds million 2024.csv',
    );
    const gva = readGvaItl3({
      files: [readSourceFile(table)],
      source: testSource(),
      retrieved: '2026-01-01',
    });
    const codes = (list: { areacd: string }[]) => [...new Set(list.map((a) => a.areacd))].sort();
    assert.deepEqual(codes(areas), codes(gva.records.areas!));
  });

  it('puts each centroid near the point the ONS publishes in BNG_E/BNG_N, inside the UK', async () => {
    const published = await readShapefile(join(DIR, `${STEM}.shp`), join(DIR, `${STEM}.dbf`), {
      encoding: 'utf-8',
    });
    const km = published.features
      .map((f) => {
        const p = f.properties as { ITL321CD: string; BNG_E: number; BNG_N: number };
        const g = at(p.ITL321CD);
        return Math.hypot(g.x - p.BNG_E, g.y - p.BNG_N) / 1000;
      })
      .sort((a, b) => a - b);
    // The published point is the ONS's own; ours is the area-weighted centroid of the generalised
    // shape, so island areas (Skye and Lochaber) differ most.
    assert.ok(km[89]! < 2.5, `median ${km[89]} km`);
    const tlc11 = at('TLC11');
    assert.ok(Math.abs(tlc11.x - 444_952) < 1_000 && Math.abs(tlc11.y - 522_016) < 1_000);
    assert.ok(Math.abs(tlc11.lon - -1.30587) < 0.02 && Math.abs(tlc11.lat - 54.5914) < 0.01);
    for (const g of out.records.geometry!)
      assert.ok(g.lon > -8.7 && g.lon < 1.8 && g.lat > 49.8 && g.lat < 60.9, g.areacd);
  });

  it('covers the UK land area: about 244,500 km² in all, Greater London about 1,580 km²', async () => {
    const fc = await readShapefile(join(DIR, `${STEM}.shp`), join(DIR, `${STEM}.dbf`), { encoding: 'utf-8' });
    const area = (prefix: string) =>
      fc.features
        .filter((f) => (f.properties as { ITL321CD: string }).ITL321CD.startsWith(prefix))
        .reduce((s, f) => s + planarCentroid(f.geometry as never).area / 1e6, 0);
    assert.ok(Math.abs(area('TL') - 244_500) < 2_500, `${area('TL')} km²`);
    assert.ok(Math.abs(area('TLI') - 1_580) < 30, `${area('TLI')} km²`);
  });
});
