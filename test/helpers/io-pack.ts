import { join } from 'node:path';
import type { IoTable } from '../../src/core/io-table.ts';
import type { IndustryObservation } from '../../src/core/records.ts';
import { loadCatalogue } from '../../src/ingest/catalogue.ts';
import { readGvaItl3 } from '../../src/ingest/gva-itl3.ts';
import { industryTree, leaves } from '../../src/ingest/industry-tree.ts';
import { readIoat } from '../../src/ingest/ioat.ts';
import { readItl3Shapefile } from '../../src/ingest/itl3-shapefile.ts';
import { readNomis } from '../../src/ingest/nomis.ts';
import type { ReadResult } from '../../src/ingest/reader.ts';
import { readRgvaLad } from '../../src/ingest/rgva-lad.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { readTopojsonBoundaries } from '../../src/ingest/topojson-boundaries.ts';
import { employmentByIoat, type IoatEmployment } from '../../src/models/io/employment.ts';
import { nationalModel, type NationalModel } from '../../src/models/io/national.ts';
import { regionalSizes, type RegionalSizes } from '../../src/models/io/sizes.ts';
import { PACK } from './source.ts';

/**
 * The real inputs of the input–output models, read from the data pack with Strata's own
 * readers: the 2019 national table with BRES 2021 employees, regional GVA 2019 by IOAT
 * industry for the 179 ITL3 areas and the 361 local authorities, and their centroids.
 * Used by the io integration tests and by bench/io.bench.ts.
 */
export async function readSource(id: string): Promise<ReadResult> {
  const source = loadCatalogue().find((s) => s.id === id);
  if (!source) throw new Error(`no catalogue source ${id}`);
  const dir = join(PACK, source.folder);
  const primary = source.files[0]!;
  const name = primary.includes('*')
    ? (await import('node:fs')).readdirSync(dir).find((f) => globMatch(primary, f))!
    : primary;
  const stem = name.replace(/\.[^.]+$/, '');
  const names = [name, ...(source.companions ?? []).map((c) => c.replace('{stem}', stem))];
  const files = names.map((f) => readSourceFile(join(dir, f)));
  const input = { files, source, retrieved: '2026-01-01' };
  switch (source.reader) {
    case 'ioat':
      return readIoat(input);
    case 'nomis':
      return readNomis(input);
    case 'gva-itl3':
      return readGvaItl3(input);
    case 'rgva-lad':
      return readRgvaLad(input);
    case 'itl3-shapefile':
      return readItl3Shapefile(input);
    case 'topojson-boundaries':
      return readTopojsonBoundaries(input);
    default:
      throw new Error(`invalid reader: ${source.reader}`);
  }
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(name);
}

export interface IoPack {
  table: IoTable;
  employment: IoatEmployment;
  national: NationalModel;
}

/** The 2019 national model with BRES employees mapped to IOAT industries (split by compensation). */
export async function nationalPack(): Promise<IoPack> {
  const table = (await readSource('ons-ioat-2019')).records.ioTables![0]!;
  const bres = (await readSource('ons-bres-ioat-gb-2021')).records.nomis!;
  const employment = employmentByIoat(table.codes, bres, { weights: table.primaryInputs['D1'] });
  return { table, employment, national: nationalModel(table, { employment: employment.employment }) };
}

/** GVA (current prices, £m) of `year` by area from a reader's industry records, at the leaves of the published tree. */
function sizesFrom(records: IndustryObservation[], year: number, table: IoTable): RegionalSizes {
  const picked = records.filter((r) => r.period === year && r.measure === 'gva_cp');
  const codes = [...new Set(picked.map((r) => r.industry))];
  const leafSet = new Set(leaves(industryTree(codes)));
  const byArea = new Map<string, { code: string; value: number | null }[]>();
  for (const r of picked) {
    if (!leafSet.has(r.industry)) continue;
    const list = byArea.get(r.areacd) ?? [];
    list.push({ code: r.industry, value: r.value });
    byArea.set(r.areacd, list);
  }
  const areas = [...byArea.keys()].sort();
  return regionalSizes(
    table.codes,
    table.primaryInputs['GVA']!,
    areas.map((area) => ({ area, values: byArea.get(area)! })),
  );
}

/** Regional sizes for the 179 ITL3 areas (ONS regional GVA, Table 3c, 2019). */
export async function itl3Sizes(table: IoTable): Promise<RegionalSizes> {
  return sizesFrom((await readSource('ons-gva-itl3-cp')).records.industry!, 2019, table);
}

/** Regional sizes for the 361 local authorities (ONS regional GVA by local authority, 2019). */
export async function ladSizes(table: IoTable): Promise<RegionalSizes> {
  return sizesFrom((await readSource('ons-gva-lad')).records.industry!, 2019, table);
}

/**
 * Glasgow City and North Lanarkshire were recoded in 2019 after a small boundary change
 * (S12000046 → S12000049, S12000044 → S12000050); the ONS TopoJSON keeps the earlier codes,
 * whose centroids stand in for the new ones.
 */
const RECODED: Record<string, string> = { S12000049: 'S12000046', S12000050: 'S12000044' };

/** Centroids (British National Grid metres) in the order of `areas`, from a boundary reader. */
async function centroidsFor(id: string, level: string, areas: readonly string[]) {
  const geo = (await readSource(id)).records.geometry!.filter((g) => g.level === level);
  const at = new Map(geo.map((g) => [g.areacd, g]));
  for (const [now, before] of Object.entries(RECODED))
    if (!at.has(now) && at.has(before)) at.set(now, at.get(before)!);
  const missing = areas.filter((a) => !at.has(a));
  if (missing.length)
    throw new Error(`no centroid for ${missing.length} areas: ${missing.slice(0, 5).join(', ')}`);
  return {
    x: Float64Array.from(areas, (a) => at.get(a)!.x),
    y: Float64Array.from(areas, (a) => at.get(a)!.y),
  };
}

/** ITL3 centroids from the ONS ITL3 (January 2021) boundaries. */
export function itl3Centroids(areas: readonly string[]) {
  return centroidsFor('ons-itl3-boundaries-jan-2021', 'itl3', areas);
}

/** Local authority centroids from the ONS TopoJSON (lower-tier layer). */
export function ladCentroids(areas: readonly string[]) {
  return centroidsFor('ons-uk-topojson-2014-2025', 'ltla', areas);
}
