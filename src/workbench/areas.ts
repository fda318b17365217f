import { readFileSync } from 'node:fs';
import { levelOfCode } from '../core/area.ts';
import { notFound, UsageError } from '../core/errors.ts';
import { list, query, type Store } from '../store/db.ts';
import { codeChanges } from './boundaries.ts';
import { cached } from './cache.ts';
import type { Level } from './panels.ts';

/** The analysis level of a code (LAD, ITL3/2/1, UK); other codes are not areas Strata profiles. */
export function analysisLevel(code: string): Level {
  const level = levelOfCode(code);
  switch (level) {
    case 'ltla':
      return 'lad';
    case 'itl3':
    case 'itl2':
    case 'itl1':
    case 'uk':
      return level;
    case null:
      throw new UsageError(
        `invalid area code: ${code} (a LAD code such as E06000001, an ITL code such as TLC11, or K02000001)`,
      );
    default:
      throw notFound('area', code);
  }
}

export interface AreaRef {
  areacd: string;
  areanm: string;
  level: string;
}

const REGIONS = new URL('../../data/lookups/itl1-region.csv', import.meta.url).pathname;

let regions: ReadonlyMap<string, AreaRef> | undefined;

/**
 * ITL1 code → the region or country GSS code ONS publishes indicators for (ITL1 areas are
 * regions/countries). The lookup ships with Strata, so it is read once, not per request.
 */
export function itl1Regions(): ReadonlyMap<string, AreaRef> {
  regions ??= new Map(
    readFileSync(REGIONS, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => {
        const [itl1, , rgn, rgnnm] = l.split(',');
        return [itl1!, { areacd: rgn!, areanm: rgnnm!, level: 'rgn' }];
      }),
  );
  return regions;
}

/** An area's parents up to the UK along the 2023 lookup, finest first (straddling LADs list each parent). */
export async function parentsOf(store: Store, code: string): Promise<AreaRef[]> {
  const out: AreaRef[] = [];
  let frontier = [code];
  for (let depth = 0; depth < 5 && frontier.length; depth++) {
    const next: AreaRef[] = [];
    for (const child of frontier) {
      const rows = await query<{ parent: string; parent_level: string; areanm: string | null }>(
        store,
        `SELECT DISTINCT l.parent, l.parent_level,
                (SELECT any_value(a.areanm) FROM areas a WHERE a.areacd = l.parent) AS areanm
           FROM area_links l JOIN current_datasets d ON d.id = l.dataset_id
          WHERE l.vintage = '2023' AND l.child = ? AND 'lau1' NOT IN (l.parent_level, l.child_level)
          ORDER BY l.parent`,
        [child],
      );
      for (const r of rows) {
        if (out.some((o) => o.areacd === r.parent) || next.some((o) => o.areacd === r.parent)) continue;
        next.push({
          areacd: r.parent,
          areanm: r.areanm ?? (r.parent === 'K02000001' ? 'United Kingdom' : r.parent),
          level: r.parent_level,
        });
      }
    }
    out.push(...next);
    frontier = next.map((r) => r.areacd);
  }
  return out;
}

/** An area as the area list shows it: names, level, validity years, its parents at the analysis levels. */
export interface AreaListItem extends AreaRef {
  start: number | null;
  end: number | null;
  parents: string[];
}

/** Levels the area list serves, mapped to the levels stored by the readers. */
const STORED_LEVEL: Record<string, string> = {
  lad: 'ltla',
  itl3: 'itl3',
  itl2: 'itl2',
  itl1: 'itl1',
  uk: 'uk',
  rgn: 'rgn',
  ctry: 'ctry',
  cauth: 'cauth',
  utla: 'utla',
  cty: 'cty',
};
export const AREA_LEVELS = Object.keys(STORED_LEVEL);

/**
 * Areas at a level (current ones, valid in `year` when given), optionally filtered by a
 * case-insensitive search on name or code. ITL levels use the January 2021 codes the GVA tables use.
 */
