import { IOAT_KEYS, type IoTable } from '../../core/io-table.ts';
import { checkProductive, leontiefLu, technicalCoefficients } from './leontief.ts';
import type { IoModel } from './model.ts';
import { closeToHouseholds } from './type2.ts';

/** The national model: an IoModel plus what regional and interregional models start from. */
export interface NationalModel extends IoModel {
  year: number;
  /** Intermediate domestic flows, £ million, n × n. */
  z: Float64Array;
  /** Total final demand by industry (all final-use columns), £ million. */
  finalDemand: Float64Array;
  /** GVA by industry, £ million (the regional models' size reference). */
  gva: Float64Array;
}

export interface NationalOptions {
  /** Employees by industry (e.g. from `employmentByIoat`); overrides `table.employment`. */
  employment?: Float64Array;
  /** Household income the consumption column is divided by; default total compensation of employees. */
  householdIncome?: number;
  /** Keys of the primary-input rows and household column; default the IOAT keys. */
  keys?: Partial<typeof IOAT_KEYS>;
}

/** Builds the national Leontief model from a domestic-use IoTable (METHODS.md §3). */
export function nationalModel(table: IoTable, opts: NationalOptions = {}): NationalModel {
  const keys = { ...IOAT_KEYS, ...opts.keys };
  const n = checkShape(table);
  const x = table.output;
  const compensation = requireVector(table.primaryInputs, keys.compensation, n, 'primary input');
  const gva = requireVector(table.primaryInputs, keys.gva, n, 'primary input');
  const households = requireVector(table.finalDemand, keys.households, n, 'final-demand column');
  checkNonNegative(table.z, table.codes, 'intermediate flow', true);
  checkNonNegative(x, table.codes, 'output');
  checkNonNegative(compensation, table.codes, 'compensation of employees');
  const employment = opts.employment ?? table.employment ?? null;
  if (employment) {
    if (employment.length !== n)
      throw new Error(`employment: expected ${n} values, got ${employment.length}`);
    checkNonNegative(employment, table.codes, 'employment');
  }
  const a = technicalCoefficients(table.z, x, n);
  checkProductive(a, n, table.codes);
  const lu = leontiefLu(a, n);
  const perOutput = (v: Float64Array) => v.map((e, j) => (x[j] === 0 ? 0 : e / x[j]));
  const h = perOutput(compensation);
  const income = opts.householdIncome ?? compensation.reduce((s, v) => s + v, 0);
  if (!(income > 0)) throw new Error(`household income must be positive: ${income}`);
  const c = households.map((v) => v / income);
  return {
    year: table.year,
    codes: [...table.codes],
    names: [...table.names],
    n,
    a,
    lu,
    z: table.z,
    output: x,
    gva,
    finalDemand: sumColumns(table.finalDemand, n),
    factors: { gva: perOutput(gva), compensation: h, employment: employment ? perOutput(employment) : null },
    closure: closeToHouseholds(lu, h, c),
  };
}

function checkShape(t: IoTable): number {
  const n = t.codes.length;
  if (n === 0) throw new Error('input–output table has no industries');
  if (new Set(t.codes).size !== n) throw new Error(`duplicate industry codes in table ${t.year}`);
  if (t.names.length !== n) throw new Error(`industry names: expected ${n}, got ${t.names.length}`);
  if (t.z.length !== n * n) throw new Error(`intermediate flows: expected ${n}×${n}, got ${t.z.length}`);
  if (t.output.length !== n) throw new Error(`output: expected ${n} values, got ${t.output.length}`);
  return n;
}

function requireVector(
  rec: Record<string, Float64Array>,
  key: string,
  n: number,
  what: string,
): Float64Array {
  const v = rec[key];
  if (!v) throw new Error(`missing ${what}: ${key}`);
  if (v.length !== n) throw new Error(`${what} ${key}: expected ${n} values, got ${v.length}`);
  return v;
}

function checkNonNegative(v: Float64Array, codes: readonly string[], what: string, matrix = false): void {
  const n = codes.length;
  for (let k = 0; k < v.length; k++) {
    if (v[k] >= 0) continue;
    const at = matrix ? `${codes[Math.floor(k / n)]} → ${codes[k % n]}` : codes[k];
    throw new Error(`negative ${what}: ${at} = ${v[k]}`);
  }
}

function sumColumns(cols: Record<string, Float64Array>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (const v of Object.values(cols)) for (let i = 0; i < n; i++) out[i] += v[i];
  return out;
}
