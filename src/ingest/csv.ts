import { parse } from 'csv-parse/sync';
import { SourceError } from '../core/errors.ts';
import type { SourceFile } from './source-file.ts';
import { decodeText, type TextEncoding } from './text.ts';

/** A parsed CSV: header, rows as string arrays, and each row's 1-based line number in the file. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
  lines: number[];
}

export interface CsvOptions {
  encoding?: TextEncoding;
  delimiter?: string;
  /** 1-based line that holds the header (files with title rows above the table). */
  headerLine?: number;
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
}

/** Parses a CSV strictly: every row must have as many fields as the header; quotes must close. */
export function readCsv(file: SourceFile, opts: CsvOptions = {}): CsvTable {
  const text = decodeText(file, opts.encoding);
  if (text.trim() === '') throw new SourceError({ file: file.name }, 'empty file');
  let records: { record: string[]; info: { lines: number; bytes: number } }[];
  try {
    records = parse(text, {
      delimiter: opts.delimiter ?? ',',
      from_line: opts.headerLine ?? 1,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as { record: string[]; info: { lines: number; bytes: number } }[];
  } catch (e) {
    const err = e as CsvParseError;
    const reason =
      err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed quote (truncated file?)' : firstLine(err.message);
    throw new SourceError({ file: file.name, line: err.lines }, reason);
  }
  if (records.length === 0) throw new SourceError({ file: file.name }, 'no header row');
  const header = records[0]!.record.map((h) => h.trim());
  const rows: string[][] = [];
  const lines = startLines(text, records);
  for (let i = 1; i < records.length; i++) rows.push(records[i]!.record);
  return { file: file.name, header, rows, lines };
}

/**
 * The 1-based line on which each data record starts. csv-parse's `info.lines` is the line
 * where a record ends (and counts `\r\n` inside quotes twice), so a record whose quoted
 * field spans lines would be misplaced; `info.bytes` (UTF-8 offset after the record) is exact.
 */
function startLines(text: string, records: { info: { bytes: number } }[]): number[] {
  const buf = Buffer.from(text, 'utf8');
  const out: number[] = [];
  let line = 1;
  let at = 0;
  for (let i = 1; i < records.length; i++) {
    const end = records[i - 1]!.info.bytes;
    for (; at < end; at++) if (buf[at] === 0x0a) line++;
    // Skipped blank lines sit between the previous record and this one.
    for (; buf[at] === 0x0a || buf[at] === 0x0d; at++) if (buf[at] === 0x0a) line++;
    out.push(line);
  }
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/^Invalid Record Length: /, 'wrong number of fields: ');
}

/** Returns the index of each required column, or throws naming the first missing one. */
export function columnIndex<K extends string>(table: CsvTable, names: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) {
    const i = table.header.indexOf(name);
    if (i < 0) {
      throw new SourceError(
        { file: table.file, line: 1, value: table.header.join(',') },
        `missing column: ${name}`,
      );
    }
    out[name] = i;
  }
  return out;
}

/** Requires a table to hold at least one data row. */
export function requireRows(table: CsvTable): void {
  if (table.rows.length === 0) throw new SourceError({ file: table.file, line: 2 }, 'no data rows');
}
