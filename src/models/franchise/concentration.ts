// How concentrated a body's spend is across suppliers (METHODS.md §2): the top-10 share and
// the Herfindahl index over supplier shares of positive net spend.

export interface Concentration {
  suppliers: number;
  /** Share of positive net spend with the ten largest suppliers. */
  top10Share: number | null;
  /** Σ s², s = each supplier's share of positive net spend (1/n for n equal suppliers, 1 for one). */
  herfindahl: number | null;
  /** Suppliers whose net spend is zero or negative (credits exceed payments), left out of the shares. */
  nonPositive: number;
}

/** Concentration of net pence by supplier; suppliers with net ≤ 0 have no share. */
export function concentration(pence: readonly number[]): Concentration {
  const pos = pence.filter((p) => p > 0).sort((a, b) => b - a);
  const total = pos.reduce((s, p) => s + p, 0);
  if (total === 0) return { suppliers: 0, top10Share: null, herfindahl: null, nonPositive: pence.length };
  let hhi = 0;
  for (const p of pos) hhi += (p / total) ** 2;
  const top = pos.slice(0, 10).reduce((s, p) => s + p, 0);
  return {
    suppliers: pos.length,
    top10Share: top / total,
    herfindahl: hhi,
    nonPositive: pence.length - pos.length,
  };
}
