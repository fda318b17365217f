// Universal basic infrastructure as entitlements (METHODS.md §5): a floor per service, kept as
// data with its rationale and the unit costs of closing a shortfall as parameters. Floors are
// value choices (the Minimum Income Standard method — people deciding together what no one
// should fall below — is the model for setting them); outputs name the set used.
import { z } from 'zod';
import { boundsOf, type RegistryEntry } from '../registry/entry.ts';

const money = z.number().min(0);

const cost = z
  .strictObject({
    /** What one unit cost buys: a premises connected, a person brought within reach, a person-minute saved a year. */
    per: z.enum(['premises', 'person', 'person-minute']),
    low: money,
    central: money,
    high: money,
    recurring: z.enum(['one-off', 'annual']),
    /** People per premises, to turn people into premises (per: premises). */
    peoplePerPremises: z.number().positive().optional(),
    rationale: z.string().min(1),
  })
  .superRefine((c, ctx) => {
    if (!(c.low <= c.central && c.central <= c.high))
      ctx.addIssue({
        code: 'custom',
        path: ['central'],
        message: `need low ≤ central ≤ high (${c.low}, ${c.central}, ${c.high})`,
      });
    if (c.per === 'premises' && c.peoplePerPremises === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['peoplePerPremises'],
        message: 'a cost per premises needs people per premises',
      });
  });

const floor = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  title: z.string().min(1),
  indicator: z.string().min(1),
  /** The unit the floor is written in: must be the registry's unit. */
  unit: z.string().min(1),
  /** `at-least`: the value should not fall below the floor; `at-most`: should not rise above it. */
  direction: z.enum(['at-least', 'at-most']),
  floor: z.number(),
  /** The year the floor should be met by, for the projection. */
  by: z.number().int().min(2000).max(2100),
  rationale: z.string().min(1),
  /** Whose lack counts: everyone, or people aged 16 to 64 (journeys to work). */
  population: z.enum(['all', 'working-age']).default('all'),
  /** `share`: the value is a share of people or premises; `area`: an area-wide average, so an area below the floor affects everyone in it. */
  basis: z.enum(['share', 'area']),
  cost,
});

/** The schema of a floors file, checked against a registry lookup. */
export function floorsSchema(lookup: (id: string) => RegistryEntry | undefined) {
  return z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
      title: z.string().min(1),
      note: z.string().optional(),
      /** Monte Carlo runs for the ranking and the projected years, and the seed. */
      uncertainty: z
        .strictObject({
          runs: z.number().int().min(10).max(100000).default(2000),
          seed: z.number().int().default(1),
        })
        .prefault({}),
      /** Annual costs count this many years when one-off and annual needs are added up for the ranking. */
      ranking: z.strictObject({ annualCostYears: z.number().min(0).max(100).default(10) }).prefault({}),
      floors: z.array(floor).min(1),
    })
    .superRefine((f, ctx) => {
      const seen = new Set<string>();
      f.floors.forEach((fl, i) => {
        const issue = (p: (string | number)[], message: string) =>
          ctx.addIssue({ code: 'custom', path: ['floors', i, ...p], message });
        if (seen.has(fl.id)) issue(['id'], `duplicate floor: ${fl.id}`);
        seen.add(fl.id);
        const e = lookup(fl.indicator);
        if (!e) return issue(['indicator'], `unknown indicator: ${fl.indicator}`);
        if (e.kind === 'industry' || !e.levels.includes('lad'))
          return issue(['indicator'], `${fl.indicator} is not published for local authorities`);
        if (fl.unit !== e.unit) issue(['unit'], `wrong unit: ${fl.unit} (${fl.indicator} is in ${e.unit})`);
        const { min, max } = boundsOf(e);
        if (!(fl.floor >= min && fl.floor <= max))
          issue(
            ['floor'],
            `impossible floor ${fl.floor}: ${fl.indicator} lies in ${min}–${max === Infinity ? '∞' : max} ${e.unit}`,
          );
        if (fl.basis === 'share' && e.unit !== '%')
          issue(['basis'], `share needs a percentage indicator (${fl.indicator} is in ${e.unit})`);
        if (fl.cost.per === 'person-minute' && e.unit !== 'mins')
          issue(['cost', 'per'], `person-minute costs need a time in minutes (${e.unit})`);
      });
    });
}

export type Floors = z.output<ReturnType<typeof floorsSchema>>;
export type Floor = Floors['floors'][number];
