// A national investment bank, per path: public capital, lending up to a leverage limit, a
// counter-cyclical rule (new lending rises by κ for every standard deviation the economy fell
// short last year), loans repaid over their maturity, defaults from the one-factor model on
// the systematic factor (correlated with equities), and a margin over funding costs. The
// Treasury's cost of funding the capital is charged to the bank, so equity measures what the
// bank adds over the public cost of its capital: with no margin and no losses it stays flat.
import { BLOCK, type MarketBlock } from './market.ts';
import { record, reportIndex, state, type Sink } from './sink.ts';
import { curveRate, defaultCurve } from './vasicek.ts';

export interface BankPlan {
  /** Index of the systematic credit factor among the market's read assets. */
  factor: number;
  capital: number;
  injection: number;
  injectionYears: number;
  leverage: number;
  newLending: number;
  lendingGrowth: number;
  countercyclical: number;
  maturity: number;
  spread: number;
  operatingCost: number;
  pd: number;
  lgd: number;
  rho: number;
}

/** Series (£, real; ratios as shares). */
export const BANK_SERIES = [
  'bank_equity',
  'bank_loans',
  'bank_new_lending',
  'bank_losses',
  'bank_loss_rate',
  'capital_ratio',
  'capital_ratio_min',
] as const;

export function bankKernel(plan: BankPlan, block: MarketBlock, sink: Sink): void {
  const { n, years } = block;
  const at = reportIndex(sink.report, years);
  const curve = defaultCurve(plan.pd, plan.rho);
  const [equity, loans, lent, lost, rate, ratio, worst] = Array.from({ length: 7 }, state);
  equity.fill(plan.capital, 0, n);
  worst.fill(Infinity, 0, n);
  const prev = state(); // last year's factor (0 before year 0)
  for (let y = 0; y < years; y++) {
    const f = (plan.factor * years + y) * BLOCK;
    const wanted = plan.newLending * Math.pow(1 + plan.lendingGrowth, y);
    const injection = y < plan.injectionYears ? plan.injection : 0;
    for (let k = 0; k < n; k++) {
      let book = loans[k]! * (1 - 1 / plan.maturity);
      const capacity = equity[k]! > 0 ? Math.max(0, plan.leverage * equity[k]! - book) : 0;
      const fresh = Math.min(capacity, wanted * Math.max(0, 1 - plan.countercyclical * prev[k]!));
      book += fresh;
      const dr = curveRate(curve, block.deviations[f + k]!);
      const loss = plan.lgd * dr * book;
      equity[k] = equity[k]! + (plan.spread - plan.operatingCost) * book - loss + injection;
      loans[k] = book * (1 - dr);
      lent[k] = fresh;
      lost[k] = loss;
      rate[k] = book > 0 ? loss / book : 0;
      ratio[k] = loans[k]! > 0 ? equity[k]! / loans[k]! : Infinity;
      if (loans[k]! > 0) worst[k] = Math.min(worst[k]!, ratio[k]!);
      prev[k] = block.deviations[f + k]!;
    }
    const r = at[y]!;
    if (r < 0) continue;
    [equity, loans, lent, lost, rate, ratio, worst].forEach((v, s) => record(sink, s, r, block.from, n, v));
  }
}
