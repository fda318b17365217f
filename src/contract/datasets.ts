// GET /api/v1/datasets, GET /api/v1/boundaries/{level} and `strata data list`: every dataset in
// the store with its provenance, and boundaries for maps.
import { z } from 'zod';
import { table } from './table.ts';

export const Dataset = z
  .strictObject({
    id: z.number(),
    source: z.string(),
    title: z.string(),
    publisher: z.string(),
    licence: z.string(),
    vintage: z.string(),
    rows: z.number(),
    sha256: z.string(),
    files: z.array(z.string()),
    imported_at: z.string(),
    current: z.boolean(),
  })
  .meta({ id: 'Dataset' });
export type Dataset = z.infer<typeof Dataset>;

export const DatasetList = z.strictObject({ datasets: z.array(Dataset) }).meta({ id: 'DatasetList' });
export type DatasetList = z.infer<typeof DatasetList>;

export const datasetListView = table(
  (l: DatasetList) => l.datasets,
  ['source', 'publisher', 'title', 'vintage', 'licence', 'rows', 'sha256', 'files', 'imported_at', 'current'],
);

/** A TopoJSON topology (ONS generalised boundaries; features carry areacd, areanm, start, end). */
export const Topology = z
  .strictObject({
    type: z.literal('Topology'),
    bbox: z.array(z.number()).optional(),
    transform: z.strictObject({ scale: z.array(z.number()), translate: z.array(z.number()) }).optional(),
    arcs: z.array(z.array(z.array(z.number()))),
    objects: z.record(
      z.string(),
      z.strictObject({
        type: z.literal('GeometryCollection'),
        geometries: z.array(
          z.strictObject({
            type: z.string(),
            arcs: z.array(z.unknown()).optional(),
            properties: z.strictObject({
              areacd: z.string(),
              areanm: z.string(),
              start: z.number().optional(),
              end: z.number().optional(),
              formerly: z.string().optional(),
            }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Topology' });
export type Topology = z.infer<typeof Topology>;
