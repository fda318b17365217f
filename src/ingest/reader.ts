import type { Provenance } from '../core/provenance.ts';
import type { PublishedCheck, RecordSet } from '../core/records.ts';
import { combinedSha256, type SourceFile } from './source-file.ts';

/** A source as the catalogue describes it (data/catalogue.json). */
export interface CatalogueSource {
  id: string;
  publisher: string;
  title: string;
  /** Page where the publisher describes the release. */
  landing: string;
  /** Direct download URL per expected file name (absent when only the landing page serves it). */
  downloads: Record<string, string>;
  licence: string;
  /** Release label, e.g. `April 2024`. */
  vintage: string;
  /** Glob-like patterns (`*` only) of the file names that make up one dataset; the first is the primary file. */
  files: string[];
  /** Companion files read together with each primary file (`{stem}` is the primary's name without extension). */
  companions?: string[];
  reader: string;
  /** Reader options, such as the measure a GVA table holds or a CSV encoding. */
  options?: Record<string, unknown>;
  /** Folder in the data pack where these files sit. */
  folder: string;
  /** Free-text caveat shown with the dataset (partial download, residence-based, ...). */
  note?: string;
}

/** What a reader gets: the files of one dataset and what the catalogue says about them. */
export interface ReaderInput {
  files: SourceFile[];
  source: CatalogueSource;
  /** ISO date the files were read or downloaded. */
  retrieved: string;
  /**
   * The store's SQL engine inside the import's transaction, when there is one: readers with a
   * native path read the files with it (DuckDB's `read_parquet`, `read_csv`) and validate in SQL.
   */
  sql?: SqlSession;
}

/** Runs SQL in the store that is importing (DuckDB); `all` returns plain row objects. */
export interface SqlSession {
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  run(sql: string): Promise<void>;
}

/** The store tables a native reader fills straight from SQL. */
export type BulkTable =
  'industry_obs' | 'checks' | 'observations' | 'spending' | 'gpg_employers' | 'nomis_obs';

/**
 * Rows a reader leaves in SQL rather than in JS: the store inserts the rows of `select`, each
 * with the dataset's id in front, once the dataset has its id. `counted` rows add to the dataset's row count.
 */
export interface BulkRows {
  table: BulkTable;
  select: string;
  rows: number;
  counted: boolean;
}

/** What a reader returns: typed records, provenance, published totals to re-check, and warnings. */
export interface ReadResult {
  provenance: Provenance;
  records: RecordSet;
  checks: PublishedCheck[];
  /** Things a user should know that are not errors (e.g. official rounding exceptions). */
  warnings: string[];
  /** Rows written straight from SQL (a native reader's); their industry list is `industries`. */
  bulk?: BulkRows[];
  /** The published industry list (code, name, parent) when industry rows come in `bulk`. */
  industries?: { code: string; name: string; parent: string | null }[];
  /** Temporary tables the `bulk` selects read, dropped once the rows are written. */
  temp?: string[];
}

/** A string as a SQL literal: `'it''s'`. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export type Reader = (input: ReaderInput) => ReadResult | Promise<ReadResult>;

/** Builds the provenance record for a reader's output. */
export function provenanceFor(
  input: ReaderInput,
  reader: string,
  readerVersion: number,
  vintage?: string,
): Provenance {
  const s = input.source;
  return {
    source: s.id,
    title: s.title,
    publisher: s.publisher,
    url: s.landing,
    licence: s.licence,
    vintage: vintage ?? s.vintage,
    files: input.files.map((f) => f.name),
    sha256: combinedSha256(input.files),
    retrieved: input.retrieved,
    reader,
    readerVersion,
  };
}
