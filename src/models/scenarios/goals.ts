// The goals an appraisal reports, each a named figure per area and in total (METHODS.md §8),
// derived from the channels of one draw: jobs by sex and layer, GVA, GVA per job, compensation,
// emissions, foundational resilience, entitlement shortfall closed, present values and cost per
// job and per £ of GVA. Every goal is a difference from the baseline, so no intervention gives 0.
import { CHANNEL, type ChannelLayout } from './channels.ts';

export interface GoalDef {
  id: string;
  label: string;
  unit: string;
  /** 1: more is better; −1: less is better. */
  polarity: 1 | -1;
  /** Adds up over candidates (a portfolio's value is the sum), exactly or to first order. */
  additive: boolean;
  meaning: string;
  /** How the goal is computed from a draw's figures (goalDraws). */
  formula: Formula;
}

/** A goal's formula: a channel as it is, or one of the derived figures. */
export type Formula =
  | { kind: 'channel'; channel: number }
  | { kind: 'male' | 'gva-per-job' | 'foundational-gva' | 'foundational-jobs' }
  | { kind: 'reached' | 'closed' | 'pv-cost' | 'pv-gva' | 'cost-per-job' | 'cost-per-gva' };

/** What a row's goals are derived from, draw by draw (D draws; one for the central case). */
export interface Figures {
  draws: number;
  /** Net channels a year, D × m. */
  ch: Float64Array;
  /** Present values: GVA (£m), job-years, cost (£), per draw. */
  pvGva: Float64Array;
  pvJobs: Float64Array;
  pvCost: Float64Array;
  /** People brought up to entitlement floors per draw, and those who needed it. */
  reached: Float64Array;
  need: number;
}

const FIXED: GoalDef[] = [
  {
    id: 'jobs',
    label: 'Jobs',
    unit: 'jobs',
    polarity: 1,
    additive: true,
    meaning:
      'jobs supported in a year of running, net of additionality (IO employees per £ of output, plus parents in work)',
    formula: { kind: 'channel', channel: CHANNEL.jobs },
  },
  {
    id: 'jobs_female',
    label: 'Jobs held by women',
    unit: 'jobs',
    polarity: 1,
    additive: true,
    meaning: "jobs × women's share of jobs in each industry",
    formula: { kind: 'channel', channel: CHANNEL.jobsFemale },
  },
  {
    id: 'jobs_male',
    label: 'Jobs held by men',
    unit: 'jobs',
    polarity: 1,
    additive: true,
    meaning: 'jobs − jobs held by women',
    formula: { kind: 'male' },
  },
  {
    id: 'output',
    label: 'Output',
    unit: '£ million a year',
    polarity: 1,
    additive: true,
    meaning: 'gross output at basic prices',
    formula: { kind: 'channel', channel: CHANNEL.output },
  },
  {
    id: 'gva',
    label: 'GVA',
    unit: '£ million a year',
    polarity: 1,
    additive: true,
    meaning: 'gross value added',
    formula: { kind: 'channel', channel: CHANNEL.gva },
  },
  {
    id: 'gva_per_job',
    label: 'GVA per job',
    unit: '£ per job',
    polarity: 1,
    additive: true,
    meaning:
      "change in the area's GVA per job (productivity): (V + ΔV)/(J + ΔJ) − V/J; additive over candidates to first order",
    formula: { kind: 'gva-per-job' },
  },
  {
    id: 'compensation',
    label: 'Compensation of employees',
    unit: '£ million a year',
    polarity: 1,
    additive: true,
    meaning: 'pay (compensation of employees) earned',
    formula: { kind: 'channel', channel: CHANNEL.compensation },
  },
  {
    id: 'emissions',
    label: 'Greenhouse gas emissions',
    unit: 'thousand tonnes CO2e a year',
    polarity: -1,
    additive: true,
    meaning: 'ONS GHG intensity by industry × the change in GVA (residence basis)',
    formula: { kind: 'channel', channel: CHANNEL.emissions },
  },
  {
    id: 'foundational_share_gva',
    label: 'Foundational share of GVA',
    unit: 'percentage points',
    polarity: 1,
    additive: true,
    meaning: "change in the foundational layers' share of the area's GVA",
    formula: { kind: 'foundational-gva' },
  },
  {
    id: 'foundational_share_jobs',
    label: 'Foundational share of jobs',
    unit: 'percentage points',
    polarity: 1,
    additive: true,
    meaning: "change in the foundational layers' share of the area's jobs",
    formula: { kind: 'foundational-jobs' },
  },
];

const ENTITLEMENT: GoalDef[] = [
  {
    id: 'people_reached',
    label: 'People brought up to an entitlement floor',
    unit: 'people',
    polarity: 1,
    additive: true,
    meaning: 'units bought × people per unit, at most the people below the floor',
    formula: { kind: 'reached' },
  },
  {
    id: 'shortfall_closed',
    label: 'Entitlement shortfall closed',
    unit: '% of people below the floor',
    polarity: 1,
    additive: false,
    meaning: 'people reached ÷ people below the floor',
    formula: { kind: 'closed' },
  },
];

