// A scenario as data: a title, its region model, appraisal settings and a list of interventions,
// each with an id, a kind, an area, a target (vertical: industries, a layer, an Industrial
// Strategy sector; horizontal: the whole economy), a cost and a timing. Declared parameters carry
// their source; additionality defaults to none and is always shown. Validation names the path.
import { z } from 'zod';
import { distribution as distributionName, type Parameter } from './parameter.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');
const year = z.number().int().min(1990).max(2200);

/** A declared parameter: its value, the source or judgement it rests on, optionally a range or a distribution. */
const parameter = z
  .strictObject({
    value: z.number(),
    source: z.string().min(1, 'say where the value comes from (a source, or "judgement: …")'),
    range: z.tuple([z.number(), z.number()]).optional(),
    distribution: z.enum(['fixed', 'uniform', 'triangular', 'normal']).optional(),
    sd: z.number().positive().optional(),
  })
  .superRefine((p, ctx) => {
    const [lo, hi] = p.range ?? [p.value, p.value];
    if (!(lo <= p.value && p.value <= hi))
      ctx.addIssue({
        code: 'custom',
        path: ['range'],
        message: `the value ${p.value} must lie in the range ${lo}–${hi}`,
      });
    if (p.distribution === 'normal' && p.sd === undefined)
      ctx.addIssue({ code: 'custom', path: ['sd'], message: 'a normal distribution needs sd' });
    if ((p.distribution === 'uniform' || p.distribution === 'triangular') && !p.range)
      ctx.addIssue({
        code: 'custom',
        path: ['range'],
        message: `a ${p.distribution} distribution needs a range`,
      });
  });

export type ParameterInput = z.output<typeof parameter>;

/** The model parameter of a declaration (triangular on its range unless it says otherwise). */
export function toParameter(p: ParameterInput): Parameter {
  const dist = distributionName(
    p.distribution ?? (p.sd !== undefined ? 'normal' : p.range ? 'triangular' : 'fixed'),
  );
  const [low, high] = p.range ?? (dist === 'normal' ? [-Infinity, Infinity] : [p.value, p.value]);
  return { value: p.value, distribution: dist, low, high, sd: p.sd ?? 0, source: p.source };
}

const adjustments = {
  leakage: parameter.optional(),
  displacement: parameter.optional(),
  substitution: parameter.optional(),
  multiplier: parameter.optional(),
};

const additionality = z
  .strictObject({
    ...adjustments,
    /** The reference case: the share of the gross that would happen anyway, and its own rates (default the intervention's). */
    reference: z.strictObject({ deadweight: parameter, ...adjustments }).optional(),
  })
  .optional();

const optimism = z.union([
  z.strictObject({ type: z.string().min(1), bound: z.enum(['upper', 'lower']).optional() }),
  z.strictObject({
    mix: z.array(z.strictObject({ type: z.string().min(1), share: z.number().min(0).max(1) })).min(1),
    bound: z.enum(['upper', 'lower']).optional(),
  }),
]);

const cost = z.strictObject({
  perYear: z.number().min(0, 'a cost cannot be negative'),
  optimismBias: optimism.default({ type: 'none' }),
});

const timing = z.strictObject({ start: year, years: z.number().int().min(1).max(300) });

export const HORIZONTAL_BASES = ['output', 'final-demand', 'investment', 'consumption', 'exports'] as const;

/** Where the money or the change lands: industries, a layer, a sector (vertical), or the whole economy (horizontal). */
const target = z.union([
  z.strictObject({ industry: z.string().min(1) }),
  z.strictObject({ industries: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ layer: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) }),
  z.strictObject({ sector: z.string().min(1) }),
  z.strictObject({ horizontal: z.enum(HORIZONTAL_BASES) }),
]);
export type TargetInput = z.output<typeof target>;

const area = z.union([
  z.literal('all'),
  z.string().regex(/^[A-Z]{1,3}[0-9A-Z]+$/, 'an area code'),
  z.array(z.string().min(1)).min(1),
]);

const common = {
  id,
  title: z.string().min(1).optional(),
  area,
  /** How an amount is shared among several areas. */
  split: z.enum(['output', 'equal', 'population', 'need']).optional(),
  /** Within a vertical target, how the amount is shared among its industries. */
  spread: z.enum(['output', 'final-demand']).default('output'),
  timing,
  additionality,
};

