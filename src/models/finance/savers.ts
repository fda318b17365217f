// Savers by area (METHODS.md §6): employees from the working-age population, the employment
// rate and the employees' share of employment; those of eligible age and earning above the
// trigger under a split-lognormal pay distribution centred on the area's median pay; the share
// who stay in (participation); and the expected contributions per year — employer, employee
// and income-tax relief — split by the marginal tax band the saver's pay falls in.
import { contribution, type AeYear, type Rates, type ReliefMethod } from './auto-enrolment.ts';
import { bandFloor, type TaxBand } from './income-tax.ts';
import { bandedMean, payCdf, type PayDistribution } from './pay-distribution.ts';

/** Parameters common to every area (data/finance/savers.yaml, with sources). */
export interface SaverParams {
  employeeShare: number;
  participation: number;
  sigmaLow: number;
  sigmaHigh: number;
  weeksPerYear: number;
  relief: ReliefMethod;
  rates: Rates;
}

/** What the store gives for one area. */
export interface AreaInput {
  areacd: string;
  medianWeeklyPay: number;
  population16to64: number;
  /** People of auto-enrolment age (22 to State Pension age; the estimates give 22–64). */
  populationEligibleAge: number;
  /** Share of people aged 16–64 in employment (0–1). */
  employmentRate: number;
  bands: TaxBand[];
}

/** One tax band's savers and their contributions (£ a year). */
export interface BandContributions {
  band: string;
  rate: number;
  savers: number;
  employer: number;
  employee: number;
  relief: number;
}

/** An area's savers and contributions in the base year (£ a year). */
export interface AreaSavers {
  areacd: string;
  employees: number;
  eligible: number;
  savers: number;
  medianPay: number;
  /** The contributions of a saver earning the area's median pay. */
  medianSaver: { total: number; employer: number; employee: number; relief: number };
  total: number;
  employer: number;
  employee: number;
  relief: number;
  byBand: BandContributions[];
}

/** Income-tax relief rate on an employee's contribution in a band: relief at source never gives less than 20 %. */
export function employeeReliefRate(relief: ReliefMethod, marginal: number): number {
  return relief === 'relief-at-source' ? Math.max(0.2, marginal) : marginal;
}

/** Savers and contributions of one area. */
export function areaSavers(input: AreaInput, ae: AeYear, p: SaverParams): AreaSavers {
  const medianPay = input.medianWeeklyPay * p.weeksPerYear;
  const pay: PayDistribution = { median: medianPay, sigmaLow: p.sigmaLow, sigmaHigh: p.sigmaHigh };
  const employees = input.population16to64 * input.employmentRate * p.employeeShare;
  const ofAge = employees * (input.populationEligibleAge / input.population16to64);
  const eligible = ofAge * (1 - payCdf(pay, ae.trigger));
  const savers = eligible * p.participation;
  // every band's figures are expectations over savers of eligible age: ofAge × participation × E[…]
  const scale = ofAge * p.participation;
  const byBand = input.bands.map((b, i) => {
    const a = Math.max(bandFloor(input.bands, i), ae.trigger);
    const top = b.upTo ?? Infinity;
    const q = top > a ? scale * bandedMean(pay, ae.qualifying.lower, ae.qualifying.upper, a, top) : 0;
    const n = top > a ? scale * (payCdf(pay, top) - payCdf(pay, a)) : 0;
    const employer = p.rates.employer * q;
    const employee = (p.rates.total - p.rates.employer) * q;
    const relief = employee * employeeReliefRate(p.relief, b.rate) + employer * b.rate;
    return { band: b.band, rate: b.rate, savers: n, employer, employee, relief };
  });
  const sum = (k: 'employer' | 'employee' | 'relief') => byBand.reduce((s, b) => s + b[k], 0);
  const c = contribution(medianPay, ae, {
    rates: p.rates,
    relief: p.relief,
    marginalRate: bandRate(input.bands, medianPay),
  });
  return {
    areacd: input.areacd,
    employees,
    eligible,
    savers,
    medianPay,
    medianSaver: { total: c.total, employer: c.employer, employee: c.employee, relief: c.relief },
    total: sum('employer') + sum('employee'),
    employer: sum('employer'),
    employee: sum('employee'),
    relief: sum('relief'),
    byBand,
  };
}

function bandRate(bands: readonly TaxBand[], salary: number): number {
  return bands.find((b) => b.upTo === undefined || salary <= b.upTo)!.rate;
}
