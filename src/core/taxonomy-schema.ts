// A layer taxonomy file's schema and checks: every SIC division in exactly one layer. Kept apart
// from core/taxonomy.ts so that reading a taxonomy already checked (workbench/taxonomies.ts)
// does not load the schema library.
import { z } from 'zod';
import { SIC_DIVISIONS } from './sic.ts';
import type { Taxonomy } from './taxonomy.ts';

const schema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  version: z.number().int().positive(),
  title: z.string().min(1),
  sources: z.array(z.string()).default([]),
  unit: z.string().optional(),
  note: z.string().optional(),
  layers: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
        name: z.string().min(1),
        description: z.string().default(''),
        divisions: z.array(z.string().regex(/^\d\d$/, 'two-digit SIC division')).min(1),
      }),
    )
    .min(2),
  rules: z
    .object({
      splitMixedCodes: z.literal('national-shares').default('national-shares'),
      imputedRent: z.enum(['exclude', 'include']).default('exclude'),
    })
    .default({ splitMixedCodes: 'national-shares', imputedRent: 'exclude' }),
});

/** Validates a taxonomy: every SIC division in exactly one layer, unique layer ids. */
export function parseTaxonomy(json: unknown, file = 'taxonomy'): Taxonomy {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const t = parsed.data;
  const owner = new Map<string, string>();
  const ids = new Set<string>();
  for (const layer of t.layers) {
    if (ids.has(layer.id)) throw new Error(`${file}: duplicate layer id: ${layer.id}`);
    ids.add(layer.id);
    for (const d of layer.divisions) {
      if (!SIC_DIVISIONS.includes(d))
        throw new Error(`${file}: layers.${layer.id}: unknown SIC division: ${d}`);
      const prior = owner.get(d);
      if (prior) throw new Error(`${file}: SIC division ${d} is in two layers: ${prior} and ${layer.id}`);
      owner.set(d, layer.id);
    }
  }
  const missing = SIC_DIVISIONS.filter((d) => !owner.has(d));
  if (missing.length) throw new Error(`${file}: SIC divisions in no layer: ${missing.join(', ')}`);
  return t as Taxonomy;
}
