// Green Book discounting (HM Treasury 2022, annex A6; METHODS.md §8): a step schedule of rates
// by year from the base year, compounding across the steps — DF(t) = DF(t − 1) / (1 + r(t)),
// so the factor never restarts when the rate falls (DF(31) = DF(30) / 1.03).

/** One step of a discount schedule: `rate` holds from year `from` (0 = the base year) to the next step. */
export interface DiscountStep {
  from: number;
  rate: number;
}

/** Throws unless the steps start at year 0, rise strictly and carry rates in [0, 1). */
export function checkSchedule(schedule: readonly DiscountStep[]): void {
  if (schedule.length === 0 || schedule[0]!.from !== 0)
    throw new Error('invalid discount schedule: the first step must start at year 0');
  schedule.forEach((s, k) => {
    if (!(s.rate >= 0 && s.rate < 1)) throw new Error(`invalid discount rate: ${s.rate}`);
    if (!Number.isInteger(s.from) || (k > 0 && !(s.from > schedule[k - 1]!.from)))
      throw new Error(`invalid discount schedule: step ${k} starts at ${s.from}`);
  });
}

/** The rate that discounts year t back to year t − 1 (t ≥ 1). */
export function rateFor(schedule: readonly DiscountStep[], t: number): number {
  let r = schedule[0]!.rate;
  for (const s of schedule) if (t >= s.from) r = s.rate;
  return r;
}

/**
 * Discount factors for years 0 … years − 1 after the base year. Year t ≥ 1 is discounted by
 * the rate in force in year t; the factor of year 30 under 3.5 % is 1 / 1.035³⁰.
 */
export function discountFactors(schedule: readonly DiscountStep[], years: number): Float64Array {
  checkSchedule(schedule);
  if (!(Number.isInteger(years) && years >= 0)) throw new Error(`invalid number of years: ${years}`);
  const df = new Float64Array(years);
  let f = 1;
  for (let t = 0; t < years; t++) {
    if (t > 0) f /= 1 + rateFor(schedule, t);
    df[t] = f;
  }
  return df;
}

/** DF(t) for one year t ≥ 0. */
export function discountFactor(schedule: readonly DiscountStep[], t: number): number {
  if (!(Number.isInteger(t) && t >= 0)) throw new Error(`invalid year: ${t}`);
  return discountFactors(schedule, t + 1)[t]!;
}

/** Σ DF(t) over `years` years starting `start` years after the base year: the PV of £1 a year. */
export function annuityFactor(schedule: readonly DiscountStep[], start: number, years: number): number {
  if (!(Number.isInteger(start) && start >= 0)) throw new Error(`invalid start year offset: ${start}`);
  const df = discountFactors(schedule, start + years);
  let s = 0;
  for (let t = start; t < start + years; t++) s += df[t]!;
  return s;
}
