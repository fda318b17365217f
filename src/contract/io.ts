// The input–output routes (GET /api/v1/io/multipliers|layers|extract, POST /api/v1/io/shock) and
// `strata io …`: national or regionalised (FLQ) Leontief models, by industry and by layer.
import { z } from 'zod';
import { Notes } from './common.ts';
import { table } from './table.ts';

const answer = { area: z.string(), year: z.number() };
const sourced = { source: z.string(), notes: Notes };

/** Multipliers by industry: Type I and II, direct/indirect/induced, and the δ band for areas. */
export const IoMultipliers = z
  .strictObject({
    ...answer,
    type: z.union([z.literal(1), z.literal(2)]),
    delta: z.number().nullable().meta({ description: 'FLQ δ (null for the nation)' }),
    taxonomy: z.string(),
    columns: z.array(z.string()).meta({ description: 'the columns of each row, in order' }),
    rows: z.array(
      z
        .strictObject({ industry: z.string(), name: z.string() })
        .catchall(z.union([z.string(), z.number(), z.null()]))
        .meta({ description: 'the industry, its name, and a number (or null) for every other column' }),
    ),
    ...sourced,
  })
  .meta({ id: 'IoMultipliers' });
export type IoMultipliers = z.infer<typeof IoMultipliers>;

export const ioMultipliersView = table(
  (r: IoMultipliers) => r.rows,
  (r) => r.columns,
);

/** Λ (£1 of final demand for layer j draws Λ[k][j] of output from layer k in the area) and linkages. */
export const IoLayers = z
  .strictObject({
    ...answer,
    taxonomy: z.string(),
    layers: z.array(z.string()),
    matrix: z
      .array(z.array(z.number()))
      .meta({ description: 'row k: supplying layer; column j: demand layer' }),
    linkages: z.array(
      z.strictObject({
        industry: z.string(),
        name: z.string(),
        backward: z.number(),
        forward: z.number(),
        forwardGhosh: z.number().nullable(),
        key: z.boolean(),
      }),
    ),
    ...sourced,
  })
  .meta({ id: 'IoLayers' });
export type IoLayers = z.infer<typeof IoLayers>;

/** Λ as a table: one row per supplying layer, one column per demand layer. */
export const ioLayersView = table(
  (r: IoLayers) => r.matrix.map((values, k) => ({ supplier: r.layers[k]!, values })),
  (r) => [
    ['output of ↓ per £1 of demand for →', (x) => x.supplier],
    ...r.layers.map((layer, j) => [layer, (x: { values: number[] }) => x.values[j]] as const),
  ],
);

/** Hypothetical extraction: the output the economy loses without a layer. */
export const IoExtraction = z
  .strictObject({
    ...answer,
    layer: z.string(),
    lostOutput: z.number(),
    lossLayer: z.number(),
    lossRest: z.number(),
    restShare: z.number(),
    byLayer: z.array(
      z.strictObject({ layer: z.string(), baseline: z.number(), extracted: z.number(), loss: z.number() }),
    ),
    unit: z.string(),
    ...sourced,
  })
  .meta({ id: 'IoExtraction' });
export type IoExtraction = z.infer<typeof IoExtraction>;

export const ioExtractionView = table(
  (r: IoExtraction) => r.byLayer,
  ['layer', 'baseline', 'extracted', 'loss'],
);

/** Direct, indirect (supply chain) and induced (household spending) parts of an effect. */
export const IoSplit = z
  .strictObject({ direct: z.number(), indirect: z.number(), induced: z.number(), total: z.number() })
  .meta({ id: 'IoSplit' });
export type IoSplit = z.infer<typeof IoSplit>;

const LayerEffects = z.strictObject({
  layer: z.string(),
  output: IoSplit,
  gva: IoSplit,
  compensation: IoSplit,
  employment: IoSplit.nullable(),
});

const Convergence = z.strictObject({
  method: z.string(),
  closure: z.string(),
  iterations: z.number(),
  residual: z.number(),
  converged: z.boolean(),
  history: z.array(z.number()),
});

/** A value at the central δ with its range over the δ band's ends. */
export const IoBanded = z
  .strictObject({
    value: z.number(),
    low: z.number().meta({ description: "the lowest value at δ, the band's low end or its high end" }),
    high: z.number().meta({ description: "the highest value at δ, the band's low end or its high end" }),
  })
  .meta({ id: 'IoBanded' });
