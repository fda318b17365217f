import { statSync } from 'node:fs';
import { SourceError } from '../core/errors.ts';
import { csvShape } from './csv-shape.ts';
import type { SqlSession } from './reader.ts';
import { sqlFilePath } from './sql-text.ts';
import type { SourceFile } from './source-file.ts';

/** A CSV file loaded by DuckDB into a temporary table of text columns `c0`, `c1`, …. */
export interface StagedCsv {
  /** File name as published, for messages. */
  file: string;
  /** The table: `r`, the record's number (the header 0), and one row per record. */
  table: string;
  /** Header fields, trimmed as the reference trims them. */
  header: string[];
  /** The line each record starts on, the header's first: `lines[r]`. */
  lines: Int32Array;
  /** Data records (the header not counted). */
  rows: number;
}

let serial = 0;

/**
 * Temporary tables a native reader fills inside the import's transaction, dropped together:
 * at once when the reader gives the file back to its reference, after the write otherwise.
 */
export class Staging {
  readonly tables: string[] = [];
  constructor(readonly sql: SqlSession) {}

  /** A fresh table name (one import may stage many files). */
  name(kind: string): string {
    const t = `strata_${kind}_${++serial}`;
    this.tables.push(t);
    return t;
  }

  /**
   * Loads a CSV file with read_csv, every field as text; null when the file is not plain RFC 4180
   * text (csv-shape.ts) or DuckDB finds other records than the reference would. The file on disk
   * must still be the one whose bytes were hashed.
   */
  async csv(file: SourceFile): Promise<StagedCsv | null> {
    const shape = csvShape(file.bytes);
    const path = sqlFilePath(file.path);
    if (!shape || !path || !sameFile(file)) return null;
    const table = this.name('csv');
    // Told `\n`, DuckDB reads LF files right; told `\r\n` it misreads quoted fields, so CRLF is left to its detection.
    const newline = shape.newline === '\n' ? `new_line = '\\n',` : '';
    const columns = Array.from({ length: shape.fields }, (_, k) => `'c${k}': 'VARCHAR'`).join(', ');
    await this.sql.run(
      `CREATE TEMP TABLE ${table} AS SELECT ordinality - 1 AS r, * EXCLUDE (ordinality)
         FROM read_csv(${path}, header = false, auto_detect = false, delim = ',',
                       quote = '"', escape = '"', ${newline} strict_mode = true, null_padding = false,
                       columns = {${columns}}) WITH ORDINALITY`,
    );
    if (!sameFile(file)) throw new SourceError({ file: file.name }, 'file changed on disk while importing');
    const [{ n }] = await this.sql.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`);
    if (Number(n) !== shape.lines.length) return null;
    const [head] = await this.sql.all<Record<string, string | null>>(`SELECT * FROM ${table} WHERE r = 0`);
    const header = Array.from({ length: shape.fields }, (_, k) => (head![`c${k}`] ?? '').trim());
    return { file: file.name, table, header, lines: shape.lines, rows: shape.lines.length - 1 };
  }

  /** Drops every table staged so far. */
  async drop(): Promise<void> {
    for (const t of this.tables.splice(0)) await this.sql.run(`DROP TABLE IF EXISTS ${t}`);
  }
}

/** Whether the file on disk has the size (and time) of the bytes that were read and hashed. */
export function sameFile(file: SourceFile): boolean {
  let st;
  try {
    st = statSync(file.path);
  } catch {
    return false;
  }
  return st.isFile() && st.size === file.bytes.length && (file.mtimeMs ?? st.mtimeMs) === st.mtimeMs;
}
