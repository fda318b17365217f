// Collective DC against individual DC (reference finance.md check 4). The collective scheme is
// one pooled fund for a stationary membership — one member at each age from entry to death,
// identical cohorts, pay 1 in real terms. Contributions buy target pension: at the price of
// £1 a year of pension at the member's age on the scheme's discount rate ("priced", so no
// cohort pays for another in expectation) or a flat accrual rate of pay (as Royal Mail's 1/80,
// where the young pay for the old). Each year a single adjustment factor (A/V)^(1/k) is
// applied to every member's pension, in payment or not: k = 1 restores balance at once, larger
// k spreads it over years, carrying gains and losses between generations (the funding ratio
// shows how much). Individual DC: the same contributions in a lifestyle fund de-risking into
// an annuity-matching fund, then a level real annuity bought at the annuity rate plus margin.
// Before year 0 both have earned the portfolios' median returns (the scheme starts in its
// steady state with A = V), so members retiring in early years are comparable.
import { BLOCK, type MarketBlock } from './market.ts';
import { record, reportIndex, state, type Sink } from './sink.ts';

/** The CDC comparison's parameters (ages in years; portfolio indices refer to the market plan). */
export interface CdcPlan {
  fund: number;
  dcGrowth: number;
  dcMatch: number;
  /** Gross real returns before year 0 of the DC growth and matching funds (the CDC scheme starts in balance). */
  history: { dcGrowth: number; dcMatch: number };
  entryAge: number;
  retirementAge: number;
  deathAge: number;
  contribution: number;
  contributionCharge: number;
  annualCharge: number;
  /** 'priced' or a flat accrual rate of pay a year (e.g. 1/80). */
  accrual: 'priced' | number;
  discountRate: number;
  smoothing: number;
  deriskYears: number;
  annuityRate: number;
  annuityMargin: number;
}

/** Series: pensions are per unit of pay, a year, at retirement; fund in units of one member's pay. */
export const CDC_SERIES = [
  'income_dc',
  'income_cdc',
  'income_change',
  'cdc_fund_assets',
  'cdc_funding_ratio',
  'cdc_pension_in_payment',
] as const;

/** Flows of the CDC fund on each path of a block (for the conservation check). */
export interface CdcAudit {
  start: Float64Array;
  contributions: Float64Array;
  benefits: Float64Array;
  returns: Float64Array;
  costs: Float64Array;
  end: Float64Array;
}

/** ä_m = Σ_{j<m} v^j at rate r: £1 a year for m years, paid in advance. */
export function annuityDue(r: number, m: number): number {
  let s = 0;
  for (let j = 0; j < m; j++) s += Math.pow(1 + r, -j);
  return s;
}

/** Value at each age (entry … death − 1) of £1 a year of pension from retirement to death. */
export function pensionPrices(plan: CdcPlan): Float64Array {
  const { entryAge: E, retirementAge: R, deathAge: D, discountRate: r } = plan;
  return Float64Array.from({ length: D - E }, (_, i) => {
    const x = E + i;
    return x < R ? Math.pow(1 + r, -(R - x)) * annuityDue(r, D - R) : annuityDue(r, D - x);
  });
}

/** Accrual bought at age x per unit of net contribution (priced) or per year of service (flat). */
function accrual(plan: CdcPlan, price: Float64Array, i: number, net: number): number {
  return plan.accrual === 'priced' ? net / price[i]! : plan.accrual;
}

/** Runs the collective and individual schemes over a block of paths. */
export function cdcKernel(plan: CdcPlan, block: MarketBlock, sink: Sink, audit?: CdcAudit): void {
  const { n, years } = block;
  const { entryAge: E, retirementAge: R, deathAge: D } = plan;
  const N = D - E;
  const active = R - E;
  if (!(E < R && R < D)) throw new Error(`invalid ages: entry ${E}, retirement ${R}, death ${D}`);
  const price = pensionPrices(plan);
  const net = plan.contribution * (1 - plan.contributionCharge);
  const e = new Float64Array(N * BLOCK); // entitlement of the member in each slot
  const assets = state();
  const ratio = state();
  const tmp = state();
  const at = reportIndex(sink.report, years);
  // steady state: every member has accrued at f = 1 for the years served, assets equal to value
  let value0 = 0;
  const e0 = new Float64Array(N);
  for (let i = 1; i < N; i++) {
    e0[i] = e0[i - 1]! + (i - 1 < active ? accrual(plan, price, i - 1, net) : 0);
    value0 += e0[i]! * price[i]!;
  }
  for (let i = 0; i < N; i++) e.fill(e0[i]!, i * BLOCK, i * BLOCK + n);
  assets.fill(value0, 0, n);
  if (audit)
    for (const k of ['start', 'contributions', 'benefits', 'returns', 'costs'] as const)
      audit[k].fill(k === 'start' ? value0 : 0);
  const slot = (age: number, t: number) => ((((age - E - t) % N) + N) % N) * BLOCK;
  const retiredAtStart = slot(R, 0);
  const initial = e0[R - E]!;
  for (let y = 0; y < years; y++) {
    yearOfScheme(plan, block, y, e, assets, slot, price, net, audit);
    // age everyone: the member who died frees the slot the new entrant takes
    e.fill(0, slot(E, y + 1), slot(E, y + 1) + n);
    valueAndAdjust(plan, e, assets, ratio, slot, price, y + 1, n);
    const r = at[y]!;
    if (r < 0) continue;
    dcIncomes(plan, block, y, tmp);
    record(sink, 0, r, block.from, n, tmp);
    const ret = slot(R, y + 1);
    record(sink, 1, r, block.from, n, e.subarray(ret, ret + n));
    for (let k = 0; k < n; k++) tmp[k] = e[ret + k]! - tmp[k]!;
    record(sink, 2, r, block.from, n, tmp);
    record(sink, 3, r, block.from, n, assets);
    record(sink, 4, r, block.from, n, ratio);
    for (let k = 0; k < n; k++) tmp[k] = y + 1 < D - R ? e[retiredAtStart + k]! / initial : NaN;
    record(sink, 5, r, block.from, n, tmp);
  }
  if (audit) audit.end.set(assets.subarray(0, n));
}

