// A five-industry economy of three areas, in the shapes the scenario engine runs on, for unit tests.
import { readFileSync } from 'node:fs';
import type { IoTable } from '../../../src/core/io-table.ts';
import { parseTaxonomy } from '../../../src/core/taxonomy-schema.ts';
import { layerMap } from '../../../src/models/io/layers.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import type { RegionalSizes } from '../../../src/models/io/sizes.ts';
import { nationSizes } from '../../../src/models/scenarios/area-model.ts';
import { buildModels } from '../../../src/models/scenarios/batch.ts';
import { compileScenario } from '../../../src/models/scenarios/compile.ts';
import { areaData, nationalData } from '../../../src/models/scenarios/data.ts';
import { deltaNodes } from '../../../src/models/scenarios/nodes.ts';
import { scenarioSchema } from '../../../src/models/scenarios/schema.ts';
import { industryClasses, sectorsSchema } from '../../../src/models/scenarios/sectors.ts';
import { parse } from 'yaml';
import { greenBook } from './fixtures.ts';

export const CODES = ['A01', 'C29', 'K64', 'Q86', 'Q87 & Q88'];
const A = [
  [0.1, 0.02, 0.01, 0.02, 0.03],
  [0.05, 0.25, 0.02, 0.03, 0.02],
  [0.03, 0.05, 0.1, 0.04, 0.03],
  [0.01, 0.01, 0.01, 0.05, 0.02],
  [0.0, 0.01, 0.0, 0.02, 0.04],
];
const X = [200, 800, 600, 500, 300];

export function table(): IoTable {
  const n = CODES.length;
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) z[i * n + j] = A[i]![j]! * X[j]!;
  const gva = X.map((x, j) => x - A.reduce((s, row) => s + row[j]! * x, 0) - 0.1 * x);
  const col = (f: (j: number) => number) => Float64Array.from(X, (_, j) => f(j));
  return {
    year: 2022,
    codes: CODES,
    names: CODES.map((c) => `Industry ${c}`),
    z,
    finalDemand: {
      'P3 S14': col((j) => [60, 150, 200, 80, 40][j]!),
      'P3 S13': col((j) => [0, 0, 20, 300, 200][j]!),
      P51G: col((j) => [10, 200, 30, 10, 0][j]!),
      P61EU: col((j) => [40, 150, 0, 0, 0][j]!),
      P61RW: col((j) => [20, 100, 0, 0, 0][j]!),
      P62: col((j) => [0, 0, 250, 10, 0][j]!),
    },
    primaryInputs: {
      'Use of imported products, cif': col((j) => 0.1 * X[j]!),
      D1: col((j) => [0.3, 0.5, 0.4, 0.6, 0.7][j]! * gva[j]!),
      GVA: Float64Array.from(gva),
    },
    output: Float64Array.from(X),
    employment: col((j) => [4, 8, 3, 9, 12][j]!),
  };
}

export const TAXONOMY = parseTaxonomy(
  JSON.parse(
    readFileSync(new URL('../../../data/taxonomies/foundational-economy-v1.json', import.meta.url), 'utf8'),
  ),
);

/** SIC classes enough for the five industries (a few per division). */
const CLASSES = [
  '0111',
  '0113',
  '2910',
  '2920',
  '2932',
  '6411',
  '6419',
  '8610',
  '8621',
  '8710',
  '8720',
  '8810',
  '8891',
];

export const SIZES: RegionalSizes = {
  areas: ['E06000001', 'E06000002', 'E06000003'],
  codes: CODES,
  size: Float64Array.of(10, 120, 30, 80, 60, 40, 50, 200, 60, 30, 5, 300, 100, 40, 20),
  flags: [],
};

/** The engine's inputs for the fixture economy, and a compiler for scenario objects. */
export function economy(type: 1 | 2 = 1) {
  const t = table();
  const national = nationalModel(t);
  const layers = layerMap(CODES, TAXONOMY);
  const nat = nationalData({
    national,
    finalDemand: t.finalDemand,
    layers,
    foundational: ['foundational-material', 'foundational-providential'],
    femaleShare: Float64Array.of(0.3, 0.2, 0.5, 0.75, 0.8),
    ghgPerGva: Float64Array.of(2.9, 0.06, 0, 0.04, 0.02),
  });
  const areas = areaData(nat, SIZES, (code) => ({
    population: { E06000001: 90000, E06000002: 140000, E06000003: 130000 }[code] ?? null,
    workingAge: null,
    livingWage: 0.15,
    floors: {},
  }));
  const index = new Map(SIZES.areas.map((a, i) => [a, i]));
  const gb = greenBook();
  const sectors = sectorsSchema.parse(
    parse(
      readFileSync(
        new URL('../../../data/appraisal/industrial-strategy-sectors.yaml', import.meta.url),
        'utf8',
      ),
    ),
  );
  const compile = (value: unknown) => {
    const s = scenarioSchema.parse(value);
    const c = compileScenario(s, {
      nat,
      areas,
      level: 'lad',
      targets: { codes: CODES, layers, sectors, classes: industryClasses(CODES, CLASSES) },
      optimism: gb.optimismBias.types,
      schedule: gb.discount.schedule,
      floors: {},
    });
    return { scenario: s, ...c };
  };
  const nodes = deltaNodes(0.3, [0.1, 0.4]);
  const models = new Map(
    buildModels(
      {
        national,
        sizes: SIZES,
        nation: nationSizes(SIZES),
        rows: nat.rows,
        io: nat.layout.io,
        nodes,
        variant: 'flq',
        type,
      },
      [0, 1, 2],
    ).map((m, i) => [i, m]),
  );
  return { national, layers, nat, areas, index, models, nodes, compile };
}

/** A scenario object with the given interventions (defaults filled by the schema). */
export function scenario(interventions: unknown[], extra: Record<string, unknown> = {}) {
  return { id: 'test', title: 'Test', interventions, ...extra };
}

/** A £m-a-year demand intervention. */
export function demand(
  id: string,
  industry: string,
  perYear: number,
  area = 'E06000001',
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    kind: 'demand',
    area,
    target: { industry },
    cost: { perYear },
    timing: { start: 2026, years: 5 },
    ...extra,
  };
}
