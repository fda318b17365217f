// Infrastructure bonds bought by pension schemes. Local authorities issue bonds each year for
// the issuing years, at the gilt yield plus a spread, repaying 1/term of what is outstanding
// each year (a declining balance); a share of the outstanding bonds defaults each year by the one-factor model, losing
// LGD of its value. Recorded: bonds outstanding, the year's losses, cumulative losses, and the
// investors' realised real return (coupon less losses, over the outstanding amount).
import { BLOCK, type MarketBlock } from './market.ts';
import { record, reportIndex, state, type Sink } from './sink.ts';
import { curveRate, defaultCurve } from './vasicek.ts';

export interface BondsPlan {
  factor: number;
  /** Issued each year (£) for the issuing years; `yield` is the nominal coupon rate. */
  issue: number;
  issueYears: number;
  term: number;
  yield: number;
  pd: number;
  lgd: number;
  rho: number;
}

export const BOND_SERIES = [
  'bonds_outstanding',
  'bond_losses',
  'bond_losses_cumulative',
  'bond_return',
] as const;

/** Face value outstanding at the end of 0-based year y with no defaults. */
export function outstanding(plan: BondsPlan, y: number): number {
  let b = 0;
  for (let t = 0; t <= y; t++) b = (b + (t < plan.issueYears ? plan.issue : 0)) * (1 - 1 / plan.term);
  return b;
}

export function bondsKernel(plan: BondsPlan, block: MarketBlock, sink: Sink): void {
  const { n, years } = block;
  const at = reportIndex(sink.report, years);
  const curve = defaultCurve(plan.pd, plan.rho);
  const [book, loss, total, ret] = Array.from({ length: 4 }, state);
  for (let y = 0; y < years; y++) {
    const f = (plan.factor * years + y) * BLOCK;
    const issued = y < plan.issueYears ? plan.issue : 0;
    for (let k = 0; k < n; k++) {
      // the book at the start of the year plus this year's issue earns the coupon; defaults hit it
      const b = book[k]! + issued;
      const dr = curveRate(curve, block.deviations[f + k]!);
      loss[k] = plan.lgd * dr * b;
      total[k] = total[k]! + loss[k]!;
      const inflation = block.inflation[y * BLOCK + k]!;
      ret[k] = b > 0 ? (1 + plan.yield - loss[k]! / b) / (1 + inflation) - 1 : 0;
      book[k] = b * (1 - dr) * (1 - 1 / plan.term);
    }
    const r = at[y]!;
    if (r < 0) continue;
    [book, loss, total, ret].forEach((v, s) => record(sink, s, r, block.from, n, v));
  }
}
