import { readAsheGpg } from './ashe-gpg.ts';
import { readCensusTs060 } from './census-ts060.ts';
import { readCouncilSpending } from './council-spending.ts';
import { readDistrictChanges } from './district-changes.ts';
import { readEls } from './els.ts';
import { readGhgIntensity } from './ghg-intensity.ts';
import { readGpgEmployers } from './gpg-employers.ts';
import { readGvaItl3 } from './gva-itl3.ts';
import { readGvaPopulation } from './gva-population.ts';
import { readIoat } from './ioat.ts';
import { readItl3Shapefile } from './itl3-shapefile.ts';
import { readLadItlLookup } from './lad-itl-lookup.ts';
import { readLivingWage } from './living-wage.ts';
import { readNomis } from './nomis.ts';
import type { Reader, ReaderInput } from './reader.ts';
import { readRgvaLad } from './rgva-lad.ts';
import { readSicLookup } from './sic-lookup.ts';
import { readSourceFile } from './source-file.ts';
import { readTopojsonBoundaries } from './topojson-boundaries.ts';

const REPO = new URL('../../', import.meta.url).pathname;

/** Loads the district-changes table the catalogue names (boundary changes are data, in data/lookups/). */
function withDistrictChanges(input: ReaderInput): ReaderInput {
  const opts = input.source.options ?? {};
  if (opts.districtChanges !== undefined || typeof opts.districtChangesFile !== 'string') return input;
  const changes = readDistrictChanges(readSourceFile(REPO + opts.districtChangesFile));
  return { ...input, source: { ...input.source, options: { ...opts, districtChanges: changes } } };
}

/** Every reader by the name the catalogue uses. */
const READERS: Record<string, Reader> = {
  'ashe-gpg': readAsheGpg,
  'council-spending': readCouncilSpending,
  'census-ts060': (input) => readCensusTs060(withDistrictChanges(input)),
  els: readEls,
  'ghg-intensity': readGhgIntensity,
  'gpg-employers': readGpgEmployers,
  'gva-itl3': readGvaItl3,
  'gva-population': readGvaPopulation,
  ioat: readIoat,
  'itl3-shapefile': readItl3Shapefile,
  'lad-itl-lookup': readLadItlLookup,
  'living-wage': readLivingWage,
  nomis: readNomis,
  'rgva-lad': readRgvaLad,
  'sic-lookup': readSicLookup,
  'topojson-boundaries': readTopojsonBoundaries,
};

/** Resolves a catalogue reader name once; unknown names are rejected. */
export function readerFor(name: string): Reader {
  const reader = READERS[name];
  if (!reader) throw new Error(`invalid reader: ${name}`);
  return reader;
}

export const READER_NAMES = Object.keys(READERS);
