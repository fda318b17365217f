import { levelOfCode } from '../core/area.ts';
import { readDistrictChanges } from '../ingest/district-changes.ts';
import { readSourceFile } from '../ingest/source-file.ts';
import { query, type Store } from '../store/db.ts';
import { itl1Regions, type AreaRef } from './areas.ts';
import { cached } from './cache.ts';
import { currentDataset, SOURCES } from './sources.ts';

/** National figures in the order a "vs UK" comparison prefers them (the widest the publisher gives). */
export const NATIONAL_CODES = [
  'K02000001', // United Kingdom
  'K99000002', // UK less Extra-Regio (regional accounts)
  'UK',
  'UKX',
  'K03000001', // Great Britain
  'K04000001', // England and Wales
  'E92000001', // England
  'TLB', // England (ITL)
] as const;

/** The analysis level of a code: `lad` for any local authority district form, `uk` for a national figure, else the GSS/ITL level. */
export function levelOf(code: string): string | null {
  if ((NATIONAL_CODES as readonly string[]).slice(0, 4).includes(code)) return 'uk';
  const l = levelOfCode(code);
  return l === 'ltla' ? 'lad' : l;
}

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
export function lads2023(store: Store): Promise<Lad[]> {
  return cached(store, 'beyond:lads2023', async () => {
    const rows = await query<{ areacd: string; areanm: string | null; itl1: string; itl: string[] }>(
      store,
      `WITH RECURSIVE up(lad, area, lvl) AS (
          SELECT child, parent, parent_level FROM area_links l JOIN current_datasets d ON d.id = l.dataset_id
           WHERE l.vintage = '2023' AND l.child_level = 'ltla' AND l.parent_level = 'itl3'
          UNION
          SELECT up.lad, l.parent, l.parent_level FROM up JOIN area_links l ON l.child = up.area
           JOIN current_datasets d ON d.id = l.dataset_id
           WHERE l.vintage = '2023' AND l.parent_level IN ('itl2', 'itl1'))
       SELECT up.lad AS areacd, any_value(up.area) FILTER (WHERE up.lvl = 'itl1') AS itl1,
              list(DISTINCT up.area ORDER BY up.area) AS itl,
              (SELECT arg_max(a.areanm, a.dataset_id) FROM areas a WHERE a.areacd = up.lad AND a.level = 'ltla') AS areanm
         FROM up GROUP BY up.lad HAVING count(*) FILTER (WHERE up.lvl = 'itl1') > 0 ORDER BY 1`,
    );
    const regions = itl1Regions();
    return rows.map((r) => {
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
export async function ladsWithin(store: Store, code: string): Promise<AreaRef[]> {
  return (await lads2023(store))
    .filter((l) => l.itl.includes(code))
    .map((l) => ({ areacd: l.areacd, areanm: l.areanm, level: 'lad' }));
}

/**
 * LAD codes that changed in April 2025 (a boundary adjustment between Barnsley and Sheffield),
 * new code → April 2023 code, found by name between the two lookups in the store.
 */
export function ladRecodes2025(store: Store): Promise<Map<string, string>> {
  return cached(store, 'beyond:recodes2025', async () => {
    const rows = await query<{ newcd: string; oldcd: string }>(
      store,
      `WITH v AS (SELECT DISTINCT l.child AS areacd, l.vintage FROM area_links l JOIN current_datasets d ON d.id = l.dataset_id
                   WHERE l.child_level = 'ltla' AND l.vintage IN ('2023', '2025')),
            n AS (SELECT areacd, arg_max(areanm, dataset_id) AS areanm FROM areas WHERE level = 'ltla' GROUP BY 1),
            only25 AS (SELECT v.areacd, n.areanm FROM v JOIN n USING (areacd) WHERE vintage = '2025'
                        AND areacd NOT IN (SELECT areacd FROM v WHERE vintage = '2023')),
            only23 AS (SELECT v.areacd, n.areanm FROM v JOIN n USING (areacd) WHERE vintage = '2023'
                        AND areacd NOT IN (SELECT areacd FROM v WHERE vintage = '2025'))
       SELECT only25.areacd AS newcd, only23.areacd AS oldcd FROM only25 JOIN only23 USING (areanm)`,
    );
    return new Map(rows.map((r) => [r.newcd, r.oldcd]));
  });
}

const CHANGES_2023 = new URL('../../data/lookups/lad-changes-2023.csv', import.meta.url).pathname;

let successors: ReadonlyMap<string, string> | undefined;

/**
 * Districts abolished in April 2023 → the authority they joined (data/lookups/lad-changes-2023.csv).
 * The table ships with Strata, so it is read once, not per request.
 */
export function districtSuccessors(): ReadonlyMap<string, string> {
  successors ??= new Map(
    readDistrictChanges(readSourceFile(CHANGES_2023)).map((c) => [c.oldCode, c.newCode]),
  );
  return successors;
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
export function ladPopulation(store: Store): Promise<LadPopulation> {
  return cached(store, 'beyond:lad-population', async () => {
    const ds = await currentDataset(store, SOURCES.mye);
    const rows = await query<{ code: string; age: string; value: number }>(
      store,
      `SELECT geography_code AS code, json_extract_string(dims, '$.C_AGE.code') AS age, value FROM nomis_obs
        WHERE dataset_id = ? AND geography_type LIKE 'local authorities: district%'
          AND json_extract_string(dims, '$.GENDER.code') = '0'
          AND json_extract_string(dims, '$.C_AGE.code') IN ('200', '250', '207', '208')`,
      [ds.id],
    );
    const merged = districtSuccessors();
    const all = new Map<string, number>();
    const workingAge = new Map<string, number>();
    for (const r of rows) {
      const code = merged.get(r.code) ?? r.code;
      const into = r.age === '200' ? all : workingAge;
      into.set(code, (into.get(code) ?? 0) + Number(r.value));
    }
    return {
      year: 2021,
      source: `${ds.publisher}, ${ds.title} (${ds.vintage})`,
      all,
      workingAge,
    };
  });
}
