// Local authority districts on April 2023 codes, the frame every LAD table lists: their regions
// and ITL areas, the codes changed in April 2025, and their population.
import { districtPopulationRows } from '../store/queries/nomis.ts';
import { lad2023Rows, ladRecodeRows } from '../store/queries/areas.ts';
import type { Ctx } from './context.ts';
import type { AreaRef } from './lookups.ts';
import { requireDataset, sourceText, SOURCES } from './sources.ts';

/** A local authority district on April 2023 codes, with its region (or country) and ITL areas. */
export interface Lad {
  areacd: string;
  areanm: string;
  region: string;
  regionName: string;
  itl1: string;
  /** The ITL3, ITL2 and ITL1 areas it lies in (a LAD straddling two ITL3 areas is in both). */
  itl: string[];
}

/** The 361 LADs of the April 2023 LAD–ITL lookup, each with its region: the areas every LAD table lists. */
export function lads2023(ctx: Ctx): Promise<Lad[]> {
  return ctx.cached('beyond:lads2023', async () => {
    const regions = ctx.lookups.itl1Regions;
    return (await lad2023Rows(ctx.store)).map((r) => {
      const region = regions.get(r.itl1);
      if (!region) throw new Error(`ITL1 area without a region: ${r.itl1}`);
      return {
        areacd: r.areacd,
        areanm: r.areanm ?? r.areacd,
        region: region.areacd,
        regionName: region.areanm,
        itl1: r.itl1,
        itl: r.itl,
      };
    });
  });
}

/** The LADs inside an ITL area (any level), from the 2023 lookup. */
export async function ladsWithin(ctx: Ctx, code: string): Promise<AreaRef[]> {
  return (await lads2023(ctx))
    .filter((l) => l.itl.includes(code))
    .map((l) => ({ areacd: l.areacd, areanm: l.areanm, level: 'lad' }));
}

/**
 * LAD codes that changed in April 2025 (a boundary adjustment between Barnsley and Sheffield),
 * new code → April 2023 code, found by name between the two lookups in the store.
 */
export function ladRecodes2025(ctx: Ctx): Promise<Map<string, string>> {
  return ctx.cached(
    'beyond:recodes2025',
    async () => new Map((await ladRecodeRows(ctx.store)).map((r) => [r.newcd, r.oldcd])),
  );
}

/** Population of each LAD on April 2023 codes from the mid-2021 estimates (pre-2023 districts summed). */
export interface LadPopulation {
  year: number;
  source: string;
  all: Map<string, number>;
  /** Aged 16 to 64. */
  workingAge: Map<string, number>;
}

/** Mid-2021 population by LAD (all ages and 16–64), merged districts summed into their 2023 authority. */
export function ladPopulation(ctx: Ctx): Promise<LadPopulation> {
  return ctx.cached('beyond:lad-population', async () => {
    const ds = await requireDataset(ctx.store, SOURCES.mye);
    const merged = ctx.lookups.districtSuccessors;
    const all = new Map<string, number>();
    const workingAge = new Map<string, number>();
    for (const r of await districtPopulationRows(ctx.store, ds.id)) {
      const code = merged.get(r.code) ?? r.code;
      const into = r.age === '200' ? all : workingAge;
      into.set(code, (into.get(code) ?? 0) + Number(r.value));
    }
    return { year: 2021, source: sourceText(ds), all, workingAge };
  });
}
