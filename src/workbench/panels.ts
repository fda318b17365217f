// Industry panels (areas × years × industries) at any analysis level: the finest published
// industries of the measure's source, rolled up along the 2023 LAD–ITL lookup where needed.
import { UsageError } from '../core/errors.ts';
import { LEVELS, type Level } from '../core/levels.ts';
import type { LayerMeasure } from '../contract/layers.ts';
import type { Panel } from '../models/layers/panel.ts';
import { rollUp, type Link } from '../models/layers/rollup.ts';
import { areaNameRows, linksBetween } from '../store/queries/areas.ts';
import { datasetNames, industryPanel } from '../store/queries/industries.ts';
import type { Ctx } from './context.ts';
import { requireDataset, SOURCES } from './sources.ts';

/** A panel with where it came from. */
export interface SourcedPanel {
  panel: Panel;
  names: Map<string, string>;
  /** Published industry code → its published name. */
  industryNames: Map<string, string>;
  /** Every year the source publishes (the panel may hold only one of them). */
  published: number[];
  source: { id: string; vintage: string; title: string; publisher: string };
  notes: string[];
}

/** The base source of a measure: LAD tables for `lad` and combined authorities, ITL3 tables for ITL levels and above. */
function baseSource(level: Level, measure: LayerMeasure): { source: string; base: 'lad' | 'itl3' } {
  if (measure === 'residents_in_employment') return { source: SOURCES.census, base: 'lad' };
  if (level === 'lad' || level === 'cauth') return { source: SOURCES.gvaLad, base: 'lad' };
  return { source: measure === 'gva_cp' ? SOURCES.gvaItl3Cp : SOURCES.gvaItl3Cvm, base: 'itl3' };
}

const MEASURE_NOTES: Partial<Record<LayerMeasure, string>> = {
  gva_cvm:
    'Chained volume measures are not additive: layer values are sums of industry volumes and only approximate; use shares from current prices.',
  residents_in_employment:
    'Census 2021 counts residents in employment where they live (England and Wales only), not jobs where they work.',
};

/**
 * Loads the finest published industries (the leaves of the source's tree, which partition its
 * total) for every area and year (or only one), then rolls up to the level asked for.
 */
export async function loadPanel(
  ctx: Ctx,
  level: Level,
  measure: LayerMeasure,
  only?: number | 'latest',
): Promise<SourcedPanel> {
  const { source, base } = baseSource(level, measure);
  const ds = await requireDataset(ctx.store, source);
  const read = await industryPanel(ctx.store, ds.id, measure, only);
  if (!read) throw new UsageError(`no ${measure} values in ${source}`, 'no_data', 409);
  const { published, ...panel } = read;
  const names = await datasetNames(ctx.store, ds.id);
  const note = MEASURE_NOTES[measure];
  const sourced: SourcedPanel = {
    panel: { measure, ...panel },
    published,
    names: names.areas,
    industryNames: names.industries,
    source: { ...ds, id: source },
    notes: note ? [note] : [],
  };
  if (level === 'cauth') return rollToCauth(ctx, sourced);
  return level === base ? sourced : rollTo(ctx, sourced, base, level);
}

/** Sums a LAD panel into combined authorities (membership derived from the boundaries). */
async function rollToCauth(ctx: Ctx, sp: SourcedPanel): Promise<SourcedPanel> {
  // Loaded here: membership reads the boundaries, which no other level needs.
  const { cauthMembership } = await import('./cauth.ts');
  const m = await cauthMembership(ctx);
  const up = rollUp(sp.panel, m.links);
  const notes = [...sp.notes, ...m.notes];
  if (up.incomplete.length)
    notes.push(`${up.incomplete.join(', ')} left out: not every member district is published`);
  return { ...sp, panel: up.panel, names: m.names, notes };
}

/** Stored child → parent levels along the lookup, from LADs up to the UK. */
const CHAIN: [string, string][] = [
  ['ltla', 'itl3'],
  ['itl3', 'itl2'],
  ['itl2', 'itl1'],
  ['itl1', 'uk'],
];

/** Rolls a panel up from `from` to `to` along the 2023 LAD/ITL lookup (straddling LADs split by weight). */
async function rollTo(ctx: Ctx, sp: SourcedPanel, from: 'lad' | 'itl3', to: Level): Promise<SourcedPanel> {
  let { panel } = sp;
  const notes = [...sp.notes];
  for (let k = LEVELS.indexOf(from); k < LEVELS.indexOf(to); k++) {
    const [childLevel, parentLevel] = CHAIN[k]!;
    const up = rollUp(panel, await requireLinks(ctx, childLevel, parentLevel));
    if (up.incomplete.length)
      notes.push(
        `${up.incomplete.length} ${parentLevel} areas left out: not every part is published (${up.incomplete.slice(0, 5).join(', ')}${up.incomplete.length > 5 ? ', …' : ''})`,
      );
    panel = up.panel;
  }
  notes.push(
    `Rolled up from ${from.toUpperCase()} with the ONS LAD (April 2023) to ITL (January 2021) lookup.`,
  );
  return { ...sp, panel, names: await areaNames(ctx), notes };
}

/** Parent links between two stored levels from the 2023 lookup, or a clear error naming what to import. */
export async function requireLinks(ctx: Ctx, childLevel: string, parentLevel: string): Promise<Link[]> {
  const rows = await linksBetween(ctx.store, childLevel, parentLevel);
  if (rows.length === 0)
    throw new UsageError(
      `no ${childLevel} → ${parentLevel} lookup in the store: import the LAD–ITL lookup`,
      'no_data',
      409,
    );
  return rows;
}

/** Every area name the store knows, the newest dataset's winning. */
export async function areaNames(ctx: Ctx): Promise<Map<string, string>> {
  const m = new Map((await areaNameRows(ctx.store)).map((r) => [r.areacd, r.areanm]));
  m.set('K02000001', 'United Kingdom');
  return m;
}
