import { SourceError, UsageError, type SourceLocation } from '../core/errors.ts';
import type { PublicBody, SpendLine } from '../core/franchise.ts';
import { requireRows, type CsvTable } from './csv.ts';
import { readCsvRows } from './csv-rows.ts';
import { parsePence } from './pence.ts';
import { spendDateReader } from './spend-dates.ts';
import { fieldColumns, recogniseLayout, type SpendField, type SpendLayout } from './spend-layouts.ts';
import type { SourceFile } from './source-file.ts';

/** Bumped when the reader changes what it produces. */
export const SPEND_READER_VERSION = 1;

export interface SpendFileOptions {
  layouts: readonly SpendLayout[];
  bodies: readonly PublicBody[];
  /** The body the user says the file is from (`--body`), by id, name or alias. */
  body?: string;
}

export interface SpendFile {
  file: string;
  sha256: string;
  layout: string;
  body: string;
  lines: SpendLine[];
  /** Sum of the lines' pence, as read. */
  pence: number;
}

/**
 * A council spend file in any declared layout, recognised by its header: every line with its
 * line number, amounts in exact pence (credits negative), dates as ISO. The body comes from the
 * file's body column, `--body`, or a file-name pattern in the body list; when these disagree, or
 * the layout belongs to another council, the file is refused (a mislabelled file).
 */
export function readSpendFile(source: SourceFile, opts: SpendFileOptions): SpendFile {
  const table = readCsvRows(source);
  requireRows(table);
  const layout = recogniseLayout(table.header, opts.layouts, source.name);
  const body = bodyOf(source.name, layout, opts);
  const col = fieldColumns(table.header, layout, source.name);
  const lines = readLines(table, layout, col, body, opts);
  const name = body?.name ?? lines[0]!.body;
  for (const l of lines) {
    if (l.body !== name)
      throw new SourceError(
        { file: source.name, line: l.line, column: col.body + 1, value: l.body },
        `a second body in one file (line ${lines[0]!.line} names ${name})`,
      );
  }
  return {
    file: source.name,
    sha256: source.sha256,
    layout: layout.id,
    body: name,
    lines,
    pence: lines.reduce((s, l) => s + l.pence, 0),
  };
}

/** Finds a body by id, name or alias (case-insensitive). */
export function findBody(bodies: readonly PublicBody[], text: string): PublicBody | undefined {
  const t = text.trim().toLowerCase();
  return bodies.find(
    (b) => b.id === t || b.name.toLowerCase() === t || b.aliases.some((a) => a.toLowerCase() === t),
  );
}

/** The body the file is declared to be from, checking that file name, option and layout agree. */
function bodyOf(file: string, layout: SpendLayout, opts: SpendFileOptions): PublicBody | null {
  const declared = opts.body === undefined ? undefined : findBody(opts.bodies, opts.body);
  if (opts.body !== undefined && !declared)
    throw new UsageError(`unknown body: ${opts.body} (${opts.bodies.map((b) => b.id).join(', ')})`);
  const named = opts.bodies.find((b) => b.files.some((re) => new RegExp(re, 'i').test(file)));
  if (declared && named && declared !== named)
    throw new SourceError({ file, value: file }, `file name says ${named.name}, not ${declared.name}`);
  const claimed = declared ?? named;
  const owner = layout.council === null ? undefined : findBody(opts.bodies, layout.council);
  if (layout.council !== null && claimed && claimed !== owner)
    throw new SourceError(
      { file, line: 1, value: layout.id },
      `a ${layout.council} layout, not ${claimed.name}'s: the file is mislabelled`,
    );
  return claimed ?? owner ?? null;
}

/** Reads every row of a table in a layout: columns, date reader and body test resolved once, no allocation per field. */
function readLines(
  table: CsvTable,
  layout: SpendLayout,
  col: Record<SpendField, number>,
  body: PublicBody | null,
  opts: SpendFileOptions,
): SpendLine[] {
  const date = spendDateReader(layout.dates);
  // Where an error is: one object, updated before each field is read (errors copy it).
  const here = { file: table.file, line: 0, column: 0 };
  const where = () => ({ ...here });
  const cell = (row: string[], f: SpendField) => {
    here.column = col[f] + 1;
    return col[f] < 0 ? '' : row[col[f]]!.trim();
  };
  const orNull = (row: string[], f: SpendField) => {
    const t = cell(row, f);
    return t === '' ? null : t;
  };
  // Files name their body the same way on every line: each distinct name is checked once.
  const names = new Map<string, string>();
  const out: SpendLine[] = new Array(table.rows.length);
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    here.line = table.lines[r]!;
    const supplier = cell(row, 'supplier');
    if (supplier === '') throw new SourceError({ ...here, value: row[col.supplier] }, 'missing supplier');
    const name = cell(row, 'body');
    let known = names.get(name);
    if (known === undefined)
      names.set(name, (known = rowBody(name, body, { ...here, value: name }, opts, col.body >= 0)));
    const invoice = orNull(row, 'invoiceDate');
    const invoiceDate = invoice === null ? null : date(invoice, where);
    out[r] = {
      body: known,
      file: table.file,
      line: here.line,
      service: orNull(row, 'service'),
      expenseType: orNull(row, 'expenseType'),
      date: date(cell(row, 'date'), where),
      invoiceDate,
      transaction: orNull(row, 'transaction'),
      pence: parsePence(cell(row, 'amount'), where, layout.credits),
      supplier,
      companyNumber: orNull(row, 'companyNumber'),
      charityNumber: orNull(row, 'charityNumber'),
    };
  }
  return out;
}

/** The body a row names, which must be the declared body (or one of its aliases). */
function rowBody(
  text: string,
  body: PublicBody | null,
  where: SourceLocation,
  opts: SpendFileOptions,
  hasColumn: boolean,
): string {
  if (!hasColumn) {
    if (!body) throw new SourceError({ file: where.file }, 'the file names no body: give --body');
    return body.name;
  }
  if (text === '') throw new SourceError(where, 'missing body name');
  if (!body) return findBody(opts.bodies, text)?.name ?? text;
  if (body.name === text || body.aliases.includes(text)) return body.name;
  throw new SourceError(where, `the file is filed under ${body.name} but this line names another body`);
}
