import type { Reader, ReaderInput } from './reader.ts';
import { readDistrictChanges } from './district-changes.ts';
import { nativeOr } from './native.ts';
import { readSourceFile } from './source-file.ts';

const REPO = new URL('../../', import.meta.url).pathname;

/** Loads the district-changes table the catalogue names (boundary changes are data, in data/lookups/). */
function withDistrictChanges(input: ReaderInput): ReaderInput {
  const opts = input.source.options ?? {};
  if (opts.districtChanges !== undefined || typeof opts.districtChangesFile !== 'string') return input;
  const changes = readDistrictChanges(readSourceFile(REPO + opts.districtChangesFile));
  return { ...input, source: { ...input.source, options: { ...opts, districtChanges: changes } } };
}

/** A reader and its version: a dataset read by an older version of its reader is read again. */
export interface RegisteredReader {
  read: Reader;
  version: number;
}

/**
 * Every reader by the name the catalogue uses, loaded when first asked for: commands that only
 * query the store never load the spreadsheet, Parquet or shapefile libraries.
 */
const READERS: Record<string, () => Promise<RegisteredReader>> = {
  'ashe-gpg': async () => {
    const m = await import('./ashe-gpg.ts');
    return { read: m.readAsheGpg, version: m.VERSION };
  },
  'census-ts060': async () => {
    const m = await import('./census-ts060.ts');
    return { read: (input) => m.readCensusTs060(withDistrictChanges(input)), version: m.VERSION };
  },
  'council-spending': async () => {
    const [m, native] = await Promise.all([
      import('./council-spending.ts'),
      import('./council-spending-sql.ts'),
    ]);
    return { read: nativeOr(native.readCouncilSpendingSql, m.readCouncilSpending), version: m.VERSION };
  },
  els: async () => {
    const m = await import('./els.ts');
    return { read: m.readEls, version: m.VERSION };
  },
  'ghg-intensity': async () => {
    const m = await import('./ghg-intensity.ts');
    return { read: m.readGhgIntensity, version: m.VERSION };
  },
  'gpg-employers': async () => {
    const m = await import('./gpg-employers.ts');
    return { read: m.readGpgEmployers, version: m.VERSION };
  },
  'gva-itl3': async () => {
    const [m, native] = await Promise.all([import('./gva-itl3.ts'), import('./gva-itl3-sql.ts')]);
    return { read: nativeOr(native.readGvaItl3Sql, m.readGvaItl3), version: m.VERSION };
  },
  'gva-population': async () => {
    const m = await import('./gva-population.ts');
    return { read: m.readGvaPopulation, version: m.VERSION };
  },
  ioat: async () => {
    const m = await import('./ioat.ts');
    return { read: m.readIoat, version: m.VERSION };
  },
  'itl3-shapefile': async () => {
    const m = await import('./itl3-shapefile.ts');
    return { read: m.readItl3Shapefile, version: m.VERSION };
  },
  'lad-itl-lookup': async () => {
    const m = await import('./lad-itl-lookup.ts');
    return { read: m.readLadItlLookup, version: m.VERSION };
  },
  'living-wage': async () => {
    const m = await import('./living-wage.ts');
    return { read: m.readLivingWage, version: m.VERSION };
  },
  nomis: async () => {
    const m = await import('./nomis.ts');
    return { read: m.readNomis, version: m.VERSION };
  },
  'rgva-lad': async () => {
    const [m, native] = await Promise.all([import('./rgva-lad.ts'), import('./rgva-lad-sql.ts')]);
    return { read: nativeOr(native.readRgvaLadSql, m.readRgvaLad), version: m.VERSION };
  },
  'sic-lookup': async () => {
    const m = await import('./sic-lookup.ts');
    return { read: m.readSicLookup, version: m.VERSION };
  },
  'topojson-boundaries': async () => {
    const m = await import('./topojson-boundaries.ts');
    return { read: m.readTopojsonBoundaries, version: m.VERSION };
  },
};

/** Resolves a catalogue reader name once; unknown names are rejected. */
export async function readerFor(name: string): Promise<RegisteredReader> {
  const load = READERS[name];
  if (!load) throw new Error(`invalid reader: ${name}`);
  return load();
}
