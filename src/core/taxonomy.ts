import { z } from 'zod';
import { SIC_DIVISIONS, type ResolvedIndustry } from './sic.ts';

/** A layer taxonomy: a value choice kept as data (METHODS.md §1), e.g. `foundational-economy-v1`. */
export interface Taxonomy {
  id: string;
  version: number;
  title: string;
  sources: string[];
  layers: { id: string; name: string; description: string; divisions: string[] }[];
  rules: {
    /** How a published code spanning layers is split: by national shares of the same measure. */
    splitMixedCodes: 'national-shares';
    /** Owner-occupiers' imputed rental: kept out of layer shares (`exclude`) or counted in its layer (`include`). */
    imputedRent: 'exclude' | 'include';
  };
}

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

/** Division → layer id lookup for a taxonomy. */
export function layerIndex(t: Taxonomy): Map<string, string> {
  const m = new Map<string, string>();
  for (const layer of t.layers) for (const d of layer.divisions) m.set(d, layer.id);
  return m;
}

/** The layers a resolved industry code falls in, each with the divisions it holds there. */
export function layersOf(resolved: ResolvedIndustry, index: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of resolved.divisions) {
    const layer = index.get(d);
    if (!layer) throw new Error(`SIC division in no layer: ${d}`);
    const list = out.get(layer) ?? [];
    list.push(d);
    out.set(layer, list);
  }
  return out;
}

/** Throws on an unknown layer id, naming it and the layers that exist. */
export function requireLayer(t: Taxonomy, id: string): void {
  if (!t.layers.some((l) => l.id === id)) {
    throw new Error(`unknown layer: ${id} (taxonomy ${t.id} has ${t.layers.map((l) => l.id).join(', ')})`);
  }
}
