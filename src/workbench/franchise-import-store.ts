import { writeGeneration } from '../store/generation.ts';
import { ResultCache } from './cache.ts';
import {
  franchiseImport,
  type FranchiseImportOptions,
  type FranchiseImportReport,
} from './franchise-import.ts';

/**
 * Imports spend files and release packages into the store at `path` as a new generation of the
 * file (store/generation.ts): a server keeps serving the old store until the import commits; a
 * refused file leaves the store file as it was.
 */
export function importFranchiseStore(
  path: string,
  input: string,
  opts: FranchiseImportOptions = {},
): Promise<FranchiseImportReport> {
  return writeGeneration(path, async (store) => {
    const cache = new ResultCache();
    const report = await franchiseImport(
      { store, cached: (key, fn) => cache.get(store, key, fn) },
      input,
      opts,
    );
    return { changed: report.files.some((f) => f.status !== 'unchanged'), result: report };
  });
}
