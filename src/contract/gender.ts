// GET /api/v1/gender and `strata gender`: local pay gaps (suppressed values kept as suppressed),
// employers' reported gaps by layer and size, ASHE industry gaps by layer.
import { z } from 'zod';
import { maybe, Notes } from './common.ts';
import { table } from './table.ts';

/** A local pay gap: a value, or the publisher's marker when it is suppressed. */
export const LocalGap = z
  .strictObject({
    areacd: z.string(),
    areanm: z.string(),
    basis: z.enum(['workplace', 'residence']),
    statistic: z.enum(['median', 'mean']),
    pattern: z.enum(['all', 'full-time', 'part-time']),
    value: maybe,
    status: z.string().nullable(),
    national: maybe,
  })
  .meta({ id: 'LocalGap' });
export type LocalGap = z.infer<typeof LocalGap>;

/** Weighted quantiles of employers' gaps in a group (a layer, or a layer and size band). */
export const GapDistribution = z
  .strictObject({
    layer: z.string(),
    size: z.string(),
    employers: z.number(),
    weight: z.number(),
    mean: z.number(),
    p10: z.number(),
    p25: z.number(),
    median: z.number(),
    p75: z.number(),
    p90: z.number(),
    shareMenPaidMore: z.number().meta({ description: 'share of the weight with a gap above zero' }),
  })
  .meta({ id: 'GapDistribution' });
export type GapDistribution = z.infer<typeof GapDistribution>;

export const IndustryGap = z
  .strictObject({
    layer: z.string(),
    industry: z.string(),
    name: z.string(),
    value: maybe,
    status: z.string().nullable(),
  })
  .meta({ id: 'IndustryGap' });

export const GenderReport = z
  .strictObject({
    local: z.strictObject({ period: z.string(), source: z.string(), rows: z.array(LocalGap) }),
    employers: z.strictObject({
      period: z.string(),
      statistic: z.enum(['median', 'mean']),
      source: z.string(),
      taxonomy: z.string(),
      byLayer: z.array(GapDistribution),
      byLayerAndSize: z.array(GapDistribution),
      partial: z.boolean(),
    }),
    industries: z.array(IndustryGap),
    notes: Notes,
  })
  .meta({ id: 'GenderReport' });
export type GenderReport = z.infer<typeof GenderReport>;

export const GENDER_VIEWS = ['layers', 'sizes', 'local', 'industries'] as const;

const DISTRIBUTION = [
  'layer',
  'size',
  'employers',
  'weight',
  'mean',
  'p10',
  'p25',
  'median',
  'p75',
  'p90',
  ['share_men_paid_more', (d: GapDistribution) => d.shareMenPaidMore],
] as const;

/** The tables of the gender lens: employers by layer, by layer and size, local gaps, ASHE industries. */
export const genderViews = {
  layers: table((r: GenderReport) => r.employers.byLayer, DISTRIBUTION),
  sizes: table((r: GenderReport) => r.employers.byLayerAndSize, DISTRIBUTION),
  local: table(
    (r: GenderReport) => r.local.rows,
    ['areacd', 'areanm', 'basis', 'statistic', 'pattern', 'value', 'status', 'national'],
  ),
  industries: table((r: GenderReport) => r.industries, ['layer', 'industry', 'name', 'value', 'status']),
};
