import type { Lu } from './lu.ts';
import type { Closure } from './type2.ts';

/** Coefficient rows per unit of output: GVA and compensation in £ per £, employment in jobs per £m. */
export interface FactorRows {
  gva: Float64Array;
  compensation: Float64Array;
  employment: Float64Array | null;
}

/** What every input–output model (national or regional) carries; all vectors are in `codes` order. */
export interface IoModel {
  codes: string[];
  names: string[];
  n: number;
  /** Technical coefficients, n × n row-major. */
  a: Float64Array;
  /** The LU of I − A: every Leontief quantity is a solve with it. */
  lu: Lu;
  factors: FactorRows;
  /** Household closure for Type II (compensation row, consumption column). */
  closure: Closure;
  /** Output by industry, £ million (for a region: estimated, see regional.ts). */
  output: Float64Array;
}

/** Index of each industry code, throwing on an unknown one. */
export function industryIndex(codes: readonly string[]): (code: string) => number {
  const at = new Map(codes.map((c, i) => [c, i]));
  return (code) => {
    const i = at.get(code);
    if (i === undefined) throw new Error(`unknown industry: ${code}`);
    return i;
  };
}

/** Throws unless δ is in [0, 1) (Flegg & Webber 1997). */
export function checkDelta(delta: number, what = 'delta'): void {
  if (!(delta >= 0 && delta < 1)) throw new Error(`${what} outside [0, 1): ${delta}`);
}
