// An indicator's series: every area and period, with limits at 95% and 99.8% by the registry's
// declared interval method (METHODS.md §4), or derived from the layer model.
import { UsageError } from '../core/errors.ts';
import { levelOf } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { SeriesRow } from '../contract/registry.ts';
import {
  byarRate,
  fromPublished,
  NO_LIMITS,
  wilsonPercent,
  type BothLimits,
} from '../models/registry/limits.ts';
import { indicatorSeriesRows } from '../store/queries/observations.ts';
import type { Ctx } from './context.ts';
import { derivedSeries } from './derived.ts';
import { ladRecodes2025 } from './geography.ts';
import { registryEntry, type RegistryEntry } from './registry.ts';

/** An indicator's values for every area and period, and how they were made. */
export interface Series {
  entry: RegistryEntry;
  rows: SeriesRow[];
  source: string;
  notes: string[];
  /**
   * For a ratio (a layer share, GVA per head): each row's denominator by `areacd|period`, so a
   * set of areas is compared on Σ part ÷ Σ whole (a GVA-weighted mean), not an unweighted mean.
   */
  weights?: Map<string, number>;
}

/** The year a published period starts in: `2025-04-30` → 2025, `2021-09-01/P1Y` → 2021, `2022` → 2022. */
export function periodYear(period: string): number {
  const m = /^(\d{4})/.exec(period);
  if (!m) throw new Error(`invalid period: ${period}`);
  return Number(m[1]);
}

/**
 * An indicator's series: published values as the store holds them (LADs renamed in April 2025
 * carried back to their April 2023 codes), with limits by the registry's declared method; derived
 * indicators computed from the layer model at the LAD or ITL family of `level`.
 */
export async function indicatorSeries(
  ctx: Ctx,
  id: string,
  taxonomy: Taxonomy,
  level = 'lad',
): Promise<Series> {
  const entry = registryEntry(await ctx.registry(), id);
  if (entry.kind === 'derived') return derivedSeries(ctx, entry, taxonomy, level);
  if (entry.kind === 'industry')
    throw new UsageError(`${id} is published by industry for the UK, not by area: see the gender lens`);
  return ctx.cached(`beyond:series:${id}:${JSON.stringify(entry.interval)}`, async () => {
    const raw = await publishedRows(ctx, id);
    const rows = await withLimits(ctx, entry, raw);
    const source = raw.length ? raw[0]!.source : entry.source.join(', ');
    return { entry, rows, source, notes: [] };
  });
}

type RawRow = Omit<SeriesRow, keyof BothLimits> & {
  lci95: number | null;
  uci95: number | null;
  source: string;
};

async function publishedRows(ctx: Ctx, id: string): Promise<RawRow[]> {
  const rows = await indicatorSeriesRows(ctx.store, id);
  const recodes = await ladRecodes2025(ctx);
  const have = new Set(rows.map((r) => `${r.areacd}|${r.period}`));
  const out: RawRow[] = [];
  for (const r of rows) {
    const old = recodes.get(r.areacd);
    // a 2025 code stands for its 2023 predecessor only where that code is not published itself
    const areacd = old && !have.has(`${old}|${r.period}`) ? old : r.areacd;
    const level = levelOf(areacd);
    if (level === null) continue;
    out.push({
      areacd,
      areanm: r.areanm,
      period: r.period,
      value: r.value,
      lci95: r.lci95,
      uci95: r.uci95,
      status: r.status,
      source: r.source,
      level,
      year: periodYear(r.period),
    });
  }
  return out;
}

async function withLimits(ctx: Ctx, entry: RegistryEntry, raw: RawRow[]): Promise<SeriesRow[]> {
  const strip = ({ source: _s, lci95, uci95, ...r }: RawRow, limits: BothLimits): SeriesRow => ({
    ...r,
    ...limits,
    lci95: limits.lci95 ?? lci95,
    uci95: limits.uci95 ?? uci95,
  });
  const i = entry.interval;
  switch (i.method) {
    case 'published':
      return raw.map((r) => strip(r, fromPublished(r.value, r.lci95, r.uci95)));
    case 'none':
      return raw.map((r) => strip(r, NO_LIMITS));
    case 'byar': {
      const d = await denominator(ctx, i.denominator, 1);
      return raw.map((r) => strip(r, byarRate(r.value, d(r), i.multiplier)));
    }
    case 'wilson': {
      if (!i.denominator) throw new Error(`${entry.id}: Wilson limits need a denominator`);
      const d = await denominator(ctx, i.denominator, i.scale);
      return raw.map((r) => strip(r, wilsonPercent(r.value, d(r))));
    }
  }
  throw new Error(`invalid interval method: ${(i as { method: unknown }).method}`);
}

// n at an area and period = product of the named indicators' values there ÷ scale.
async function denominator(ctx: Ctx, ids: string[], scale: number) {
  const maps = await Promise.all(
    ids.map(async (id) => {
      registryEntry(await ctx.registry(), id);
      const rows = await publishedRows(ctx, id);
      return new Map(rows.map((r) => [`${r.areacd}|${r.period}`, r.value]));
    }),
  );
  return (r: { areacd: string; period: string }): number | null => {
    let n = 1;
    for (const m of maps) {
      const v = m.get(`${r.areacd}|${r.period}`);
      if (v === null || v === undefined) return null;
      n *= v;
    }
    return n / scale;
  };
}
