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
    notes: Notes,
  })
  .meta({ id: 'AreaProfile' });
export type AreaProfile = z.infer<typeof AreaProfile>;

/** A profile as a table: its layer rows (what `strata area --format csv` writes). */
export const areaProfileView = table(
  (p: AreaProfile) => p.layers.rows,
  ['areacd', 'areanm', 'year', 'layer', 'value', 'share', 'lq'],
);
