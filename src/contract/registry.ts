// GET /api/v1/registry[/{id}], `strata indicators` and `strata indicator ID`: the indicator
// registry with the store's coverage, and one indicator for every area at a level, compared with
// its region and the nation and classified by its trend rule.
import { z } from 'zod';
import { BothLimits, ComparatorRef, maybe, Notes, Polarity, Trend, Verdict } from './common.ts';
import { table } from './table.ts';

/** A registry entry with what the store holds of it. */
export const RegistryRow = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    kind: z.enum(['published', 'derived', 'industry']),
    group: z.string(),
    unit: z.string(),
    polarity: Polarity,
    rationale: z.string(),
    levels: z.string().meta({ description: 'space-separated levels: lad cty rgn …' }),
    boundaries: z.string(),
    period: z.string(),
    first: z.string().nullable(),
    last: z.string().nullable(),
    areas: z.number(),
    interval: z.string(),
    trend: z.string(),
    source: z.string(),
    publisher: z.string(),
  })
  .meta({ id: 'RegistryRow' });
export type RegistryRow = z.infer<typeof RegistryRow>;

export const RegistryList = z
  .strictObject({ indicators: z.array(RegistryRow), limits: z.array(z.string()) })
  .meta({ id: 'RegistryList' });
export type RegistryList = z.infer<typeof RegistryList>;

export const REGISTRY_COLUMNS = [
  'id',
  'label',
  'kind',
  'group',
  'unit',
  'polarity',
  'rationale',
  'levels',
  'boundaries',
  'period',
  'first',
  'last',
  'areas',
  'interval',
  'trend',
  'source',
  'publisher',
] as const;

export const registryListView = table((l: RegistryList) => l.indicators, REGISTRY_COLUMNS);

/** An indicator's declared properties, as every beyond-GDP answer repeats them. */
export const IndicatorInfo = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    unit: z.string(),
    polarity: Polarity,
    rationale: z.string(),
    boundaries: z.array(z.string()),
    interval: z.string(),
    trendRule: z.string(),
    source: z.string(),
  })
  .meta({ id: 'IndicatorInfo' });
export type IndicatorInfo = z.infer<typeof IndicatorInfo>;

/** One value of an indicator: an area at a period, with limits at 95% and 99.8% where known. */
export const SeriesRow = z
  .strictObject({
    areacd: z.string(),
    areanm: z.string(),
    level: z.string(),
    period: z.string().meta({ description: 'as published (2025-04-30, 2023-01-01/P1Y, 2022)' }),
    year: z.number().meta({ description: 'the calendar year the period starts in' }),
    value: maybe,
    status: z.string().nullable(),
    ...BothLimits,
  })
  .meta({ id: 'SeriesRow' });
export type SeriesRow = z.infer<typeof SeriesRow>;

/** One area in an indicator table. */
export const TableRow = SeriesRow.extend({
  region: z.string().nullable(),
  vsNational: Verdict,
  vsRegion: Verdict,
  trend: Trend,
}).meta({ id: 'IndicatorTableRow' });
export type TableRow = z.infer<typeof TableRow>;

/** An indicator for every area at a level and period, with comparisons and trends. */
export const IndicatorTable = z
  .strictObject({
    indicator: IndicatorInfo,
    level: z.string(),
    period: z.string(),
    periods: z.array(z.string()),
    national: ComparatorRef.nullable(),
    regions: z.array(ComparatorRef),
    rows: z.array(TableRow),
    notes: Notes,
  })
  .meta({ id: 'IndicatorTable' });
export type IndicatorTable = z.infer<typeof IndicatorTable>;

export const indicatorTableView = table(
  (t: IndicatorTable) => t.rows,
  [
    'areacd',
    'areanm',
    'period',
    'value',
    'lci95',
    'uci95',
    'lci998',
    'uci998',
    'status',
    'region',
    ['vs_national_95', (r) => r.vsNational['95']],
    ['vs_national_998', (r) => r.vsNational['99.8']],
    ['vs_region_95', (r) => r.vsRegion['95']],
    ['vs_region_998', (r) => r.vsRegion['99.8']],
    ['trend', (r) => r.trend.status],
  ],
);

/** One area's values of an indicator over every period, with its limits and the nation's value beside each. */
export const IndicatorAreaSeries = z
  .strictObject({
    indicator: IndicatorInfo,
    areacd: z.string(),
    areanm: z.string(),
    level: z.string(),
    rows: z.array(
      SeriesRow.extend({
        national: maybe.meta({
          description: "the nation's value at the same period (null where not published)",
        }),
      }),
    ),
    notes: Notes,
  })
  .meta({ id: 'IndicatorAreaSeries' });
export type IndicatorAreaSeries = z.infer<typeof IndicatorAreaSeries>;

export const indicatorAreaSeriesView = table(
  (s: IndicatorAreaSeries) => s.rows,
  ['areacd', 'areanm', 'period', 'year', 'value', 'lci95', 'uci95', 'lci998', 'uci998', 'status', 'national'],
);
