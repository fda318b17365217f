// The population of an area by age band (and sex, where the estimates are split by sex) for the
// civic representativeness report: ONS mid-year estimates via Nomis, in the `nomis_obs` table.
// The pack's mid-2021 file gives persons only, so its strata are age bands; a Nomis extract with
// GENDER 1 and 2 gives age band × sex. Districts merged in April 2023 are summed into their
// new authority.
import type { PopulationCell } from '../civic/weighting.ts';
import { query, type Store } from '../store/db.ts';
import { districtSuccessors } from './geography.ts';
import { currentDataset, SOURCES } from './sources.ts';

/** Nomis C_AGE codes of the bands participants declare (16 and over). */
const AGE_CODES: Record<string, string> = { '250': '16-24', '207': '25-49', '208': '50-64', '209': '65+' };
const SEX_CODES: Record<string, string> = { '1': 'male', '2': 'female' };

/** An area's population cells with the source they come from. */
export interface AreaPopulation {
  area: string;
  year: string;
  source: string;
  cells: PopulationCell[];
}

function codesFor(area: string): string[] {
  return [area, ...[...districtSuccessors()].filter(([, now]) => now === area).map(([old]) => old)];
}

/** The population aged 16+ of an area by age band (× sex when published), or null when the estimates do not cover it. */
export async function areaPopulation(store: Store, area: string): Promise<AreaPopulation | null> {
  const ds = await currentDataset(store, SOURCES.mye);
  const codes = codesFor(area);
  // A unitary authority is published twice (as a district and as a county): count it once,
  // preferring the district rows.
  const rows = await query<{ sex: string; age: string; date: string; value: number }>(
    store,
    `WITH o AS (
       SELECT geography_type AS type, json_extract_string(dims, '$.GENDER.code') AS sex,
              json_extract_string(dims, '$.C_AGE.code') AS age, date, value
         FROM nomis_obs
        WHERE dataset_id = ? AND geography_code IN (${codes.map(() => '?').join(',')})
          AND json_extract_string(dims, '$.C_AGE.code') IN ('250', '207', '208', '209')),
     t AS (SELECT min(type) FILTER (WHERE type LIKE 'local authorities: district%') AS district, min(type) AS any FROM o)
     SELECT sex, age, date, sum(value) AS value FROM o, t
      WHERE o.type = coalesce(t.district, t.any)
      GROUP BY sex, age, date`,
    [ds.id, ...codes],
  );
  if (rows.length === 0) return null;
  const bySex = rows.some((r) => r.sex in SEX_CODES);
  const cells = rows
    .filter((r) => (bySex ? r.sex in SEX_CODES : r.sex === '0'))
    .map((r) => ({
      ageBand: AGE_CODES[r.age]!,
      sex: bySex ? SEX_CODES[r.sex]! : null,
      population: Number(r.value),
    }))
    .sort((a, b) => a.ageBand.localeCompare(b.ageBand) || (a.sex ?? '').localeCompare(b.sex ?? ''));
  return {
    area,
    year: rows[0]!.date,
    source: `${ds.publisher}, ${ds.title} (${ds.vintage})`,
    cells,
  };
}
