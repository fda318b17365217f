// Emissions intensity of a supplier's industry: the ONS greenhouse gas intensity (thousand
// tonnes CO2e per £ million GVA) of the finest published industry that holds each SIC division
// whole, weighted by the supplier's division shares.

/** One published intensity: its code resolved to the divisions it covers. */
export interface PublishedIntensity {
  code: string;
  divisions: string[];
  /** True when the code covers part of a division (`10.2-3`) or excludes part (`33 (not 33.15-16)`). */
  partial: boolean;
  value: number | null;
}

/**
 * Division → intensity: a published group covering the division whole and nothing else first,
 * then the smallest whole group that holds it (`58-60`), then its section (a one-letter code).
 */
export function divisionIntensity(
  rows: readonly PublishedIntensity[],
): Map<string, { value: number; code: string }> {
  const out = new Map<string, { value: number; code: string; size: number }>();
  for (const r of rows) {
    if (r.value === null || r.partial || r.code === 'Total') continue;
    // A section letter ranks after any group, however many divisions the group spans.
    const size = /^[A-U]$/.test(r.code) ? 1000 + r.divisions.length : r.divisions.length;
    for (const d of r.divisions) {
      const had = out.get(d);
      if (!had || size < had.size) out.set(d, { value: r.value, code: r.code, size });
    }
  }
  return new Map([...out].map(([d, { value, code }]) => [d, { value, code }]));
}

/** Weighted intensity of a supplier's divisions; null when none has a published value. */
export function supplierIntensity(
  shares: ReadonlyMap<string, number>,
  byDivision: ReadonlyMap<string, { value: number }>,
): number | null {
  let w = 0;
  let v = 0;
  for (const [d, s] of shares) {
    const hit = byDivision.get(d);
    if (!hit) continue;
    w += s;
    v += s * hit.value;
  }
  return w === 0 ? null : v / w;
}
