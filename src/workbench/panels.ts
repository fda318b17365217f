import { UsageError } from '../core/errors.ts';
import type { Panel } from '../models/layers/panel.ts';
import { rollUp, type Link } from '../models/layers/rollup.ts';
import { query, queryColumns, type Store } from '../store/db.ts';
import { currentDataset, SOURCES } from './sources.ts';

export const LEVELS = ['lad', 'itl3', 'itl2', 'itl1', 'uk'] as const;
export type Level = (typeof LEVELS)[number];
export const MEASURES = ['gva_cp', 'gva_cvm', 'residents_in_employment'] as const;
export type LayerMeasure = (typeof MEASURES)[number];

export function parseLevel(v: string): Level {
  if (!(LEVELS as readonly string[]).includes(v))
    throw new UsageError(`invalid level: ${v} (${LEVELS.join(', ')})`);
  return v as Level;
}

export function parseMeasure(v: string): LayerMeasure {
  if (!(MEASURES as readonly string[]).includes(v))
    throw new UsageError(`invalid measure: ${v} (${MEASURES.join(', ')})`);
  return v as LayerMeasure;
}

/** A panel with where it came from. */
export interface SourcedPanel {
  panel: Panel;
  names: Map<string, string>;
  /** Published industry code → its published name. */
  industryNames: Map<string, string>;
  source: { id: string; vintage: string; title: string; publisher: string };
  notes: string[];
}

/** The base source of a measure: LAD tables for `lad`, ITL3 tables for ITL levels and above. */
function baseSource(level: Level, measure: LayerMeasure): { source: string; base: 'lad' | 'itl3' } {
  if (measure === 'residents_in_employment') return { source: SOURCES.census, base: 'lad' };
  if (level === 'lad') return { source: SOURCES.gvaLad, base: 'lad' };
  return { source: measure === 'gva_cp' ? SOURCES.gvaItl3Cp : SOURCES.gvaItl3Cvm, base: 'itl3' };
}

/**
 * Loads the finest published industries (the leaves of the source's tree, which partition its
 * total) for every area and year, then rolls up to the level asked for.
 */
export async function loadPanel(store: Store, level: Level, measure: LayerMeasure): Promise<SourcedPanel> {
  const { source, base } = baseSource(level, measure);
  const ds = await currentDataset(store, source);
  const leaves = `SELECT areacd, industry, period, value FROM industry_obs
     WHERE dataset_id = $1 AND measure = $2
       AND industry NOT IN (SELECT parent FROM industries WHERE dataset_id = $1 AND parent IS NOT NULL)`;
  // Lists first, then every value with its (area, year, industry) position computed in SQL,
  // so the panel fills without building a string key per row.
  const lists = await queryColumns(
    store,
    `WITH o AS (${leaves})
     SELECT 'a' AS kind, areacd AS key, NULL::SMALLINT AS year FROM (SELECT DISTINCT areacd FROM o)
     UNION ALL SELECT 'y', NULL, period FROM (SELECT DISTINCT period FROM o)
     UNION ALL SELECT 'i', industry, NULL FROM (SELECT DISTINCT industry FROM o)
     ORDER BY kind, key, year`,
    [ds.id, measure],
  );
  const kinds = lists['kind'] as string[];
  const areas = (lists['key'] as string[]).filter((_, k) => kinds[k] === 'a');
  const years = (lists['year'] as number[]).filter((_, k) => kinds[k] === 'y');
  const industries = (lists['key'] as string[]).filter((_, k) => kinds[k] === 'i');
  if (areas.length === 0) throw new UsageError(`no ${measure} values in ${source}`, 'no_data', 409);
  const cells = await queryColumns(
    store,
    `WITH o AS (${leaves})
     SELECT (a.ai * ${years.length} + y.yi) * ${industries.length} + i.ii AS k, o.value
       FROM o
       JOIN (SELECT areacd, (row_number() OVER (ORDER BY areacd) - 1)::INTEGER AS ai FROM (SELECT DISTINCT areacd FROM o)) a USING (areacd)
       JOIN (SELECT period, (row_number() OVER (ORDER BY period) - 1)::INTEGER AS yi FROM (SELECT DISTINCT period FROM o)) y USING (period)
       JOIN (SELECT industry, (row_number() OVER (ORDER BY industry) - 1)::INTEGER AS ii FROM (SELECT DISTINCT industry FROM o)) i USING (industry)`,
    [ds.id, measure],
  );
  const values = new Float64Array(areas.length * years.length * industries.length).fill(NaN);
  const k = cells['k'] as number[];
  const v = cells['value'] as (number | null)[];
  for (let n = 0; n < k.length; n++) values[k[n]!] = v[n] ?? NaN;
  const nameRows = await query<{ areacd: string; areanm: string }>(
    store,
    `SELECT areacd, any_value(areanm) AS areanm FROM areas WHERE dataset_id = ? GROUP BY areacd`,
    [ds.id],
  );
  const industryRows = await query<{ code: string; name: string }>(
    store,
    `SELECT code, any_value(name) AS name FROM industries WHERE dataset_id = ? GROUP BY code`,
    [ds.id],
  );
  const sourced: SourcedPanel = {
    panel: { measure, areas, years, industries, values },
    names: new Map(nameRows.map((r) => [r.areacd, r.areanm])),
    industryNames: new Map(industryRows.map((r) => [r.code, r.name?.trim() ?? r.code])),
    source: { ...ds, id: source },
    notes: [],
  };
  if (measure === 'gva_cvm') {
    sourced.notes.push(
      'Chained volume measures are not additive: layer values are sums of industry volumes and only approximate; use shares from current prices.',
    );
  }
  if (measure === 'residents_in_employment') {
    sourced.notes.push(
      'Census 2021 counts residents in employment where they live (England and Wales only), not jobs where they work.',
    );
  }
  return level === base ? sourced : rollTo(store, sourced, base, level);
}