const MONEY: GoalDef[] = [
  {
    id: 'pv_cost',
    label: 'Present value of costs',
    unit: '£ million',
    polarity: -1,
    additive: true,
    meaning: 'public cost, optimism bias included, discounted by the Green Book schedule',
    formula: { kind: 'pv-cost' },
  },
  {
    id: 'pv_gva',
    label: 'Present value of GVA',
    unit: '£ million',
    polarity: 1,
    additive: true,
    meaning: 'GVA over the years each intervention runs, discounted',
    formula: { kind: 'pv-gva' },
  },
  {
    id: 'cost_per_job',
    label: 'Cost per job-year',
    unit: '£ per job-year',
    polarity: -1,
    additive: false,
    meaning:
      'present value of costs ÷ discounted job-years; 0 where nothing is spent, empty where no job is gained',
    formula: { kind: 'cost-per-job' },
  },
  {
    id: 'cost_per_gva',
    label: 'Cost per £ of GVA',
    unit: '£ per £',
    polarity: -1,
    additive: false,
    meaning: 'present value of costs ÷ present value of GVA; empty where no GVA is gained',
    formula: { kind: 'cost-per-gva' },
  },
];

/** The goals of a scenario: fixed goals, jobs by layer (and from labour supply), entitlements when asked, money. */
export function goalSet(layout: ChannelLayout, entitlements: boolean): GoalDef[] {
  const layers = [...layout.layers, 'labour-supply'].map((l): GoalDef => ({
    id: `jobs:${l}`,
    label: `Jobs in ${l}`,
    unit: 'jobs',
    polarity: 1,
    additive: true,
    meaning:
      l === 'labour-supply'
        ? 'parents able to take up work (outside the IO model)'
        : `jobs in the ${l} layer`,
    formula: {
      kind: 'channel',
      channel: l === 'labour-supply' ? layout.supply : CHANNEL.layers + layout.layers.indexOf(l),
    },
  }));
  return [...FIXED, ...layers, ...(entitlements ? ENTITLEMENT : []), ...MONEY];
}

/** The goal definitions of a set by id, throwing `unknown goal: …` naming those that exist. */
export function goalIndex(goals: readonly GoalDef[], id: string): number {
  const k = goals.findIndex((g) => g.id === id);
  if (k < 0) throw new Error(`unknown goal: ${id} (${goals.map((g) => g.id).join(', ')})`);
  return k;
}

/** A ratio change (a + da)/(b + db) − a/b; 0 without a base. */
function ratioChange(a: number, da: number, b: number, db: number): number {
  if (!(b > 0)) return 0;
  return (a + da) / (b + db) - a / b;
}

/**
 * One goal from one draw's figures: channels c[o … o + m), present values, people reached.
 * `base` is the row's baseline channels (the area's, or the nation's for the total).
 */
export function goalAt(
  F: Formula,
  c: Float64Array,
  o: number,
  pvGva: number,
  pvJobs: number,
  pvCost: number,
  reached: number,
  need: number,
  base: Float64Array,
): number {
  switch (F.kind) {
    case 'channel':
      return c[o + F.channel]!;
    case 'male':
      return c[o + CHANNEL.jobs]! - c[o + CHANNEL.jobsFemale]!;
    case 'gva-per-job':
      return (
        1e6 * ratioChange(base[CHANNEL.gva]!, c[o + CHANNEL.gva]!, base[CHANNEL.jobs]!, c[o + CHANNEL.jobs]!)
      );
    case 'foundational-gva':
      return (
        100 *
        ratioChange(
          base[CHANNEL.foundationalGva]!,
          c[o + CHANNEL.foundationalGva]!,
          base[CHANNEL.gva]!,
          c[o + CHANNEL.gva]!,
        )
      );
    case 'foundational-jobs':
      return (
        100 *
        ratioChange(
          base[CHANNEL.foundationalJobs]!,
          c[o + CHANNEL.foundationalJobs]!,
          base[CHANNEL.jobs]!,
          c[o + CHANNEL.jobs]!,
        )
      );
    case 'reached':
      return reached;
    case 'closed':
      return need > 0 ? (100 * reached) / need : 0;
    case 'pv-cost':
      return pvCost / 1e6;
    case 'pv-gva':
      return pvGva;
    case 'cost-per-job':
      return perUnit(pvCost, pvJobs);
    case 'cost-per-gva':
      return perUnit(pvCost, pvGva * 1e6);
  }
  throw new Error(`invalid goal formula: ${(F as { kind: unknown }).kind}`);
}

/** One goal in every draw of the figures, written into out[0, D). */
export function goalDraws(m: number, f: Figures, base: Float64Array, goal: GoalDef, out: Float64Array): void {
  const F = goal.formula;
  for (let d = 0; d < f.draws; d++)
    out[d] = goalAt(F, f.ch, d * m, f.pvGva[d]!, f.pvJobs[d]!, f.pvCost[d]!, f.reached[d]!, f.need, base);
}

/** Cost per unit gained: 0 where nothing is spent, NaN (reported empty) where nothing is gained. */
function perUnit(cost: number, gained: number): number {
  return cost === 0 ? 0 : gained > 0 ? cost / gained : NaN;
}
