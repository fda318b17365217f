import type { Provenance } from '../core/provenance.ts';
import type { AreaRecord, IndustryObservation, PublishedCheck, RecordSet } from '../core/records.ts';
import { levelOfCode } from '../core/area.ts';
import { appendRows } from './append.ts';
import { ioTableToJson } from './io-tables.ts';
import { query, type Store } from './db.ts';
import { DATA_TABLES } from './schema.ts';

/** One dataset to write: provenance, records, published checks and reader warnings. */
export interface DatasetInput {
  provenance: Provenance;
  records: RecordSet;
  checks: PublishedCheck[];
  warnings: string[];
  /** Folder the files were read from, so `strata data verify` can re-hash them. */
  location: string;
  /** Rows a native reader leaves in SQL: `INSERT INTO table SELECT id, * FROM (select)`. */
  bulk?: { table: string; select: string; rows: number; counted: boolean }[];
  /** The published industry list when the industry rows come in `bulk`. */
  industries?: { code: string; name: string; parent: string | null }[];
  /** Temporary tables the bulk selects read, dropped once the rows are written. */
  temp?: string[];
}

export interface WriteOutcome {
  status: 'imported' | 'unchanged';
  datasetId: number;
  rows: number;
  /** Vintage number of this source (1 for the first file ever imported, 2 after a changed file, ...). */
  vintageNumber: number;
}

/** The dataset already stored for this source, checksum and reader version, if any. */
export async function findDataset(
  store: Store,
  source: string,
  sha256: string,
  readerVersion?: number,
): Promise<{ datasetId: number; rows: number; vintageNumber: number } | null> {
  const rows = await query<{ id: number; rows: bigint; n: bigint }>(
    store,
    `SELECT id, rows, (SELECT count(*) FROM datasets WHERE source = ? AND id <= d.id) AS n
       FROM datasets d WHERE source = ? AND sha256 = ? AND (? IS NULL OR reader_version = ?)`,
    [source, source, sha256, readerVersion ?? null, readerVersion ?? null],
  );
  const r = rows[0];
  return r ? { datasetId: r.id, rows: Number(r.rows), vintageNumber: Number(r.n) } : null;
}

/**
 * Writes one dataset, inside the caller's transaction. The same source with the same
 * checksum is already there: nothing changes. A changed file becomes a new vintage.
 */
export async function writeDataset(store: Store, ds: DatasetInput): Promise<WriteOutcome> {
  const p = ds.provenance;
  const prior = await findDataset(store, p.source, p.sha256, p.readerVersion);
  if (prior) {
    for (const t of ds.temp ?? []) await store.conn.run(`DROP TABLE IF EXISTS ${tempTable(t)}`);
    return { status: 'unchanged', ...prior };
  }
  const [{ id }] = await query<{ id: number }>(store, `SELECT nextval('dataset_ids')::INTEGER AS id`);
  let rows = await appendRecords(store, id!, ds.records, ds.industries);
  for (const b of ds.bulk ?? []) {
    await store.conn.run(`INSERT INTO ${dataTable(b.table)} SELECT ${id!}, * FROM (${b.select})`);
    if (b.counted) rows += b.rows;
  }
  for (const t of ds.temp ?? []) await store.conn.run(`DROP TABLE IF EXISTS ${tempTable(t)}`);
  await appendRows(store, 'checks', id!, ds.checks, [
    ['varchar', (c) => c.name],
    ['double', (c) => c.expected],
    ['double', (c) => c.actual],
    ['double', (c) => c.tolerance],
  ]);
  await store.conn.run(
    `INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?)`,
    [
      id!,
      p.source,
      p.title,
      p.publisher,
      p.url,
      p.licence,
      p.vintage,
      JSON.stringify(p.files),
      p.sha256,
      p.retrieved,
      p.reader,
      p.readerVersion,
      rows,
      JSON.stringify(ds.warnings),
      ds.location,
    ],
  );
  const [{ n }] = await query<{ n: bigint }>(store, `SELECT count(*) AS n FROM datasets WHERE source = ?`, [
    p.source,
  ]);
  return { status: 'imported', datasetId: id!, rows, vintageNumber: Number(n) };
}

/** A table named in SQL text must be one of the store's data tables. */
function dataTable(name: string): string {
  if (!(DATA_TABLES as readonly string[]).includes(name)) throw new Error(`invalid bulk table: ${name}`);
  return name;
}

function tempTable(name: string): string {
  if (!/^strata_[a-z]+_\d+$/.test(name)) throw new Error(`invalid staging table: ${name}`);
  return name;
}

