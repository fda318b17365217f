/**
 * A symmetric input–output table, industry by industry, £ million (DESIGN.md "IoTable").
 * Matrices are dense row-major Float64Arrays: z[i * n + j] is the flow from industry i to j.
 */
export interface IoTable {
  year: number;
  /** Industry codes as published (`A01`, `B06 & B07`, `C101`, ...). */
  codes: string[];
  names: string[];
  /** Intermediate domestic use, n × n. */
  z: Float64Array;
  /** Final-demand columns by name (household consumption, government, GFCF, exports...), each length n. */
  finalDemand: Record<string, Float64Array>;
  /** Primary inputs by name (imports, taxes less subsidies, compensation of employees, gross operating surplus...), each length n. */
  primaryInputs: Record<string, Float64Array>;
  /** Total output at basic prices, length n. */
  output: Float64Array;
  /** Employment (jobs or employees) by industry, when supplied; length n. */
  employment?: Float64Array;
}

/**
 * Keys of the rows and columns the ONS input–output analytical tables print, as the IOAT
 * reader stores them in `primaryInputs` / `finalDemand`: the publisher's code where the
 * sheet prints one, its label where it does not.
 */
export const IOAT_KEYS = {
  compensation: 'D1',
  operatingSurplus: 'GOS & MI',
  productionTaxes: 'D29-D39',
  gva: 'GVA',
  imports: 'Use of imported products, cif',
  productTaxes: 'Taxes less subsidies on products',
  households: 'P3 S14',
} as const;
