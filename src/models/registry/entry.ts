// The indicator registry as data (METHODS.md §4): each indicator's polarity, unit, period,
// levels, boundary vintage, source, declared trend rule and how its interval is known. The
// schema is strict, so a misspelt field is an error naming its path, not a silent default.
import { z } from 'zod';
import { INDICATOR_LEVELS } from '../../core/levels.ts';

export const POLARITIES = ['higher-is-better', 'lower-is-better', 'none'] as const;
/** Boundary vintages of the codes an indicator uses. */
export const BOUNDARY_VINTAGES = [
  'lad-2018',
  'lad-2022',
  'lad-2023',
  'lad-2025',
  'lad-as-at-period',
  'itl-2021',
  'itl-2025',
  'sic-2007',
] as const;

const text = z.string().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9:-]*$/, 'lower-case letters, digits, hyphens and colons');

const interval = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('published'), note: text.optional() }),
  z.strictObject({
    method: z.literal('wilson'),
    /** n = product of these indicators' values at the same area and period ÷ scale (derived: from the derivation). */
    denominator: z.array(id).min(1).optional(),
    scale: z.number().positive().default(1),
    note: text.optional(),
  }),
  z.strictObject({
    method: z.literal('byar'),
    /** value = count ÷ denominator × multiplier, so count = value × denominator ÷ multiplier. */
    denominator: z.array(id).length(1),
    multiplier: z.number().positive().default(100),
    note: text.optional(),
  }),
  z.strictObject({ method: z.literal('none'), reason: text }),
]);

const trend = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('vs-mean-of-previous'),
    n: z.number().int().min(1),
    tolerance: z.number().min(0),
  }),
  z.strictObject({ kind: z.literal('ci-change') }),
]);

const derive = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('layer-share'),
    measure: z.enum(['gva_cp', 'residents_in_employment']),
    layers: z.array(text).min(1),
  }),
  z.strictObject({
    kind: z.literal('per-head'),
    measure: z.literal('gva_cp'),
    layers: z.union([z.literal('all'), z.array(text).min(1)]),
  }),
]);

const entry = z.strictObject({
  id,
  label: text,
  kind: z.enum(['published', 'derived', 'industry']),
  group: text,
  source: z.array(text).min(1),
  publisher: text,
  unit: text,
  polarity: z.enum(POLARITIES),
  rationale: text,
  period: text,
  levels: z.array(z.enum(INDICATOR_LEVELS)).min(1),
  boundaries: z.array(z.enum(BOUNDARY_VINTAGES)).min(1),
  interval,
  trend,
  /** Values the indicator can take, where they differ from its unit's (see `boundsOf`). */
  bounds: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
  /** For `industry` entries: the measure in the industry table. */
  measure: text.optional(),
  /** For `derived` entries: how Strata computes it. */
  derive: derive.optional(),
});

export const registrySchema = z
  .strictObject({
    version: z.literal(1),
    indicators: z.array(entry).min(1),
    limits: z.array(text).default([]),
  })
  .superRefine(checkEntries);

/** One indicator as the registry declares it. */
export type RegistryEntry = z.output<typeof entry>;
/** The whole registry, validated. */
export type Registry = z.output<typeof registrySchema>;
export type IntervalMethod = RegistryEntry['interval'];
export type Derivation = NonNullable<RegistryEntry['derive']>;

/** The range an indicator's values (and any target for it) must lie in: declared, else 0–100 for a percentage, else ≥ 0. */
export function boundsOf(e: RegistryEntry): { min: number; max: number } {
  const unit = e.unit === '%' ? { min: 0, max: 100 } : { min: 0, max: Infinity };
  return { min: e.bounds?.min ?? unit.min, max: e.bounds?.max ?? unit.max };
}

function checkEntries(r: { indicators: RegistryEntry[] }, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path: ['indicators', ...path], message });
  const ids = new Set(r.indicators.map((e) => e.id));
  const seen = new Set<string>();
  r.indicators.forEach((e, i) => {
    if (seen.has(e.id)) issue([i, 'id'], `duplicate indicator: ${e.id}`);
    seen.add(e.id);
    if (e.kind === 'derived' && !e.derive) issue([i, 'derive'], 'a derived indicator says how it is derived');
    if (e.kind !== 'derived' && e.derive)
      issue([i, 'derive'], `only derived indicators have derive (kind ${e.kind})`);
    if (e.kind === 'industry' && !e.measure) issue([i, 'measure'], 'an industry indicator names its measure');
    if (e.interval.method === 'wilson' && !e.interval.denominator && e.kind !== 'derived')
      issue([i, 'interval', 'denominator'], 'Wilson limits need a denominator');
    const denominators = 'denominator' in e.interval ? (e.interval.denominator ?? []) : [];
    denominators.forEach((d, k) => {
      if (!ids.has(d)) issue([i, 'interval', 'denominator', k], `unknown indicator: ${d}`);
    });
    if (e.trend.kind === 'ci-change' && e.interval.method === 'none')
      issue([i, 'trend'], 'ci-change needs confidence limits (interval method is none)');
  });
}
