// Frozen plans: a scenario's expected outcome (every goal per intervention for the areas it acts
// in and the UK, with its 5–95 % band, for a declared year) or a finance plan's path (capital
// mobilised and the pension pot by year, as percentiles), recorded with an id, the file's
// checksum, the method version and the data vintages. Where a scenario's goal moves a published
// indicator in a district (MISSION_LINKS), the figure is also frozen as a level — the baseline
// value plus the effect — and, once that year is published, forecast against outturn is split
// into data revision (today's baseline plus the same effect), later policy (none declared) and the
// rest, exactly. Figures no published series measures are said to have no outturn, never given one.
import { createHash } from 'node:crypto';
import { UsageError, notFound } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Plan, PlanDetail, PlanList, PlanOutturn, PlanPoint } from '../contract/plans.ts';
import { decompose } from '../models/accountability/index.ts';
import { MISSION_LINKS } from '../models/scenarios/missions.ts';
import type { PlanRecord, Registers } from '../civic/service.ts';
import { areaSeries } from './area-series.ts';
import { dateOrUsage } from './commitment-status.ts';
import type { Ctx } from './context.ts';
import { listDatasets } from './data.ts';
import type { ParsedFile } from './data-file.ts';
import { runFinance } from './finance.ts';
import { ladPopulation } from './geography.ts';
import { registryEntry } from './registry.ts';
import { runScenario } from './scenarios.ts';

const UK = 'K02000001';

/** The methods plans are frozen with, and their versions. */
export const PLAN_METHODS = { scenario: 'scenario-lab@1', finance: 'finance-paths@1' } as const;

/** The finance measures a plan's path is frozen with: the capital it mobilises (pension money into productive assets, a bank's loans, bonds, a fund) and the pension pot with and without it. */
export const PLAN_FINANCE_MEASURES = [
  'capital_mobilised',
  'capital_flow',
  'bank_loans',
  'bonds_outstanding',
  'fund_assets',
  'pot',
  'pot_baseline',
] as const;

/** What to freeze. */
export interface PlanSpec {
  kind: 'scenario' | 'finance';
  file: ParsedFile;
  /** A scenario's year of outcome (default: the first year every intervention runs). */
  year?: number;
  /** A finance plan's area besides the UK. */
  area?: string;
  frozenOn: string;
  who: string;
}

/** The shortest decimal that reads back as the same number. */
const exact = (v: number) => String(v);

async function vintages(ctx: Ctx): Promise<Plan['vintages']> {
  return (await listDatasets(ctx.store))
    .filter((d) => d.current)
    .map((d) => ({ source: d.source, vintage: d.vintage, sha256: d.sha256 }))
    .sort((a, b) => a.source.localeCompare(b.source) || a.sha256.localeCompare(b.sha256));
}

/** The level a district's figure is expected to reach in the linked indicator: its latest value by the base year plus the effect. */
async function linkOf(
  ctx: Ctx,
  t: Taxonomy,
  p: Omit<PlanPoint, 'link'>,
  baseYear: number,
): Promise<PlanPoint['link']> {
  const l = MISSION_LINKS.find((x) => x.goal === p.measure);
  if (!l || p.value === null || p.areacd === UK || !/^[ENSW]0/.test(p.areacd)) return null;
  const pop = await ladPopulation(ctx);
  const a = { population: pop.all.get(p.areacd) ?? null, workingAge: pop.workingAge.get(p.areacd) ?? null };
  const effect = l.convert(p.value, a);
  if (effect === null) return null;
  const { points } = await areaSeries(ctx, l.indicator, p.areacd, t);
  const base = points.filter((o) => o.period <= baseYear).at(-1);
  if (!base) return null;
  const band = (v: number | null | undefined) => (v === null || v === undefined ? null : l.convert(v, a));
  const expected = base.value + effect;
  return {
    indicator: l.indicator,
    unit: registryEntry(await ctx.registry(), l.indicator).unit,
    baselinePeriod: base.period,
    baseline: base.value,
    effect,
    effectP05: band(p.bands.p05),
    effectP95: band(p.bands.p95),
    expected,
    exact: exact(expected),
  };
}

async function scenarioPlan(ctx: Ctx, t: Taxonomy, s: PlanSpec) {
  const r = await runScenario(ctx, t, s.file);
  const year = s.year ?? Math.max(...r.interventions.map((i) => i.start));
  if (!Number.isInteger(year)) throw new UsageError(`invalid year: ${s.year}`);
  const areas = [...new Set([...r.interventions.flatMap((i) => i.areas), UK])].sort();
  const unit = new Map(r.goals.map((g) => [g.id, g.unit]));
  const points: PlanPoint[] = [];
  for (const row of r.rows.filter((x) => areas.includes(x.areacd))) {
    const p = {
      series: row.intervention,
      measure: row.goal,
      areacd: row.areacd,
      year,
      unit: unit.get(row.goal) ?? '',
      value: row.value,
      bands: { p05: row.p05, p95: row.p95 },
    };
    points.push({ ...p, link: await linkOf(ctx, t, p, r.scenario.baseYear) });
  }
  const m = r.scenario.model;
  return {
    title: r.scenario.title,
    parameters: {
      year,
      baseYear: r.scenario.baseYear,
      delta: m.delta,
      type: m.type,
      draws: r.scenario.draws,
      seed: r.scenario.seed,
    },
    areas,
    points,
  };
}

