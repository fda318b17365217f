import { readFileSync } from 'node:fs';
import { parseTaxonomy } from '../../../src/core/taxonomy-schema.ts';
import { layerMap } from '../../../src/models/io/layers.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import type { RegionalSizes } from '../../../src/models/io/sizes.ts';
import { makeRng } from './rng.ts';
import { tableFromA } from './tables.ts';

const TAXONOMY = parseTaxonomy(
  JSON.parse(
    readFileSync(new URL('../../../data/taxonomies/foundational-economy-v1.json', import.meta.url), 'utf8'),
  ),
);
// Industries spread over every layer of the taxonomy, 37 of them (not a multiple of four).
export const CODES = [
  'A01',
  'A02',
  'A03',
  'B05',
  'C10',
  'C13',
  'C20',
  'C29',
  'D35',
  'E36',
  'E37',
  'F41, F42  & F43',
  'G45',
  'G46',
  'G47',
  'H49',
  'H50',
  'H53',
  'I55',
  'I56',
  'J58',
  'J61',
  'K64',
  'K65',
  'L68A',
  'M69',
  'M71',
  'N77',
  'O84',
  'P85',
  'Q86',
  'Q87',
  'Q88',
  'R90',
  'R93',
  'S94',
  'S96',
];

/** A random productive table (column sums of A between 0.2 and 0.8) and sizes for `areas` areas with some industries missing. */
export function randomCase(seed: number, areas: number) {
  const rng = makeRng(seed);
  const n = CODES.length;
  const a = new Array<number>(n * n).fill(0);
  for (let j = 0; j < n; j++) {
    const col = Array.from({ length: n }, () => (rng() < 0.3 ? 0 : rng()));
    const sum = col.reduce((s, v) => s + v, 0);
    const target = 0.2 + 0.6 * rng();
    col.forEach((v, i) => (a[i * n + j] = (v / sum) * target));
  }
  const x = CODES.map(() => 100 + 1000 * rng());
  const table = tableFromA(CODES, a, x);
  table.employment = Float64Array.from(x, (v) => v * (5 + 10 * rng()));
  const size = Float64Array.from({ length: areas * n }, () => (rng() < 0.1 ? 0 : rng() * 50));
  const sizes: RegionalSizes = {
    areas: Array.from({ length: areas }, (_, r) => `TLX${String(r).padStart(2, '0')}`),
    codes: CODES,
    size,
    flags: [],
  };
  return { national: nationalModel(table), sizes, layers: layerMap(CODES, TAXONOMY) };
}
