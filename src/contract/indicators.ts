// GET /api/v1/indicators[/{id}]: the indicators the store holds, and one for every area; and
// the headline indicators of an area profile.
import { z } from 'zod';
import { maybe } from './common.ts';
import { table } from './table.ts';

/** One published value with its 95% interval and status marker. */
export const IndicatorPoint = z
  .strictObject({
    areacd: z.string(),
    areanm: z.string(),
    value: maybe,
    lci95: maybe,
    uci95: maybe,
    status: z.string().nullable(),
  })
  .meta({ id: 'IndicatorPoint' });
export type IndicatorPoint = z.infer<typeof IndicatorPoint>;

/** A headline indicator of an area, with its region and the UK beside it. */
export const IndicatorValue = IndicatorPoint.extend({
  indicator: z.string(),
  label: z.string(),
  period: z.string(),
  unit: z.string(),
  source: z.string(),
  comparators: z.array(IndicatorPoint).meta({ description: 'region (or country) and UK at the same period' }),
  publishedAs: z
    .string()
    .optional()
    .meta({ description: 'the code the publisher used when it differs (ITL 2025 codes for the same area)' }),
  within: z
    .array(IndicatorPoint)
    .meta({ description: 'for ITL areas, where published only for local authorities: the LADs inside' }),
}).meta({ id: 'IndicatorValue' });
export type IndicatorValue = z.infer<typeof IndicatorValue>;

const text = z.string().nullable();

/** What the publisher says about an indicator: the Explore Local Statistics metadata sidecar. */
export const IndicatorMeta = z
  .strictObject({
    id: z.string(),
    dataset: z.string(),
    publishedName: z.string(),
    label: z.string(),
    subtitle: text,
    measure: text,
    unit: text,
    prefix: text,
    suffix: text,
    subText: text,
    decimalPlaces: maybe,
    sourceOrg: text,
    sourceURL: text,
    sourceDate: text,
    longDescription: text,
    caveats: text,
    experimental: z.boolean().nullable(),
    standardised: z.boolean().nullable(),
  })
  .meta({ id: 'IndicatorMeta' });

/** An indicator in the store, with its coverage and the publisher's metadata. */
export const IndicatorSummary = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    unit: z.string(),
    periods: z.array(z.string()),
    latest: z.string(),
    areas: z.number(),
    withIntervals: z.number(),
    source: z.string(),
    meta: IndicatorMeta.nullable(),
  })
  .meta({ id: 'IndicatorSummary' });
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

export const IndicatorList = z
  .strictObject({ indicators: z.array(IndicatorSummary) })
  .meta({ id: 'IndicatorList' });
export type IndicatorList = z.infer<typeof IndicatorList>;

export const indicatorListView = table(
  (l: IndicatorList) => l.indicators,
  [
    'id',
    'label',
    'unit',
    'latest',
    ['periods', (i) => i.periods.length],
    'areas',
    ['with_intervals', (i) => i.withIntervals],
    'source',
  ],
);

/** One indicator for every area at a period, with published limits and status markers. */
export const IndicatorValues = z
  .strictObject({
    indicator: z.string(),
    period: z.string(),
    periods: z.array(z.string()),
    rows: z.array(
      IndicatorPoint.extend({
        geography: z.string(),
        publishedAs: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'IndicatorValues' });
export type IndicatorValues = z.infer<typeof IndicatorValues>;

export const indicatorValuesView = table(
  (v: IndicatorValues) => v.rows,
  ['areacd', 'areanm', 'geography', 'value', 'lci95', 'uci95', 'status'],
);
