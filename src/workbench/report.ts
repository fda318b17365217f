// Gathers one area's report from the store and the registers, as of a date: the profile, the
// commitments covering the area with the last status recorded by then, the projections frozen by
// then with their outturn where it is in, every current dataset and the methods used.
import type { Taxonomy } from '../core/taxonomy.ts';
import type { CommitmentRow } from '../contract/accountability.ts';
import type { Registers } from '../civic/service.ts';
import type { ReportInput, ReportProjection } from '../reports/input.ts';
import { reportHtml } from '../reports/page.ts';
import { listDatasets } from './data.ts';
import { commitmentHistory, commitmentList } from './commitments.ts';
import { dateOrUsage } from './commitment-status.ts';
import type { Ctx } from './context.ts';
import { areaProfile } from './profile.ts';
import { projectionList, projectionOutturn } from './projections.ts';

/** What a report is asked for. */
export interface ReportOptions {
  /** An area code, or `uk`. */
  area: string;
  asOf: string;
  /** `strata x.y.z (commit …)`, printed in the report. */
  version: string;
}

async function commitmentsAsOf(regs: Registers, area: string, asOf: string): Promise<CommitmentRow[]> {
  const out: CommitmentRow[] = [];
  for (const c of (await commitmentList(regs, { area })).commitments) {
    if (c.made > asOf) continue;
    if (c.statusDate <= asOf) {
      out.push(c);
      continue;
    }
    const known = (await commitmentHistory(regs, c.id)).history.filter((e) => e.date <= asOf).at(-1);
    out.push(
      known
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
          },
    );
  }
  return out;
}

async function projectionsAsOf(
  ctx: Ctx,
  regs: Registers,
  area: string,
  asOf: string,
  t: Taxonomy,
): Promise<ReportProjection[]> {
  const out: ReportProjection[] = [];
  for (const p of (await projectionList(regs, area)).projections.filter((x) => x.frozenOn <= asOf)) {
    const outturn = await projectionOutturn(ctx, regs, p.id, [], t).catch(() => null);
    out.push({ projection: p, outturn });
  }
  return out;
}

/** The report's input. */
export async function reportInput(
  ctx: Ctx,
  regs: Registers,
  o: ReportOptions,
  t: Taxonomy,
): Promise<ReportInput> {
  dateOrUsage(o.asOf, 'as-of date');
  const code = o.area.toLowerCase() === 'uk' ? 'K02000001' : o.area;
  const profile = await areaProfile(ctx, code, t);
  const commitments = await commitmentsAsOf(regs, code, o.asOf);
  const projections = await projectionsAsOf(ctx, regs, code, o.asOf, t);
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
  const methods = [
    {
      name: 'layer taxonomy',
      version: profile.taxonomy,
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
  ].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return {
    profile,
    asOf: o.asOf,
    commitments,
    projections,
    datasets,
    methods,
    version: o.version,
    rebuild: `strata report ${o.area} --as-of ${o.asOf}`,
  };
}

/** The report as one HTML file. */
export async function areaReport(ctx: Ctx, regs: Registers, o: ReportOptions, t: Taxonomy): Promise<string> {
  return reportHtml(await reportInput(ctx, regs, o, t));
}
