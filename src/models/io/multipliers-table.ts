import type { Effect, Multipliers } from './multipliers.ts';

/** One row of the multipliers table (CSV/JSON): numbers, or null where a ratio is undefined. */
export type MultiplierRow = Record<string, string | number | null>;

/** The headline columns, in order; each also has `_low`/`_high` when a δ band is given. */
export const HEADLINE_COLUMNS = [
  'output',
  'gva_type1',
  'compensation_type1',
  'employment_type1',
  'output_type2',
  'gva_type2',
  'compensation_type2',
  'employment_type2',
] as const;

const SPLITS = ['direct', 'indirect', 'induced'] as const;

/**
 * Rows `industry,name,output,gva_type1,…,employment_type2`, then the effects per £1 of final
 * demand split `<factor>_direct|_indirect|_induced` (employment per £1m), then the δ band.
 */
export function multipliersTable(
  m: Multipliers,
  band?: { low: Multipliers; high: Multipliers },
): MultiplierRow[] {
  return m.codes.map((code, j) => {
    const row: MultiplierRow = { industry: code, name: m.names[j] ?? '' };
    Object.assign(row, headline(m, j));
    for (const [factor, e] of factors(m)) for (const s of SPLITS) row[`${factor}_${s}`] = num(e?.[s][j]);
    if (band) {
      const lo = headline(band.low, j);
      const hi = headline(band.high, j);
      for (const c of HEADLINE_COLUMNS) {
        // A larger δ gives smaller regional coefficients, so the ends may come either way round.
        row[`${c}_low`] = minOf(lo[c], hi[c]);
        row[`${c}_high`] = maxOf(lo[c], hi[c]);
      }
    }
    return row;
  });
}

function factors(m: Multipliers): [string, Effect | null][] {
  return [
    ['output', m.output],
    ['gva', m.gva],
    ['compensation', m.compensation],
    ['employment', m.employment],
  ];
}

function headline(m: Multipliers, j: number): Record<(typeof HEADLINE_COLUMNS)[number], number | null> {
  return {
    output: num(m.output.total1[j]),
    gva_type1: num(m.gva.type1[j]),
    compensation_type1: num(m.compensation.type1[j]),
    employment_type1: num(m.employment?.type1[j]),
    output_type2: num(m.output.total2[j]),
    gva_type2: num(m.gva.type2[j]),
    compensation_type2: num(m.compensation.type2[j]),
    employment_type2: num(m.employment?.type2[j]),
  };
}

function num(v: number | undefined): number | null {
  return v === undefined || !Number.isFinite(v) ? null : v;
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(a, b);
}
