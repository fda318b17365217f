import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Workbench } from '../../src/workbench.ts';
import { PACK } from './source.ts';

/** The store the integration tests share: the whole data pack, imported once (later runs find it unchanged). */
export const PACK_DB = '.strata/test/pack.duckdb';

/** The councils' spend files of the pack, which `strata franchise import` reads. */
export const PACK_SPEND = join(PACK, 'council-spending-manchester-leeds');

/**
 * Opens a workbench over the pack store read-only (so CLI processes can read it too), importing
 * the pack first (its datasets, and the councils' spend files into the franchise tables); fails (never skips) when the pack is missing.
 */
export async function packWorkbench(): Promise<Workbench> {
  if (!existsSync(PACK)) throw new Error(`the data pack is missing at ${PACK}: integration tests need it`);
  const writer = await Workbench.open(PACK_DB);
  try {
    await writer.import(PACK);
    // The councils' spend too (`strata franchise import`), once: the files are read only when none is held.
    if ((await writer.franchiseBodies()).bodies.length === 0) await writer.franchiseImport(PACK_SPEND);
  } finally {
    writer.close();
  }
  return Workbench.open(PACK_DB, { readOnly: true });
}
