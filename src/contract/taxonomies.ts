// GET /api/v1/taxonomies[/{id}]: the built-in layer taxonomies (a value choice kept as data).
import { z } from 'zod';

export const TaxonomyList = z.strictObject({ taxonomies: z.array(z.string()) }).meta({ id: 'TaxonomyList' });
export type TaxonomyList = z.infer<typeof TaxonomyList>;

export const TaxonomyInfo = z
  .strictObject({
    id: z.string(),
    version: z.number(),
    title: z.string(),
    sources: z.array(z.string()),
    layers: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        description: z.string(),
        divisions: z.array(z.string()).meta({ description: 'two-digit SIC 2007 divisions in the layer' }),
      }),
    ),
    rules: z.strictObject({ splitMixedCodes: z.string(), imputedRent: z.string() }),
  })
  .meta({ id: 'Taxonomy' });
export type TaxonomyInfo = z.infer<typeof TaxonomyInfo>;
