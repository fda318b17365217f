// A small made-up country for plan tests: four districts in two ITL3 areas, one district split
// between them, with savers worked out by the real savers model and the shipped rules.
import { aeYear, contribution } from '../../../src/models/finance/auto-enrolment.ts';
import type { AreaData } from '../../../src/models/finance/area-data.ts';
import { taxBands } from '../../../src/models/finance/income-tax.ts';
import type { PlanInputs } from '../../../src/models/finance/plan.ts';
import { policyFileSchema } from '../../../src/models/finance/policy.ts';
import { areaSavers, type SaverParams } from '../../../src/models/finance/savers.ts';
import { illustrative } from './calibration-fixture.ts';
import { aeRules, incomeTax } from './rules-fixture.ts';

export const PARAMS: SaverParams = {
  employeeShare: 0.85,
  participation: 0.89,
  sigmaLow: 1.05,
  sigmaHigh: 0.55,
  weeksPerYear: 52,
  relief: 'relief-at-source',
  rates: { total: 0.08, employer: 0.03 },
};

export function areas(): AreaData {
  const ae = aeYear(aeRules(), '2025-26');
  const ruk = taxBands(incomeTax(), '2025-26', 'rest-of-uk');
  const sco = taxBands(incomeTax(), '2025-26', 'scotland');
  const lads = ['E06000001', 'E06000002', 'E08000001', 'S12000033'];
  const pay = [560, 610, 700, 650];
  const pop = [60000, 90000, 180000, 140000];
  return {
    lads,
    itl3: ['TLC11', 'TLM50'],
    links: [
      { lad: 0, itl3: 0, weight: 1 },
      { lad: 1, itl3: 0, weight: 1 },
      { lad: 2, itl3: 0, weight: 0.5 },
      { lad: 2, itl3: 1, weight: 0.5 },
      { lad: 3, itl3: 1, weight: 1 },
    ],
    savers: lads.map((areacd, i) =>
      areaSavers(
        {
          areacd,
          medianWeeklyPay: pay[i]!,
          population16to64: pop[i]!,
          populationEligibleAge: pop[i]! * 0.88,
          employmentRate: 0.74,
          bands: areacd.startsWith('S') ? sco : ruk,
        },
        ae,
        PARAMS,
      ),
    ),
    nation: ['england', 'england', 'england', 'scotland'],
    population: Float64Array.from(pop, (p) => p * 1.6),
    adults: Float64Array.from(pop, (p) => p * 1.3),
    age25: Float64Array.from(pop, (p) => p / 45),
    ukMedianPay: 642.5 * 52,
  };
}

/** A policy file with one policy of every kind (small paths). */
export const ALL_KINDS = {
  id: 'all-kinds',
  horizon: 20,
  reportEvery: 5,
  paths: 1500,
  seed: 9,
  fund: { weights: { equities: 0.6, gilts: 0.2, cash: 0.2 } },
  mandate: { housing: 0.5, 'clean-energy': 0.5 },
  policies: [
    {
      id: 'sliver',
      kind: 'redirect',
      base: 'contributions',
      share: 0.05,
      asset: { name: 'local', median: 0.03, sigma: 0.15, correlations: { default: 0.3 } },
      exitDiscount: 0.05,
    },
    {
      id: 'provider',
      kind: 'redirect',
      base: 'assets',
      share: 0.1,
      destination: 'uk',
      asset: {
        name: 'uk_productive',
        median: 0.035,
        sigma: 0.18,
        correlations: { default: 0.3, with: { equities: 0.6 } },
      },
      provider: { name: 'a provider', assets: 5e9, inflow: 5e8, key: 'population', nations: ['england'] },
    },
    {
      id: 'cdc',
      kind: 'cdc',
      fund: { weights: { equities: 0.7, index_linked_gilts: 0.3 } },
      dc: { growth: { equities: 0.7, index_linked_gilts: 0.3 }, match: { index_linked_gilts: 1 } },
      ages: { entry: 25, retirement: 67, death: 88 },
      contribution: 0.15,
    },
    {
      id: 'pots',
      kind: 'small-pots',
      bands: [{ count: 1e5, size: 500 }],
      annualCharge: 0.0075,
      flatFee: 10,
      consolidatedCharge: 0.003,
    },
    { id: 'relief', kind: 'tax-relief', flatRate: 0.3 },
    {
      id: 'bonds',
      kind: 'bonds',
      giltYield: 0.045,
      spread: 0.008,
      term: 25,
      issueYears: 5,
      pd: 0.001,
      lgd: 0.4,
      rho: 0.2,
      capacity: { debtServicePerHead: 20, investorPool: 1e9 },
      areas: ['TLC11'],
    },
    {
      id: 'bank',
      kind: 'nib',
      capital: 1e9,
      leverage: 3,
      newLending: 5e8,
      countercyclical: 0.5,
      maturity: 10,
      spread: 0.02,
      pd: 0.02,
      lgd: 0.45,
      rho: 0.15,
    },
    {
      id: 'fund',
      kind: 'cwf',
      fund: { weights: { equities: 0.7, gilts: 0.3 } },
      transfer: 1e9,
      payout: { rule: 'percent-of-value', rate: 0.04 },
    },
  ],
};

export function inputs(file: unknown = ALL_KINDS, paths = 1500): PlanInputs {
  const ae = aeYear(aeRules(), '2025-26');
  return {
    file: policyFileSchema.parse(file),
    calibration: illustrative(),
    ae,
    areas: areas(),
    payGrowth: 0.01,
    paths,
    seed: 9,
    contributionAt: (pay) => contribution(pay, ae, { rates: PARAMS.rates }).total,
    payDispersion: { sigmaLow: PARAMS.sigmaLow, sigmaHigh: PARAMS.sigmaHigh },
  };
}
