// A finance policy file as data: the horizon, the default fund savers hold, and one or more
// reforms, each simulated against the baseline on the same random numbers. Validated here
// (shares in [0, 1], weights over known assets summing to 1, …); the workbench adds what needs
// the store or other files (areas, mandate priorities, the returns calibration) and reports
// every problem at its path, line and column.
import { z } from 'zod';
import { CORE_ASSETS } from './calibration.ts';

const share = z
  .number()
  .min(0, 'must be at least 0 (a share cannot be negative)')
  .max(1, 'must be at most 1 (a share cannot exceed the whole)');
const money = z.number().min(0, 'cannot be negative');
const rate = z.number().min(-0.5).max(0.5);
const years = z.number().int().min(1).max(100);
const corr = z.number().min(-1).max(1);
const assetName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _');
const code = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'an area code such as E06000001 or TLC11');

/** Weights over assets, summing to 1 (assets are checked against what the file defines). */
const weights = z
  .record(z.string(), share)
  .refine((w) => Math.abs(Object.values(w).reduce((s, v) => s + v, 0) - 1) < 1e-9, 'weights must sum to 1');

/** An asset a policy adds: its own median real return, volatility and correlations with the core assets. */
export const addedAssetSchema = z.strictObject({
  name: assetName,
  label: z.string().optional(),
  median: z.number().gt(-1).lt(1),
  sigma: z.number().min(0).max(2),
  correlations: z
    .strictObject({ default: corr.default(0), with: z.record(z.string(), corr).default({}) })
    .prefault({}),
});

/** Priority → weight, summing to 1 (priorities are checked against data/finance/mandate-sectors.yaml). */
export const mandateSchema = z
  .record(z.string(), share)
  .refine(
    (w) => Math.abs(Object.values(w).reduce((s, v) => s + v, 0) - 1) < 1e-6,
    'mandate weights must sum to 1',
  );

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
  title: z.string().optional(),
  /** Restrict the policy to savers (or authorities) in these areas (LAD or ITL3 codes). */
  areas: z.array(code).min(1).optional(),
};

const redirect = z.strictObject({
  ...common,
  kind: z.literal('redirect'),
  /** `contributions`: a share of each new contribution; `assets`: a share of a provider's assets. */
  base: z.enum(['contributions', 'assets']),
  share,
  asset: addedAssetSchema,
  /** Discount at which the illiquid holdings are sold when a pot is taken. */
  exitDiscount: share.default(0),
  destination: z.enum(['local', 'uk']).default('local'),
  provider: z
    .strictObject({
      name: z.string().min(1),
      assets: money,
      inflow: money,
      outflowRate: share.default(0.03),
      rampYears: z.number().int().min(0).max(50).default(5),
      key: z.enum(['contributions', 'population']).default('contributions'),
      nations: z
        .array(z.enum(['england', 'wales', 'scotland', 'northern-ireland']))
        .min(1)
        .optional(),
      source: z.string().optional(),
    })
    .optional(),
  mandate: mandateSchema.optional(),
});

const cdc = z.strictObject({
  ...common,
  kind: z.literal('cdc'),
  fund: z.strictObject({ weights }),
  dc: z.strictObject({
    growth: weights,
    match: weights,
    deriskYears: z.number().int().min(0).max(20).default(5),
  }),
  ages: z
    .strictObject({
      entry: z.number().int().min(16).max(40),
      retirement: z.number().int().min(50).max(75),
      death: z.number().int().min(60).max(110),
    })
    .refine(
      (a) => a.entry < a.retirement && a.retirement < a.death,
      'ages must rise: entry < retirement < death',
    ),
  /** Contribution as a share of pay (employer and employee together). */
  contribution: share,
  accrual: z.union([z.literal('priced'), z.number().gt(0).max(0.2)]).default('priced'),
  smoothing: z.number().int().min(1).max(20).default(1),
  annualCharge: share.default(0.003),
  discountRate: rate.optional(),
  annuity: z.strictObject({ rate: rate.optional(), margin: share.default(0) }).prefault({}),
});

const smallPots = z.strictObject({
  ...common,
  kind: z.literal('small-pots'),
  bands: z.array(z.strictObject({ count: money, size: money, label: z.string().optional() })).min(1),
  annualCharge: share,
  flatFee: money,
  consolidatedCharge: share,
  consolidationCost: money.default(0),
  source: z.string().optional(),
});

const taxRelief = z.strictObject({
  ...common,
  kind: z.literal('tax-relief'),
  /** The flat rate of relief replacing relief at the marginal rate. */
  flatRate: share,
});

const credit = {
  pd: z.number().min(0).lt(1),
  lgd: share,
  rho: z.number().min(0).lt(1),
  /** Correlation of the systematic credit factor with equity returns. */
  factorCorrelation: corr.default(0.5),
};

const bonds = z.strictObject({
  ...common,
  kind: z.literal('bonds'),
  giltYield: rate,
  spread: rate,
  term: z.number().int().min(1).max(60),
  issueYears: z.number().int().min(1).max(60),
  ...credit,
  capacity: z.strictObject({ debtServicePerHead: money, investorPool: money }),
  central: z.strictObject({ amount: money, yield: rate.optional() }).optional(),
  mandate: mandateSchema.optional(),
});

const nib = z.strictObject({
  ...common,
  kind: z.literal('nib'),
  capital: money,
  injection: money.default(0),
  injectionYears: z.number().int().min(0).max(100).default(0),
  leverage: z.number().min(0).max(50),
  newLending: money,
  lendingGrowth: rate.default(0),
  countercyclical: z.number().min(0).max(5).default(0),
  maturity: z.number().min(1).max(50),
  spread: rate,
  operatingCost: share.default(0),
  ...credit,
  minCapitalRatio: share.default(0.08),
  allocation: z.enum(['population', 'employees', 'contributions']).default('population'),
  mandate: mandateSchema.optional(),
});

