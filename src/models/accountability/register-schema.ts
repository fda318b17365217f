// A commitments register as data (METHODS.md §9): what a government or authority promised — who,
// what, where, by when, the indicator and target where there is one, the source of the promise —
// under an id that is never reused. Validation names the path in the file; the lookups say which
// areas and indicators exist.
import { z } from 'zod';
import { isoDate } from './history.ts';
import { STATUSES } from './vocabulary.ts';

/** `UK-2024-017`, `E08000003-2025-004`: the promising body's area, the year promised, a number. */
export const COMMITMENT_ID = /^(UK|[EWSNK]\d{8}|TL[A-N][0-9A-Z]{0,3})-(\d{4})-(\d{3})$/;

const date = z.string().refine(
  (s) => {
    try {
      return isoDate(s) === s;
    } catch {
      return false;
    }
  },
  { message: 'a calendar date YYYY-MM-DD' },
);
const year = z.number().int().min(1990).max(2100);
const threshold = z.strictObject({ amount: z.number().min(0), kind: z.enum(['absolute', 'relative']) });
const change = threshold.prefault({ amount: 0, kind: 'absolute' });
const previous = z.number().int().min(1).max(10).default(3);

/** Status rules a register may declare; each is versioned so a later change of rule is visible. */
export const rule = z.discriminatedUnion('id', [
  z.strictObject({
    id: z.literal('trajectory'),
    version: z.literal(1),
    tolerance: threshold.prefault({ amount: 0.02, kind: 'relative' }),
    previous,
    change,
  }),
  z.strictObject({ id: z.literal('target-met'), version: z.literal(1), previous, change }),
  z.strictObject({ id: z.literal('criteria-for-change'), version: z.literal(1), previous, change }),
]);

const target = z
  .strictObject({
    period: year,
    value: z.number().optional(),
    change: z.number().optional(),
    by: z.number().optional(),
  })
  .refine((t) => [t.value, t.change, t.by].filter((x) => x !== undefined).length <= 1, {
    message: 'give at most one of value, change (relative, 0.1 = +10%) or by (in the unit)',
  });

const measure = z.strictObject({
  indicator: z.string().min(1),
  direction: z.enum(['increase', 'decrease']),
  /** The year the promise is measured from; its value is each area's own unless given. */
  baseline: z.strictObject({ period: year, value: z.number().optional() }).optional(),
  target: target.optional(),
  rule,
});

const commitment = z.strictObject({
  id: z.string().regex(COMMITMENT_ID, 'an id like UK-2024-017 or E08000003-2025-004'),
  who: z.string().min(1),
  what: z.string().min(1),
  made: date,
  deadline: date,
  areas: z.array(z.string().min(1)).min(1),
  source: z.strictObject({ title: z.string().min(1), url: z.url().optional(), published: date.optional() }),
  measure: measure.optional(),
  /** For a commitment without an indicator: the status a person judged, with the evidence. */
  assessed: z
    .strictObject({
      status: z.enum(STATUSES),
      date,
      evidence: z.string().min(1),
      reason: z.string().min(1),
      who: z.string().min(1),
    })
    .optional(),
  /** Ids of commitments this one replaces (the old ids stay in the register, never reused). */
  replaces: z.array(z.string().regex(COMMITMENT_ID)).optional(),
});

const register = z.strictObject({
  register: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  title: z.string().min(1),
  /** True for the examples Strata ships: a user replaces them. */
  example: z.boolean().default(false),
  commitments: z.array(commitment).min(1),
});

export type Register = z.output<typeof register>;
export type Commitment = z.output<typeof commitment>;
export type RuleInput = z.output<typeof rule>;

/** What the register is checked against: the areas and indicators Strata knows, ids already used. */
export interface RegisterLookups {
  area: (code: string) => boolean;
  indicator: (id: string) => { levels: readonly string[] } | undefined;
  /** A fingerprint of the commitment an id was first used for, when the store has seen it. */
  usedId?: (id: string) => string | undefined;
}

/** The fingerprint that makes an id's meaning: who promised what, when. Changing it under the same id is reuse. */
export function fingerprint(c: Pick<Commitment, 'who' | 'what' | 'made'>): string {
  return JSON.stringify([c.who.trim(), c.what.trim(), c.made]);
}

/** The schema of a register file, checked against the lookups. */
export function registerSchema(lookups: RegisterLookups) {
  return register.superRefine((r, ctx) => checkRegister(r, ctx, lookups));
}

function checkRegister(r: Register, ctx: z.RefinementCtx, l: RegisterLookups): void {
  const seen = new Map<string, number>();
  r.commitments.forEach((c, i) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path: ['commitments', i, ...path], message });
    const first = seen.get(c.id);
    if (first !== undefined) issue(['id'], `duplicate id: ${c.id} (also commitments.${first})`);
    seen.set(c.id, i);
    const prior = l.usedId?.(c.id);
    if (prior !== undefined && prior !== fingerprint(c))
      issue(
        ['id'],
        `id ${c.id} was used for another commitment: ids are never reused (give this one a new id)`,
      );
    const [, owner, y] = COMMITMENT_ID.exec(c.id) ?? [];
    if (y !== undefined && Number(y) !== Number(c.made.slice(0, 4)))
      issue(['id'], `the id's year ${y} is not the year it was made (${c.made})`);
    if (owner !== undefined && owner !== 'UK' && !l.area(owner))
      issue(['id'], `unknown area in the id: ${owner}`);
    if (c.deadline < c.made)
      issue(['deadline'], `deadline ${c.deadline} is before the promise was made (${c.made})`);
    c.areas.forEach((a, k) => {
      if (a !== 'K02000001' && !l.area(a)) issue(['areas', k], `unknown area: ${a}`);
    });
    if (c.measure) checkMeasure(c.measure, (p, m) => issue(['measure', ...p], m), l);
    if (!c.measure && !c.assessed) issue([], 'a commitment without a measure needs an assessed status');
    if (c.assessed && c.assessed.date < c.made)
      issue(['assessed', 'date'], `assessed before the promise was made (${c.made})`);
  });
}

function checkMeasure(
  m: z.output<typeof measure>,
  issue: (p: (string | number)[], m: string) => void,
  l: RegisterLookups,
): void {
  const e = l.indicator(m.indicator);
  if (!e) return issue(['indicator'], `unknown indicator: ${m.indicator}`);
  const needsTarget = m.rule.id !== 'criteria-for-change';
  const t = m.target;
  if (needsTarget && (!t || (t.value === undefined && t.change === undefined && t.by === undefined)))
    issue(['target'], `rule ${m.rule.id} needs a target value, change or by`);
  if (m.rule.id === 'trajectory' && !m.baseline) issue(['baseline'], 'a trajectory needs a baseline year');
  if (m.baseline && t && t.period <= m.baseline.period)
    issue(['target', 'period'], `must be after the baseline year ${m.baseline.period}`);
  if ((t?.change !== undefined || t?.by !== undefined) && !m.baseline)
    issue(['baseline'], 'a target given as a change needs a baseline');
}
