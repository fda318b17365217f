// The indicator registry (data/indicators/registry.yaml): each indicator's polarity, unit,
// levels, interval method and trend rule; `GET /api/v1/registry` and `strata indicators`.
import { notFound } from '../core/errors.ts';
import type { RegistryList, RegistryRow } from '../contract/registry.ts';
import { registrySchema, type Registry, type RegistryEntry } from '../models/registry/entry.ts';
import { coverageByKey } from '../store/queries/observations.ts';
import type { Ctx } from './context.ts';
import { readDataFile, validateFile } from './data-file.ts';

export type { Registry, RegistryEntry } from '../models/registry/entry.ts';

/** The registry Strata ships: every indicator in the pack and the derived ones. */
export const DEFAULT_REGISTRY = new URL('../../data/indicators/registry.yaml', import.meta.url).pathname;

/** Loads and validates a registry file (the default unless a path is given); errors name the path in the file. */
export function loadRegistry(path = DEFAULT_REGISTRY): Registry {
  return validateFile(readDataFile(path), registrySchema);
}

/** One entry by id, or a 404-style usage error. */
export function registryEntry(registry: Registry, id: string): RegistryEntry {
  const e = registry.indicators.find((i) => i.id === id);
  if (!e) throw notFound('indicator', id);
  return e;
}

/** How an interval is known, in one phrase. */
export function intervalText(e: RegistryEntry): string {
  const i = e.interval;
  switch (i.method) {
    case 'published':
      return 'published';
    case 'wilson':
      return i.denominator
        ? `wilson (n from ${i.denominator.join(' × ')})`
        : 'wilson (n from the derivation)';
    case 'byar':
      return `byar (per ${i.denominator[0]})`;
    case 'none':
      return `none: ${i.reason}`;
  }
  throw new Error(`invalid interval method: ${(i as { method: unknown }).method}`);
}

/** The declared trend rule in one phrase. */
export function trendText(e: RegistryEntry): string {
  const t = e.trend;
  return t.kind === 'ci-change'
    ? 'ci-change'
    : `vs-mean-of-previous (n ${t.n}, tolerance ${t.tolerance * 100}%)`;
}

/** Every registry entry (of a group, when given) with the periods and number of areas the store holds for it. */
export async function listRegistry(ctx: Ctx, group?: string): Promise<RegistryList> {
  const coverage = await coverageByKey(ctx.store);
  const rows = (await ctx.registry()).indicators
    .filter((e) => group === undefined || e.group === group)
    .map((e): RegistryRow => {
      const key = e.kind === 'industry' ? `${e.source[0]}|${e.measure}` : e.kind === 'derived' ? null : e.id;
      const c = key ? coverage.get(key) : coverage.get(`${e.source[0]}|${e.derive?.measure}`);
      return {
        id: e.id,
        label: e.label,
        kind: e.kind,
        group: e.group,
        unit: e.unit,
        polarity: e.polarity,
        rationale: e.rationale,
        levels: e.levels.join(' '),
        boundaries: e.boundaries.join(' '),
        period: e.period,
        first: c?.first ?? null,
        last: c?.last ?? null,
        areas: c?.areas ?? 0,
        interval: intervalText(e),
        trend: trendText(e),
        source: e.source.join(' '),
        publisher: e.publisher,
      };
    });
  return { indicators: rows, limits: (await ctx.registry()).limits };
}
