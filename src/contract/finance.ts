// POST /api/v1/finance/run, GET /api/v1/finance/examples[/{id}] and `strata finance run`: pension
// reforms, a national investment bank and citizens' wealth funds simulated against a baseline on
// the same random paths, as percentiles p5–p95 and the mean by policy, year, area and measure.
import { z } from 'zod';
import { UsageError } from '../core/errors.ts';
import { Notes } from './common.ts';
import { table } from './table.ts';

const Level = z.enum(['uk', 'itl3', 'lad']);
const UK = 'K02000001';

/** One row: a measure for a policy, year and area, as a fan of percentiles with the mean. */
export const FinanceRow = z
  .strictObject({
    policy: z.string(),
    year: z.number(),
    areacd: z.string(),
    level: Level,
    measure: z.string(),
    unit: z.string(),
    p05: z.number(),
    p10: z.number().nullable(),
    p25: z.number().nullable(),
    p50: z.number(),
    p75: z.number().nullable(),
    p90: z.number().nullable(),
    p95: z.number(),
    mean: z.number(),
  })
  .meta({
    id: 'FinanceRow',
    description:
      'For a probability the Monte Carlo estimate is p50 and mean, its 90% Wilson interval p05 and p95 (p10–p90 null)',
  });
export type FinanceRow = z.infer<typeof FinanceRow>;

/** One measure a run reports. */
export const FinanceMeasure = z
  .strictObject({
    policy: z.string(),
    measure: z.string(),
    unit: z.string(),
    additive: z.boolean().meta({ description: 'areas sum to the UK' }),
    probability: z.boolean(),
  })
  .meta({ id: 'FinanceMeasure' });
export type FinanceMeasure = z.infer<typeof FinanceMeasure>;

export const FinanceReport = z
  .strictObject({
    id: z.string(),
    title: z.string().nullable(),
    example: z.boolean(),
    paths: z.number(),
    seed: z.number(),
    horizon: z.number(),
    startYear: z.number(),
    years: z.array(z.number()),
    taxYear: z.string(),
    calibration: z.strictObject({
      id: z.string(),
      status: z.string(),
      description: z.string().nullable(),
      file: z.string(),
    }),
    policies: z.array(z.strictObject({ id: z.string(), kind: z.string(), title: z.string().nullable() })),
    measures: z.array(FinanceMeasure),
    areas: z.array(z.strictObject({ areacd: z.string(), areanm: z.string(), level: Level })),
    savers: z.strictObject({
      employees: z.number(),
      eligible: z.number(),
      savers: z.number(),
      contributions: z.number(),
      relief: z.number(),
      medianPay: z.number().nullable(),
    }),
    rows: z.array(FinanceRow),
    sources: z.array(z.string()),
    notes: Notes,
  })
  .meta({ id: 'FinanceReport' });
export type FinanceReport = z.infer<typeof FinanceReport>;

/** The CSV columns of a finance run, in order. */
export const FINANCE_CSV_COLUMNS = [
  'policy',
  'year',
  'areacd',
  'measure',
  'p05',
  'p50',
  'p95',
  'mean',
] as const;

/** A run as the documented CSV: policy, year, areacd, measure, p05, p50, p95, mean. */
export const financeView = table((r: FinanceReport) => r.rows, FINANCE_CSV_COLUMNS);

/** Every percentile with the level and unit (the fan charts' table). */
export const financeFanView = table(
  (r: FinanceReport) => r.rows,
  [
    'policy',
    'year',
    'areacd',
    'level',
    'measure',
    'unit',
    'p05',
    'p10',
    'p25',
    'p50',
    'p75',
    'p90',
    'p95',
    'mean',
  ],
);

/** A policy file as JSON (validated in full when run: errors name the path in the file). */
export const PolicyValue = z
  .record(z.string(), z.unknown())
  .meta({ id: 'FinancePolicy', description: 'a finance policy file as JSON (docs/methods/finance.md)' });

/** An example policy shipped with Strata (marked as an example: its parameters are illustrative). */
export const FinanceExample = z
  .strictObject({ id: z.string(), title: z.string().nullable(), file: z.string(), policy: PolicyValue })
  .meta({ id: 'FinanceExample' });
export type FinanceExample = z.infer<typeof FinanceExample>;

export const FinanceExamples = z
  .strictObject({ examples: z.array(FinanceExample) })
  .meta({ id: 'FinanceExamples' });
export type FinanceExamples = z.infer<typeof FinanceExamples>;

export const financeExamplesView = table(
  (l: FinanceExamples) => l.examples,
  [
    'id',
    'title',
    'file',
    [
      'policies',
      (e) => (e.policy['policies'] as { id: string }[] | undefined)?.map((p) => p.id).join(' ') ?? '',
    ],
  ],
);

/** Which rows of a run to send: the UK's always, and those of one area or of a level's areas (optionally some measures only). */
export interface RowSelection {
  level?: 'uk' | 'itl3' | 'lad' | 'all';
  area?: string;
  measure?: string;
}

/** A run with only the selected rows (the UK's rows keep every measure); an area without rows is a 404. */
export function selectRows(r: FinanceReport, s: RowSelection): FinanceReport {
  if (s.area && s.area !== UK && !r.areas.some((a) => a.areacd === s.area))
    throw new UsageError(`no rows for area ${s.area} in this run`, 'not_found', 404);
  const measures = s.measure ? new Set(s.measure.split(',')) : null;
  const level = s.area ? null : (s.level ?? 'uk');
  const shown = (x: FinanceRow) =>
    x.level === 'uk' ||
    ((s.area ? x.areacd === s.area : level === 'all' || x.level === level) &&
      (!measures || measures.has(x.measure)));
  return { ...r, rows: r.rows.filter(shown) };
}
