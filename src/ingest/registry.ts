import { readEls } from './els.ts';
import { readGvaItl3 } from './gva-itl3.ts';
import { readNomis } from './nomis.ts';
import type { Reader } from './reader.ts';
import { readRgvaLad } from './rgva-lad.ts';

/** Every reader by the name the catalogue uses. */
const READERS: Record<string, Reader> = {
  'gva-itl3': readGvaItl3,
  'rgva-lad': readRgvaLad,
  nomis: readNomis,
  els: readEls,
};

/** Resolves a catalogue reader name once; unknown names are rejected. */
export function readerFor(name: string): Reader {
  const reader = READERS[name];
  if (!reader) throw new Error(`invalid reader: ${name}`);
  return reader;
}

export const READER_NAMES = Object.keys(READERS);
