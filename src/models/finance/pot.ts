// A saver's pot, per path (METHODS.md §6): contributions growing with real pay, paid in at the
// start of each year (an annuity-due) or at its end (annuity-immediate), net of a contribution
// charge, invested in the default fund with an annual management charge. Under a reform a
// share s of each contribution goes to an illiquid productive asset held apart from the liquid
// fund (it cannot be rebalanced) and is sold at a discount when the pot is taken. Pots are
// linear in contributions, so one unit pot per path serves every area: an area's pot is its
// contribution times the unit pot.
import { BLOCK, type MarketBlock } from './market.ts';
import { record, reportIndex, state, type Sink } from './sink.ts';

/** The pot kernel's parameters (portfolio indices refer to the market plan). */
export interface PotPlan {
  fund: number;
  sleeve: number;
  share: number;
  annualCharge: number;
  contributionCharge: number;
  payGrowth: number;
  timing: 'start' | 'end';
  exitDiscount: number;
}

/** Series written: baseline pot, reform pot, paired difference, productive holdings — per unit of first-year contribution. */
export const POT_SERIES = ['pot_baseline', 'pot', 'pot_change', 'productive_holdings'] as const;

/** Accumulated value of n payments C at net rate r: C((1+r)^n − 1)/r, times (1+r) when paid in advance. */
export function annuityValue(c: number, r: number, n: number, timing: 'start' | 'end'): number {
  const immediate = r === 0 ? c * n : (c * (Math.pow(1 + r, n) - 1)) / r;
  return timing === 'start' ? immediate * (1 + r) : immediate;
}

/** Runs the pots of a block of paths and records them at the report years. */
export function potKernel(plan: PotPlan, block: MarketBlock, sink: Sink): void {
  const { n, years } = block;
  const base = state();
  const liquid = state();
  const sleeve = state();
  const tmp = state();
  const at = reportIndex(sink.report, years);
  const keep = 1 - plan.annualCharge;
  const s = plan.sleeve >= 0 ? plan.share : 0;
  for (let y = 0; y < years; y++) {
    const c = Math.pow(1 + plan.payGrowth, y) * (1 - plan.contributionCharge);
    const g = (plan.fund * years + y) * BLOCK;
    const p = (Math.max(plan.sleeve, 0) * years + y) * BLOCK;
    const start = plan.timing === 'start';
    for (let k = 0; k < n; k++) {
      const gf = block.gross[g + k]! * keep;
      const gp = s > 0 ? block.gross[p + k]! * keep : 0;
      if (start) {
        base[k] = (base[k]! + c) * gf;
        liquid[k] = (liquid[k]! + c * (1 - s)) * gf;
        sleeve[k] = (sleeve[k]! + c * s) * gp;
      } else {
        base[k] = base[k]! * gf + c;
        liquid[k] = liquid[k]! * gf + c * (1 - s);
        sleeve[k] = sleeve[k]! * gp + c * s;
      }
    }
    const r = at[y]!;
    if (r < 0) continue;
    record(sink, 0, r, block.from, n, base);
    for (let k = 0; k < n; k++) tmp[k] = liquid[k]! + sleeve[k]! * (1 - plan.exitDiscount);
    record(sink, 1, r, block.from, n, tmp);
    for (let k = 0; k < n; k++) tmp[k] = tmp[k]! - base[k]!;
    record(sink, 2, r, block.from, n, tmp);
    record(sink, 3, r, block.from, n, sleeve);
  }
}
