import { UsageError } from '../core/errors.ts';
import { currentDataset, type DatasetRef } from '../store/queries/datasets.ts';
import type { Store } from '../store/db.ts';

/** The newest vintage of a source in the store, or a clear error naming what to import. */
export async function requireDataset(store: Store, source: string): Promise<DatasetRef> {
  const ds = await currentDataset(store, source);
  if (!ds)
    throw new UsageError(
      `dataset ${source} is not in the store: run strata data import first`,
      'no_data',
      409,
    );
  return ds;
}

/** How outputs name a dataset: publisher, title (vintage). */
export function sourceText(ds: { publisher: string; title: string; vintage: string }): string {
  return `${ds.publisher}, ${ds.title} (${ds.vintage})`;
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
