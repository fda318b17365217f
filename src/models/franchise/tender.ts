// Tender scoring with published weights (METHODS.md §7). Social value must carry at least the
// weight PPN 002 sets (10 %), by default; prices are scored by a named method.

export interface Criterion {
  id: string;
  name: string;
  /** Weight as a share of 1; the weights of a tender sum to 1. */
  weight: number;
  /** `price` is scored from the bids' prices; the others from the evaluators' 0–100 marks. */
  kind: 'price' | 'quality' | 'social-value';
}

export interface Bid {
  bidder: string;
  /** Price in pence. */
  price: number;
  /** Evaluators' marks, 0–100, by criterion id (every non-price criterion). */
  marks: Record<string, number>;
}

export const PRICE_METHODS = ['relative', 'linear'] as const;
export type PriceMethod = (typeof PRICE_METHODS)[number];

export interface TenderOptions {
  priceMethod?: PriceMethod;
  /** The least social-value weight allowed; PPN 002: 0.10. */
  minSocialValue?: number;
}

export interface ScoredBid {
  bidder: string;
  rank: number;
  total: number;
  byCriterion: Record<string, { mark: number; weighted: number }>;
}

/** `relative`: 100 × lowest / price; `linear`: 100 × (1 − (price − lowest) / lowest), at least 0. */
function priceMark(method: PriceMethod): (price: number, lowest: number) => number {
  switch (method) {
    case 'relative':
      return (p, low) => (100 * low) / p;
    case 'linear':
      return (p, low) => Math.max(0, 100 * (1 - (p - low) / low));
    default:
      throw new Error(`invalid price method: ${method as string}`);
  }
}

/** Checks the published weights: positive, summing to 1, social value at least the minimum, one price criterion at most. */
export function checkWeights(criteria: readonly Criterion[], minSocialValue = 0.1): void {
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (criteria.some((c) => !(c.weight > 0))) throw new Error('invalid weights: every weight must be above 0');
  if (Math.abs(sum - 1) > 1e-9) throw new Error(`invalid weights: they sum to ${sum}, not 1`);
  const social = criteria.filter((c) => c.kind === 'social-value').reduce((s, c) => s + c.weight, 0);
  if (social < minSocialValue - 1e-12)
    throw new Error(
      `invalid weights: social value ${(100 * social).toFixed(1)}%, below the ${(100 * minSocialValue).toFixed(0)}% PPN 002 minimum`,
    );
  if (criteria.filter((c) => c.kind === 'price').length > 1)
    throw new Error('invalid weights: more than one price criterion');
}

/** Scores and ranks bids (ties share a rank, listed by bidder). */
export function scoreTender(
  criteria: readonly Criterion[],
  bids: readonly Bid[],
  opts: TenderOptions = {},
): ScoredBid[] {
  checkWeights(criteria, opts.minSocialValue ?? 0.1);
  const mark = priceMark(opts.priceMethod ?? 'relative');
  for (const b of bids) if (!(b.price > 0)) throw new Error(`invalid price for ${b.bidder}: ${b.price}`);
  const lowest = Math.min(...bids.map((b) => b.price));
  const scored = bids.map((b) => {
    const byCriterion: ScoredBid['byCriterion'] = {};
    let total = 0;
    for (const c of criteria) {
      const m = c.kind === 'price' ? mark(b.price, lowest) : b.marks[c.id];
      if (m === undefined || !(m >= 0 && m <= 100))
        throw new Error(`invalid mark for ${b.bidder}, ${c.id}: ${m}`);
      byCriterion[c.id] = { mark: m, weighted: m * c.weight };
      total += m * c.weight;
    }
    return { bidder: b.bidder, rank: 0, total, byCriterion };
  });
  scored.sort((a, b) => b.total - a.total || a.bidder.localeCompare(b.bidder));
  scored.forEach(
    (s, i) =>
      (s.rank = i > 0 && Math.abs(s.total - scored[i - 1]!.total) < 1e-9 ? scored[i - 1]!.rank : i + 1),
  );
  return scored;
}
