// GET /api/v1/areas[/{code}] and `strata area CODE`: the area list, and one area's profile.
import { z } from 'zod';
import { AreaRef, Notes } from './common.ts';
import { IndicatorValue } from './indicators.ts';
import { LayerRow } from './layers.ts';
import { table } from './table.ts';

/** An area as the list shows it: names, level, validity years, its parents at the analysis levels. */
export const AreaListItem = AreaRef.extend({
  start: z.number().nullable().meta({ description: 'first year the code is valid (boundary vintage)' }),
  end: z.number().nullable().meta({ description: 'last year the code is valid' }),
  parents: z
    .array(z.string())
    .meta({ description: 'parent ITL3 (for LADs) or next ITL level up, 2023 lookup' }),
}).meta({ id: 'AreaListItem' });
export type AreaListItem = z.infer<typeof AreaListItem>;

export const AreaList = z.strictObject({ areas: z.array(AreaListItem) }).meta({ id: 'AreaList' });
export type AreaList = z.infer<typeof AreaList>;

export const areaListView = table(
  (l: AreaList) => l.areas,
  ['areacd', 'areanm', 'level', 'start', 'end', 'parents'],
);

/** A published industry with a high location quotient, with the £m it rests on. */
export const Specialisation = z
  .strictObject({
    industry: z.string(),
    name: z.string(),
    value: z.number(),
    share: z.number(),
    lq: z.number(),
    layers: z.array(z.string()),
  })
  .meta({ id: 'Specialisation' });
export type Specialisation = z.infer<typeof Specialisation>;

/** Real growth of a layer: chain-linked volume index by year and growth rates. */
export const GrowthLayer = z
  .strictObject({
    layer: z.string(),
    index: z.array(z.number()),
    lastYear: z.number(),
    fiveYearAnnual: z.number(),
    sinceStart: z.number(),
  })
  .meta({ id: 'GrowthLayer' });
export type GrowthLayer = z.infer<typeof GrowthLayer>;

/** An industry's part in a layer's real growth since the first year (points as a ratio: 0.5 is 50 points). */
export const GrowthContribution = z
  .strictObject({
    industry: z.string(),
    name: z.string(),
    contribution: z.number(),
    priceChange: z
      .number()
      .nullable()
      .meta({ description: 'implied price change (cp ÷ cvm), first year to last' }),
    split: z.boolean().meta({ description: 'split into layers by national shares' }),
  })
  .meta({ id: 'GrowthContribution' });
export type GrowthContribution = z.infer<typeof GrowthContribution>;

