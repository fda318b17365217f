// A page's tables as one workbook: a sheet per table (named from its caption, at most 31
// characters and unique, as Excel requires) with numbers at full precision, and a Sources sheet
// saying where each table comes from and which page it was taken from. Pure, so Node tests it;
// the spreadsheet writer is loaded only when someone asks for a workbook.
import type { Cell, Table } from './table.ts';

/** A table on the page, with its caption and source. */
export interface PageTable {
  caption: string;
  table: Table;
  source?: string;
}

/** A sheet: its name and rows (the header row first). */
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** Characters Excel refuses in a sheet name. */
const BAD = /[\\/?*[\]:]/g;

/** Unique sheet names of at most 31 characters from captions. */
export function sheetNames(captions: readonly string[]): string[] {
  const used = new Set<string>(['sources']);
  return captions.map((c, i) => {
    const base = (c.replace(BAD, ' ').replace(/\s+/g, ' ').trim() || `Table ${i + 1}`).slice(0, 31).trim();
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The sheets of a page's workbook: one per table, then Sources. */
export function workbookSheets(tables: readonly PageTable[], page: string): Sheet[] {
  const names = sheetNames(tables.map((t) => t.caption));
  const sheets = tables.map((t, i) => ({ name: names[i]!, rows: [t.table.columns, ...t.table.rows] }));
  const sources: Cell[][] = [
    ['Sheet', 'Table', 'Source'],
    ...tables.map((t, i) => [names[i]!, t.caption, t.source ?? '']),
    [],
    ['Page', page],
  ];
  return [...sheets, { name: 'Sources', rows: sources }];
}

/** The .xlsx bytes of a page's workbook. */
export async function workbookBytes(tables: readonly PageTable[], page: string): Promise<ArrayBuffer> {
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  for (const s of workbookSheets(tables, page))
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  return XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
}
