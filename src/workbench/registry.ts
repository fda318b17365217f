import { notFound } from '../core/errors.ts';
import { registrySchema, type Registry, type RegistryEntry } from '../models/registry/entry.ts';
import { query, type Store } from '../store/db.ts';
import { readDataFile, validateFile } from './data-file.ts';

export type { Registry, RegistryEntry } from '../models/registry/entry.ts';

/** The registry Strata ships: every indicator in the pack and the derived ones. */
export const DEFAULT_REGISTRY = new URL('../../data/indicators/registry.yaml', import.meta.url).pathname;

const loaded = new Map<string, Registry>();

/** Loads and validates a registry file (the default unless a path is given); errors name the path in the file. */
export function loadRegistry(path = DEFAULT_REGISTRY): Registry {
  let r = loaded.get(path);
  if (!r) loaded.set(path, (r = validateFile(readDataFile(path), registrySchema)));
  return r;
}

/** One entry by id, or a 404-style usage error. */
export function registryEntry(registry: Registry, id: string): RegistryEntry {
  const e = registry.indicators.find((i) => i.id === id);
  if (!e) throw notFound('indicator', id);
  return e;
}

/** A registry entry with what the store holds of it. */
export interface RegistryRow {
  id: string;
  label: string;
  kind: RegistryEntry['kind'];
  group: string;
  unit: string;
  polarity: RegistryEntry['polarity'];
  rationale: string;
  levels: string;
  boundaries: string;
  period: string;
  first: string | null;
  last: string | null;
  areas: number;
  interval: string;
  trend: string;
  source: string;
  publisher: string;
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

/** Every registry entry with the periods and number of areas the store holds for it. */
export async function listRegistry(store: Store, registry: Registry): Promise<RegistryRow[]> {
  const coverage = await storeCoverage(store);
  return registry.indicators.map((e) => {
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
}

type Coverage = { first: string; last: string; areas: number };

// Published indicators by id; industry tables (and the sources of derived ones) by source|measure.
async function storeCoverage(store: Store): Promise<Map<string, Coverage>> {
  const rows = await query<{ key: string; first: string; last: string; areas: bigint }>(
    store,
    `SELECT o.indicator AS key, min(o.period) AS first, max(o.period) AS last, count(DISTINCT o.areacd) AS areas
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id GROUP BY 1
     UNION ALL
     SELECT d.source || '|' || o.measure, min(o.period)::VARCHAR, max(o.period)::VARCHAR, count(DISTINCT o.areacd)
       FROM industry_obs o JOIN current_datasets d ON d.id = o.dataset_id GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.key, { first: r.first, last: r.last, areas: Number(r.areas) }]));
}

/** Ids of every indicator the store holds (observations, and industry measures as source|measure). */
export async function storeIndicatorIds(
  store: Store,
): Promise<{ observations: string[]; industry: string[] }> {
  const obs = await query<{ id: string }>(
    store,
    `SELECT DISTINCT o.indicator AS id FROM observations o JOIN current_datasets d ON d.id = o.dataset_id ORDER BY 1`,
  );
  const ind = await query<{ id: string }>(
    store,
    `SELECT DISTINCT d.source || '|' || o.measure AS id FROM industry_obs o JOIN current_datasets d ON d.id = o.dataset_id
      WHERE o.measure NOT IN ('gva_cp', 'gva_cvm', 'cvm_index', 'deflator', 'employees', 'employment', 'residents_in_employment')
      ORDER BY 1`,
  );
  return { observations: obs.map((r) => r.id), industry: ind.map((r) => r.id) };
}