const payoutRule = z.discriminatedUnion('rule', [
  z.strictObject({
    rule: z.literal('percent-of-value'),
    rate: share,
    averageYears: z.number().int().min(1).max(20).default(5),
    lagYears: z.number().int().min(0).max(5).default(1),
  }),
  z.strictObject({ rule: z.literal('real-return'), rate: rate.optional() }),
  z.strictObject({
    rule: z.literal('dividend'),
    amount: money,
    recipients: z.enum(['age-25', 'adults', 'population']),
  }),
]);

const cwf = z.strictObject({
  ...common,
  kind: z.literal('cwf'),
  fund: z.strictObject({ weights }),
  transfer: money,
  levy: money.default(0),
  levyYears: z.number().int().min(0).max(100).default(0),
  returnShare: z.strictObject({ assets: money, share, weights }).optional(),
  payout: payoutRule,
  payoutFrom: z.number().int().min(0).max(100).default(0),
  annualCharge: share.default(0.001),
});

export const policySchema = z.discriminatedUnion('kind', [
  redirect,
  cdc,
  smallPots,
  taxRelief,
  bonds,
  nib,
  cwf,
]);
export type Policy = z.infer<typeof policySchema>;
export type RedirectPolicy = z.infer<typeof redirect>;
export type CdcPolicy = z.infer<typeof cdc>;
export type SmallPotsPolicy = z.infer<typeof smallPots>;
export type TaxReliefPolicy = z.infer<typeof taxRelief>;
export type BondsPolicy = z.infer<typeof bonds>;
export type NibPolicy = z.infer<typeof nib>;
export type CwfPolicy = z.infer<typeof cwf>;
export type AddedAssetSpec = z.infer<typeof addedAssetSchema>;

export const policyFileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
    title: z.string().optional(),
    description: z.string().optional(),
    /** Marks a shipped example (illustrative parameters). */
    example: z.boolean().default(false),
    /** A returns calibration file, relative to this file; default: the shipped illustrative one. */
    returns: z.string().optional(),
    horizon: years.default(40),
    startYear: z.number().int().min(2000).max(2100).default(2026),
    taxYear: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'a tax year such as 2025-26')
      .default('2025-26'),
    reportEvery: z.number().int().min(1).max(50).default(5),
    paths: z.number().int().min(100).max(10_000_000).default(10_000),
    seed: z.number().int().min(0).max(4294967295).default(1),
    savers: z
      .strictObject({
        participation: share.optional(),
        employeeShare: share.optional(),
        relief: z.enum(['relief-at-source', 'net-pay']).optional(),
        rates: z.strictObject({ total: share, employer: share }).optional(),
        payGrowth: rate.optional(),
      })
      .prefault({}),
    fund: z.strictObject({
      weights,
      annualCharge: share.default(0.003),
      contributionCharge: share.default(0),
      timing: z.enum(['start', 'end']).default('start'),
    }),
    retirement: z
      .strictObject({
        annuityRate: rate.default(0.005),
        annuityMargin: share.default(0.05),
        years: years.default(20),
      })
      .prefault({}),
    mandate: mandateSchema.optional(),
    impact: z
      .strictObject({
        io: z.boolean().default(true),
        level: z.enum(['itl3', 'lad']).default('itl3'),
        delta: z.number().min(0).lt(1).default(0.3),
      })
      .prefault({}),
    policies: z.array(policySchema).min(1),
  })
  .superRefine(checkNames);
export type PolicyFile = z.infer<typeof policyFileSchema>;

// Asset names in weights and correlations must be core assets or the policy's own added asset;
// policy ids must be unique.
function checkNames(
  f: { fund: { weights: Record<string, number> }; policies: Policy[] },
  ctx: z.RefinementCtx,
): void {
  const core = new Set<string>(CORE_ASSETS);
  const known = (names: Set<string>, w: Record<string, unknown>, path: (string | number)[]) => {
    for (const name of Object.keys(w))
      if (!names.has(name))
        ctx.addIssue({
          code: 'custom',
          path: [...path, name],
          message: `unknown asset: ${name} (known: ${[...names].join(', ')})`,
        });
  };
  known(core, f.fund.weights, ['fund', 'weights']);
  const ids = new Set<string>();
  f.policies.forEach((p, i) => {
    if (ids.has(p.id))
      ctx.addIssue({ code: 'custom', path: ['policies', i, 'id'], message: `policy id repeats: ${p.id}` });
    ids.add(p.id);
    const at = ['policies', i];
    switch (p.kind) {
      case 'redirect':
        if (core.has(p.asset.name))
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'asset', 'name'],
            message: `${p.asset.name} is a core asset: name the productive asset apart`,
          });
        known(core, p.asset.correlations.with, [...at, 'asset', 'correlations', 'with']);
        if (p.base === 'assets' && !p.provider)
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'provider'],
            message: 'base: assets needs a provider (its assets, inflow and outflow)',
          });
        return;
      case 'cdc':
        known(core, p.fund.weights, [...at, 'fund', 'weights']);
        known(core, p.dc.growth, [...at, 'dc', 'growth']);
        known(core, p.dc.match, [...at, 'dc', 'match']);
        return;
      case 'cwf':
        known(core, p.fund.weights, [...at, 'fund', 'weights']);
        if (p.returnShare) known(core, p.returnShare.weights, [...at, 'returnShare', 'weights']);
        return;
      default:
        return;
    }
  });
}
