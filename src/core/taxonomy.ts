import type { ResolvedIndustry } from './sic.ts';

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