async function appendRecords(
  store: Store,
  id: number,
  r: RecordSet,
  industries = industriesOf(r.industry),
): Promise<number> {
  let n = 0;
  n += await appendRows(store, 'industry_obs', id, r.industry, [
    ['varchar', (x) => x.areacd],
    ['varchar', (x) => x.industry],
    ['varchar', (x) => x.measure],
    ['smallint', (x) => x.period],
    ['double', (x) => x.value],
    ['varchar', (x) => x.status],
  ]);
  await appendRows(store, 'industries', id, industries, [
    ['varchar', (x) => x.code],
    ['varchar', (x) => x.name],
    ['varchar', (x) => x.parent],
  ]);
  n += await appendRows(store, 'areas', id, r.areas ?? areasOf(r.industry), [
    ['varchar', (x) => x.areacd],
    ['varchar', (x) => x.areanm],
    ['varchar', (x) => x.level],
    ['smallint', (x) => x.start],
    ['smallint', (x) => x.end],
  ]);
  n += await appendRows(store, 'observations', id, r.observations, [
    ['varchar', (x) => x.areacd],
    ['varchar', (x) => x.areanm],
    ['varchar', (x) => x.geography],
    ['varchar', (x) => x.indicator],
    ['varchar', (x) => x.period],
    ['double', (x) => x.observation],
    ['varchar', (x) => x.measure],
    ['varchar', (x) => x.unit],
    ['double', (x) => x.lci95],
    ['double', (x) => x.uci95],
    ['varchar', (x) => x.status],
    ['varchar', (x) => x.notes],
  ]);
  n += await appendRows(store, 'indicators', id, r.indicators, [
    ['varchar', (x) => x.id],
    ['varchar', (x) => JSON.stringify(x)],
  ]);
  n += await appendRows(store, 'nomis_obs', id, r.nomis, [
    ['varchar', (x) => x.date],
    ['varchar', (x) => x.geographyCode],
    ['varchar', (x) => x.geographyName],
    ['varchar', (x) => x.geographyType],
    ['varchar', (x) => JSON.stringify(x.dims)],
    ['varchar', (x) => x.measures],
    ['double', (x) => x.value],
    ['varchar', (x) => x.status],
    ['varchar', (x) => x.statusName],
  ]);
  n += await appendRows(store, 'area_links', id, r.links, [
    ['varchar', (x) => x.child],
    ['varchar', (x) => x.parent],
    ['varchar', (x) => x.childLevel],
    ['varchar', (x) => x.parentLevel],
    ['varchar', (x) => x.vintage],
    ['double', (x) => x.weight],
    ['varchar', (x) => x.rule],
  ]);
  n += await appendRows(store, 'boundaries', id, r.boundaries, [
    ['varchar', (x) => x.name],
    ['varchar', (x) => x.level],
    ['varchar', (x) => x.crs],
    ['varchar', (x) => JSON.stringify(x.topology)],
  ]);
  n += await appendRows(store, 'area_geometry', id, r.geometry, [
    ['varchar', (x) => x.areacd],
    ['varchar', (x) => x.level],
    ['varchar', (x) => x.vintage],
    ['smallint', (x) => x.start],
    ['smallint', (x) => x.end],
    ['double', (x) => x.x],
    ['double', (x) => x.y],
    ['double', (x) => x.lon],
    ['double', (x) => x.lat],
  ]);
  n += await appendRows(store, 'gpg_employers', id, r.gpgEmployers, [
    ['varchar', (x) => x.period],
    ['varchar', (x) => x.employerId],
    ['varchar', (x) => x.employerName],
    ['varchar', (x) => x.postcode],
    ['varchar', (x) => x.companyNumber],
    ['varchar', (x) => x.sicCodes.join(',')],
    ['double', (x) => x.diffMeanHourly],
    ['double', (x) => x.diffMedianHourly],
    ['double', (x) => x.diffMeanBonus],
    ['double', (x) => x.diffMedianBonus],
    ['double', (x) => x.maleBonus],
    ['double', (x) => x.femaleBonus],
    ['double', (x) => x.femaleLowerQuartile],
    ['double', (x) => x.femaleLowerMiddleQuartile],
    ['double', (x) => x.femaleUpperMiddleQuartile],
    ['double', (x) => x.femaleTopQuartile],
    ['varchar', (x) => x.employerSize],
    ['boolean', (x) => x.submittedLate],
  ]);
  n += await appendRows(store, 'spending', id, r.spending, [
    ['varchar', (x) => x.body],
    ['varchar', (x) => x.serviceArea],
    ['varchar', (x) => x.expensesType],
    ['varchar', (x) => x.date],
    ['varchar', (x) => x.transaction],
    ['double', (x) => x.amount],
    ['varchar', (x) => x.supplier],
    ['varchar', (x) => x.companyNumber],
    ['varchar', (x) => x.charityNumber],
  ]);
  n += await appendRows(store, 'sic', id, r.sic, [
    ['varchar', (x) => x.code],
    ['varchar', (x) => x.level],
    ['varchar', (x) => x.name],
    ['varchar', (x) => x.parent],
  ]);
  n += await appendRows(store, 'io_cells', id, r.ioCells, [
    ['smallint', (x) => x.year],
    ['varchar', (x) => x.sheet],
    ['varchar', (x) => x.row],
    ['varchar', (x) => x.col],
    ['double', (x) => x.value],
  ]);
  n += await appendRows(store, 'io_tables', id, r.ioTables, [
    ['smallint', (x) => x.year],
    ['varchar', (x) => ioTableToJson(x)],
  ]);
  return n;
}

/** The published industry list of a dataset, once each: code, name, parent. */
function industriesOf(
  rows: IndustryObservation[] | undefined,
): { code: string; name: string; parent: string | null }[] {
  const m = new Map<string, { code: string; name: string; parent: string | null }>();
  for (const r of rows ?? [])
    if (!m.has(r.industry)) m.set(r.industry, { code: r.industry, name: r.industryName, parent: r.parent });
  return [...m.values()];
}

/** Areas named in industry rows, for readers that give no separate area list. */
function areasOf(rows: IndustryObservation[] | undefined): AreaRecord[] {
  const m = new Map<string, AreaRecord>();
  for (const r of rows ?? [])
    if (!m.has(r.areacd))
      m.set(r.areacd, {
        areacd: r.areacd,
        areanm: r.areanm,
        level: levelOfCode(r.areacd) ?? 'unknown',
        start: null,
        end: null,
      });
  return [...m.values()];
}
