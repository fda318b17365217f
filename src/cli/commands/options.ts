// Options the analysis commands share, and parsing them: the value choices (registry, taxonomy),
// lists, numbers, and years shown as text in tables.
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';

/** Adds `--registry FILE` and `--taxonomy FILE`, the value choices every beyond-GDP command reads. */
export function withChoices(cmd: Command): Command {
  return cmd
    .option('--registry <file>', 'an indicator registry file (default data/indicators/registry.yaml)')
    .option(
      '--taxonomy <file>',
      'a layer taxonomy JSON file for derived indicators (default foundational-economy-v1)',
    );
}

/** A comma-separated list option: `E06000001,E06000002`. */
export function listOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`empty list: ${JSON.stringify(value)}`);
  return items;
}

/** A whole number option within bounds. */
export function intOf(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`invalid ${name}: ${value} (a whole number ${min}–${max})`);
  return n;
}

/** A number option (undefined when not given). */
export function numberOf(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`invalid ${name}: ${v}`);
  return n;
}

/** One of a list of names (a usage error naming the value and the choices otherwise). */
export function oneOf<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(
      `invalid ${name}: ${value} (${choices.slice(0, -1).join(', ')} or ${choices.at(-1)})`,
    );
  return value as T;
}

/** An area code as typed: trimmed, upper case. */
export function codeOf(value: string): string {
  return value.trim().toUpperCase();
}

/** Rounds for reading; CSV and JSON keep full precision. */
export function round(x: number | null | undefined, digits = 1): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

/** Year columns as text in a table, so 2023 is not printed as 2,023 (CSV and JSON keep numbers). */
export function yearsAsText<T extends Record<string, unknown>>(
  rows: T[],
  columns: string[],
  table: boolean,
): T[] {
  if (!table) return rows;
  return rows.map((r) => {
    const out: Record<string, unknown> = { ...r };
    for (const c of columns) if (typeof out[c] === 'number') out[c] = String(out[c]);
    return out as T;
  });
}
