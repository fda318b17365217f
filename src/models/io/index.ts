// The input–output engine's public functions, for the workbench and `strata io …` (METHODS.md §3,
// docs/methods/input-output.md). Everything is a pure function over typed arrays and records.
export type { IoModel, FactorRows } from './model.ts';
export { nationalModel, type NationalModel, type NationalOptions } from './national.ts';
export { multipliers, factorEffect, type Multipliers, type Effect } from './multipliers.ts';
export { multipliersTable, HEADLINE_COLUMNS, type MultiplierRow } from './multipliers-table.ts';
export { employmentByIoat, type IoatEmployment } from './employment.ts';
export { sicCovers, type SicCover } from './ioat-sic.ts';
export { layerMap, layerAt, layerBasket, layerInteraction, toLayers, type LayerMap } from './layers.ts';
export { sizeMapper, regionalSizes, type RegionalSizes, type PublishedValue } from './sizes.ts';
export { flqVariant, lambdaStar, simpleLq, regionalCoefficients, type FlqVariant } from './flq.ts';
export {
  regionalModel,
  regionalModels,
  regionalGrid,
  REGIONAL_DEFAULTS,
  type AreaModel,
  type RegionalModel,
  type RegionalOptions,
  type RegionalGrid,
  type GridOptions,
} from './regional.ts';
export { createRegionalPool, type RegionalPool } from './regional-pool.ts';
export { demandSolver, type DemandSolver } from './demand-solver.ts';
export { ghoshModel, ghoshOutputs, ghoshRowSums, type GhoshModel } from './ghosh.ts';
export { linkages, type Linkages } from './linkages.ts';
export { extractLayer, type Extraction } from './extraction.ts';
export { demandVector, shock, type DemandChange, type ShockResult, type Split } from './shock.ts';
export {
  interregionalSystem,
  INTERREGIONAL_DEFAULTS,
  type InterregionalSystem,
  type InterregionalOptions,
} from './interregional.ts';
export { solveInterregional, type SolveOptions, type Convergence } from './interregional-solve.ts';
export {
  interregionalShock,
  stackedDemand,
  areaTotals,
  type InterregionalShockResult,
} from './interregional-shock.ts';
export {
  aggregation,
  aggregateMatrix,
  aggregateVector,
  aggregateTable,
  rollUp,
  type RollUpLink,
} from './aggregate.ts';
