import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import {
  byarRate,
  fromPublished,
  NO_LIMITS,
  wilsonPercent,
  type BothLimits,
} from '../models/registry/limits.ts';
import { query, type Store } from '../store/db.ts';
import { cached } from './cache.ts';
import { derivedSeries } from './derived.ts';
import { ladRecodes2025, levelOf } from './geography.ts';
import { registryEntry, type Registry, type RegistryEntry } from './registry.ts';

/** One value of an indicator: an area at a period, with limits at 95% and 99.8% where known. */
export interface SeriesRow extends BothLimits {
  areacd: string;
  areanm: string;
  level: string;
  /** Period as published (`2025-04-30`, `2023-01-01/P1Y`, `2022`). */
  period: string;
  /** The calendar year the period starts in, for trends and common periods. */
  year: number;
  value: number | null;
  status: string | null;
}

/** An indicator's values for every area and period, and how they were made. */
export interface Series {
  entry: RegistryEntry;
  rows: SeriesRow[];
  source: string;
  notes: string[];
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
export function indicatorSeries(
  store: Store,
  registry: Registry,
  id: string,
  taxonomy: Taxonomy,
  level = 'lad',
): Promise<Series> {
  const entry = registryEntry(registry, id);
  if (entry.kind === 'derived') return derivedSeries(store, entry, taxonomy, level);
  if (entry.kind === 'industry')
    throw new UsageError(`${id} is published by industry for the UK, not by area: see the gender lens`);
  return cached(store, `beyond:series:${id}:${JSON.stringify(entry.interval)}`, async () => {
    const raw = await publishedRows(store, id);
    const rows = await withLimits(store, registry, entry, raw);
    const source = raw.length ? raw[0]!.source : entry.source.join(', ');
    return { entry, rows, source, notes: [] };
  });
}

type RawRow = Omit<SeriesRow, keyof BothLimits> & {
  lci95: number | null;
  uci95: number | null;
  source: string;
};

async function publishedRows(store: Store, id: string): Promise<RawRow[]> {
  const rows = await query<Omit<RawRow, 'level' | 'year'>>(
    store,
    `SELECT o.areacd, o.areanm, o.period, o.observation AS value, o.lci95, o.uci95, o.status,
            d.publisher || ', ' || d.title || ' (' || d.vintage || ')' AS source
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id
      WHERE o.indicator = ? ORDER BY o.areacd, o.period`,
    [id],
  );
  const recodes = await ladRecodes2025(store);
  const have = new Set(rows.map((r) => `${r.areacd}|${r.period}`));
  const out: RawRow[] = [];
  for (const r of rows) {
    const old = recodes.get(r.areacd);
    // a 2025 code stands for its 2023 predecessor only where that code is not published itself
    const areacd = old && !have.has(`${old}|${r.period}`) ? old : r.areacd;
    const level = levelOf(areacd);
    if (level === null) continue;
    out.push({ ...r, areacd, level, year: periodYear(r.period) });
  }
  return out;
}

async function withLimits(
  store: Store,
  registry: Registry,
  entry: RegistryEntry,
  raw: RawRow[],
): Promise<SeriesRow[]> {
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
      const d = await denominator(store, registry, i.denominator, 1);
      return raw.map((r) => strip(r, byarRate(r.value, d(r), i.multiplier)));
    }
    case 'wilson': {
      if (!i.denominator) throw new Error(`${entry.id}: Wilson limits need a denominator`);
      const d = await denominator(store, registry, i.denominator, i.scale);
      return raw.map((r) => strip(r, wilsonPercent(r.value, d(r))));
    }
  }
  throw new Error(`invalid interval method: ${(i as { method: unknown }).method}`);
}

// n at an area and period = product of the named indicators' values there ÷ scale.
async function denominator(store: Store, registry: Registry, ids: string[], scale: number) {
  const maps = await Promise.all(
    ids.map(async (id) => {
      registryEntry(registry, id);
      const rows = await publishedRows(store, id);
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
