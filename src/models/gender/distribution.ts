// The gender lens (DESIGN.md: gender-centred industrial policy): employers' reported pay gaps
// mapped to layers through their SIC codes, and the distribution of the gaps in each group as
// weighted quantiles. An employer listing codes in several layers counts in each, with equal
// shares of its weight, so every employer weighs one in total.
import { resolveIndustry } from '../../core/sic.ts';
import { layerIndex, type Taxonomy } from '../../core/taxonomy.ts';

/** Employers the Government Equalities Office marks `1`: public-sector bodies, which list no SIC code. */
export const PUBLIC_SECTOR = 'public-sector-no-sic';
/** Employers whose codes resolve to no SIC division. */
export const UNCLASSIFIED = 'unclassified';

/** An employer's weight in each layer from its listed SIC codes (`1` is the public-sector marker, not a code). */
export function employerLayers(
  codes: readonly string[],
  taxonomy: Taxonomy,
  index = layerIndex(taxonomy),
): Map<string, number> {
  const real = codes.map((c) => c.trim()).filter((c) => c !== '' && c !== '1');
  const layers = real.map((c) => {
    const code = /^\d{4}$/.test(c) ? `0${c}` : c; // a leading zero lost by a spreadsheet
    try {
      const d = resolveIndustry(code).divisions;
      return d.length === 1 ? (index.get(d[0]!) ?? UNCLASSIFIED) : UNCLASSIFIED;
    } catch {
      return UNCLASSIFIED;
    }
  });
  const out = new Map<string, number>();
  if (layers.length === 0) {
    out.set(codes.some((c) => c.trim() === '1') ? PUBLIC_SECTOR : UNCLASSIFIED, 1);
    return out;
  }
  for (const l of layers) out.set(l, (out.get(l) ?? 0) + 1 / layers.length);
  return out;
}

/** A value with a weight. */
export interface Weighted {
  value: number;
  weight: number;
}

/** Summary of a weighted distribution of gaps (per cent; positive = men paid more). */
export interface Distribution {
  employers: number;
  weight: number;
  mean: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  /** Share of the weight with a gap above zero (men's pay higher). */
  shareMenPaidMore: number;
}

/** The p-quantile of a weighted sample sorted by value: the smallest value whose cumulative weight reaches p · total. */
export function weightedQuantile(sorted: readonly Weighted[], total: number, p: number): number {
  let c = 0;
  for (const x of sorted) {
    c += x.weight;
    if (c >= p * total - 1e-12 && c > 0) return x.value;
  }
  return sorted.at(-1)?.value ?? NaN;
}

/** Weighted mean, quantiles and the share of men paid more; null for an empty group. */
export function distribution(items: readonly Weighted[]): Distribution | null {
  const xs = items.filter((x) => Number.isFinite(x.value) && x.weight > 0).sort((a, b) => a.value - b.value);
  if (xs.length === 0) return null;
  const total = xs.reduce((s, x) => s + x.weight, 0);
  const q = (p: number) => weightedQuantile(xs, total, p);
  return {
    employers: xs.length,
    weight: total,
    mean: xs.reduce((s, x) => s + x.value * x.weight, 0) / total,
    p10: q(0.1),
    p25: q(0.25),
    median: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    shareMenPaidMore: xs.reduce((s, x) => s + (x.value > 0 ? x.weight : 0), 0) / total,
  };
}
