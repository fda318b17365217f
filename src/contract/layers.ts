// GET /api/v1/layers and `strata layers`: value, share and location quotient by layer.
import { z } from 'zod';
import { LEVELS } from '../core/levels.ts';
import { Notes } from './common.ts';
import { MEASURES } from './layers-table.ts';

export { MEASURES, layerTableView, type LayerMeasure } from './layers-table.ts';

/** One row of a layer table. */
export const LayerRow = z
  .strictObject({
    areacd: z.string(),
    areanm: z.string(),
    year: z.number(),
    layer: z.string(),
    value: z.number().meta({
      description: 'in the measure unit (£ million for GVA, people for residents in employment)',
    }),
    share: z.number().meta({ description: 'share of the area total (imputed rental excluded)' }),
    lq: z.number().meta({ description: 'location quotient against the sum of all areas at this level' }),
  })
  .meta({ id: 'LayerRow' });
export type LayerRow = z.infer<typeof LayerRow>;

/** Every area at a level, by layer, for a year (or every year). */
export const LayerTable = z
  .strictObject({
    level: z.enum(LEVELS),
    measure: z.enum(MEASURES),
    taxonomy: z.string(),
    years: z.array(z.number()),
    source: z.string(),
    notes: Notes,
    rows: z.array(LayerRow),
  })
  .meta({ id: 'LayerTable' });
export type LayerTable = z.infer<typeof LayerTable>;
