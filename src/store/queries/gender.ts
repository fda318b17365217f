// Employers' gender pay gap returns (`gpg_employers`): the reporting periods held and each
// employer's SIC codes, hourly gap and size band in one period.
import { query, type Store } from '../db.ts';

/** The reporting periods in the store, oldest first, with their source and vintage. */
export function employerPeriods(
  store: Store,
): Promise<{ period: string; source: string; vintage: string }[]> {
  return query(
    store,
    `SELECT DISTINCT g.period, d.publisher || ', ' || d.title AS source, d.vintage FROM gpg_employers g
       JOIN current_datasets d ON d.id = g.dataset_id ORDER BY 1`,
  );
}

/** Each employer's SIC codes (comma-separated), median or mean hourly gap, and size band in a period. */
export function employerGaps(
  store: Store,
  period: string,
  statistic: 'median' | 'mean',
): Promise<{ sic: string; gap: number | null; size: string }[]> {
  const column = statistic === 'median' ? 'g.diff_median_hourly' : 'g.diff_mean_hourly';
  return query(
    store,
    `SELECT g.sic_codes AS sic, ${column} AS gap, g.employer_size AS size
       FROM gpg_employers g JOIN current_datasets d ON d.id = g.dataset_id WHERE g.period = ?`,
    [period],
  );
}
