import type { SplitBasis } from '../models/layers/split.ts';
import { query, type Store } from '../store/db.ts';
import { maybeDataset, SOURCES } from './sources.ts';

/**
 * National values by SIC division used to split published codes that span two layers
 * (METHODS.md §1): Great Britain employees by division from BRES 2021 (Nomis), the finest
 * national industry detail the pack holds for every division. The label travels with every
 * output so the basis is never hidden.
 */
export async function splitBasis(store: Store): Promise<SplitBasis | null> {
  const ds = await maybeDataset(store, SOURCES.bres);
  if (!ds) return null;
  const rows = await query<{ division: string; value: number }>(
    store,
    `SELECT left(json_extract_string(dims, '$.INDUSTRY.code'), 2) AS division, sum(value) AS value
       FROM nomis_obs WHERE dataset_id = ? AND json_extract_string(dims, '$.EMPLOYMENT_STATUS.code') = '1'
      GROUP BY 1`,
    [ds.id],
  );
  return {
    label: `ONS BRES ${ds.vintage}, GB employees by SIC division`,
    byDivision: new Map(rows.map((r) => [r.division, Number(r.value)])),
  };
}
