import { SourceError } from '../core/errors.ts';
import { columnIndex, readCsv, requireRows } from './csv.ts';
import type { SourceFile } from './source-file.ts';

/** A local authority district that was merged into (or replaced by) another code. */
export interface DistrictChange {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  /** ISO date the change took effect. */
  effective: string;
}

const GSS = /^[EKNSW]\d{8}$/;
const COLUMNS = ['old_code', 'old_name', 'new_code', 'new_name', 'effective'] as const;

/**
 * Reads a district-changes table such as `data/lookups/lad-changes-2023.csv`
 * (`old_code,old_name,new_code,new_name,effective`). Callers pass the result to readers
 * as `options.districtChanges`, so boundary changes stay data rather than code.
 */
export function readDistrictChanges(file: SourceFile): DistrictChange[] {
  const table = readCsv(file);
  requireRows(table);
  const col = columnIndex(table, COLUMNS);
  const seen = new Set<string>();
  return table.rows.map((row, r) => {
    const line = table.lines[r]!;
    const cell = (c: number, pattern: RegExp, what: string) => {
      const v = row[c]!.trim();
      if (!pattern.test(v)) throw new SourceError({ file: file.name, line, column: c + 1, value: v }, what);
      return v;
    };
    const change: DistrictChange = {
      oldCode: cell(col.old_code, GSS, 'not a GSS code'),
      oldName: row[col.old_name]!.trim(),
      newCode: cell(col.new_code, GSS, 'not a GSS code'),
      newName: row[col.new_name]!.trim(),
      effective: cell(col.effective, /^\d{4}-\d{2}-\d{2}$/, 'not an ISO date'),
    };
    if (seen.has(change.oldCode)) {
      throw new SourceError({ file: file.name, line, value: change.oldCode }, 'old code listed twice');
    }
    seen.add(change.oldCode);
    return change;
  });
}

/** Checks a `districtChanges` reader option and returns it as a map from old code to change. */
export function districtChangeMap(option: unknown): Map<string, DistrictChange> {
  if (!Array.isArray(option)) throw new Error(`invalid districtChanges option: ${JSON.stringify(option)}`);
  const out = new Map<string, DistrictChange>();
  for (const c of option as DistrictChange[]) {
    if (typeof c !== 'object' || c === null || !GSS.test(c.oldCode) || !GSS.test(c.newCode)) {
      throw new Error(`invalid district change: ${JSON.stringify(c)}`);
    }
    out.set(c.oldCode, c);
  }
  return out;
}
