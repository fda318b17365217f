// /api/v1/reports: what an area's accountability report is built from (the HTML page is
// reportHtml of exactly this), so anyone can check a figure in the page against its input.
import { z } from 'zod';
import { PlanDetail } from './plans.ts';
import { CommitmentRow, Outturn, Projection } from './accountability.ts';
import { AreaProfile } from './areas.ts';
import { EntitlementRow, FloorSummary } from './entitlements.ts';
import { LocalGap } from './gender.ts';
import { AreaMission } from './missions.ts';
import { table } from './table.ts';

/** One dataset in the store, as the appendix lists it. */
export const ReportDataset = z
  .strictObject({
    source: z.string(),
    publisher: z.string(),
    title: z.string(),
    vintage: z.string(),
    licence: z.string(),
    sha256: z.string(),
  })
  .meta({ id: 'ReportDataset' });
export type ReportDataset = z.infer<typeof ReportDataset>;

/** A method used in the report, with its version and parameters. */
export const ReportMethod = z
  .strictObject({ name: z.string(), version: z.string(), parameters: z.string() })
  .meta({ id: 'ReportMethod' });
export type ReportMethod = z.infer<typeof ReportMethod>;

/** A frozen projection with its outturn, when it is in. */
export const ReportProjection = z
  .strictObject({ projection: Projection, outturn: Outturn.nullable() })
  .meta({ id: 'ReportProjection' });
export type ReportProjection = z.infer<typeof ReportProjection>;

/** A consultation held in the area, as the report states it as of its date. */
export const ReportConsultation = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    electorate: z.string().meta({ description: 'codes, accounts or codes-or-accounts' }),
    openPoll: z.boolean().meta({ description: 'published as an open poll: its results are not a vote' }),
    opensAt: z.string(),
    closesAt: z.string(),
    state: z.enum(['open', 'closed']).meta({ description: 'as of the report’s date' }),
    closedAt: z.string().nullable(),
    rule: z.string(),
    ballots: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'voters counted (each one’s last ballot); null until closed' }),
    result: z.array(z.string()).meta({
      description: 'the published outcome, as `strata civic results` prints it; empty until closed',
    }),
    head: z.strictObject({ hash: z.string(), count: z.number().int() }).nullable().meta({
      description:
        'the closed log’s last entry hash and its entries: what `civic verify --head` checks against',
    }),
    signed: z
      .strictObject({
        seq: z.number().int(),
        at: z.string(),
        count: z.number().int(),
        key: z.string(),
        final: z.boolean().meta({
          description: 'whether it is the final head, published at the close and stating the whole log',
        }),
      })
      .nullable()
      .meta({
        description: 'the last signed head published by the report’s date, and the key that signed it',
      }),
    signedCount: z.number().int().meta({ description: 'signed heads published by the report’s date' }),
  })
  .meta({ id: 'ReportConsultation' });
export type ReportConsultation = z.infer<typeof ReportConsultation>;

/** Why a section has nothing to show for this store (its data not imported), or null. */
const Unavailable = z.string().nullable();

/** One mission's status for the area: a district's own, the nation's for the UK, none for ITL areas. */
export const ReportMission = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    example: z.boolean(),
    source: z.string(),
    statusRule: z.string(),
    status: AreaMission.nullable(),
  })
  .meta({ id: 'ReportMission' });
export type ReportMission = z.infer<typeof ReportMission>;

/** The area against the default entitlement floors: its rows (a district), or the national summary (the UK). */
export const ReportEntitlements = z
  .strictObject({
    title: z.string(),
    source: z.string(),
    rows: z.array(EntitlementRow),
    summary: z.array(FloorSummary),
    unavailable: Unavailable,
  })
  .meta({ id: 'ReportEntitlements' });
export type ReportEntitlements = z.infer<typeof ReportEntitlements>;

/** The area's local gender pay gaps (districts; suppressed values kept as suppressed). */
export const ReportGender = z
  .strictObject({
    period: z.string(),
    source: z.string(),
    rows: z.array(LocalGap),
    unavailable: Unavailable,
  })
  .meta({ id: 'ReportGender' });
export type ReportGender = z.infer<typeof ReportGender>;

/** Everything one area's report shows, as of a date. */
export const ReportInput = z
  .strictObject({
    profile: AreaProfile,
    asOf: z.string(),
    commitments: z.array(CommitmentRow),
    projections: z.array(ReportProjection),
    plans: z.array(PlanDetail).meta({
      description:
        'scenarios and finance plans frozen by the report’s date that speak for the area, with forecast against outturn for the area’s linked figures',
    }),
    missions: z.array(ReportMission),
    entitlements: ReportEntitlements,
    gender: ReportGender,
    consultations: z.array(ReportConsultation),
    datasets: z.array(ReportDataset),
    methods: z.array(ReportMethod),
    version: z.string().meta({ description: 'strata x.y.z (commit …) that built it' }),
    rebuild: z.string().meta({ description: 'the command that rebuilds this report' }),
  })
  .meta({ id: 'ReportInput' });
export type ReportInput = z.infer<typeof ReportInput>;

/** The report's input as a table: the appendix of datasets. */
export const reportDatasetsView = table(
  (r: ReportInput) => r.datasets,
  ['source', 'publisher', 'title', 'vintage', 'licence', 'sha256'],
);
