// What the civic API sends about a consultation beyond its bookkeeping: the published
// consultation the ballot log commits to, the outcome a tally rule returns, the
// representativeness report beside it, the evidence a ballot page shows, and the organiser's
// turnout. Strict: a field the server adds, drops or retypes fails the civic contract test.
import { z } from 'zod';
import { maybe, Notes } from './common.ts';

/** A project, proposal or goal as published. */
export const CivicOption = z
  .strictObject({
    id: z.string(),
    name: z.string().optional(),
    cost: z.string().optional().meta({ description: 'decimal text, for budgets' }),
  })
  .meta({ id: 'CivicOption' });

/** The consultation as published before it opens: what the ballot log and the tally commit to. */
export const PublishedConsultation = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    ballot: z.enum(['approval', 'knapsack', 'ranking', 'points']),
    options: z.array(CivicOption),
    rule: z.string().meta({ description: 'the published tally rule' }),
    budget: z
      .string()
      .optional()
      .meta({ description: 'decimal text, for budget rules and knapsack ballots' }),
    trim: z.number().optional().meta({ description: 'trim fraction per side (trimmed-mean)' }),
    seats: z.number().int().optional(),
    minLength: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    openPoll: z
      .literal(true)
      .optional()
      .meta({ description: 'an open poll: anyone may take part, so its results are not a vote' }),
  })
  .meta({ id: 'PublishedConsultation' });
export type PublishedConsultation = z.infer<typeof PublishedConsultation>;

const BudgetOutcome = z.strictObject({
  kind: z.literal('budget'),
  rule: z.string(),
  selected: z.array(z.string()).meta({ description: 'project ids in the order the rule chose them' }),
  spent: z.number().meta({ description: 'total cost of the selection, in the problem’s integer units' }),
  notes: Notes,
});

const RankingOutcome = z.strictObject({
  kind: z.literal('ranking'),
  rule: z.string(),
  scores: z.array(z.strictObject({ id: z.string(), score: z.number() })),
  winners: z.array(z.string()),
  notes: Notes,
});

const WeightsOutcome = z.strictObject({
  kind: z.literal('weights'),
  rule: z.string(),
  ballots: z.number().int(),
  weights: z.array(
    z.strictObject({
      id: z.string(),
      fraction: z.string().meta({ description: 'exact, as p/q' }),
      value: z.number(),
      share: z.number().meta({ description: '% of all weights' }),
    }),
  ),
  notes: Notes,
});

/** What a tally rule returns: funded projects, options by score, or goal weights. */
export const Outcome = z
  .discriminatedUnion('kind', [BudgetOutcome, RankingOutcome, WeightsOutcome])
  .meta({ id: 'Outcome' });
export type Outcome = z.infer<typeof Outcome>;

const Stratum = z.strictObject({
  ageBand: z.string(),
  sex: z.string().nullable(),
  population: z.number(),
  populationShare: z.number(),
  respondents: z.number().int(),
  sampleShare: z.number(),
  weight: maybe,
});

/** Who took part against the area's population, and the tally's scores post-stratified. */
export const Representativeness = z
  .strictObject({
    poststratification: z.strictObject({
      weights: z.array(maybe).meta({ description: 'per counted ballot, in log order; null: not weighted' }),
      strata: z.array(Stratum),
      included: z.number().int(),
      excluded: z.number().int(),
      uncoveredShare: z.number(),
      effectiveN: z.number().meta({ description: 'Kish’s effective sample size' }),
    }),
    weighted: z.strictObject({
      measure: z.enum(['approval share', 'borda points', 'goal points']),
      options: z.array(z.strictObject({ id: z.string(), raw: z.number(), weighted: maybe })),
      notes: Notes,
    }),
    declared: z.number().int(),
    counted: z.number().int(),
    source: z.string(),
    year: z.string(),
  })
  .meta({ id: 'Representativeness' });
export type Representativeness = z.infer<typeof Representativeness>;

const Estimate = { value: maybe, lci95: maybe, uci95: maybe };

/** The evidence panel of a ballot page: the area's layered economy and headline indicators. */
export const BallotEvidence = z
  .strictObject({
    area: z.string().meta({ description: 'the area’s name (its code where none is in the store)' }),
    areacd: z.string(),
    taxonomy: z.string().optional().meta({ description: 'absent when the store holds no evidence' }),
    layers: z
      .strictObject({
        year: z.number(),
        source: z.string(),
        rows: z.array(
          z.strictObject({ layer: z.string(), value: z.number(), share: z.number(), lq: z.number() }),
        ),
      })
      .nullable(),
    indicators: z.array(
      z.strictObject({
        indicator: z.string(),
        label: z.string(),
        period: z.string(),
        unit: z.string(),
        ...Estimate,
        source: z.string(),
        comparators: z.array(z.strictObject({ areanm: z.string(), ...Estimate })),
      }),
    ),
    notes: Notes,
  })
  .meta({ id: 'BallotEvidence' });
export type BallotEvidence = z.infer<typeof BallotEvidence>;

/** Turnout: voters against the electorate, in all, by zone and by declared age band; small counts withheld. */
export const Turnout = z
  .strictObject({
    consultationId: z.string(),
    phase: z.enum(['draft', 'scheduled', 'open', 'closed']),
    threshold: z.number().int().meta({ description: 'counts below this (and above 0) are withheld' }),
    rows: z.array(
      z.strictObject({
        breakdown: z.enum(['all', 'zone', 'age band']),
        group: z.string(),
        voters: maybe,
        electorate: maybe,
        turnout: maybe.meta({ description: 'voters / electorate' }),
      }),
    ),
  })
  .meta({ id: 'Turnout' });
export type Turnout = z.infer<typeof Turnout>;