/** A figure flagged by the declared rule: far outside its peers, or resting on a split by national shares. */
export const ProfileFlag = z
  .strictObject({
    layer: z.string(),
    kind: z.enum(['outside-peers', 'national-split']),
    measure: z.enum(['share', 'real growth']),
    value: z.number(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    peers: z.number().nullable(),
    reason: z.string(),
  })
  .meta({ id: 'ProfileFlag' });
export type ProfileFlag = z.infer<typeof ProfileFlag>;

/** What explains the extreme figures of a profile. */
export const ProfileExplain = z
  .strictObject({
    contributions: z.array(
      z.strictObject({
        layer: z.string(),
        sinceStart: z.number().nullable(),
        industries: z
          .array(GrowthContribution)
          .meta({ description: 'every industry, largest part first; they add up to sinceStart' }),
      }),
    ),
    rule: z.strictObject({
      description: z.string(),
      k: z.number(),
      splitGrowth: z.number(),
      splitValue: z.number(),
    }),
    flags: z.array(ProfileFlag),
    releases: z
      .array(z.string())
      .meta({ description: 'where this area and the one around it come from different releases' }),
  })
  .meta({ id: 'ProfileExplain' });
export type ProfileExplain = z.infer<typeof ProfileExplain>;

/** Everything `strata area CODE` and `GET /api/v1/areas/{code}` show about one place. */
export const AreaProfile = z
  .strictObject({
    area: AreaRef.extend({
      parents: z.array(AreaRef),
      region: AreaRef.nullable(),
      lads: z.array(AreaRef),
    }),
    taxonomy: z.string(),
    layers: z
      .strictObject({
        measure: z.literal('gva_cp'),
        unit: z.literal('£ million'),
        source: z.string(),
        years: z.array(z.number()),
        rows: z.array(LayerRow),
      })
      .meta({ description: 'GVA at current prices by layer, every year: value, share, LQ' }),
    specialisations: z.strictObject({ year: z.number(), rows: z.array(Specialisation) }),
    growth: z.strictObject({ source: z.string(), years: z.array(z.number()), layers: z.array(GrowthLayer) }),
    indicators: z.array(IndicatorValue),
    explain: ProfileExplain,
    notes: Notes,
  })
  .meta({ id: 'AreaProfile' });
export type AreaProfile = z.infer<typeof AreaProfile>;

/** A profile as a table: its layer rows (what `strata area --format csv` writes). */
export const areaProfileView = table(
  (p: AreaProfile) => p.layers.rows,
  ['areacd', 'areanm', 'year', 'layer', 'value', 'share', 'lq'],
);

/** One figure of a profile in the long form every section shares. */
interface ProfileLine {
  section: 'layers' | 'specialisations' | 'growth' | 'indicators';
  item: string;
  name: string;
  period: string;
  measure: string;
  value: number | null;
  unit: string;
  lci95: number | null;
  uci95: number | null;
  source: string;
}

const line = (
  l: Partial<ProfileLine> &
    Pick<ProfileLine, 'section' | 'item' | 'period' | 'measure' | 'value' | 'unit' | 'source'>,
): ProfileLine => ({
  name: l.item,
  lci95: null,
  uci95: null,
  ...l,
});

/** Every section of a profile as lines: layers, specialisations, real growth, headline indicators with comparators. */
export function profileLines(p: AreaProfile): ProfileLine[] {
  const gva = p.layers.source;
  const out: ProfileLine[] = [];
  for (const r of p.layers.rows) {
    const at = { section: 'layers' as const, item: r.layer, period: String(r.year), source: gva };
    out.push(line({ ...at, measure: 'gva', value: r.value, unit: '£ million' }));
    out.push(line({ ...at, measure: 'share', value: r.share, unit: 'ratio' }));
    out.push(line({ ...at, measure: 'lq', value: r.lq, unit: 'ratio' }));
  }
  for (const r of p.specialisations.rows) {
    const at = {
      section: 'specialisations' as const,
      item: r.industry,
      name: r.name,
      period: String(p.specialisations.year),
      source: gva,
    };
    out.push(line({ ...at, measure: 'gva', value: r.value, unit: '£ million' }));
    out.push(line({ ...at, measure: 'share', value: r.share, unit: 'ratio' }));
    out.push(line({ ...at, measure: 'lq', value: r.lq, unit: 'ratio' }));
  }
  const g = p.growth;
  const span = `${g.years[0]}-${g.years.at(-1)}`;
  for (const l of g.layers) {
    const at = { section: 'growth' as const, item: l.layer, source: g.source };
    l.index.forEach((v, k) =>
      out.push(
        line({
          ...at,
          period: String(g.years[k]),
          measure: 'volume index',
          value: v,
          unit: `${g.years[0]} = 100`,
        }),
      ),
    );
    out.push(
      line({
        ...at,
        period: String(g.years.at(-1)),
        measure: 'growth in the last year',
        value: l.lastYear,
        unit: 'ratio',
      }),
    );
    out.push(
      line({
        ...at,
        period: `${g.years.at(-6)}-${g.years.at(-1)}`,
        measure: 'annual growth over five years',
        value: l.fiveYearAnnual,
        unit: 'ratio',
      }),
    );
    out.push(
      line({ ...at, period: span, measure: 'growth since the start', value: l.sinceStart, unit: 'ratio' }),
    );
  }
  for (const i of p.indicators) {
    const at = {
      section: 'indicators' as const,
      item: i.indicator,
      name: i.label,
      period: i.period,
      unit: i.unit,
      source: i.source,
    };
    out.push(line({ ...at, measure: i.areanm, value: i.value, lci95: i.lci95, uci95: i.uci95 }));
    for (const c of i.comparators)
      out.push(line({ ...at, measure: c.areanm, value: c.value, lci95: c.lci95, uci95: c.uci95 }));
  }
  return out;
}

/** A profile's every section in one long table (what `strata area --format csv` writes). */
export const areaProfileAllView = table(profileLines, [
  'section',
  'item',
  'name',
  'period',
  'measure',
  'value',
  'unit',
  'lci95',
  'uci95',
  'source',
]);

/** One section of a profile as its own table (`strata area --view`). */
export const areaProfileViews = {
  all: areaProfileAllView,
  layers: areaProfileView,
  specialisations: table(
    (p: AreaProfile) => p.specialisations.rows.map((r) => ({ year: p.specialisations.year, ...r })),
    ['year', 'industry', 'name', 'value', 'share', 'lq', ['layers', (r) => r.layers.join(' + ')]],
  ),
  growth: table(
    (p: AreaProfile) => p.growth.layers,
    (p) => [
      'layer',
      ...p.growth.years.map((y, k) => [`index_${y}`, (l: GrowthLayer) => l.index[k]] as const),
      'lastYear',
      'fiveYearAnnual',
      'sinceStart',
    ],
  ),
  indicators: table(
    (p: AreaProfile) => p.indicators,
    [
      'indicator',
      'label',
      'period',
      'unit',
      'value',
      'lci95',
      'uci95',
      'status',
      ['comparators', (i) => i.comparators.map((c) => `${c.areanm}: ${c.value ?? ''}`).join('; ')],
      'source',
    ],
  ),
} as const;
export type AreaProfileSection = keyof typeof areaProfileViews;
