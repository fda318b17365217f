// GET /api/v1/compare/{code} and `strata compare CODE`: an area against the nation, its region,
// a chosen set and its nearest neighbours, indicator by indicator.
import { z } from 'zod';
import { Notes, Trend, Verdict } from './common.ts';
import { IndicatorInfo, SeriesRow } from './registry.ts';
import { table, type Column } from './table.ts';

export const COMPARATOR_KINDS = ['national', 'region', 'set', 'nearest'] as const;

/** One comparator of one indicator, with its verdict at 95% and 99.8%. */
export const ComparatorResult = z
  .strictObject({
    kind: z.enum(COMPARATOR_KINDS),
    label: z.string(),
    areas: z.array(z.string()),
    value: z.number().nullable(),
    verdict: Verdict,
  })
  .meta({ id: 'ComparatorResult' });
export type ComparatorResult = z.infer<typeof ComparatorResult>;

/** One indicator for the area: its latest value with limits, comparators and trend. */
export const ComparisonRow = z
  .strictObject({
    indicator: IndicatorInfo,
    period: z.string(),
    area: SeriesRow,
    comparators: z.array(ComparatorResult),
    trend: Trend,
  })
  .meta({ id: 'ComparisonRow' });
export type ComparisonRow = z.infer<typeof ComparisonRow>;

export const AreaComparison = z
  .strictObject({
    areacd: z.string(),
    areanm: z.string(),
    level: z.string(),
    neighbours: z.array(z.strictObject({ area: z.string(), distance: z.number(), areanm: z.string() })),
    profile: z.array(z.string()),
    rows: z.array(ComparisonRow),
    notes: Notes,
  })
  .meta({ id: 'AreaComparison' });
export type AreaComparison = z.infer<typeof AreaComparison>;

// A value and two verdicts for each kind of comparator the comparison holds.
function comparatorColumns(c: AreaComparison): Column<ComparisonRow>[] {
  const kinds = COMPARATOR_KINDS.filter((k) => c.rows.some((r) => r.comparators.some((x) => x.kind === k)));
  const of = (r: ComparisonRow, k: string) => r.comparators.find((x) => x.kind === k);
  return kinds.flatMap((k): Column<ComparisonRow>[] => [
    [k, (r) => of(r, k)?.value ?? null],
    [`vs_${k}_95`, (r) => of(r, k)?.verdict['95'] ?? ''],
    [`vs_${k}_998`, (r) => of(r, k)?.verdict['99.8'] ?? ''],
  ]);
}

export const comparisonView = table(
  (c: AreaComparison) => c.rows,
  (c) => [
    ['indicator', (r) => r.indicator.id],
    ['unit', (r) => r.indicator.unit],
    'period',
    ['value', (r) => r.area.value],
    ['lci95', (r) => r.area.lci95],
    ['uci95', (r) => r.area.uci95],
    ...comparatorColumns(c),
    ['trend', (r) => r.trend.status],
  ],
);