/** Rolls a panel up from `from` to `to` along the 2023 LAD/ITL lookup (straddling LADs split by weight). */
async function rollTo(
  store: Store,
  sp: SourcedPanel,
  from: 'lad' | 'itl3',
  to: Level,
): Promise<SourcedPanel> {
  const chain: [string, string][] = [
    ['ltla', 'itl3'],
    ['itl3', 'itl2'],
    ['itl2', 'itl1'],
    ['itl1', 'uk'],
  ];
  const order = ['lad', 'itl3', 'itl2', 'itl1', 'uk'];
  let { panel } = sp;
  const notes = [...sp.notes];
  for (let k = order.indexOf(from); k < order.indexOf(to); k++) {
    const [childLevel, parentLevel] = chain[k]!;
    const links = await linksBetween(store, childLevel, parentLevel);
    const up = rollUp(panel, links);
    if (up.incomplete.length)
      notes.push(
        `${up.incomplete.length} ${parentLevel} areas left out: not every part is published (${up.incomplete.slice(0, 5).join(', ')}${up.incomplete.length > 5 ? ', …' : ''})`,
      );
    panel = up.panel;
  }
  const names = await areaNames(store);
  notes.push(
    `Rolled up from ${from.toUpperCase()} with the ONS LAD (April 2023) to ITL (January 2021) lookup.`,
  );
  return { ...sp, panel, names, notes };
}

/** Parent links between two levels from the newest 2023 lookup; ITL1 → UK added when absent. */
export async function linksBetween(store: Store, childLevel: string, parentLevel: string): Promise<Link[]> {
  const rows = await query<Link>(
    store,
    `SELECT DISTINCT l.child, l.parent, l.weight FROM area_links l JOIN current_datasets d ON d.id = l.dataset_id
      WHERE l.vintage = '2023' AND l.child_level = ? AND l.parent_level = ?`,
    [childLevel, parentLevel],
  );
  if (rows.length === 0)
    throw new UsageError(
      `no ${childLevel} → ${parentLevel} lookup in the store: import the LAD–ITL lookup`,
      'no_data',
      409,
    );
  return rows;
}

/** Every area name the store knows, newest dataset last so it wins. */
export async function areaNames(store: Store): Promise<Map<string, string>> {
  const rows = await query<{ areacd: string; areanm: string }>(
    store,
    `SELECT a.areacd, a.areanm FROM areas a JOIN current_datasets d ON d.id = a.dataset_id ORDER BY a.dataset_id`,
  );
  const m = new Map(rows.map((r) => [r.areacd, r.areanm]));
  m.set('K02000001', 'United Kingdom');
  return m;
}
