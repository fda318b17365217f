import * as XLSX from '@e965/xlsx';

/** A sheet as rows of cells, as the publisher lays it out (title rows included). */
export type Rows = (string | number | null)[][];

/** Builds workbook bytes from sheets in order: `{ Notes: [...], All: [...] }`. */
export function workbookBytes(sheets: Record<string, Rows>, bookType: 'xlsx' | 'xls' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}

/** A copy of rows with one cell replaced (zero-based row and column). */
export function withCell(rows: Rows, row: number, col: number, value: string | number | null): Rows {
  return rows.map((r, i) => {
    const copy = [...r];
    if (i !== row) return copy;
    while (copy.length < col) copy.push(null);
    copy[col] = value;
    return copy;
  });
}
