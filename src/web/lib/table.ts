// A table as a chart shows it: the shape the data tables, the CSV downloads and the pages' view
// helpers share (apart from csv.ts, which needs the DOM to save a file, so helpers stay testable in Node).

/** A table: column headers and rows of cells (numbers kept at full precision). */
export interface Table {
  columns: string[];
  rows: Cell[][];
  /** How each column reads on the page (the CSV keeps full precision). */
  formats?: (((v: Cell) => string) | null)[];
  /** Per row, a link for the first cell (an area's profile). */
  links?: (string | null)[];
}

export type Cell = string | number | null;
