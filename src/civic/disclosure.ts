// Small-number suppression for the turnout figures organisers publish: a count of 1 to 9 people
// in a cell (a zone, an age band) could point at someone, so it is withheld; when a breakdown
// would then have a single withheld cell beside a published total, the next smallest cell is
// withheld too, so the hidden one cannot be found by subtraction. Zero is shown. Pure.

/** Fewest people a published cell may count (1 to DISCLOSURE_MIN − 1 are withheld). */
export const DISCLOSURE_MIN = 10;

/** One cell of a breakdown, before suppression. */
export interface Cell {
  group: string;
  count: number;
}

/** The cells' counts, null where withheld (primary: small; secondary: so none can be derived). */
export function suppress(cells: readonly Cell[], min = DISCLOSURE_MIN): (number | null)[] {
  const out = cells.map((c) => (c.count > 0 && c.count < min ? null : c.count));
  const hidden = out.filter((x) => x === null).length;
  if (hidden !== 1) return out;
  let next = -1;
  for (const [i, v] of out.entries()) if (v !== null && v > 0 && (next < 0 || v < out[next]!)) next = i;
  if (next >= 0) out[next] = null;
  return out;
}
