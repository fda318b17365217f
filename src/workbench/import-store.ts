import { writeGeneration } from '../store/generation.ts';
import { importDir, type ImportReport, type Progress } from './data.ts';

/**
 * Imports a folder into the store at `path` as a new generation of the file (store/generation.ts):
 * servers and commands reading the store go on reading the old one until the import has
 * committed, then move to the new one; a failed import leaves the file untouched.
 */
export function importStore(path: string, dir: string, onProgress?: Progress): Promise<ImportReport> {
  return writeGeneration(path, async (store) => {
    const report = await importDir(store, dir, onProgress);
    return { changed: report.datasets.some((d) => d.status === 'imported'), result: report };
  });
}
