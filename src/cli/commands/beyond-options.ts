import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { DEFAULT_REGISTRY, loadRegistry, loadTaxonomy, type Registry } from '../../workbench.ts';

/** Adds `--registry FILE` and `--taxonomy FILE`, the value choices every beyond-GDP command reads. */
export function withChoices(cmd: Command): Command {
  return cmd
    .option('--registry <file>', 'an indicator registry file (default data/indicators/registry.yaml)')
    .option(
      '--taxonomy <file>',
      'a layer taxonomy JSON file for derived indicators (default foundational-economy-v1)',
    );
}

/** The registry and taxonomy the options name. */
export function choices(opts: { registry?: string; taxonomy?: string }) {
  const registry: Registry = loadRegistry(opts.registry ?? DEFAULT_REGISTRY);
  return { registry, taxonomy: loadTaxonomy(opts.taxonomy) };
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

/** Writes notes to stderr, one a line, so piped CSV stays clean. */
export function notes(lines: readonly string[]): void {
  for (const line of lines) process.stderr.write(`note: ${line}\n`);
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
