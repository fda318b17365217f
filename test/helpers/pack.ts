import { existsSync } from 'node:fs';
import { Workbench } from '../../src/workbench.ts';
import { PACK } from './source.ts';

/** The store the integration tests share: the whole data pack, imported once (later runs find it unchanged). */
export const PACK_DB = '.strata/test/pack.duckdb';

/**
 * Opens a workbench over the pack store read-only (so CLI processes can read it too), importing
 * the pack first; fails (never skips) when the pack is missing.
 */
export async function packWorkbench(): Promise<Workbench> {
  if (!existsSync(PACK)) throw new Error(`the data pack is missing at ${PACK}: integration tests need it`);
  const writer = await Workbench.open(PACK_DB);
  try {
    await writer.import(PACK);
  } finally {
    writer.close();
  }
  return Workbench.open(PACK_DB, { readOnly: true });
}
