// Areas: the list with its search (`GET /api/v1/areas`), an area's parents up the 2023 lookup,
// and the ITL (January 2025) codes that stand for the same areas as the 2021 codes.
import { levelOfCode } from '../core/area.ts';
import { levelName, storedLevel, type AreaLevel } from '../core/levels.ts';
import type { AreaList } from '../contract/areas.ts';
import { allParentRows, areaListRows, areaName, itlCodePairs, parentRows } from '../store/queries/areas.ts';
import type { Ctx } from './context.ts';
import type { AreaRef } from './lookups.ts';

export type { AreaRef } from './lookups.ts';

type ParentRow = { parent: string; parent_level: string; areanm: string | null };

/** Walks up the lookup from `code`, finest first, each parent once. */
async function walkUp(
  code: string,
  rowsOf: (child: string) => ParentRow[] | Promise<ParentRow[]>,
): Promise<AreaRef[]> {
  const out: AreaRef[] = [];
  let frontier = [code];
  for (let depth = 0; depth < 5 && frontier.length; depth++) {
    const next: AreaRef[] = [];
    for (const child of frontier) {
      for (const r of await rowsOf(child)) {
        if (out.some((o) => o.areacd === r.parent) || next.some((o) => o.areacd === r.parent)) continue;
        const areanm = r.areanm ?? (r.parent === 'K02000001' ? 'United Kingdom' : r.parent);
        next.push({ areacd: r.parent, areanm, level: r.parent_level });
      }
    }
    out.push(...next);
    frontier = next.map((r) => r.areacd);
  }
  return out;
}

/** Every child's parent rows in the 2023 lookup, read once per store state. */
function parentLinks(ctx: Ctx): Promise<Map<string, ParentRow[]>> {
  return ctx.cached('parent-links:2023', async () => {
    const out = new Map<string, ParentRow[]>();
    for (const { child, ...r } of await allParentRows(ctx.store)) {
      const rows = out.get(child);
      if (rows) rows.push(r);
      else out.set(child, [r]);
    }
    return out;
  });
}

/** An area's parents up to the UK along the 2023 lookup, finest first (straddling LADs list each parent). */
export async function parentsOf(ctx: Ctx, code: string): Promise<AreaRef[]> {
  const links = await parentLinks(ctx);
  return walkUp(code, (child) => links.get(child) ?? []);
}

/** The reference for parentsOf: the same walk, asking the store for each child's parents. */
export function parentsOfQueried(ctx: Ctx, code: string): Promise<AreaRef[]> {
  return walkUp(code, (child) => parentRows(ctx.store, child));
}

/** What the area list is asked: a level, part of a name or code, a year the codes are valid in. */
export interface AreaQuery {
  level?: AreaLevel;
  q?: string;
  year?: number;
  limit?: number;
}

/**
 * Areas at a level (current ones, valid in `year` when given), optionally filtered by a
 * case-insensitive search on name or code. ITL levels use the January 2021 codes the GVA tables use.
 */
export async function listAreas(ctx: Ctx, opts: AreaQuery): Promise<AreaList> {
  // Codes retired by the year asked for, and the codes that replaced them (data/lookups/code-changes.csv).
  const recoded =
    opts.year === undefined ? [] : [...ctx.lookups.codeChanges].filter(([, n]) => n.effective <= opts.year!);
  const rows = await areaListRows(ctx.store, {
    level: opts.level ? storedLevel(opts.level) : null,
    q: opts.q?.trim().toLowerCase() ?? '',
    year: opts.year ?? null,
    retired: recoded.map(([old]) => old),
    replacements: recoded.map(([, n]) => n.code),
    limit: opts.limit ?? 500,
  });
  return {
    areas: rows
      // the ONS layer of combined authorities also holds two Scottish council areas
      .filter((r) => r.level !== 'cauth' || levelOfCode(r.areacd) === 'cauth')
      .map((r) => ({ ...r, level: levelName(r.level), parents: r.parents ?? [] })),
  };
}

/**
 * The ITL (January 2025) code that covers exactly the same local authorities as an ITL
 * (January 2021) code, or null. Some indicators are published on the newer codes (GDHI uses
 * TLC31 for what the GVA tables call TLC11).
 */
export async function sameAreaIn2025(ctx: Ctx, code: string): Promise<AreaRef | null> {
  const { map } = await itl2025To2021(ctx);
  const newer = [...map].find(([, old]) => old === code)?.[0];
  if (!newer) return null;
  const level = code.length === 5 ? 'itl3' : code.length === 4 ? 'itl2' : 'itl1';
  return {
    areacd: newer,
    areanm: (await areaName(ctx.store, newer)) ?? newer,
    level: `${level} (2025 codes)`,
  };
}

/**
 * ITL (January 2025) codes → the ITL (January 2021) code covering exactly the same local
 * authorities, for every ITL level; and the set of 2021 codes. Indicators published on the
 * newer codes can then be shown on the areas the GVA tables and ITL3 boundaries use.
 */
export function itl2025To2021(
  ctx: Ctx,
): Promise<{ map: ReadonlyMap<string, string>; codes2021: ReadonlySet<string> }> {
  return ctx.cached('itl2025To2021', async () => {
    const rows = await itlCodePairs(ctx.store);
    const map = new Map<string, string>();
    for (const r of rows) if (r.new_code && r.new_code !== r.old_code) map.set(r.new_code, r.old_code);
    return { map, codes2021: new Set(rows.map((r) => r.old_code)) };
  });
}
