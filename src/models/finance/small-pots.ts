// Small-pot consolidation: deferred pots by size band, each left in its own scheme with a
// percentage charge and a flat annual fee (which eats small pots), against the same pots
// consolidated into one collective fund with a lower charge and a one-off cost per pot.
// Both are invested in the same fund on the same paths.
import { BLOCK, type MarketBlock } from './market.ts';
import { record, reportIndex, state, type Sink } from './sink.ts';

export interface SmallPotsPlan {
  fund: number;
  /** Pots by size band: how many, and their average size (£). */
  bands: { count: number; size: number }[];
  annualCharge: number;
  flatFee: number;
  consolidatedCharge: number;
  consolidationCost: number;
}

/** Series: the pots' total value (£) left alone, consolidated, and the difference. */
export const SMALL_POTS_SERIES = ['small_pots_baseline', 'small_pots', 'small_pots_change'] as const;

export function smallPotsKernel(plan: SmallPotsPlan, block: MarketBlock, sink: Sink): void {
  const { n, years } = block;
  const at = reportIndex(sink.report, years);
  const pots = plan.bands.map(() => state());
  const pooled = state();
  const left = state();
  const tmp = state();
  let start = 0;
  plan.bands.forEach((b, i) => {
    pots[i]!.fill(b.size, 0, n);
    start += b.count * Math.max(0, b.size - plan.consolidationCost);
  });
  pooled.fill(start, 0, n);
  for (let y = 0; y < years; y++) {
    const g = (plan.fund * years + y) * BLOCK;
    left.fill(0, 0, n);
    plan.bands.forEach((b, i) => {
      const v = pots[i]!;
      for (let k = 0; k < n; k++) {
        v[k] = Math.max(0, v[k]! * block.gross[g + k]! * (1 - plan.annualCharge) - plan.flatFee);
        left[k] += b.count * v[k]!;
      }
    });
    for (let k = 0; k < n; k++) pooled[k] = pooled[k]! * block.gross[g + k]! * (1 - plan.consolidatedCharge);
    const r = at[y]!;
    if (r < 0) continue;
    record(sink, 0, r, block.from, n, left);
    record(sink, 1, r, block.from, n, pooled);
    for (let k = 0; k < n; k++) tmp[k] = pooled[k]! - left[k]!;
    record(sink, 2, r, block.from, n, tmp);
  }
}
