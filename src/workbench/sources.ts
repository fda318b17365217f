import { UsageError } from '../core/errors.ts';
import { query, type Store } from '../store/db.ts';

/** The newest vintage of a source in the store, or a clear error naming what to import. */
export async function currentDataset(
  store: Store,
  source: string,
): Promise<{ id: number; vintage: string; title: string; publisher: string }> {
  const rows = await query<{ id: number; vintage: string; title: string; publisher: string }>(
    store,
    `SELECT id, vintage, title, publisher FROM current_datasets WHERE source = ?`,
    [source],
  );
  if (rows.length === 0)
    throw new UsageError(
      `dataset ${source} is not in the store: run strata data import first`,
      'no_data',
      409,
    );
  return rows[0]!;
}

/** Like currentDataset, but null when the source is absent. */
export async function maybeDataset(
  store: Store,
  source: string,
): Promise<{ id: number; vintage: string } | null> {
  const rows = await query<{ id: number; vintage: string }>(
    store,
    `SELECT id, vintage FROM current_datasets WHERE source = ?`,
    [source],
  );
  return rows[0] ?? null;
}

/** Catalogue ids the workbench reads (kept in one place so a renamed source is one edit). */
export const SOURCES = {
  gvaItl3Cp: 'ons-gva-itl3-cp',
  gvaItl3Cvm: 'ons-gva-itl3-cvm',
  gvaLad: 'ons-gva-lad',
  census: 'ons-census2021-ts060-ltla',
  bres: 'ons-bres-ioat-gb-2021',
  population: 'ons-gva-itl-population',
  mye: 'ons-mye-lad-2021',
  asheGpgIndustry: 'ons-ashe-gpg-industry-2025',
} as const;
