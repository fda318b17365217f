import { UsageError } from '../core/errors.ts';
import { panelFrom, type Panel } from '../models/layers/panel.ts';
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
  const cols = await queryColumns(
    store,
    `SELECT o.areacd, a.areanm, o.industry, o.period, o.value FROM industry_obs o
       JOIN areas a ON a.dataset_id = o.dataset_id AND a.areacd = o.areacd
      WHERE o.dataset_id = ? AND o.measure = ?
        AND o.industry NOT IN (SELECT parent FROM industries WHERE dataset_id = ? AND parent IS NOT NULL)
      ORDER BY o.areacd, o.period, o.industry`,
    [ds.id, measure, ds.id],
  );
  const n = cols['areacd']!.length;
  if (n === 0) throw new UsageError(`no ${measure} values in ${source}`, 'no_data', 409);
  const names = new Map<string, string>();
  for (let i = 0; i < n; i++) names.set(cols['areacd']![i] as string, cols['areanm']![i] as string);
  const areas = [...names.keys()].sort();
  const years = [...new Set(cols['period'] as number[])].sort((a, b) => a - b);
  const industries = [...new Set(cols['industry'] as string[])];
  const records = (function* () {
    for (let i = 0; i < n; i++) {
      yield {
        areacd: cols['areacd']![i] as string,
        industry: cols['industry']![i] as string,
        period: cols['period']![i] as number,
        value: cols['value']![i] as number | null,
      };
    }
  })();
  const sourced: SourcedPanel = {
    panel: panelFrom(measure, areas, years, industries, records),
    names,
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
  return level === base || (base === 'lad' && level === 'lad')
    ? sourced
    : rollTo(store, sourced, base, level);
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
