// Gathers areas' reports from the store and the registers, as of a date: what every report shares
// (the commitments with the last status recorded by then, the projections frozen by then with
// their outturn where it is in, every current dataset, the other lenses) is read once; then each
// area's profile and its share of the registers. One area's report reads only what it shows (its
// projections, its lenses) and gives the same bytes as the batch.
import type { Taxonomy } from '../core/taxonomy.ts';
import type { CommitmentRow } from '../contract/accountability.ts';
import type { PlanDetail } from '../contract/plans.ts';
import type {
  ReportConsultation,
  ReportDataset,
  ReportInput,
  ReportMethod,
  ReportProjection,
} from '../contract/reports.ts';
import type { Registers } from '../civic/service.ts';
import { reportHtml } from '../reports/page.ts';
import { listDatasets } from './data.ts';
import { commitmentList } from './commitments.ts';
import { dateOrUsage, storedHistories } from './commitment-status.ts';
import type { Ctx } from './context.ts';
import { areaProfile } from './profile.ts';
import { planDetailOf, planList } from './plans.ts';
import { projectionList, projectionOutturn } from './projections.ts';
import { consultationsAsOf } from './report-consultations.ts';
import { allLenses, areaLenses, type AreaLenses } from './report-lenses.ts';

/** What a report is asked for. */
export interface ReportOptions {
  /** An area code, or `uk`. */
  area: string;
  asOf: string;
  /** `strata x.y.z (commit …)`, printed in the report. */
  version: string;
}

/** What every area's report as of one date shares: read once for a batch. */
export interface ReportShared {
  asOf: string;
  commitments: CommitmentRow[];
  projections: ReportProjection[];
  /** Plans frozen by `asOf`, with the outturns of every area's linked figures (or of `area`'s alone). */
  plans: PlanDetail[];
  datasets: ReportDataset[];
  /** An area's sections from the other lenses (missions, entitlements, gender). */
  lenses: (code: string) => Promise<AreaLenses>;
  /** Consultations opened by `asOf`, by area code. */
  consultations: Map<string, ReportConsultation[]>;
}

async function commitmentsAsOf(regs: Registers, asOf: string): Promise<CommitmentRow[]> {
  const histories = await storedHistories(regs);
  return (await commitmentList(regs)).commitments
    .filter((c) => c.made <= asOf)
    .map((c) => {
      if (c.statusDate <= asOf) return c;
      const known = (histories.get(c.id) ?? []).filter((e) => e.date <= asOf).at(-1);
      return known
        ? {
            ...c,
            status: known.status,
            statusDate: known.date,
            rule: known.rule,
            reason: known.reason,
            evidence: known.evidence,
          }
        : {
            ...c,
            status: 'unclear',
            statusDate: asOf,
            reason: 'no status recorded by this date',
            evidence: '',
          };
    });
}

async function projectionsAsOf(
  ctx: Ctx,
  regs: Registers,
  asOf: string,
  t: Taxonomy,
  area: string | undefined,
): Promise<ReportProjection[]> {
  const out: ReportProjection[] = [];
  for (const p of (await projectionList(regs, area)).projections.filter((x) => x.frozenOn <= asOf)) {
    const outturn = await projectionOutturn(ctx, regs, p.id, [], t).catch(() => null);
    out.push({ projection: p, outturn });
  }
  return out;
}

async function plansAsOf(
  ctx: Ctx,
  regs: Registers,
  asOf: string,
  t: Taxonomy,
  area: string | undefined,
): Promise<PlanDetail[]> {
  const out: PlanDetail[] = [];
  for (const p of (await planList(regs, area)).plans.filter((x) => x.frozenOn <= asOf))
    out.push(await planDetailOf(ctx, p, t, area));
  return out;
}

/** For a batch, every area's lenses computed once and cut; for one area, that area's alone. */
async function lensesOf(ctx: Ctx, t: Taxonomy, area: string | undefined) {
  if (area !== undefined) return (code: string) => areaLenses(ctx, t, code);
  const cut = await allLenses(ctx, t);
  return (code: string) => Promise.resolve(cut(code));
}