const demand = z.strictObject({
  ...common,
  kind: z.literal('demand'),
  target,
  amount: z.number().optional(),
  cost,
});
const finance = z.strictObject({
  ...common,
  kind: z.literal('finance'),
  target: target.default({ horizontal: 'investment' }),
  /** Investment mobilised, £ a year, entering as final demand. */
  amount: z.number().min(0),
  cost,
});
const wage = z.strictObject({
  ...common,
  kind: z.literal('wage'),
  target,
  /** Share of the target's jobs paid below the floor, or the area's published share (ASHE, Living Wage Foundation rate). */
  affected: z.union([parameter, z.literal('ashe-living-wage')]),
  /** Average pay rise of an affected job, as a share of the target's average pay per job. */
  rise: parameter,
  /** Employment elasticity with respect to the wage bill (≤ 0 loses jobs); default 0. */
  elasticity: parameter.optional(),
  cost,
});
const productivity = z.strictObject({
  ...common,
  kind: z.literal('productivity'),
  target,
  /** Rise in GVA per job (0.1 = 10 %); output is unchanged, so jobs fall. */
  rise: parameter,
  /** Share of the productivity gain paid to the remaining workers; default the industry's own labour share. */
  payShare: z.union([parameter, z.literal('labour-share')]).default('labour-share'),
  cost,
});
const childcare = z.strictObject({
  ...common,
  kind: z.literal('childcare'),
  target: target.default({ industry: '88' }),
  /** Full-time-equivalent places funded a year. */
  places: z.number().positive(),
  costPerPlace: parameter,
  /** Parents in work per place (a cited elasticity). */
  parentalEmployment: parameter,
  /** Mothers' share of the parents who take up work. */
  motherShare: parameter,
  /** Full-time equivalent of a parent's job (their pay and GVA scale by it); default 1. */
  hours: parameter.optional(),
  cost: cost.partial({ perYear: true }).default({ optimismBias: { type: 'none' } }),
});
const infrastructure = z.strictObject({
  ...common,
  kind: z.literal('infrastructure'),
  /** A floor of the floors file (data/entitlements/floors-default.yaml unless the scenario names another). */
  floor: id,
  target,
  /** Unit cost: the floor file's low / central / high (triangular), or a declared parameter. */
  unitCost: z.union([z.literal('floor'), parameter]).default('floor'),
  cost,
});
const trade = z.strictObject({
  ...common,
  kind: z.literal('trade'),
  target: target.default({ horizontal: 'exports' }),
  /** Relative change in export demand (−0.1 = a tenth less). */
  change: parameter,
  exports: z.enum(['all', 'goods', 'services']).default('all'),
  cost: cost.default({ perYear: 0, optimismBias: { type: 'none' } }),
});

export const KINDS = [
  'demand',
  'wage',
  'productivity',
  'childcare',
  'infrastructure',
  'finance',
  'trade',
] as const;

const intervention = z.discriminatedUnion('kind', [
  demand,
  finance,
  wage,
  productivity,
  childcare,
  infrastructure,
  trade,
]);

export const scenarioSchema = z
  .strictObject({
    id,
    title: z.string().min(1),
    /** True for the examples Strata ships: a user replaces them. */
    example: z.boolean().default(false),
    description: z.string().optional(),
    model: z
      .strictObject({
        level: z.enum(['lad', 'itl3']).optional(),
        delta: z.number().min(0).max(0.99).default(0.3),
        band: z
          .union([z.tuple([z.number().min(0).max(0.99), z.number().min(0).max(0.99)]), z.null()])
          .default([0.1, 0.4]),
        variant: z.enum(['flq', 'aflq']).default('flq'),
        type: z.union([z.literal(1), z.literal(2)]).default(1),
        interregional: z.boolean().default(false),
        beta: z.number().min(0).max(10).default(1),
      })
      .prefault({}),
    appraisal: z
      .strictObject({
        baseYear: year.optional(),
        draws: z.number().int().min(1).max(100000).default(1000),
        seed: z.number().int().min(0).max(4294967295).default(1),
        /** A floors file for infrastructure interventions (default: Strata's default floors). */
        floors: z.string().optional(),
      })
      .prefault({}),
    /** Missions (example ids or files) whose indicators the goals move. */
    missions: z.array(z.string().min(1)).default([]),
    interventions: z.array(intervention),
  })
  .superRefine((s, ctx) => {
    const seen = new Map<string, number>();
    s.interventions.forEach((iv, k) => {
      if (seen.has(iv.id))
        ctx.addIssue({
          code: 'custom',
          path: ['interventions', k, 'id'],
          message: `duplicate intervention id: ${iv.id}`,
        });
      seen.set(iv.id, k);
      if (iv.id === 'all')
        ctx.addIssue({
          code: 'custom',
          path: ['interventions', k, 'id'],
          message: '"all" names the scenario total',
        });
    });
    if (s.model.band && !(s.model.band[0] <= s.model.band[1]))
      ctx.addIssue({ code: 'custom', path: ['model', 'band'], message: 'the band runs from low to high δ' });
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type Intervention = Scenario['interventions'][number];
export type Kind = Intervention['kind'];
