// What the scenario lab reads from the store beyond the input–output tables: SIC 2007 classes,
// employers' pay-quartile shares of women, GHG intensity by industry and ITL population.
import { query, type Store } from '../db.ts';

/** Every SIC 2007 class (4-digit) the store's SIC tables list. */
export async function sicClassCodes(store: Store): Promise<string[]> {
  const rows = await query<{ code: string }>(
    store,
    `SELECT DISTINCT s.code FROM sic s JOIN current_datasets d ON d.id = s.dataset_id WHERE s.level = 'class' ORDER BY 1`,
  );
  return rows.map((r) => r.code);
}

/** Each employer's SIC codes, the share of women in its four pay quartiles and its size band in a period. */
export function employerQuartiles(
  store: Store,
  period: string,
): Promise<
  { sic: string; q1: number | null; q2: number | null; q3: number | null; q4: number | null; size: string }[]
> {
  return query(
    store,
    `SELECT g.sic_codes AS sic, g.female_lower_quartile AS q1, g.female_lower_middle_quartile AS q2,
            g.female_upper_middle_quartile AS q3, g.female_top_quartile AS q4, g.employer_size AS size
       FROM gpg_employers g JOIN current_datasets d ON d.id = g.dataset_id WHERE g.period = ?`,
    [period],
  );
}

/** GHG intensity by IOAT industry, every year held, with its source. */
export function ghgIntensityRows(
  store: Store,
): Promise<{ code: string; value: number | null; status: string | null; period: number; source: string }[]> {
  return query(
    store,
    `SELECT i.industry AS code, i.value, i.status, i.period, d.publisher || ', ' || d.title AS source
       FROM industry_obs i JOIN current_datasets d ON d.id = i.dataset_id
      WHERE d.source = 'ons-ghg-intensity-by-industry' AND i.measure = 'ghg_intensity'`,
  );
}

/** The latest population of every ITL area from the regional GVA tables. */
export function itlPopulationRows(store: Store): Promise<{ areacd: string; value: number }[]> {
  return query(
    store,
    `SELECT o.areacd, arg_max(o.observation, o.period) AS value FROM observations o
       JOIN current_datasets d ON d.id = o.dataset_id
      WHERE d.source = 'ons-gva-itl-population' AND o.indicator = 'population' GROUP BY 1`,
  );
}
