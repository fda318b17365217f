// A franchise conditions file: what a body asks of the suppliers it pays. Each condition names a
// rule and that rule's parameters, checked here by name, type and range, so a conditions file
// read by the CLI, posted to the API or sent by the web app is refused with the field and value
// at fault before anything is computed. The API also sends the default file in this shape.
import { z } from 'zod';
import type { ConditionRule } from '../core/franchise.ts';

const names = (max: number) => z.array(z.string().trim().min(1).max(200)).max(max);

/** Each rule's parameters: strict (an unknown name is refused), with their ranges and defaults (none given: {}). */
export const CONDITION_PARAMS = {
  'accredited-list': z
    .strictObject({
      companyNumbers: z
        .array(z.string().regex(/^[A-Za-z0-9]{1,8}$/, 'a company number of 1–8 letters and digits'))
        .max(100_000)
        .default([])
        .meta({ description: 'company numbers on the accreditation list' }),
      names: names(100_000).default([]).meta({ description: 'supplier names on the list, as paid' }),
    })
    .prefault({}),
  'gpg-narrowing': z.strictObject({
    statistic: z.enum(['median', 'mean']).default('median'),
    periods: z
      .array(z.string().regex(/^\d{4}-\d{2}$/, 'a reporting year such as 2021-22'))
      .min(2, 'name at least two reporting years')
      .max(20)
      .meta({ description: 'reporting years, first to last; a return is needed in each' }),
    parity: z
      .number()
      .min(-100)
      .max(100)
      .default(0)
      .meta({ description: 'a last gap at or below this (%) meets the condition whatever came before' }),
  }),
  'registered-office-local': z
    .strictObject({
      area: z
        .enum(['local', 'region'])
        .default('local')
        .meta({ description: 'the body’s own area or the wider region' }),
    })
    .prefault({}),
  'industry-ghg-intensity': z
    .strictObject({
      max: z.number().min(0).max(100).optional().meta({ description: 'ktCO2e per £m GVA' }),
      ratioToEconomy: z
        .number()
        .gt(0)
        .max(100)
        .optional()
        .meta({ description: 'limit as a multiple of the whole economy’s intensity' }),
    })
    .refine((p) => (p.max === undefined) !== (p.ratioToEconomy === undefined), {
      message: 'give exactly one of max and ratioToEconomy',
    })
    .prefault({}),
  'paid-within-days': z
    .strictObject({
      days: z.number().int().min(1).max(365).default(30),
      share: z
        .number()
        .min(0)
        .max(1)
        .default(1)
        .meta({ description: 'share of invoices (0–1) paid within the days' }),
    })
    .prefault({}),
  'kpi-rating': z
    .strictObject({
      metric: z
        .string()
        .max(100)
        .default('')
        .meta({ description: 'words a KPI’s title or id contains (any case); empty: every KPI' }),
      pass: names(50).default([]),
      fail: names(50).default([]),
    })
    .prefault({}),
} satisfies Record<ConditionRule, z.ZodType>;

export type ConditionParams = { [R in ConditionRule]: z.output<(typeof CONDITION_PARAMS)[R]> };

const condition = <R extends ConditionRule>(rule: R) =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'lower-case letters, digits and hyphens'),
    name: z.string().min(1).max(200),
    rule: z.literal(rule),
    evidence: z.string().min(1).max(1000),
    params: CONDITION_PARAMS[rule] as (typeof CONDITION_PARAMS)[R],
  });

/** One condition; the rule picks the parameters it takes. */
export const FranchiseCondition = z.discriminatedUnion('rule', [
  condition('accredited-list'),
  condition('gpg-narrowing'),
  condition('registered-office-local'),
  condition('industry-ghg-intensity'),
  condition('paid-within-days'),
  condition('kpi-rating'),
]);

/** A conditions file: its id, version, title and conditions (ids unique). */
export const FranchiseConditionSet = z
  .strictObject({
    id: z.string().min(1).max(120),
    version: z.number().int().positive(),
    title: z.string().min(1).max(200),
    conditions: z.array(FranchiseCondition).min(1).max(50),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.conditions.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['conditions', i, 'id'],
          message: `duplicate condition id: ${c.id}`,
          input: c.id,
        });
      seen.add(c.id);
    });
  })
  .meta({ id: 'FranchiseConditionSet' });
export type FranchiseConditionSet = z.output<typeof FranchiseConditionSet>;
export type FranchiseCondition = FranchiseConditionSet['conditions'][number];
