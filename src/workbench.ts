/**
 * The one orchestrator: open the pack and the store, answer a question. The CLI and the API
 * sit on this module only (DESIGN.md, dependency rule).
 */
export { openStore, closeStore, DEFAULT_DB, type Store } from './store/db.ts';
export { OfflineError } from './ingest/fetch.ts';
export {
  fetchPack,
  importDir,
  listDatasets,
  verifyStore,
  type ImportReport,
  type DatasetRow,
  type VerifyFinding,
} from './workbench/data.ts';
export {
  layersAll,
  layerRows,
  loadTaxonomy,
  taxonomyById,
  TAXONOMY_IDS,
  type LayersResult,
  type LayerRow,
} from './workbench/layers.ts';
export {
  parseLevel,
  parseMeasure,
  LEVELS,
  MEASURES,
  type Level,
  type LayerMeasure,
} from './workbench/panels.ts';
export { areaProfile, type AreaProfile } from './workbench/profile.ts';
export { analysisLevel, listAreas, AREA_LEVELS, type AreaListItem } from './workbench/areas.ts';
export { indicatorValues, listIndicators, type IndicatorSummary } from './workbench/indicators.ts';
export { boundaryTopology, BOUNDARY_LEVELS } from './workbench/boundaries.ts';
export {
  DataFileError,
  fromValue,
  parseText,
  readDataFile,
  type FileIssue,
  type ParsedFile,
} from './workbench/data-file.ts';
export {
  DEFAULT_REGISTRY,
  listRegistry,
  loadRegistry,
  registryEntry,
  type Registry,
  type RegistryEntry,
  type RegistryRow,
} from './workbench/registry.ts';
export { indicatorSeries, type Series, type SeriesRow } from './workbench/indicator-series.ts';
export { indicatorTable, type IndicatorTable, type TableRow } from './workbench/indicator-table.ts';
export { compareAreas, type AreaComparison, type CompareOptions } from './workbench/compare.ts';
export { MissingValuesError, runCompositeFile, type CompositeReport } from './workbench/composite-file.ts';
export {
  exampleMission,
  exampleMissions,
  loadMission,
  missionStatus,
  type MissionReport,
} from './workbench/missions.ts';
export {
  DEFAULT_FLOORS,
  defaultFloors,
  entitlements,
  loadFloors,
  type EntitlementReport,
} from './workbench/entitlements.ts';
export { genderLens, type GenderReport } from './workbench/gender.ts';
export {
  comparisonRows,
  compositeRows,
  entitlementRows,
  genderRows,
  GENDER_VIEWS,
  indicatorTableRows,
  missionRows,
  type Flat,
} from './workbench/beyond-rows.ts';
export { areaPopulation, type AreaPopulation } from './workbench/population.ts';
export { ioExtract, ioLayers, ioMultipliers, ioShock, type IoOptions } from './workbench/io-answers.ts';
export { withAgreedWeights, type AgreedWeights } from './workbench/agreed-weights.ts';
export {
  FINANCE_CSV_COLUMNS,
  FINANCE_EXAMPLES,
  financeCsvRows,
  financeExamples,
  loadPolicyFile,
  policyFromValue,
  runFinance,
  withMandateWeights,
  type FinanceMeasure,
  type FinanceOptions,
  type FinanceReport,
  type FinanceRow,
} from './workbench/finance.ts';
