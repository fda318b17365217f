// A mission as data (METHODS.md §4, after Scotland's National Performance Framework): a goal,
// the registry indicators that measure it, each with a baseline, a target and year, a
// trajectory and a status rule declared in advance; how indicators combine into the mission's
// status; how local status rolls up to the nation. Validation names the path in the file.
import { z } from 'zod';
import { boundsOf, type RegistryEntry } from '../registry/entry.ts';

const year = z.number().int().min(1990).max(2100);
const direction = z.enum(['higher-is-better', 'lower-is-better']);

const baseline = z.strictObject({
  year,
  /** One fixed baseline for every area; omitted: each area's own value in the baseline year. */
  value: z.number().optional(),
});

/** Exactly one of: an absolute value, a relative change from baseline (0.1 = +10%), an absolute change in the unit. */
const target = z
  .strictObject({
    year,
    value: z.number().optional(),
    change: z.number().optional(),
    by: z.number().optional(),
  })
  .refine((t) => [t.value, t.change, t.by].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of value, change (relative, 0.1 = +10%) or by (in the unit)',
  });

const indicator = z.strictObject({
  id: z.string().min(1),
  /** The unit the targets are written in: must be the registry's unit for the indicator. */
  unit: z.string().min(1),
  /** Which way is better for this mission; required when the registry's polarity is none. */
  direction: direction.optional(),
  baseline,
  target,
  trajectory: z.literal('linear').default('linear'),
  /** `trajectory`: latest value vs the straight line from baseline to target; `target-met`: latest value vs the target itself. */
  rule: z.enum(['trajectory', 'target-met']).default('trajectory'),
  /** Relative slack allowed before "off track" (0.02 = 2% of the expected value). */
  tolerance: z.number().min(0).max(1).default(0.02),
});

const override = z.strictObject({ baseline: baseline.optional(), target: target.optional() });

export const MISSION_RULES = ['all', 'majority', 'share'] as const;

const missionBase = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  title: z.string().min(1),
  goal: z.string().min(1),
  /** True for the examples Strata ships: a user replaces them. */
  example: z.boolean().default(false),
  level: z.literal('lad').default('lad'),
  indicators: z.array(indicator).min(1),
  status: z
    .strictObject({
      rule: z.enum(MISSION_RULES).default('all'),
      share: z.number().min(0).max(1).default(0.5),
    })
    .prefault({}),
  rollup: z.strictObject({ weight: z.enum(['population', 'equal']).default('population') }).prefault({}),
  /** Local missions: per-area baselines or targets that replace the mission's. */
  areas: z
    .record(z.string().regex(/^[A-Z]\d{8}$/, 'a GSS area code'), z.record(z.string(), override))
    .optional(),
});

/** The schema of a mission file, checked against a registry lookup. */
export function missionSchema(lookup: (id: string) => RegistryEntry | undefined) {
  return missionBase.superRefine((m, ctx) => checkMission(m, ctx, lookup));
}

export type MissionInput = z.input<typeof missionBase>;
export type Mission = z.output<typeof missionBase>;
export type MissionIndicator = z.output<typeof indicator>;
export type Target = z.output<typeof target>;
export type Baseline = z.output<typeof baseline>;

type Draft = {
  indicators: MissionIndicator[];
  areas?: Record<string, Record<string, { baseline?: Baseline; target?: Target }>> | undefined;
};

function checkMission(
  m: Draft,
  ctx: z.RefinementCtx,
  lookup: (id: string) => RegistryEntry | undefined,
): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const seen = new Set<string>();
  m.indicators.forEach((ind, i) => {
    const at = (...p: (string | number)[]) => ['indicators', i, ...p];
    if (seen.has(ind.id)) issue(at('id'), `duplicate indicator: ${ind.id}`);
    seen.add(ind.id);
    const e = lookup(ind.id);
    if (!e) return issue(at('id'), `unknown indicator: ${ind.id}`);
    if (e.kind === 'industry') return issue(at('id'), `${ind.id} is published by industry, not by area`);
    if (!e.levels.includes('lad')) issue(at('id'), `${ind.id} is not published for local authorities`);
    if (ind.unit !== e.unit) issue(at('unit'), `wrong unit: ${ind.unit} (${ind.id} is in ${e.unit})`);
    if (e.polarity === 'none' && !ind.direction)
      issue(at('direction'), `${ind.id} has no polarity in the registry: say which way is better`);
    checkTargets(ind.baseline, ind.target, e, at, issue);
  });
  for (const [code, byId] of Object.entries(m.areas ?? {}))
    for (const [id, o] of Object.entries(byId)) {
      const ind = m.indicators.find((x) => x.id === id);
      const at = (...p: (string | number)[]) => ['areas', code, id, ...p];
      if (!ind) issue(at(), `not an indicator of this mission: ${id}`);
      const e = lookup(id);
      if (ind && e) checkTargets(o.baseline ?? ind.baseline, o.target ?? ind.target, e, at, issue);
    }
}

function checkTargets(
  b: Baseline,
  t: Target,
  e: RegistryEntry,
  at: (...p: (string | number)[]) => (string | number)[],
  issue: (path: (string | number)[], message: string) => void,
): void {
  const { min, max } = boundsOf(e);
  const range = `${min}–${max === Infinity ? '∞' : max} ${e.unit}`;
  if (t.year <= b.year) issue(at('target', 'year'), `must be after the baseline year ${b.year}`);
  if (t.value !== undefined && !(t.value >= min && t.value <= max))
    issue(at('target', 'value'), `impossible target ${t.value}: ${e.id} lies in ${range}`);
  if (b.value !== undefined && !(b.value >= min && b.value <= max))
    issue(at('baseline', 'value'), `impossible baseline ${b.value}: ${e.id} lies in ${range}`);
  if (t.change !== undefined && min >= 0 && t.change < -1)
    issue(
      at('target', 'change'),
      `impossible change ${t.change}: below −100% of a quantity that cannot be negative`,
    );
  if (t.by !== undefined && b.value !== undefined && !(b.value + t.by >= min && b.value + t.by <= max))
    issue(at('target', 'by'), `impossible target ${b.value + t.by}: ${e.id} lies in ${range}`);
}
