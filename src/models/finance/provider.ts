// A provider's fund (Nest, an LGPS pool, the default funds under the Mansion House Accord)
// moving a share of its assets into productive investment: the target share rises linearly
// to s over the ramp years; each year the fund buys productive assets up to the target out
// of its liquid assets, and never sells them (they are illiquid). Money comes in as
// contributions and leaves as payments out at a rate of the liquid assets. Recorded: the
// fund with and without the reform, the capital mobilised (cumulative purchases) and the
// year's purchases, and the pot of a saver holding units of the fund.
import { BLOCK, type MarketBlock } from './market.ts';
import { record, reportIndex, state, type Sink } from './sink.ts';

/** The provider kernel's parameters (£ in real terms; portfolio indices refer to the market plan). */
export interface ProviderPlan {
  fund: number;
  sleeve: number;
  share: number;
  rampYears: number;
  annualCharge: number;
  contributionCharge: number;
  /** Fund assets at the start (£). */
  assets: number;
  /** Contributions in the first year (£), growing at payGrowth. */
  inflow: number;
  payGrowth: number;
  /** Share of the fund's assets paid out each year (retirements, transfers out). */
  outflowRate: number;
}

/** Series written (fund assets in £; pots per unit of first-year contribution). */
export const PROVIDER_SERIES = [
  'fund_assets_baseline',
  'fund_assets',
  'fund_assets_change',
  'capital_mobilised',
  'capital_flow',
  'pot_baseline',
  'pot',
  'pot_change',
] as const;

/** The target productive share in 0-based year y. */
export function targetShare(plan: ProviderPlan, y: number): number {
  return plan.rampYears <= 0 ? plan.share : plan.share * Math.min(1, (y + 1) / plan.rampYears);
}

/** Runs the provider's fund for a block of paths. */
export function providerKernel(plan: ProviderPlan, block: MarketBlock, sink: Sink): void {
  const { n, years } = block;
  const [base, liquid, sleeve, mobilised, flow, potBase, pot, tmp] = Array.from({ length: 8 }, state);
  const at = reportIndex(sink.report, years);
  const keep = 1 - plan.annualCharge;
  for (let i = 0; i < n; i++) {
    base[i] = plan.assets;
    liquid[i] = plan.assets;
  }
  for (let y = 0; y < years; y++) {
    const growth = Math.pow(1 + plan.payGrowth, y);
    const inflow = plan.inflow * growth * (1 - plan.contributionCharge);
    const c = growth * (1 - plan.contributionCharge);
    const target = targetShare(plan, y);
    const g = (plan.fund * years + y) * BLOCK;
    const p = (plan.sleeve * years + y) * BLOCK;
    for (let k = 0; k < n; k++) {
      const gf = block.gross[g + k]! * keep;
      const gp = block.gross[p + k]! * keep;
      const b0 = base[k]! + inflow - plan.outflowRate * base[k]!;
      base[k] = b0 * gf;
      potBase[k] = (potBase[k]! + c) * gf;
      // payments out are a share of the whole fund, met from the liquid part (the sleeve cannot be sold)
      let l = Math.max(0, liquid[k]! + inflow - plan.outflowRate * (liquid[k]! + sleeve[k]!));
      const buy = Math.max(0, Math.min(l, target * (l + sleeve[k]!) - sleeve[k]!));
      l -= buy;
      const before = l + sleeve[k]! + buy;
      liquid[k] = l * gf;
      sleeve[k] = (sleeve[k]! + buy) * gp;
      flow[k] = buy;
      mobilised[k] = mobilised[k]! + buy;
      pot[k] = (pot[k]! + c) * ((liquid[k]! + sleeve[k]!) / before);
    }
    const r = at[y]!;
    if (r < 0) continue;
    record(sink, 0, r, block.from, n, base);
    for (let k = 0; k < n; k++) tmp[k] = liquid[k]! + sleeve[k]!;
    record(sink, 1, r, block.from, n, tmp);
    for (let k = 0; k < n; k++) tmp[k] = tmp[k]! - base[k]!;
    record(sink, 2, r, block.from, n, tmp);
    record(sink, 3, r, block.from, n, mobilised);
    record(sink, 4, r, block.from, n, flow);
    record(sink, 5, r, block.from, n, potBase);
    record(sink, 6, r, block.from, n, pot);
    for (let k = 0; k < n; k++) tmp[k] = pot[k]! - potBase[k]!;
    record(sink, 7, r, block.from, n, tmp);
  }
}
