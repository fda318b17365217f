import { resolveIndustry } from '../../core/sic.ts';
import { layerIndex, layersOf, type Taxonomy } from '../../core/taxonomy.ts';

/** How each published industry code maps to layers: a weight per layer, rows summing to 1 (or 0 if excluded). */
export interface LayerWeights {
  taxonomy: string;
  layers: string[];
  industries: string[];
  /** industries × layers, row-major. */
  weights: Float64Array;
  /** Human-readable notes: every code split across layers, and every code excluded, with the basis. */
  notes: string[];
}

/**
 * National values by SIC division of the same measure, used to split codes that span two
 * layers (METHODS.md §1), with a label naming the basis (e.g. `ONS IOAT 2019 GVA`).
 */
export interface SplitBasis {
  label: string;
  byDivision: Map<string, number>;
}

/**
 * Maps published codes to layers. A code wholly inside one layer goes there; a code spanning
 * layers is split by the national shares of its divisions in `basis`; imputed rental is
 * excluded when the taxonomy says so.
 */
export function layerWeights(
  industries: string[],
  taxonomy: Taxonomy,
  basis: SplitBasis | null,
): LayerWeights {
  const layers = taxonomy.layers.map((l) => l.id);
  const index = layerIndex(taxonomy);
  const weights = new Float64Array(industries.length * layers.length);
  const notes: string[] = [];
  industries.forEach((code, i) => {
    const resolved = resolveIndustry(code);
    if (resolved.imputedRent && taxonomy.rules.imputedRent === 'exclude') {
      notes.push(`${code}: owner-occupiers' imputed rental excluded from layer totals (not market activity)`);
      return;
    }
    const parts = layersOf(resolved, index);
    if (parts.size === 1) {
      weights[i * layers.length + layers.indexOf([...parts.keys()][0]!)] = 1;
      return;
    }
    if (!basis)
      throw new Error(`no national shares to split ${code} across ${[...parts.keys()].join(' and ')}`);
    const totals = [...parts].map(
      ([layer, divs]) => [layer, divs.reduce((s, d) => s + (basis.byDivision.get(d) ?? 0), 0)] as const,
    );
    const sum = totals.reduce((s, [, v]) => s + v, 0);
    if (!(sum > 0)) throw new Error(`national shares for ${code} are all zero in ${basis.label}`);
    for (const [layer, v] of totals) weights[i * layers.length + layers.indexOf(layer)] = v / sum;
    notes.push(
      `${code}: split by national shares (${basis.label}): ` +
        totals.map(([layer, v]) => `${layer} ${(v / sum).toFixed(3)}`).join(', '),
    );
  });
  return { taxonomy: taxonomy.id, layers, industries, weights, notes };
}
