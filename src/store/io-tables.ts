import type { IoTable } from '../core/io-table.ts';
import { query, type Store } from './db.ts';

/** Serialises an IoTable for the store: typed arrays as plain number arrays in JSON. */
export function ioTableToJson(t: IoTable): string {
  const arr = (a: Float64Array) => Array.from(a);
  const rec = (r: Record<string, Float64Array>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, arr(v)]));
  return JSON.stringify({
    year: t.year,
    codes: t.codes,
    names: t.names,
    z: arr(t.z),
    finalDemand: rec(t.finalDemand),
    primaryInputs: rec(t.primaryInputs),
    output: arr(t.output),
    employment: t.employment ? arr(t.employment) : null,
  });
}

/** Rebuilds an IoTable from its stored JSON. */
export function ioTableFromJson(body: string): IoTable {
  const j = JSON.parse(body) as {
    year: number;
    codes: string[];
    names: string[];
    z: number[];
    finalDemand: Record<string, number[]>;
    primaryInputs: Record<string, number[]>;
    output: number[];
    employment: number[] | null;
  };
  const rec = (r: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Float64Array.from(v)]));
  return {
    year: j.year,
    codes: j.codes,
    names: j.names,
    z: Float64Array.from(j.z),
    finalDemand: rec(j.finalDemand),
    primaryInputs: rec(j.primaryInputs),
    output: Float64Array.from(j.output),
    ...(j.employment ? { employment: Float64Array.from(j.employment) } : {}),
  };
}

/** The input–output table for a year from the newest vintage holding it, or null. */
export async function loadIoTable(store: Store, year: number): Promise<IoTable | null> {
  const rows = await query<{ body: string }>(
    store,
    `SELECT t.body FROM io_tables t JOIN current_datasets d ON d.id = t.dataset_id WHERE t.year = ? ORDER BY t.dataset_id DESC LIMIT 1`,
    [year],
  );
  return rows[0] ? ioTableFromJson(rows[0].body) : null;
}

/** The newest input–output table's industries and primary inputs alone (not its 105×105 flows), or null. */
export async function latestPrimaryInputs(
  store: Store,
): Promise<Pick<IoTable, 'year' | 'codes' | 'primaryInputs'> | null> {
  // DuckDB's JSON functions pick the two members out in the store, so the flows are neither
  // sent nor parsed: a third of the time of loading the whole table, cold.
  const rows = await query<{ year: number; codes: string; inputs: string }>(
    store,
    `SELECT t.year, json_extract(t.body, '$.codes')::VARCHAR AS codes,
            json_extract(t.body, '$.primaryInputs')::VARCHAR AS inputs
       FROM io_tables t JOIN current_datasets d ON d.id = t.dataset_id
      ORDER BY t.year DESC, t.dataset_id DESC LIMIT 1`,
  );
  const r = rows[0];
  if (!r) return null;
  const inputs = JSON.parse(r.inputs) as Record<string, number[]>;
  return {
    year: Number(r.year),
    codes: JSON.parse(r.codes) as string[],
    primaryInputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, Float64Array.from(v)])),
  };
}

/** Years with an input–output table in the store. */
export async function ioTableYears(store: Store): Promise<number[]> {
  const rows = await query<{ year: number }>(
    store,
    `SELECT DISTINCT t.year FROM io_tables t JOIN current_datasets d ON d.id = t.dataset_id ORDER BY 1`,
  );
  return rows.map((r) => r.year);
}
