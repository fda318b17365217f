// The input–output view of what stays (METHODS.md §3): spend in each industry weighted by the
// area's regional output multiplier for that industry (Type I: supply chains; Type II: also
// the wages re-spent). Assumes fixed technical coefficients, FLQ-regionalised local supply,
// and (Type II) that households spend extra income as they spend on average.

export interface RegionalMultipliers {
  codes: readonly string[];
  type1: ArrayLike<number>;
  type2: ArrayLike<number>;
}

export interface IoRetention {
  /** Pence placed in an industry the model has. */
  placed: number;
  /** Spend-weighted Type I and Type II output multipliers (null when nothing is placed). */
  type1: number | null;
  type2: number | null;
  byIndustry: { industry: string; pence: number; type1: number; type2: number }[];
}

/** Weighted multipliers of spend by IOAT industry; an industry the model lacks is refused by name. */
export function ioRetention(spend: ReadonlyMap<string, number>, m: RegionalMultipliers): IoRetention {
  const at = new Map(m.codes.map((c, i) => [c, i]));
  let placed = 0;
  let w1 = 0;
  let w2 = 0;
  const byIndustry: IoRetention['byIndustry'] = [];
  for (const [industry, pence] of spend) {
    const i = at.get(industry);
    if (i === undefined) throw new Error(`invalid industry: ${industry} (not in the input-output table)`);
    if (!(pence > 0)) continue;
    const [t1, t2] = [m.type1[i]!, m.type2[i]!];
    if (!Number.isFinite(t1) || !Number.isFinite(t2)) continue;
    placed += pence;
    w1 += pence * t1;
    w2 += pence * t2;
    byIndustry.push({ industry, pence, type1: t1, type2: t2 });
  }
  byIndustry.sort((a, b) => b.pence - a.pence);
  return {
    placed,
    type1: placed === 0 ? null : w1 / placed,
    type2: placed === 0 ? null : w2 / placed,
    byIndustry,
  };
}