// Contributions and new accrual, benefits, returns and charges for one year.
function yearOfScheme(
  plan: CdcPlan,
  block: MarketBlock,
  y: number,
  e: Float64Array,
  assets: Float64Array,
  slot: (age: number, t: number) => number,
  price: Float64Array,
  net: number,
  audit?: CdcAudit,
): void {
  const { n, years } = block;
  const { entryAge: E, retirementAge: R, deathAge: D } = plan;
  for (let x = E; x < R; x++) {
    const s = slot(x, y);
    const a = accrual(plan, price, x - E, net);
    for (let k = 0; k < n; k++) e[s + k] += a;
  }
  const inflow = (R - E) * net; // the contribution charge never reaches the fund
  const g = (plan.fund * years + y) * BLOCK;
  for (let k = 0; k < n; k++) {
    let paid = 0;
    for (let x = R; x < D; x++) paid += e[slot(x, y) + k]!;
    const invested = assets[k]! + inflow - paid;
    const grown = invested * block.gross[g + k]!;
    const cost = grown * plan.annualCharge;
    assets[k] = grown - cost;
    if (audit) {
      audit.contributions[k] += inflow;
      audit.benefits[k] += paid;
      audit.returns[k] += grown - invested;
      audit.costs[k] += cost;
    }
  }
}

// Values every entitlement at the discount rate, applies the year's single adjustment and
// leaves in `ratio` the funding ratio after it.
function valueAndAdjust(
  plan: CdcPlan,
  e: Float64Array,
  assets: Float64Array,
  ratio: Float64Array,
  slot: (age: number, t: number) => number,
  price: Float64Array,
  t: number,
  n: number,
): void {
  const { entryAge: E, deathAge: D } = plan;
  ratio.fill(0, 0, n);
  for (let x = E; x < D; x++) {
    const s = slot(x, t);
    const p = price[x - E]!;
    for (let k = 0; k < n; k++) ratio[k] += e[s + k]! * p;
  }
  for (let k = 0; k < n; k++) ratio[k] = assets[k]! / ratio[k]!;
  // the year's single factor, then the funding ratio left after it (what is carried forward)
  const inv = 1 / plan.smoothing;
  const f = ratio.map((v) => (inv === 1 ? v : Math.pow(v, inv)));
  for (let x = E; x < D; x++) {
    const s = slot(x, t);
    for (let k = 0; k < n; k++) e[s + k] *= f[k]!;
  }
  for (let k = 0; k < n; k++) ratio[k] = ratio[k]! / f[k]!;
}

// The DC member retiring at the end of 0-based year y: contributions over the years of service
// (median history before year 0), lifestyle de-risking, then a level real annuity.
function dcIncomes(plan: CdcPlan, block: MarketBlock, y: number, out: Float64Array): void {
  const { n, years } = block;
  const { entryAge: E, retirementAge: R, deathAge: D } = plan;
  const net = plan.contribution * (1 - plan.contributionCharge);
  const keep = 1 - plan.annualCharge;
  const annuity = annuityDue(plan.annuityRate, D - R) * (1 + plan.annuityMargin);
  out.fill(0, 0, n);
  for (let x = E; x < R; x++) {
    const j = y + 1 - (R - x);
    const w = plan.deriskYears > 0 ? Math.min(1, Math.max(0, (R - x - 1) / plan.deriskYears)) : 1;
    if (j < 0) {
      const g = (w * plan.history.dcGrowth + (1 - w) * plan.history.dcMatch) * keep;
      for (let k = 0; k < n; k++) out[k] = (out[k]! + net) * g;
      continue;
    }
    const gg = (plan.dcGrowth * years + j) * BLOCK;
    const gm = (plan.dcMatch * years + j) * BLOCK;
    for (let k = 0; k < n; k++)
      out[k] = (out[k]! + net) * (w * block.gross[gg + k]! + (1 - w) * block.gross[gm + k]!) * keep;
  }
  for (let k = 0; k < n; k++) out[k] = out[k]! / annuity;
}
