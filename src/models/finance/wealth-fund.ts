// A citizens' wealth fund, per path: capitalised by a transfer of assets, an annual levy for a
// number of years and a share of the positive returns on a stock of public assets; invested in
// a portfolio; paying out at the end of each year by one of three rules — a percentage of the
// average value over past years (Alaska: 5 % of the average of five of the six preceding
// years), the expected real return (Norway: 3 %), or a dividend per eligible citizen. A fund
// paying out exactly its real return stays flat in real terms.
import { BLOCK, type MarketBlock } from './market.ts';
import { record, reportIndex, state, type Sink } from './sink.ts';

/** A payout rule, resolved once by name. */
export type PayoutRule =
  | { rule: 'percent-of-value'; rate: number; averageYears: number; lagYears: number }
  | { rule: 'real-return'; rate: number }
  | { rule: 'dividend'; amount: number; recipients: number };

export interface WealthFundPlan {
  fund: number;
  transfer: number;
  levy: number;
  levyYears: number;
  /** A share of the positive real returns on public assets (£) held in `publicFund`. */
  publicAssets: number;
  returnShare: number;
  publicFund: number;
  payout: PayoutRule;
  payoutFrom: number;
  annualCharge: number;
}

export const WEALTH_FUND_SERIES = ['fund_assets', 'fund_payout', 'fund_assets_min'] as const;

/** The payout at the end of 0-based year y given the value in hand and past start-of-year values. */
export function payout(
  rule: PayoutRule,
  hand: number,
  grown: number,
  history: (lag: number) => number,
): number {
  switch (rule.rule) {
    case 'percent-of-value': {
      let s = 0;
      for (let i = 0; i < rule.averageYears; i++) s += history(rule.lagYears + i);
      return Math.min(grown, (rule.rate * s) / rule.averageYears);
    }
    case 'real-return':
      return Math.min(grown, rule.rate * hand);
    case 'dividend':
      return Math.min(grown, rule.amount * rule.recipients);
  }
  throw new Error(`invalid payout rule: ${(rule as { rule: unknown }).rule}`);
}

export function wealthFundKernel(plan: WealthFundPlan, block: MarketBlock, sink: Sink): void {
  const { n, years } = block;
  const at = reportIndex(sink.report, years);
  const [assets, paid, lowest] = Array.from({ length: 3 }, state);
  const depth =
    plan.payout.rule === 'percent-of-value' ? plan.payout.averageYears + plan.payout.lagYears + 1 : 1;
  const past = new Float64Array(depth * BLOCK); // start-of-year values, newest first (ring by year)
  assets.fill(plan.transfer, 0, n);
  lowest.fill(plan.transfer, 0, n);
  const keep = 1 - plan.annualCharge;
  for (let y = 0; y < years; y++) {
    const g = (plan.fund * years + y) * BLOCK;
    const gp = (plan.publicFund * years + y) * BLOCK;
    const levy = y < plan.levyYears ? plan.levy : 0;
    const ring = (y % depth) * BLOCK;
    for (let k = 0; k < n; k++) past[ring + k] = assets[k]!;
    for (let k = 0; k < n; k++) {
      const share = plan.returnShare * plan.publicAssets * Math.max(0, block.gross[gp + k]! - 1);
      const hand = assets[k]! + levy + share;
      const grown = hand * block.gross[g + k]! * keep;
      // before the fund's first year, its value is the transfer
      const history = (lag: number) =>
        y - lag >= 0 ? past[((((y - lag) % depth) + depth) % depth) * BLOCK + k]! : plan.transfer;
      const out = y >= plan.payoutFrom ? payout(plan.payout, hand, grown, history) : 0;
      assets[k] = grown - out;
      paid[k] = out;
      lowest[k] = Math.min(lowest[k]!, assets[k]!);
    }
    const r = at[y]!;
    if (r < 0) continue;
    [assets, paid, lowest].forEach((v, s) => record(sink, s, r, block.from, n, v));
  }
}
