// The layer table's measures and its flat view (CSV, text), apart from its schema in layers.ts:
// `strata layers` prints a table without loading the schema library.
import type { LayerTable } from './layers.ts';
import { table } from './table.ts';

export const MEASURES = ['gva_cp', 'gva_cvm', 'residents_in_employment'] as const;
export type LayerMeasure = (typeof MEASURES)[number];

export const layerTableView = table(
  (t: LayerTable) => t.rows,
  ['areacd', 'areanm', 'year', 'layer', 'value', 'share', 'lq'],
);