export type IoBanded = z.infer<typeof IoBanded>;

/** An interregional shock by place: the area, elsewhere in its combined authority or ITL1 region, the rest of the UK, the UK total. */
export const IoShockPlaces = z
  .strictObject({
    group: z.strictObject({
      areacd: z.string(),
      areanm: z.string(),
      kind: z.enum(['cauth', 'itl1']).meta({
        description:
          'the combined authority when it is made of whole areas of the model, else the ITL1 region',
      }),
    }),
    delta: z.number().meta({ description: 'the FLQ δ of the values' }),
    deltas: z.tuple([z.number(), z.number()]).meta({ description: 'the δ band: its low and high ends' }),
    parts: z.array(
      z.strictObject({
        part: z.enum(['local', 'group', 'rest', 'total']),
        label: z.string().meta({
          description: 'what the figures cover, e.g. "Elsewhere in Tees Valley Combined Authority"',
        }),
        areas: z.number().meta({ description: 'how many areas of the model the part covers' }),
        output: IoBanded,
        gva: IoBanded,
        employment: IoBanded.nullable(),
      }),
    ),
  })
  .meta({ id: 'IoShockPlaces' });
export type IoShockPlaces = z.infer<typeof IoShockPlaces>;

/** Where the output lands: one area's totals. */
const AreaEffect = z.strictObject({
  areacd: z.string(),
  output: z.number(),
  gva: z.number(),
  employment: z.number().nullable(),
});

const shockCommon = {
  area: z.string(),
  industry: z.string(),
  amount: z.number(),
  year: z.number(),
  total: z.number(),
  totals: z.strictObject({
    output: IoSplit.nullable(),
    gva: IoSplit.nullable(),
    compensation: IoSplit.nullable(),
    employment: IoSplit.nullable(),
  }),
  byLayer: z.array(LayerEffects),
  unit: z.string(),
  ...sourced,
};

/** A change in final demand → effects by layer, and by area when interregional. */
export const IoShock = z
  .discriminatedUnion('interregional', [
    z.strictObject({
      ...shockCommon,
      interregional: z.literal(false),
      byArea: z.array(AreaEffect).max(0).meta({ description: 'empty: effects inside the area only' }),
      convergence: z.null(),
    }),
    z.strictObject({
      ...shockCommon,
      interregional: z.literal(true),
      byLayerInArea: z.array(LayerEffects),
      byArea: z.array(
        z.strictObject({
          areacd: z.string(),
          output: z.number(),
          gva: z.number(),
          employment: z.number().nullable(),
        }),
      ),
      places: IoShockPlaces,
      rollup: z.record(z.string(), z.array(z.strictObject({ areacd: z.string(), output: z.number() }))),
      convergence: z.strictObject({ type1: Convergence, type2: Convergence }),
    }),
  ])
  .meta({ id: 'IoShock' });
export type IoShock = z.infer<typeof IoShock>;

const MEASURES = ['output', 'gva', 'compensation', 'employment'] as const;

/** A shock as a table: one row per layer and measure, split direct/indirect/induced. */
export const ioShockView = table(
  (r: IoShock) =>
    r.byLayer.flatMap((l) =>
      MEASURES.flatMap((m) => (l[m] ? [{ layer: l.layer, measure: m, ...l[m] }] : [])),
    ),
  ['layer', 'measure', 'direct', 'indirect', 'induced', 'total'],
);

/** An interregional shock by place, each measure with its δ band (empty for a shock inside one area). */
export const ioShockPlacesView = table(
  (r: IoShock) => (r.interregional ? r.places.parts : []),
  [
    ['part', (p) => p.part],
    ['covers', (p) => p.label],
    ['areas', (p) => p.areas],
    ...(['output', 'gva', 'employment'] as const).flatMap((m) =>
      (['value', 'low', 'high'] as const).map(
        (k) =>
          [
            m === 'output' || m === 'gva' ? `${m}_${k}` : `employees_${k}`,
            (p: IoShockPlaces['parts'][number]) => p[m]?.[k] ?? null,
          ] as const,
      ),
    ),
  ],
);
