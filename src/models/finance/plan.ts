// From a validated policy file, a calibration and the areas' savers to a simulation plan: the
// market's portfolios and added assets, the kernels to run on every path (each policy's
// reform beside its baseline, on the same draws), and how each recorded series becomes
// measures by area. Every area figure is a multiplier times one UK-wide series (pots are
// linear in contributions, funds in their capital), so nothing is stored per area and path.
import type { AeYear } from './auto-enrolment.ts';
import { logParams, type Calibration } from './calibration.ts';
import { BANK_SERIES, type BankPlan } from './bank.ts';
import { BOND_SERIES, type BondsPlan } from './bonds.ts';
import { CDC_SERIES, type CdcPlan } from './cdc.ts';
import type { AreaData } from './area-data.ts';
import { factorCorrelations, marketPlan, type AddedAsset, type Weights } from './market-plan.ts';
import type { MarketPlan } from './market.ts';
import { CORE_ASSETS } from './calibration.ts';
import type { AddedAssetSpec, PolicyFile } from './policy.ts';
import { POT_SERIES, type PotPlan } from './pot.ts';
import { PROVIDER_SERIES, type ProviderPlan } from './provider.ts';
import { SMALL_POTS_SERIES, type SmallPotsPlan } from './small-pots.ts';
import { WEALTH_FUND_SERIES, type WealthFundPlan } from './wealth-fund.ts';
import { buildPolicy } from './plan-policies.ts';

/** A kernel to run on every path, with the first of its series in the output. */
export type KernelSpec =
  | { kind: 'pot'; plan: PotPlan; first: number }
  | { kind: 'provider'; plan: ProviderPlan; first: number }
  | { kind: 'cdc'; plan: CdcPlan; first: number }
  | { kind: 'small-pots'; plan: SmallPotsPlan; first: number }
  | { kind: 'bank'; plan: BankPlan; first: number }
  | { kind: 'bonds'; plan: BondsPlan; first: number }
  | { kind: 'wealth-fund'; plan: WealthFundPlan; first: number };

/** How a measure's rows are made: a recorded series or fixed values per report, times area multipliers. */
export interface OutputSpec {
  policy: string;
  measure: string;
  unit: string;
  /** Sums over areas to the UK (capital, contributions, jobs) or not (a median saver's pot, a ratio). */
  additive: boolean;
  series: number | null;
  values: number[] | null;
  uk: number;
  /** Multipliers by district and ITL3 area; NaN leaves an area out; null: the UK only. */
  lad: Float64Array | null;
  itl3: Float64Array | null;
  /** Rows give the probability that the series falls below this threshold (in the series' own units). */
  probability?: { threshold: number };
  /** A further multiplier for each report year (e.g. 1 / pay that year), the same in every area. */
  perYear?: number[];
}

/** Investment that becomes final demand (for jobs and GVA): where it lands and what it buys. */
export interface FlowSpec {
  policy: string;
  /** The output whose UK values are the £ invested in each report year. */
  output: OutputSpec;
  /** Share of the flow landing in each district (sums to 1). */
  pattern: Float64Array;
  mandate: Record<string, number>;
}

export interface SimulationPlan {
  market: MarketPlan;
  paths: number;
  /** Simulated years recorded (1-based), and their calendar labels. */
  report: Int32Array;
  years: number[];
  kernels: KernelSpec[];
  series: number;
  thresholds: Float64Array;
  outputs: OutputSpec[];
  flows: FlowSpec[];
  notes: string[];
}

/** What the plan is made from. */
export interface PlanInputs {
  file: PolicyFile;
  calibration: Calibration;
  ae: AeYear;
  areas: AreaData;
  /** Annual real growth of pay and so of contributions. */
  payGrowth: number;
  paths: number;
  seed: number;
  /** The contribution of a saver on a given annual pay (the auto-enrolment rules with the file's rates). */
  contributionAt: (pay: number) => number;
  /** Pay dispersion below and above the median (the same in every area). */
  payDispersion: { sigmaLow: number; sigmaHigh: number };
}