/** Reads what every report as of `asOf` shares (the projections and lenses of `area` alone, when given). */
export async function reportShared(
  ctx: Ctx,
  regs: Registers,
  asOf: string,
  t: Taxonomy,
  area?: string,
): Promise<ReportShared> {
  dateOrUsage(asOf, 'as-of date');
  const datasets = (await listDatasets(ctx.store))
    .filter((d) => d.current)
    .map((d) => ({
      source: d.source,
      publisher: d.publisher,
      title: d.title,
      vintage: d.vintage,
      licence: d.licence,
      sha256: d.sha256,
    }))
    .sort((a, b) => a.source.localeCompare(b.source) || a.sha256.localeCompare(b.sha256));
  const [commitments, projections, plans, lenses, consultations] = await Promise.all([
    commitmentsAsOf(regs, asOf),
    projectionsAsOf(ctx, regs, asOf, t, area),
    plansAsOf(ctx, regs, asOf, t, area),
    lensesOf(ctx, t, area),
    consultationsAsOf(regs, asOf),
  ]);
  return { asOf, commitments, projections, plans, datasets, lenses, consultations };
}

function methodsOf(
  taxonomy: string,
  commitments: CommitmentRow[],
  projections: ReportProjection[],
  plans: PlanDetail[],
): ReportMethod[] {
  return [
    {
      name: 'layer taxonomy',
      version: taxonomy,
      parameters: 'GVA at current prices by SIC industry, imputed rental excluded',
    },
    ...[...new Set(commitments.map((c) => c.rule))].map((rule) => {
      const [name, version] = rule.split('@');
      return {
        name: `status rule ${name}`,
        version: version ?? '—',
        parameters: 'declared in the commitments register',
      };
    }),
    ...[
      ...new Set(projections.map((p) => `${p.projection.method} ${JSON.stringify(p.projection.parameters)}`)),
    ].map((m) => {
      const [label, params] = [m.slice(0, m.indexOf(' ')), m.slice(m.indexOf(' ') + 1)];
      const [name, version] = label.split('@');
      return { name: `projection ${name}`, version: version ?? '—', parameters: params };
    }),
    ...[...new Set(plans.map((d) => `${d.plan.method} ${JSON.stringify(d.plan.parameters)}`))].map((m) => {
      const [label, params] = [m.slice(0, m.indexOf(' ')), m.slice(m.indexOf(' ') + 1)];
      const [name, version] = label.split('@');
      return { name: `plan ${name}`, version: version ?? '—', parameters: params };
    }),
  ].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** One area's report input from what the batch shares. */
export async function inputFor(
  ctx: Ctx,
  shared: ReportShared,
  o: Omit<ReportOptions, 'asOf'>,
  t: Taxonomy,
): Promise<ReportInput> {
  const code = codeOf(o.area);
  const [profile, lenses] = await Promise.all([areaProfile(ctx, code, t), shared.lenses(code)]);
  const commitments = shared.commitments.filter((c) => c.areas.includes(code));
  const projections = shared.projections.filter((p) => p.projection.area === code);
  const plans = shared.plans
    .filter((d) => d.plan.areas.includes(code))
    .map((d) => ({ ...d, outturns: d.outturns.filter((o) => o.areacd === code) }));
  return {
    profile,
    asOf: shared.asOf,
    commitments,
    projections,
    plans,
    ...lenses,
    consultations: shared.consultations.get(code) ?? [],
    datasets: shared.datasets,
    methods: methodsOf(profile.taxonomy, commitments, projections, plans),
    version: o.version,
    rebuild: `strata report ${o.area} --as-of ${shared.asOf}`,
  };
}

const codeOf = (area: string) => (area.toLowerCase() === 'uk' ? 'K02000001' : area);

/** The report's input. */
export async function reportInput(
  ctx: Ctx,
  regs: Registers,
  o: ReportOptions,
  t: Taxonomy,
): Promise<ReportInput> {
  return inputFor(ctx, await reportShared(ctx, regs, o.asOf, t, codeOf(o.area)), o, t);
}

/** The report as one HTML file. */
export async function areaReport(ctx: Ctx, regs: Registers, o: ReportOptions, t: Taxonomy): Promise<string> {
  return reportHtml(await reportInput(ctx, regs, o, t));
}
