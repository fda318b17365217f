import { existsSync } from 'node:fs';
import { closeStore, importDir, openStore, type Store } from '../../src/workbench.ts';
import { PACK } from './source.ts';

/** The store the integration tests share: the whole data pack, imported once (later runs find it unchanged). */
export const PACK_DB = '.strata/test/pack.duckdb';

/**
 * Opens the pack store read-only (so CLI processes can read it too), importing the pack
 * first; fails (never skips) when the pack is missing.
 */
export async function packStore(): Promise<Store> {
  if (!existsSync(PACK)) throw new Error(`the data pack is missing at ${PACK}: integration tests need it`);
  const writer = await openStore(PACK_DB);
  try {
    await importDir(writer, PACK);
  } finally {
    closeStore(writer);
  }
  return openStore(PACK_DB, { readOnly: true });
}
