import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { loadCatalogue, recognise, type FoundDataset } from '../ingest/catalogue.ts';
import { fetchSources, type Fetched, type FetchOptions } from '../ingest/fetch.ts';
import type { CatalogueSource } from '../ingest/reader.ts';
import { readerFor } from '../ingest/registry.ts';
import { combinedSha256, readSourceFile } from '../ingest/source-file.ts';
import type { DatasetList } from '../contract/datasets.ts';
import { sqlSession, transaction, type Store } from '../store/db.ts';
import { checkTotals, datasetRows, type DatasetRow } from '../store/queries/datasets.ts';
import { findDataset, writeDataset } from '../store/write.ts';

export type { DatasetRow } from '../store/queries/datasets.ts';

/** What happened to one dataset in an import. */
export interface ImportedDataset {
  key: string;
  status: 'imported' | 'unchanged';
  rows: number;
  vintageNumber: number;
  warnings: number;
  seconds: number;
}

export interface ImportReport {
  datasets: ImportedDataset[];
  unrecognised: string[];
  missing: CatalogueSource[];
  seconds: number;
}

export type Progress = (event: { done: number; total: number; key: string }) => void;

/**
 * Imports every dataset the catalogue recognises in `dir`, all in one transaction: if any file
 * is malformed, nothing is written and the store stays exactly as it was.
 */
export async function importDir(store: Store, dir: string, onProgress?: Progress): Promise<ImportReport> {
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  const t0 = performance.now();
  const found = recognise(dir, loadCatalogue());
  if (found.datasets.length === 0) throw new Error(`no official files recognised in ${dir}`);
  const retrieved = new Date().toISOString().slice(0, 10);
  const datasets: ImportedDataset[] = [];
  await transaction(store, async () => {
    for (const [k, ds] of found.datasets.entries()) {
      onProgress?.({ done: k, total: found.datasets.length, key: ds.key });
      datasets.push(await importOne(store, ds, retrieved));
    }
    onProgress?.({ done: found.datasets.length, total: found.datasets.length, key: '' });
  });
  return {
    datasets,
    unrecognised: found.unrecognised,
    missing: found.missing,
    seconds: (performance.now() - t0) / 1000,
  };
}

async function importOne(store: Store, ds: FoundDataset, retrieved: string): Promise<ImportedDataset> {
  const t0 = performance.now();
  const files = ds.paths.map(readSourceFile);
  const reader = await readerFor(ds.source.reader);
  const known = await findDataset(store, ds.key, combinedSha256(files), reader.version);
  if (known)
    return {
      key: ds.key,
      status: 'unchanged',
      ...known,
      warnings: 0,
      seconds: (performance.now() - t0) / 1000,
    };
  const result = await reader.read({ files, source: ds.source, retrieved, sql: sqlSession(store) });
  result.provenance.source = ds.key;
  const out = await writeDataset(store, {
    ...result,
    location: ds.paths[0]!.slice(0, -files[0]!.name.length),
  });
  return {
    key: ds.key,
    status: out.status,
    rows: out.rows,
    vintageNumber: out.vintageNumber,
    warnings: result.warnings.length,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Every dataset in the store, newest vintage of each source first. */
export function listDatasets(store: Store): Promise<DatasetRow[]> {
  return datasetRows(store);
}

/** The datasets as the API lists them: provenance, with the files as a list. */
export async function datasetList(store: Store): Promise<DatasetList> {
  const rows = await datasetRows(store);
  return {
    datasets: rows.map(({ location: _location, warnings: _w, ...r }) => ({
      ...r,
      files: JSON.parse(r.files) as string[],
    })),
  };
}

/** One finding of `strata data verify`. */
export interface VerifyFinding {
  source: string;
  check: 'checksum' | 'published-total';
  ok: boolean;
  detail: string;
}

/**
 * Re-hashes each current dataset's files where they were imported from (or in `dir`) and
 * re-checks every published total recorded at import against the stored numbers.
 */
export async function verifyStore(store: Store, dir?: string): Promise<VerifyFinding[]> {
  const out: VerifyFinding[] = [];
  for (const d of (await listDatasets(store)).filter((r) => r.current)) {
    const names = JSON.parse(d.files) as string[];
    const paths = names.map((n) => join(dir ?? d.location, n));
    const absent = paths.find((p) => !existsSync(p));
    if (absent !== undefined) {
      out.push({ source: d.source, check: 'checksum', ok: false, detail: `file not found: ${absent}` });
      continue;
    }
    // One file at a time, keeping only its hash: a dataset's files together can be large.
    const sum = combinedSha256(paths.map((p, i) => ({ name: names[i]!, sha256: readSourceFile(p).sha256 })));
    out.push({
      source: d.source,
      check: 'checksum',
      ok: sum === d.sha256,
      detail: sum === d.sha256 ? d.sha256 : `was ${d.sha256}, now ${sum}`,
    });
  }
  out.push(...(await verifyTotals(store)));
  return out;
}

async function verifyTotals(store: Store): Promise<VerifyFinding[]> {
  return (await checkTotals(store)).map((r) => ({
    source: r.source,
    check: 'published-total',
    ok: r.bad === 0,
    detail: `${r.n - r.bad} of ${r.n} totals within rounding` + (r.bad ? `; worst ${r.worst}` : ''),
  }));
}

/** Downloads the official files from their publishers into `dir` (see `strata data fetch`). */
export async function fetchPack(
  dir: string,
  opts: FetchOptions & { only?: string[] } = {},
): Promise<{ fetched: Fetched[]; manual: CatalogueSource[] }> {
  const all = loadCatalogue().filter((s) => !opts.only?.length || opts.only.includes(s.id));
  if (opts.only?.length) {
    const unknown = opts.only.filter((id) => !all.some((s) => s.id === id));
    if (unknown.length) throw new UsageError(`unknown source: ${unknown.join(', ')}`);
  }
  const fetched = await fetchSources(
    all.filter((s) => Object.keys(s.downloads).length > 0),
    dir,
    opts,
  );
  return { fetched, manual: all.filter((s) => Object.keys(s.downloads).length === 0) };
}
