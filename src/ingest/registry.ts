import * as asheGpg from './ashe-gpg.ts';
import * as census from './census-ts060.ts';
import * as spending from './council-spending.ts';
import { readDistrictChanges } from './district-changes.ts';
import * as els from './els.ts';
import * as ghg from './ghg-intensity.ts';
import * as gpgEmployers from './gpg-employers.ts';
import * as gvaItl3 from './gva-itl3.ts';
import * as gvaPopulation from './gva-population.ts';
import * as ioat from './ioat.ts';
import * as itl3Shapefile from './itl3-shapefile.ts';
import * as lookup from './lad-itl-lookup.ts';
import * as livingWage from './living-wage.ts';
import * as nomis from './nomis.ts';
import type { Reader, ReaderInput } from './reader.ts';
import * as rgvaLad from './rgva-lad.ts';
import * as sicLookup from './sic-lookup.ts';
import { readSourceFile } from './source-file.ts';
import * as topojson from './topojson-boundaries.ts';

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

/** Every reader by the name the catalogue uses. */
const READERS: Record<string, RegisteredReader> = {
  'ashe-gpg': { read: asheGpg.readAsheGpg, version: asheGpg.VERSION },
  'census-ts060': {
    read: (input) => census.readCensusTs060(withDistrictChanges(input)),
    version: census.VERSION,
  },
  'council-spending': { read: spending.readCouncilSpending, version: spending.VERSION },
  els: { read: els.readEls, version: els.VERSION },
  'ghg-intensity': { read: ghg.readGhgIntensity, version: ghg.VERSION },
  'gpg-employers': { read: gpgEmployers.readGpgEmployers, version: gpgEmployers.VERSION },
  'gva-itl3': { read: gvaItl3.readGvaItl3, version: gvaItl3.VERSION },
  'gva-population': { read: gvaPopulation.readGvaPopulation, version: gvaPopulation.VERSION },
  ioat: { read: ioat.readIoat, version: ioat.VERSION },
  'itl3-shapefile': { read: itl3Shapefile.readItl3Shapefile, version: itl3Shapefile.VERSION },
  'lad-itl-lookup': { read: lookup.readLadItlLookup, version: lookup.VERSION },
  'living-wage': { read: livingWage.readLivingWage, version: livingWage.VERSION },
  nomis: { read: nomis.readNomis, version: nomis.VERSION },
  'rgva-lad': { read: rgvaLad.readRgvaLad, version: rgvaLad.VERSION },
  'sic-lookup': { read: sicLookup.readSicLookup, version: sicLookup.VERSION },
  'topojson-boundaries': { read: topojson.readTopojsonBoundaries, version: topojson.VERSION },
};

/** Resolves a catalogue reader name once; unknown names are rejected. */
export function readerFor(name: string): RegisteredReader {
  const reader = READERS[name];
  if (!reader) throw new Error(`invalid reader: ${name}`);
  return reader;
}