async function financePlan(ctx: Ctx, t: Taxonomy, s: PlanSpec) {
  const r = await runFinance(ctx, t, s.file);
  const areas = [...new Set([UK, ...(s.area ? [s.area] : [])])].sort();
  if (s.area && !r.areas.some((a) => a.areacd === s.area)) throw notFound('area of the finance run', s.area);
  const wanted = new Set<string>(PLAN_FINANCE_MEASURES);
  const points: PlanPoint[] = r.rows
    .filter((x) => wanted.has(x.measure) && areas.includes(x.areacd))
    .map((x) => ({
      series: x.policy,
      measure: x.measure,
      areacd: x.areacd,
      year: x.year,
      unit: x.unit,
      value: x.p50,
      bands: {
        p05: x.p05,
        p10: x.p10,
        p25: x.p25,
        p50: x.p50,
        p75: x.p75,
        p90: x.p90,
        p95: x.p95,
        mean: x.mean,
      },
      link: null,
    }));
  if (points.length === 0)
    throw new UsageError(
      `${s.file.name}: no ${PLAN_FINANCE_MEASURES.join(', ')} to freeze (a pension reform, a bank, bonds or a fund has them)`,
    );
  return {
    title: r.title ?? r.id,
    parameters: { paths: r.paths, seed: r.seed, horizon: r.horizon, startYear: r.startYear },
    areas,
    points,
  };
}

/** Freezes a scenario's expected outcome or a finance plan's path; returns it with its new id. */
export async function freezePlan(ctx: Ctx, regs: Registers, s: PlanSpec, t: Taxonomy): Promise<Plan> {
  dateOrUsage(s.frozenOn, 'frozen-on date');
  const made = s.kind === 'scenario' ? await scenarioPlan(ctx, t, s) : await financePlan(ctx, t, s);
  const row = {
    kind: s.kind,
    title: made.title,
    source: s.file.name,
    fingerprint: createHash('sha256').update(JSON.stringify(s.file.value)).digest('hex'),
    method: JSON.stringify({ method: PLAN_METHODS[s.kind], ...made.parameters }),
    areas: made.areas.join(' '),
    points: JSON.stringify(made.points),
    vintages: JSON.stringify(await vintages(ctx)),
    frozen_on: s.frozenOn,
    who: s.who,
  };
  const id = await regs.freezePlan(row);
  return planOf({ ...row, id });
}

/** A recorded plan in the contract's shape. */
export function planOf(r: PlanRecord): Plan {
  const { method, ...parameters } = JSON.parse(r.method) as { method: string } & Record<string, number>;
  return {
    id: r.id,
    kind: r.kind === 'finance' ? 'finance' : 'scenario',
    title: r.title,
    source: r.source,
    fingerprint: r.fingerprint,
    method,
    parameters,
    areas: r.areas.split(' ').filter(Boolean),
    points: JSON.parse(r.points) as PlanPoint[],
    vintages: JSON.parse(r.vintages) as Plan['vintages'],
    frozenOn: r.frozen_on,
    who: r.who,
  };
}

/** Every frozen plan (optionally those speaking for one area). */
export async function planList(regs: Registers, area?: string): Promise<PlanList> {
  const all = (await regs.plans()).map(planOf);
  return { plans: all.filter((p) => area === undefined || p.areas.includes(area)) };
}

async function outturnOf(ctx: Ctx, t: Taxonomy, p: PlanPoint): Promise<PlanOutturn> {
  const l = p.link!;
  const base = {
    series: p.series,
    measure: p.measure,
    areacd: p.areacd,
    year: p.year,
    indicator: l.indicator,
    expected: l.expected,
  };
  const none = (why: string) => ({ ...base, outturn: null, reprojected: null, error: null, pending: why });
  const { points } = await areaSeries(ctx, l.indicator, p.areacd, t);
  const out = points.find((o) => o.period === p.year);
  if (!out) return none(`no outturn yet: ${l.indicator} for ${p.areacd} in ${p.year} is not in the store`);
  const baseline = points.find((o) => o.period === l.baselinePeriod);
  if (!baseline)
    return none(
      `no outturn yet: the baseline (${l.indicator} in ${l.baselinePeriod}) is no longer in the store`,
    );
  const reprojected = baseline.value + l.effect;
  const error = decompose({ projected: l.expected, reprojected, policy: [], outturn: out.value });
  return { ...base, outturn: out.value, reprojected, error, pending: null };
}

function unmeasured(p: Plan): string | null {
  if (p.kind === 'finance')
    return 'no outturn yet: capital mobilised and pension pots are simulated paths of a policy not (yet) in force; no published series Strata reads measures them';
  const linked = new Set(p.points.filter((x) => x.link !== null).map((x) => x.measure));
  const goals = [...new Set(p.points.map((x) => x.measure))].filter((m) => !linked.has(m)).sort();
  return goals.length
    ? `no outturn yet: ${goals.join(', ')} are model figures (the scenario against none) that no published series measures`
    : null;
}

/** A frozen plan with forecast against outturn for each linked figure (optionally of one area). */
export async function planDetailOf(ctx: Ctx, p: Plan, t: Taxonomy, area?: string): Promise<PlanDetail> {
  const outturns: PlanOutturn[] = [];
  for (const x of p.points)
    if (x.link && (area === undefined || x.areacd === area)) outturns.push(await outturnOf(ctx, t, x));
  return { plan: p, outturns, unmeasured: unmeasured(p) };
}

/** A frozen plan by id with forecast against outturn. */
export async function planDetail(ctx: Ctx, regs: Registers, id: string, t: Taxonomy): Promise<PlanDetail> {
  const p = (await planList(regs)).plans.find((x) => x.id === id);
  if (!p) throw notFound('plan', id);
  return planDetailOf(ctx, p, t);
}
