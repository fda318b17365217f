// The shapes the HTTP API answers in, as types from the server's contract (src/contract): the
// same zod schemas the routes are typed by and the OpenAPI document is made from. Types only:
// nothing of the server reaches the browser bundle, and the app talks to the server over HTTP.
export type { AreaRef, ComparatorRef, Trend, Verdict } from '../../contract/common.ts';
export type {
  AreaList,
  AreaListItem,
  AreaProfile,
  GrowthLayer,
  Specialisation,
} from '../../contract/areas.ts';
export type { LayerRow, LayerTable } from '../../contract/layers.ts';
export type {
  IndicatorList,
  IndicatorPoint,
  IndicatorSummary,
  IndicatorValue,
  IndicatorValues,
} from '../../contract/indicators.ts';
export type { Dataset, DatasetList, Topology } from '../../contract/datasets.ts';
export type { TaxonomyInfo } from '../../contract/taxonomies.ts';
export type { IoBanded, IoExtraction, IoLayers, IoMultipliers, IoShock, IoSplit } from '../../contract/io.ts';
export type {
  IndicatorInfo,
  IndicatorAreaSeries,
  IndicatorTable,
  RegistryList,
  RegistryRow,
  TableRow,
} from '../../contract/registry.ts';
export type { AreaComparison, ComparatorResult } from '../../contract/compare.ts';
export type { AreaGroupProfile } from '../../contract/area-group.ts';
export type {
  AreaMission,
  MissionIndicator,
  MissionList,
  MissionReport,
  Tally,
  Track,
} from '../../contract/missions.ts';
export type {
  EntitlementReport,
  EntitlementRow,
  Floor,
  FloorsFile,
  FloorSummary,
} from '../../contract/entitlements.ts';
export type { GapDistribution, GenderReport, LocalGap } from '../../contract/gender.ts';
export type {
  FinanceExample,
  FinanceExamples,
  FinanceMeasure,
  FinanceReport,
  FinanceRow,
} from '../../contract/finance.ts';
export type {
  FranchiseBodies,
  FranchiseConditions,
  FranchiseRegister,
  FranchiseSummary,
  FranchiseSupplierList,
  FranchiseWhatIf,
  ReviewRow,
  SupplierConditions,
} from '../../contract/franchise.ts';
export type { FranchiseConditionSet } from '../../contract/franchise-conditions.ts';
export type { FranchiseTender, FranchiseTenderRequest } from '../../contract/franchise-tender.ts';

import type { Topology } from '../../contract/datasets.ts';
import type { EntitlementRow } from '../../contract/entitlements.ts';

/** What a boundary feature carries: its code and name, and the years the code is valid. */
export type BoundaryProps = Topology['objects'][string]['geometries'][number]['properties'];
/** When an area meets a floor on its trend. */
export type Projection = EntitlementRow['projection'];
export type {
  CompareReport,
  CompareRow,
  FrontierCandidate,
  FrontierReport,
  ScenarioExample,
  ScenarioExamples,
  ScenarioReport,
  ScenarioRow,
} from '../../contract/scenarios.ts';
export type {
  CommitmentHistory,
  CommitmentList,
  CommitmentRow,
  HistoryEntry,
  ProjectionDetail,
  ProjectionList,
} from '../../contract/accountability.ts';
export type { PlanList } from '../../contract/plans.ts';
export type { ReportInput } from '../../contract/reports.ts';