/** Collects portfolios, added assets, kernels and outputs while policies are planned. */
export class PlanBuilder {
  readonly portfolios: Weights[] = [];
  readonly added: AddedAsset[] = [];
  readonly read: string[] = [];
  inflation = false;
  readonly kernels: KernelSpec[] = [];
  readonly thresholds: number[] = [];
  readonly outputs: OutputSpec[] = [];
  readonly flows: FlowSpec[] = [];
  readonly notes: string[] = [];
  private keys = new Map<string, number>();
  constructor(
    readonly inputs: PlanInputs,
    readonly report: Int32Array,
  ) {}

  /** Index of a portfolio (the same weights share one). */
  portfolio(w: Weights): number {
    const key = JSON.stringify(
      Object.entries(w)
        .filter(([, v]) => v !== 0)
        .sort(),
    );
    let i = this.keys.get(key);
    if (i === undefined) {
      i = this.portfolios.push(w) - 1;
      this.keys.set(key, i);
    }
    return i;
  }

  /** Adds an asset a policy defines; returns its name. */
  asset(a: AddedAsset): string {
    this.added.push(a);
    return a.name;
  }

  /** Adds a standardised credit factor loading on equities; returns its index among read assets. */
  factor(name: string, equityCorrelation: number): number {
    const correlations = factorCorrelations(this.inputs.calibration, 'equities', equityCorrelation);
    this.asset({ name, mu: 0, sigma: 1, correlations });
    return this.read.push(name) - 1;
  }

  /** Adds a kernel writing `names.length` series; returns its first series. */
  kernel<K extends KernelSpec['kind']>(
    kind: K,
    plan: Extract<KernelSpec, { kind: K }>['plan'],
    names: readonly string[],
  ): number {
    const first = this.thresholds.length;
    for (let i = 0; i < names.length; i++) this.thresholds.push(NaN);
    this.kernels.push({ kind, plan, first } as KernelSpec);
    return first;
  }

  /** Sets the threshold of a series (one per series). */
  threshold(series: number, value: number): void {
    this.thresholds[series] = value;
  }

  output(o: Omit<OutputSpec, 'itl3'> & { itl3?: Float64Array | null }): OutputSpec {
    const spec: OutputSpec = { ...o, itl3: o.itl3 ?? null };
    this.outputs.push(spec);
    return spec;
  }
}

/** Convert an added-asset spec to the market's form. */
export function addedAsset(spec: AddedAssetSpec): AddedAsset {
  return {
    name: spec.name,
    mu: Math.log1p(spec.median),
    sigma: spec.sigma,
    correlations: Float64Array.from(
      CORE_ASSETS,
      (a) => spec.correlations.with[a] ?? spec.correlations.default,
    ),
  };
}

/** Median gross real return of a portfolio: Σ w_i e^{μ_i} (exact when volatilities are zero). */
export function medianGross(cal: Calibration, w: Weights): number {
  let g = 0;
  for (const [name, v] of Object.entries(w))
    g += v * Math.exp(logParams(cal.assets[name as (typeof CORE_ASSETS)[number]]).mu);
  return g;
}

/** Report years: every `every` years and the horizon. */
export function reportYears(horizon: number, every: number): Int32Array {
  const ys = new Set<number>();
  for (let y = every; y <= horizon; y += every) ys.add(y);
  ys.add(horizon);
  return Int32Array.from([...ys].sort((a, b) => a - b));
}

/** Plans a whole policy file. */
export function simulationPlan(inputs: PlanInputs): SimulationPlan {
  const { file } = inputs;
  const report = reportYears(file.horizon, file.reportEvery);
  const b = new PlanBuilder(inputs, report);
  b.portfolio(file.fund.weights);
  for (const p of file.policies) buildPolicy(b, p);
  const market = marketPlan(inputs.calibration, {
    seed: inputs.seed,
    years: file.horizon,
    added: b.added,
    portfolios: b.portfolios,
    read: b.read,
    inflation: b.inflation,
  });
  return {
    market,
    paths: inputs.paths,
    report,
    years: [...report].map((y) => file.startYear + y - 1),
    kernels: b.kernels,
    series: b.thresholds.length,
    thresholds: Float64Array.from(b.thresholds),
    outputs: b.outputs,
    flows: b.flows,
    notes: b.notes,
  };
}

export {
  BANK_SERIES,
  BOND_SERIES,
  CDC_SERIES,
  POT_SERIES,
  PROVIDER_SERIES,
  SMALL_POTS_SERIES,
  WEALTH_FUND_SERIES,
};
