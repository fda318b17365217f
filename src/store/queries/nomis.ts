// Nomis extracts (`nomis_obs`): population estimates by age and sex, BRES employees by industry,
// and the rows as the reader gave them.
import type { NomisRecord } from '../../core/records.ts';
import { query, type Store } from '../db.ts';

/** Persons by district code and Nomis age code (200 all ages; 250, 207, 208 the bands 16–64). */
export function districtPopulationRows(
  store: Store,
  datasetId: number,
): Promise<{ code: string; age: string; value: number }[]> {
  return query(
    store,
    `SELECT geography_code AS code, json_extract_string(dims, '$.C_AGE.code') AS age, value FROM nomis_obs
      WHERE dataset_id = ? AND geography_type LIKE 'local authorities: district%'
        AND json_extract_string(dims, '$.GENDER.code') = '0'
        AND json_extract_string(dims, '$.C_AGE.code') IN ('200', '250', '207', '208')`,
    [datasetId],
  );
}

/**
 * Population aged 16+ of the given codes summed by Nomis sex and age code (bands 250, 207, 208,
 * 209). A unitary authority is published twice (as a district and as a county): it counts once,
 * from the district rows.
 */
export function adultPopulationRows(
  store: Store,
  datasetId: number,
  codes: readonly string[],
): Promise<{ sex: string; age: string; date: string; value: number }[]> {
  return query(
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
    [datasetId, ...codes],
  );
}

/** Employees by two-digit SIC division from a BRES extract. */
export async function employeesByDivision(store: Store, datasetId: number): Promise<Map<string, number>> {
  const rows = await query<{ division: string; value: number }>(
    store,
    `SELECT left(json_extract_string(dims, '$.INDUSTRY.code'), 2) AS division, sum(value) AS value
       FROM nomis_obs WHERE dataset_id = ? AND json_extract_string(dims, '$.EMPLOYMENT_STATUS.code') = '1'
      GROUP BY 1`,
    [datasetId],
  );
  return new Map(rows.map((r) => [r.division, Number(r.value)]));
}

/** A Nomis dataset's rows rebuilt as the reader gave them. */
export async function nomisRecords(store: Store, datasetId: number): Promise<NomisRecord[]> {
  const rows = await query<{
    date: string;
    geography_code: string;
    geography_name: string;
    geography_type: string;
    dims: string;
    measures: string;
    value: number | null;
    status: string;
    status_name: string;
  }>(
    store,
    `SELECT date, geography_code, geography_name, geography_type, dims, measures, value, status, status_name FROM nomis_obs WHERE dataset_id = ?`,
    [datasetId],
  );
  return rows.map((r) => ({
    date: r.date,
    geographyCode: r.geography_code,
    geographyName: r.geography_name,
    geographyType: r.geography_type,
    dims: JSON.parse(r.dims),
    measures: r.measures,
    value: r.value,
    status: r.status,
    statusName: r.status_name,
  }));
}