export async function listAreas(
  store: Store,
  opts: { level?: string; q?: string; year?: number; limit?: number },
): Promise<AreaListItem[]> {
  const level = opts.level ? STORED_LEVEL[opts.level] : undefined;
  if (opts.level && !level) throw new UsageError(`invalid level: ${opts.level} (${AREA_LEVELS.join(', ')})`);
  const q = opts.q?.trim().toLowerCase() ?? '';
  // Codes retired by the year asked for, and the codes that replaced them (data/lookups/code-changes.csv).
  const recoded =
    opts.year === undefined ? [] : [...codeChanges()].filter(([, n]) => n.effective <= opts.year!);
  const rows = await query<{
    areacd: string;
    areanm: string;
    level: string;
    start: number | null;
    end: number | null;
    parents: string[] | null;
  }>(
    store,
    `WITH a AS (
       SELECT areacd, arg_max(areanm, dataset_id) AS areanm, level, max(start_year) AS start, max(end_year) AS "end"
         FROM areas WHERE dataset_id IN (SELECT id FROM current_datasets) AND level <> 'lau1'
        GROUP BY areacd, level),
     p AS (
       SELECT child, list(DISTINCT parent ORDER BY parent) AS parents FROM area_links
        WHERE vintage = '2023' AND dataset_id IN (SELECT id FROM current_datasets) AND parent_level <> 'lau1'
        GROUP BY child)
     SELECT a.areacd, a.areanm, a.level, a.start, a."end", p.parents FROM a LEFT JOIN p ON p.child = a.areacd
      WHERE (? IS NULL OR a.level = ?)
        AND (? = '' OR contains(lower(a.areanm), ?) OR starts_with(lower(a.areacd), ?))
        AND (? IS NULL OR a.level LIKE 'itl%' OR a.level = 'uk' OR a.areacd IN (
              -- Valid in the year by the boundary files, which carry the codes' start and end years.
              SELECT b.areacd FROM areas b WHERE b.dataset_id IN (SELECT dataset_id FROM boundaries)
                 AND b.dataset_id IN (SELECT id FROM current_datasets)
                 AND (b.start_year IS NULL OR b.start_year <= ?) AND (b.end_year IS NULL OR b.end_year >= ?)
                 AND NOT list_contains(coalesce(?, []::VARCHAR[]), b.areacd)
              UNION SELECT unnest(coalesce(?, []::VARCHAR[]))))
        AND (a.level NOT LIKE 'itl%' OR a.areacd IN (SELECT child FROM area_links WHERE vintage = '2023') OR a.areacd IN (SELECT parent FROM area_links WHERE vintage = '2023'))
      ORDER BY (lower(a.areacd) = ?) DESC, starts_with(lower(a.areanm), ?) DESC, a.areanm
      LIMIT ?`,
    [
      level ?? null,
      level ?? null,
      q,
      q,
      q,
      opts.year ?? null,
      opts.year ?? null,
      opts.year ?? null,
      list(recoded.map(([old]) => old)),
      list(recoded.map(([, n]) => n.code)),
      q,
      q,
      opts.limit ?? 500,
    ],
  );
  return rows.map((r) => ({ ...r, level: r.level === 'ltla' ? 'lad' : r.level, parents: r.parents ?? [] }));
}

/**
 * The ITL (January 2025) code that covers exactly the same local authorities as an ITL
 * (January 2021) code, or null. Some indicators are published on the newer codes (GDHI uses
 * TLC31 for what the GVA tables call TLC11).
 */
export async function sameAreaIn2025(store: Store, code: string): Promise<AreaRef | null> {
  const { map } = await itl2025To2021(store);
  const newer = [...map].find(([, old]) => old === code)?.[0];
  if (!newer) return null;
  const [row] = await query<{ areanm: string }>(
    store,
    `SELECT any_value(areanm) AS areanm FROM areas WHERE areacd = ?`,
    [newer],
  );
  const level = code.length === 5 ? 'itl3' : code.length === 4 ? 'itl2' : 'itl1';
  return { areacd: newer, areanm: row?.areanm ?? newer, level: `${level} (2025 codes)` };
}

/**
 * ITL (January 2025) codes → the ITL (January 2021) code covering exactly the same local
 * authorities, for every ITL level; and the set of 2021 codes. Indicators published on the
 * newer codes can then be shown on the areas the GVA tables and ITL3 boundaries use.
 * Computed once per store state (every ITL profile and ITL indicator table asks for it).
 */
export function itl2025To2021(
  store: Store,
): Promise<{ map: ReadonlyMap<string, string>; codes2021: ReadonlySet<string> }> {
  return cached(store, 'itl2025To2021', () => itlRecodes(store));
}

async function itlRecodes(store: Store): Promise<{ map: Map<string, string>; codes2021: Set<string> }> {
  const rows = await query<{ new_code: string | null; old_code: string }>(
    store,
    `WITH RECURSIVE up(lad, area, vintage) AS (
        SELECT child, parent, vintage FROM area_links WHERE child_level = 'ltla' AND parent_level = 'itl3'
          AND dataset_id IN (SELECT id FROM current_datasets)
        UNION
        SELECT up.lad, l.parent, l.vintage FROM up JOIN area_links l ON l.child = up.area AND l.vintage = up.vintage
         WHERE l.parent_level IN ('itl2', 'itl1') AND l.dataset_id IN (SELECT id FROM current_datasets)),
      sets AS (SELECT area, vintage, list(DISTINCT lad ORDER BY lad) AS lads FROM up GROUP BY area, vintage)
     SELECT n.area AS new_code, o.area AS old_code
       FROM sets o LEFT JOIN sets n ON n.lads = o.lads AND n.vintage = '2025' AND length(n.area) = length(o.area)
      WHERE o.vintage = '2023'`,
  );
  const map = new Map<string, string>();
  for (const r of rows) if (r.new_code && r.new_code !== r.old_code) map.set(r.new_code, r.old_code);
  return { map, codes2021: new Set(rows.map((r) => r.old_code)) };
}
