// Automatic enrolment as data by tax year (METHODS.md §6; reference finance.md): who is
// enrolled, their qualifying earnings, and the minimum contributions split between employer,
// employee and tax relief under relief at source or net pay.
import { z } from 'zod';

const share = z.number().min(0).max(1);
export const aeYearSchema = z.strictObject({
  trigger: z.number().positive(),
  qualifying: z.strictObject({ lower: z.number().min(0), upper: z.number().positive() }),
  minimum: z.strictObject({ total: share, employer: share }),
  age: z.strictObject({ from: z.number().int().min(16), statePensionAge: z.number().int().max(75) }),
});
export const aeRulesSchema = z.strictObject({
  sources: z.array(z.string()).min(1),
  years: z.record(z.string().regex(/^\d{4}-\d{2}$/, 'a tax year such as 2025-26'), aeYearSchema),
});
export type AeYear = z.infer<typeof aeYearSchema>;
export type AeRules = z.infer<typeof aeRulesSchema>;

/** How the employee's contribution gets its tax relief. */
export type ReliefMethod = 'relief-at-source' | 'net-pay';

/** Contribution rates a scheme pays on qualifying earnings (at least the minimum). */
export interface Rates {
  total: number;
  employer: number;
}

/** One worker's year: enrolled or not, and the contributions to the penny. */
export interface Contribution {
  enrolled: boolean;
  qualifying: number;
  total: number;
  employer: number;
  /** The employee's gross contribution (total − employer). */
  employee: number;
  /** What the employee pays out of taxed pay (relief at source) or the fall in take-home pay (net pay). */
  employeeCost: number;
  /** Income-tax relief on the employee's contribution. */
  relief: number;
}

/** The rules of a tax year, or an error listing the years known. */
export function aeYear(rules: AeRules, taxYear: string): AeYear {
  const y = rules.years[taxYear];
  if (!y)
    throw new Error(
      `unknown tax year: ${taxYear} (auto-enrolment rules for ${Object.keys(rules.years).join(', ')})`,
    );
  return y;
}

/** Qualifying earnings: earnings between the band's limits. */
export function qualifyingEarnings(salary: number, y: AeYear): number {
  return Math.max(0, Math.min(salary, y.qualifying.upper) - y.qualifying.lower);
}

const pence = (x: number) => Math.round(x * 100) / 100;

/**
 * A worker's contributions for a year at `salary` (age within the band assumed). Relief at
 * source gives basic-rate relief (20 %) on the employee's gross contribution; net pay gives the
 * worker's marginal rate (`marginalRate`, 0 below the personal allowance).
 */
export function contribution(
  salary: number,
  y: AeYear,
  opts: { rates?: Rates; relief?: ReliefMethod; marginalRate?: number } = {},
): Contribution {
  const rates = opts.rates ?? y.minimum;
  if (rates.total < y.minimum.total || rates.employer < y.minimum.employer || rates.employer > rates.total)
    throw new Error(`invalid contribution rates: total ${rates.total}, employer ${rates.employer}`);
  if (!(salary > y.trigger))
    return { enrolled: false, qualifying: 0, total: 0, employer: 0, employee: 0, employeeCost: 0, relief: 0 };
  const q = qualifyingEarnings(salary, y);
  const total = pence(rates.total * q);
  const employer = pence(rates.employer * q);
  const employee = pence(total - employer);
  const rate = (opts.relief ?? 'relief-at-source') === 'relief-at-source' ? 0.2 : (opts.marginalRate ?? 0.2);
  const relief = pence(employee * rate);
  return {
    enrolled: true,
    qualifying: q,
    total,
    employer,
    employee,
    employeeCost: pence(employee - relief),
    relief,
  };
}
