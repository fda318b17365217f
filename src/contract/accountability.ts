// `strata commitments`, `strata projections` and /api/v1/commitments, /api/v1/projections: the
// register of what was promised, with each commitment's status, the rule that gave it and its
// append-only history; frozen projections and their forecast against outturn.
import { z } from 'zod';
import { table } from './table.ts';

const Source = z.strictObject({
  title: z.string(),
  url: z.string().nullable(),
  published: z.string().nullable(),
});

/** A commitment with its latest status. */
export const CommitmentRow = z
  .strictObject({
    id: z.string(),
    register: z.string(),
    example: z.boolean().meta({ description: 'an example shipped with Strata, not a real promise' }),
    who: z.string(),
    what: z.string(),
    made: z.string(),
    deadline: z.string(),
    areas: z.array(z.string()),
    indicator: z.string().nullable(),
    target: z.string().nullable().meta({ description: 'the target as declared: value, change or by' }),
    rule: z.string().meta({ description: 'the status rule and version (trajectory@1), or assessed' }),
    status: z
      .string()
      .meta({ description: 'achieved, on-track, signs-of-progress, off-track, not-kept or unclear' }),
    statusDate: z.string(),
    reason: z.string(),
    evidence: z.string(),
    source: Source,
    replaces: z.array(z.string()),
  })
  .meta({ id: 'CommitmentRow' });
export type CommitmentRow = z.infer<typeof CommitmentRow>;

export const StatusMeaning = z.strictObject({ status: z.string(), meaning: z.string() });

export const CommitmentList = z
  .strictObject({ commitments: z.array(CommitmentRow), statuses: z.array(StatusMeaning) })
  .meta({ id: 'CommitmentList' });
export type CommitmentList = z.infer<typeof CommitmentList>;

export const commitmentListView = table(
  (l: CommitmentList) => l.commitments,
  [
    'id',
    'status',
    'statusDate',
    'rule',
    'deadline',
    ['areas', (c) => c.areas.join(' ')],
    'who',
    'what',
    'indicator',
    'target',
    'example',
  ],
);

/** One recorded status. */
export const HistoryEntry = z
  .strictObject({
    seq: z.number(),
    date: z.string(),
    status: z.string(),
    rule: z.string(),
    evidence: z.string(),
    reason: z.string(),
    who: z.string(),
  })
  .meta({ id: 'CommitmentHistoryEntry' });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const CommitmentHistory = z
  .strictObject({ commitment: CommitmentRow, history: z.array(HistoryEntry) })
  .meta({ id: 'CommitmentHistory' });
export type CommitmentHistory = z.infer<typeof CommitmentHistory>;

export const historyView = table(
  (h: CommitmentHistory) => h.history,
  ['seq', 'date', 'status', 'rule', 'reason', 'evidence', 'who'],
);

/** What an import of a register file did. */
export const CommitmentImport = z
  .strictObject({
    register: z.string(),
    example: z.boolean(),
    asOf: z.string(),
    added: z.array(z.string()),
    unchanged: z.array(z.string()),
    appended: z.array(
      z.strictObject({ id: z.string(), seq: z.number(), date: z.string(), status: z.string() }),
    ),
  })
  .meta({ id: 'CommitmentImport' });
export type CommitmentImport = z.infer<typeof CommitmentImport>;

export const importView = table((r: CommitmentImport) => r.appended, ['id', 'seq', 'date', 'status']);

/** A dataset as a frozen projection or plan records it. */
export const Vintage = z.strictObject({ source: z.string(), vintage: z.string(), sha256: z.string() });
const Point = z.strictObject({ period: z.number(), value: z.number() });

/** A frozen projection: the value, the method and the data it was made from. */
export const Projection = z
  .strictObject({
    id: z.string(),
    indicator: z.string(),
    area: z.string(),
    period: z.number(),
    lastPeriod: z.number().meta({ description: 'the last period of data it used' }),
    method: z.string().meta({ description: 'method and version (linear-trend@1)' }),
    parameters: z.record(z.string(), z.number()),
    value: z.number(),
    exact: z.string().meta({ description: 'the value as recorded (shortest round-trip decimal)' }),
    inputs: z.array(Point),
    vintages: z.array(Vintage),
    frozenOn: z.string(),
    who: z.string(),
  })
  .meta({ id: 'Projection' });
export type Projection = z.infer<typeof Projection>;

export const ProjectionList = z
  .strictObject({ projections: z.array(Projection) })
  .meta({ id: 'ProjectionList' });
export type ProjectionList = z.infer<typeof ProjectionList>;

export const projectionListView = table(
  (l: ProjectionList) => l.projections,
  [
    'id',
    'indicator',
    'area',
    'period',
    'lastPeriod',
    'method',
    'exact',
    'frozenOn',
    [
      'vintages',
      (p) => p.vintages.map((v) => `${v.source} ${v.vintage} ${v.sha256.slice(0, 12)}`).join('; '),
    ],
  ],
);

/** One part of a forecast error: as a number, and as the exact decimal the parts add up in. */
export const Part = z.strictObject({ value: z.number(), exact: z.string() });

/** Forecast against outturn, the difference split into parts that add up exactly. */
export const Outturn = z
  .strictObject({
    projection: Projection,
    outturn: z.number(),
    reprojected: z.number().meta({ description: 'the same method on today’s data for the same periods' }),
    revisedInputs: z.array(Point),
    policy: z.array(z.strictObject({ scenario: z.string(), effect: z.number() })),
    vintagesNow: z.array(Vintage),
    error: z.strictObject({ total: Part, revision: Part, policy: Part, rest: Part }),
  })
  .meta({ id: 'Outturn' });
export type Outturn = z.infer<typeof Outturn>;

export const outturnView = table(
  (o: Outturn) =>
    (['total', 'revision', 'policy', 'rest'] as const).map((part) => ({ part, ...o.error[part] })),
  ['part', 'exact', 'value'],
);

/** One frozen projection and, once the outturn is published, forecast against outturn. */
export const ProjectionDetail = z
  .strictObject({
    projection: Projection,
    outturn: Outturn.nullable(),
    pending: z.string().nullable().meta({
      description: 'why there is no outturn yet (not yet published, or the method cannot be rerun)',
    }),
  })
  .meta({ id: 'ProjectionDetail' });
export type ProjectionDetail = z.infer<typeof ProjectionDetail>;

export const projectionDetailView = table(
  (d: ProjectionDetail) =>
    d.outturn
      ? (['total', 'revision', 'policy', 'rest'] as const).map((part) => ({
          part,
          ...d.outturn!.error[part],
        }))
      : [],
  ['part', 'exact', 'value'],
);
