// POST /api/v1/franchise/tender: bids scored against published award criteria, social value
// carrying at least the weight PPN 002 sets (10 %). The request is checked whole here — weights
// summing to 1, a mark for every bid and non-price criterion, ids and bidders unique — so a
// tender is refused naming the field and value before anything is scored.
import { z } from 'zod';
import { Notes } from './common.ts';
import { table } from './table.ts';

export const PRICE_METHOD_IDS = ['relative', 'linear'] as const;
export const CRITERION_KINDS = ['price', 'quality', 'social-value'] as const;
const Id = z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and hyphens');
const Mark = z.number().min(0).max(100);

const Criterion = z.strictObject({
  id: Id,
  name: z.string().trim().min(1).max(120),
  weight: z.number().gt(0).max(1).meta({ description: 'share of the total score, 0–1; weights sum to 1' }),
  kind: z.enum(CRITERION_KINDS),
});

const Bid = z.strictObject({
  bidder: z.string().trim().min(1).max(120),
  price: z.number().gt(0).max(1e12).meta({ description: 'price bid, £' }),
  marks: z
    .record(Id, Mark)
    .meta({ description: 'evaluators’ marks, 0–100, by criterion id (every criterion but price)' }),
});

/** A tender to score: its criteria with their published weights, the bids, and how price is marked. */
export const FranchiseTenderRequest = z
  .strictObject({
    criteria: z.array(Criterion).min(1).max(20),
    bids: z.array(Bid).min(1).max(200),
    priceMethod: z.enum(PRICE_METHOD_IDS).default('relative').meta({
      description:
        'relative: 100 × lowest ÷ price; linear: 100 × (1 − (price − lowest) ÷ lowest), at least 0',
    }),
    minSocialValue: z
      .number()
      .min(0.1)
      .max(1)
      .default(0.1)
      .meta({ description: 'the least social-value weight accepted; PPN 002 sets 10 %, never less' }),
  })
  .superRefine((t, ctx) => {
    const issue = (path: (string | number)[], message: string, input: unknown) =>
      ctx.addIssue({ code: 'custom', path, message, input });
    const ids = new Set<string>();
    t.criteria.forEach((c, i) => {
      if (ids.has(c.id)) issue(['criteria', i, 'id'], `duplicate criterion id: ${c.id}`, c.id);
      ids.add(c.id);
    });
    const sum = t.criteria.reduce((s, c) => s + c.weight, 0);
    if (Math.abs(sum - 1) > 1e-9) issue(['criteria'], `weights sum to ${sum}, not 1`, sum);
    const social = t.criteria.filter((c) => c.kind === 'social-value').reduce((s, c) => s + c.weight, 0);
    if (social < t.minSocialValue - 1e-12)
      issue(
        ['criteria'],
        `social value weighs ${(100 * social).toFixed(1)} %, below the ${(100 * t.minSocialValue).toFixed(0)} % minimum (PPN 002)`,
        social,
      );
    if (t.criteria.filter((c) => c.kind === 'price').length > 1)
      issue(['criteria'], 'more than one price criterion', null);
    const marked = t.criteria.filter((c) => c.kind !== 'price').map((c) => c.id);
    const bidders = new Set<string>();
    t.bids.forEach((b, i) => {
      if (bidders.has(b.bidder)) issue(['bids', i, 'bidder'], `duplicate bidder: ${b.bidder}`, b.bidder);
      bidders.add(b.bidder);
      for (const id of marked)
        if (b.marks[id] === undefined)
          issue(['bids', i, 'marks', id], `no mark for criterion ${id}`, undefined);
      for (const id of Object.keys(b.marks))
        if (!marked.includes(id)) issue(['bids', i, 'marks', id], `no such marked criterion: ${id}`, id);
    });
  })
  .meta({ id: 'FranchiseTenderRequest' });
export type FranchiseTenderRequest = z.input<typeof FranchiseTenderRequest>;

const ScoredCriterion = z.strictObject({
  criterion: z.string(),
  mark: z.number().meta({ description: '0–100: from the price for price, the evaluators’ mark otherwise' }),
  weighted: z.number().meta({ description: 'mark × weight: the points it adds to the total' }),
});

/** The bids ranked by total score (0–100), with each criterion's mark and weighted points. */
export const FranchiseTender = z
  .strictObject({
    priceMethod: z.enum(PRICE_METHOD_IDS),
    minSocialValue: z.number(),
    socialValueWeight: z.number(),
    lowestPrice: z.number().meta({ description: '£' }),
    criteria: z.array(Criterion),
    bids: z.array(
      z.strictObject({
        rank: z.number().meta({ description: '1 is best; ties share a rank' }),
        bidder: z.string(),
        price: z.number().meta({ description: '£' }),
        total: z.number().meta({ description: 'weighted score out of 100' }),
        scores: z.array(ScoredCriterion),
      }),
    ),
    notes: Notes,
  })
  .meta({ id: 'FranchiseTender' });
export type FranchiseTender = z.infer<typeof FranchiseTender>;

/** One row per bid and criterion (CSV and the CLI). */
export const tenderView = table(
  (r: FranchiseTender) =>
    r.bids.flatMap((b) =>
      b.scores.map((s) => {
        const c = r.criteria.find((x) => x.id === s.criterion)!;
        return { rank: b.rank, bidder: b.bidder, price: b.price, total: b.total, ...s, ...c };
      }),
    ),
  ['rank', 'bidder', 'price', 'total', 'criterion', 'name', 'kind', 'weight', 'mark', 'weighted'],
);
