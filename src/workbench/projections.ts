// The projection register: a projection of an indicator for an area, frozen with its method and
// version, the observations it used and the checksums of the datasets they came from; and, once
// the outturn is published, forecast against outturn split into data revision (the same method on
// today's data for the same periods), later policy (declared effects) and the rest, exactly.
import { UsageError, notFound } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Outturn, Projection, ProjectionDetail, ProjectionList } from '../contract/accountability.ts';
import {
  decompose,
  methodLabel,
  project,
  type Observation,
  type ProjectionMethod,
} from '../models/accountability/index.ts';
import type { ProjectionRecord, Registers } from '../civic/service.ts';
import { indicatorDatasets } from '../store/queries/observations.ts';
import { areaSeries } from './area-series.ts';
import { dateOrUsage } from './commitment-status.ts';
import type { Ctx } from './context.ts';
import { registryEntry } from './registry.ts';

/** The projection methods by name. */
export const PROJECTION_METHODS = ['linear-trend', 'mean-of-previous', 'last-value'] as const;

/** A method named on the command line or in a request, with its window. */
export function projectionMethod(id: string, window: number): ProjectionMethod {
  switch (id) {
    case 'linear-trend':
      return { id, version: 1, window };
    case 'mean-of-previous':
      return { id, version: 1, window };
    case 'last-value':
      return { id, version: 1 };
  }
  throw new UsageError(`invalid projection method: ${id} (one of ${PROJECTION_METHODS.join(', ')})`);
}

/** What to freeze. */
export interface FreezeSpec {
  indicator: string;
  area: string;
  method: ProjectionMethod;
  period: number;
  /** The last period of data to use (default: the latest the store has). */
  lastPeriod?: number;
  frozenOn: string;
  who: string;
}

function used(m: ProjectionMethod, points: Observation[], lastPeriod: number): Observation[] {
  const known = points.filter((p) => p.period <= lastPeriod);
  return known.slice(-(m.id === 'last-value' ? 1 : m.window));
}

/** Freezes a projection in the register; returns it with its new id. */
export async function freezeProjection(
  ctx: Ctx,
  regs: Registers,
  s: FreezeSpec,
  taxonomy: Taxonomy,
): Promise<Projection> {
  dateOrUsage(s.frozenOn, 'frozen-on date');
  if (registryEntry(await ctx.registry(), s.indicator).kind !== 'published')
    throw new UsageError(`projections are frozen for published indicators; ${s.indicator} is not one`);
  const { points } = await areaSeries(ctx, s.indicator, s.area, taxonomy);
  if (!points.length) throw notFound('values of ' + s.indicator + ' for area', s.area);
  const lastPeriod = s.lastPeriod ?? points.at(-1)!.period;
  let value: number;
  try {
    value = project(s.method, points, lastPeriod, s.period);
  } catch (e) {
    throw new UsageError(`cannot project ${s.indicator} for ${s.area}: ${(e as Error).message}`);
  }
  const inputs = used(s.method, points, lastPeriod);
  const row = {
    indicator: s.indicator,
    area: s.area,
    period: s.period,
    last_period: lastPeriod,
    method: JSON.stringify(s.method),
    value: String(value),
    inputs: JSON.stringify(inputs.map((p) => [p.period, p.value])),
    vintages: JSON.stringify(await indicatorDatasets(ctx.store, s.indicator)),
    frozen_on: s.frozenOn,
    who: s.who,
  };
  const id = await regs.freeze(row);
  return projectionOf({ ...row, id });
}

/** A recorded projection in the contract's shape. */
export function projectionOf(r: ProjectionRecord): Projection {
  const m = JSON.parse(r.method) as ProjectionMethod;
  const { id: _, version: __, ...parameters } = m;
  return {
    id: r.id,
    indicator: r.indicator,
    area: r.area,
    period: r.period,
    lastPeriod: r.last_period,
    method: methodLabel(m),
    parameters,
    value: Number(r.value),
    exact: r.value,
    inputs: (JSON.parse(r.inputs) as [number, number][]).map(([period, value]) => ({ period, value })),
    vintages: JSON.parse(r.vintages) as Projection['vintages'],
    frozenOn: r.frozen_on,
    who: r.who,
  };
}

/** Every frozen projection (optionally for one area). */
export async function projectionList(regs: Registers, area?: string): Promise<ProjectionList> {
  const all = (await regs.projections()).filter((p) => area === undefined || p.area === area);
  return { projections: all.map(projectionOf) };
}

/** Forecast against outturn for a frozen projection, on the data now in the store. */
export async function projectionOutturn(
  ctx: Ctx,
  regs: Registers,
  id: string,
  policy: { scenario: string; effect: number }[],
  taxonomy: Taxonomy,
): Promise<Outturn> {
  const rec = (await regs.projections()).find((p) => p.id === id);
  if (!rec) throw notFound('projection', id);
  const p = projectionOf(rec);
  const m = JSON.parse(rec.method) as ProjectionMethod;
  const { points } = await areaSeries(ctx, p.indicator, p.area, taxonomy);
  const out = points.find((o) => o.period === p.period);
  if (!out)
    throw new UsageError(`no outturn yet: ${p.indicator} for ${p.area} in ${p.period} is not in the store`);
  let reprojected: number;
  try {
    reprojected = project(m, points, p.lastPeriod, p.period);
  } catch (e) {
    throw new UsageError(`cannot make ${id} again on today's data: ${(e as Error).message}`);
  }
  const error = decompose({ projected: p.value, reprojected, policy, outturn: out.value });
  return {
    projection: p,
    outturn: out.value,
    reprojected,
    revisedInputs: used(m, points, p.lastPeriod),
    policy,
    vintagesNow: await indicatorDatasets(ctx.store, p.indicator),
    error,
  };
}

/** A frozen projection with its forecast against outturn, or why that cannot be told yet. */
export async function projectionDetail(
  ctx: Ctx,
  regs: Registers,
  id: string,
  taxonomy: Taxonomy,
): Promise<ProjectionDetail> {
  const rec = (await regs.projections()).find((p) => p.id === id);
  if (!rec) throw notFound('projection', id);
  try {
    const outturn = await projectionOutturn(ctx, regs, id, [], taxonomy);
    return { projection: outturn.projection, outturn, pending: null };
  } catch (e) {
    if (!(e instanceof UsageError) || e.status === 404) throw e;
    return { projection: projectionOf(rec), outturn: null, pending: e.message };
  }
}
