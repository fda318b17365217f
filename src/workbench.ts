/**
 * The one orchestrator (DESIGN.md): `Workbench.open(db)` owns the store, the indicator registry,
 * the taxonomies, the lookups shipped as data and the cache of results built from the store, and
 * answers every question in the shapes of `contract/`. The CLI and the API hold one each; each
 * answer lives in `workbench/<concept>.ts` and reads the store through `store/queries/`.
 */
import type { AreaLevel } from './core/levels.ts';
import type { Taxonomy } from './core/taxonomy.ts';
import type { AreaList, AreaProfile } from './contract/areas.ts';
import type {
  CommitmentHistory,
  CommitmentImport,
  CommitmentList,
  Outturn,
  Projection,
  ProjectionList,
} from './contract/accountability.ts';
import type { AreaComparison } from './contract/compare.ts';
import type { CompositeFile, CompositeReport } from './contract/composite.ts';
import type { DatasetList } from './contract/datasets.ts';
import type { EntitlementReport, FloorsFile } from './contract/entitlements.ts';
import type { FinanceExamples, FinanceReport } from './contract/finance.ts';
import type {
  FranchiseBodies,
  FranchiseConditions,
  FranchiseRegister,
  FranchiseSupplierList,
  FranchiseSummary,
  FranchiseSuppliers,
  FranchiseWhatIf,
} from './contract/franchise.ts';
import type { GenderReport } from './contract/gender.ts';
import type { IndicatorList, IndicatorValues } from './contract/indicators.ts';
import type { IoExtraction, IoLayers, IoMultipliers, IoShock } from './contract/io.ts';
import type { LayerTable } from './contract/layers.ts';
import type { MissionList, MissionReport } from './contract/missions.ts';
import type { IndicatorTable, RegistryList } from './contract/registry.ts';
import type {
  CompareReport,
  FrontierReport,
  RollupReport,
  ScenarioExamples,
  ScenarioReport,
} from './contract/scenarios.ts';
import type { TaxonomyInfo } from './contract/taxonomies.ts';
import type { WorkerPool } from './models/composite/index.ts';
import type { Registry } from './models/registry/entry.ts';
import type { Registers } from './civic/service.ts';
import type { ReportInput } from './reports/input.ts';
import { closeStore, DEFAULT_DB, openStore, type Store } from './store/db.ts';
import { listAreas, parentsOf, type AreaQuery } from './workbench/areas.ts';
import { boundaryTopology } from './workbench/boundaries.ts';
import { ResultCache } from './workbench/cache.ts';
import { importCommitments } from './workbench/commitment-import.ts';
import {
  assessCommitments,
  commitmentHistory,
  commitmentList,
  type CommitmentQuery,
} from './workbench/commitments.ts';
import { compareAreas, type CompareOptions } from './workbench/compare.ts';
import { compositeExample, runCompositeFile } from './workbench/composite-file.ts';
import type { Ctx } from './workbench/context.ts';
import type { ParsedFile } from './workbench/data-file.ts';
import { datasetList, importDir, listDatasets, verifyStore, type Progress } from './workbench/data.ts';
import { defaultFloors, defaultFloorsFile, entitlements } from './workbench/entitlements.ts';
import { financeExamples, runFinance, type FinanceOptions } from './workbench/finance.ts';
import {
  franchiseConditions,
  franchiseImport,
  franchiseRegister,
  franchiseSummary,
  franchiseSuppliers,
  franchiseWhatIf,
  type ConditionSet,
  type FranchiseImportOptions,
  type FranchiseImportReport,
  type WhatIfRequest,
} from './workbench/franchise.ts';
import { franchiseBodyList, franchiseSupplierList } from './workbench/franchise-supplier-list.ts';
import { genderLens } from './workbench/gender.ts';
import { indicatorTable } from './workbench/indicator-table.ts';
import { indicatorValues, listIndicators } from './workbench/indicators.ts';
import { ioExtract, ioLayers, ioMultipliers, type IoOptions } from './workbench/io-answers.ts';
import { ioShock, type ShockOptions } from './workbench/io-shock.ts';
import { layerTableOf, type LayerQuery } from './workbench/layers.ts';
import { Lookups } from './workbench/lookups.ts';
import { missionList, missionStatus } from './workbench/missions.ts';
import { areaPopulation, type AreaPopulation } from './workbench/population.ts';
import { areaProfile } from './workbench/profile.ts';
import {
  freezeProjection,
  projectionList,
  projectionOutturn,
  type FreezeSpec,
} from './workbench/projections.ts';
import { listRegistry, loadRegistry } from './workbench/registry.ts';
import type { ReportOptions } from './workbench/report.ts';
import { scenarioCompare } from './workbench/scenario-compare.ts';
import { exampleScenarioFile, scenarioExamples } from './workbench/scenario-examples.ts';
import { scenarioFrontier, type FrontierOptions } from './workbench/scenario-frontier.ts';
import { scenarioRollup } from './workbench/scenario-rollup.ts';
import { runScenario, type ScenarioOptions } from './workbench/scenarios.ts';
import { builtInTaxonomyPath, DEFAULT_TAXONOMY_ID, loadTaxonomy } from './workbench/taxonomies.ts';

export { DEFAULT_DB, type Store } from './store/db.ts';
export { StoreHolder, type Generation } from './store/holder.ts';
export { importStore } from './workbench/import-store.ts';
export { importFranchiseStore } from './workbench/franchise-import-store.ts';
export {
  conditionsFromValue,
  DEFAULT_CONDITIONS,
  DUPLICATE_RULES,
  type DuplicateRule,
  type FranchiseImportReport,
  type WhatIfRequest,
} from './workbench/franchise.ts';
export { createWorkerPool, type WorkerPool } from './models/composite/index.ts';
export { OfflineError } from './ingest/fetch.ts';
export { INTERREGIONAL_DEFAULTS, REGIONAL_DEFAULTS } from './models/io/index.ts';
export { fetchPack, type ImportReport, type DatasetRow, type VerifyFinding } from './workbench/data.ts';
export { TAXONOMY_IDS, loadTaxonomy } from './workbench/taxonomies.ts';
export { DataFileError, fromValue, parseText, readDataFile, type ParsedFile } from './workbench/data-file.ts';
export { DEFAULT_REGISTRY, loadRegistry, type Registry } from './workbench/registry.ts';
export { MissingValuesError } from './workbench/composite-file.ts';
export { exampleMission, exampleMissions } from './workbench/missions.ts';
export {
  agreedNote,
  agreedSource,
  withAgreedWeights,
  type AgreedWeights,
} from './workbench/agreed-weights.ts';
export { financeExample, policyFromValue, withMandateWeights } from './workbench/finance.ts';
export type { FinanceCaps, FinanceOptions } from './workbench/finance.ts';
export { createFinancePool, type FinancePool } from './models/finance/parallel.ts';
export type { AreaQuery } from './workbench/areas.ts';
export type { CommitmentQuery } from './workbench/commitments.ts';
export type { ReportOptions } from './workbench/report.ts';
export { projectionMethod, PROJECTION_METHODS, type FreezeSpec } from './workbench/projections.ts';
export type { AreaPopulation } from './workbench/population.ts';
export type { CompareOptions } from './workbench/compare.ts';
export type { IoOptions } from './workbench/io-answers.ts';
export type { ShockOptions } from './workbench/io-shock.ts';
export type { ScenarioOptions } from './workbench/scenarios.ts';
export type { FrontierOptions, WeightsInput } from './workbench/scenario-frontier.ts';
export { defaultWorkers } from './workbench/scenarios.ts';
export type { LayerQuery } from './workbench/layers.ts';

/** How to open a workbench: read-only (a server), and the registry and default taxonomy files (the CLI's --registry, --taxonomy). */
export interface WorkbenchOptions {
  readOnly?: boolean;
  registry?: string;
  taxonomy?: string;
}

/** The one orchestrator: the store and everything read with it, answering in the contract's shapes. */
export class Workbench implements Ctx {
  readonly #store: () => Store;
  readonly #registryFile: string | undefined;
  #registry: Registry | undefined;
  readonly lookups = new Lookups();
  /** The taxonomy answers use unless given another (the default, or the file the workbench was opened with). */
  readonly defaultTaxonomy: Taxonomy;
  readonly #cache: ResultCache;
  readonly #taxonomies = new Map<string, Taxonomy>();
  /** The store this workbench opened and closes, if it did. */
  readonly #owned: Store | null;

  private constructor(store: () => Store, owned: Store | null, opts: WorkbenchOptions) {
    this.#store = store;
    this.#owned = owned;
    this.#cache = new ResultCache();
    this.#registryFile = opts.registry;
    this.defaultTaxonomy = opts.taxonomy ? loadTaxonomy(opts.taxonomy) : this.taxonomy();
    if (owned) byStore.set(owned, this);
  }

  /** The indicator registry, read on first use (a command that needs none does not parse it). */
  get registry(): Registry {
    return (this.#registry ??= loadRegistry(this.#registryFile));
  }

  /** The store answers read: fixed, or for a server the generation its running request pinned. */
  get store(): Store {
    return this.#store();
  }

  /** Opens the store at `db` (created unless read-only) and the registry and taxonomy it will answer with. */
  static async open(db = DEFAULT_DB, opts: WorkbenchOptions = {}): Promise<Workbench> {
    const store = await openStore(db, { readOnly: opts.readOnly ?? false });
    try {
      return new Workbench(() => store, store, opts);
    } catch (e) {
      closeStore(store);
      throw e;
    }
  }

  /** A workbench over a store the caller keeps open (and closes). */
  static over(store: Store, opts: Omit<WorkbenchOptions, 'readOnly'> = {}): Workbench {
    const wb = new Workbench(() => store, null, opts);
    byStore.set(store, wb);
    return wb;
  }

  /**
   * A workbench over whichever store `source` gives at the time of each call: a server passes
   * the store generation the running request pinned (store/holder.ts), so an import while
   * serving is picked up without reopening anything. The caller closes the stores.
   */
  static following(source: () => Store, opts: Omit<WorkbenchOptions, 'readOnly'> = {}): Workbench {
    return new Workbench(source, null, opts);
  }

  /** Closes the store, when the workbench opened it. */
  close(): void {
    if (!this.#owned) return;
    byStore.delete(this.#owned);
    closeStore(this.#owned);
  }

  cached<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.#cache.get(this.store, key, fn);
  }

  /** A built-in taxonomy by id (all the HTTP API may name), or the workbench's default. */
  taxonomy(id?: string): Taxonomy {
    if (id === undefined && this.defaultTaxonomy) return this.defaultTaxonomy;
    const key = id ?? DEFAULT_TAXONOMY_ID;
    let t = this.#taxonomies.get(key);
    if (!t) this.#taxonomies.set(key, (t = loadTaxonomy(builtInTaxonomyPath(key))));
    return t;
  }

  /** A built-in taxonomy as `GET /api/v1/taxonomies/{id}` describes it. */
  taxonomyInfo(id: string): TaxonomyInfo {
    const { version, title, sources, layers, rules } = this.taxonomy(id);
    return { id: this.taxonomy(id).id, version, title, sources, layers, rules };
  }

  // Data: import, list, verify.

  import(dir: string, onProgress?: Progress) {
    return importDir(this.store, dir, onProgress);
  }
  datasetRows() {
    return listDatasets(this.store);
  }
  datasets(): Promise<DatasetList> {
    return datasetList(this.store);
  }
  verify(dir?: string) {
    return verifyStore(this.store, dir);
  }

  // Places and the layered economy.

  areas(q: AreaQuery): Promise<AreaList> {
    return listAreas(this, q);
  }
  /** The codes of the areas enclosing `code` along the 2023 lookup (finest first). */
  async parents(code: string): Promise<string[]> {
    return (await parentsOf(this, code)).map((p) => p.areacd);
  }
  profile(code: string, t = this.defaultTaxonomy): Promise<AreaProfile> {
    return areaProfile(this, code, t);
  }
  layers(q: LayerQuery, t = this.defaultTaxonomy): Promise<LayerTable> {
    return layerTableOf(this, q, t);
  }
  boundaries(level: AreaLevel): Promise<string> {
    return boundaryTopology(this, level);
  }
  population(area: string): Promise<AreaPopulation | null> {
    return areaPopulation(this, area);
  }

  // Indicators, comparisons, composites, missions, entitlements, the gender lens.

  indicators(): Promise<IndicatorList> {
    return listIndicators(this);
  }
  indicator(id: string, q: { level?: AreaLevel; period?: string } = {}): Promise<IndicatorValues> {
    return indicatorValues(this, id, q);
  }
  registryList(group?: string): Promise<RegistryList> {
    return listRegistry(this, group);
  }
  indicatorTable(
    id: string,
    q: { level?: string; period?: string },
    t = this.defaultTaxonomy,
  ): Promise<IndicatorTable> {
    return indicatorTable(this, t, id, q);
  }
  compare(code: string, opts: CompareOptions, t = this.defaultTaxonomy): Promise<AreaComparison> {
    return compareAreas(this, t, code, opts);
  }
  composite(
    file: ParsedFile,
    opts: { workers?: number; pool?: WorkerPool } = {},
    t = this.defaultTaxonomy,
  ): Promise<CompositeReport> {
    return runCompositeFile(this, t, file, opts);
  }
  compositeExample(): CompositeFile {
    return compositeExample();
  }
  missions(): MissionList {
    return missionList();
  }
  missionStatus(
    file: ParsedFile,
    opts: { area?: string } = {},
    t = this.defaultTaxonomy,
  ): Promise<MissionReport> {
    return missionStatus(this, t, file, opts);
  }
  floors(): FloorsFile {
    return defaultFloorsFile(this.registry);
  }
  entitlements(
    file: ParsedFile = defaultFloors(),
    opts: { area?: string } = {},
    t = this.defaultTaxonomy,
  ): Promise<EntitlementReport> {
    return entitlements(this, t, file, opts);
  }
  gender(
    opts: { area?: string; period?: string; statistic?: 'median' | 'mean' } = {},
    t = this.defaultTaxonomy,
  ): Promise<GenderReport> {
    return genderLens(this, t, opts);
  }

  // Democratised finance: pensions, a national investment bank, citizens' wealth funds.

  /** The shipped example policy files, as written. */
  financeExamples(): FinanceExamples {
    return financeExamples();
  }
  /** Runs a policy file: every policy against its baseline on the same paths, by area. */
  finance(file: ParsedFile, opts: FinanceOptions = {}, t = this.defaultTaxonomy): Promise<FinanceReport> {
    return runFinance(this, t, file, opts);
  }

  // Public spending and contracts: where the money goes, what stays, the conditions that come with it.

  /** Imports spend files and release packages into this workbench's own store (see importFranchiseStore for a file). */
  franchiseImport(path: string, opts: FranchiseImportOptions = {}): Promise<FranchiseImportReport> {
    return franchiseImport(this, path, opts);
  }
  /** A body’s spend in a period; `io: false` leaves out the input–output view (the costly part). */
  franchiseSummary(
    opts: { body: string; period?: string; io?: boolean },
    t = this.defaultTaxonomy,
  ): Promise<FranchiseSummary> {
    return franchiseSummary(this, t, opts);
  }
  franchiseSuppliers(
    opts: { body: string; period?: string },
    t = this.defaultTaxonomy,
  ): Promise<FranchiseSuppliers> {
    return franchiseSuppliers(this, t, opts);
  }
  /** A conditions file (a path, for the CLI) or a parsed set (the API's posted file), applied to a body's suppliers. */
  franchiseConditions(
    opts: { body: string; period?: string; file?: string; conditions?: ConditionSet },
    t = this.defaultTaxonomy,
  ): Promise<FranchiseConditions> {
    return franchiseConditions(this, t, opts);
  }
  /** Suppliers with the conditions of a set (the default file unless given) each meets, fails or cannot be known for. */
  franchiseSupplierList(
    opts: { body: string; period?: string; conditions?: ConditionSet },
    t = this.defaultTaxonomy,
  ): Promise<FranchiseSupplierList> {
    return franchiseSupplierList(this, t, opts);
  }
  franchiseBodies(): Promise<FranchiseBodies> {
    return franchiseBodyList(this);
  }
  franchiseWhatIf(req: WhatIfRequest, t = this.defaultTaxonomy): Promise<FranchiseWhatIf> {
    return franchiseWhatIf(this, t, req);
  }
  franchiseRegister(): Promise<FranchiseRegister> {
    return franchiseRegister(this);
  }

  // Input–output.

  ioMultipliers(o: IoOptions & { type?: 1 | 2 }, t = this.defaultTaxonomy): Promise<IoMultipliers> {
    return ioMultipliers(this, t, o);
  }
  ioLayers(o: IoOptions, t = this.defaultTaxonomy): Promise<IoLayers> {
    return ioLayers(this, t, o);
  }
  ioExtract(o: IoOptions & { layer: string }, t = this.defaultTaxonomy): Promise<IoExtraction> {
    return ioExtract(this, t, o);
  }
  ioShock(o: ShockOptions, t = this.defaultTaxonomy): Promise<IoShock> {
    return ioShock(this, t, o);
  }

  /** Imports a commitments register file into the registers, recording statuses at `asOf`. */
  importCommitments(
    regs: Registers,
    file: ParsedFile,
    asOf: string,
    t = this.defaultTaxonomy,
  ): Promise<CommitmentImport> {
    return importCommitments(this, regs, file, asOf, t);
  }
  /** Applies every measured commitment's rule to the data in the store, appending changed statuses. */
  assessCommitments(regs: Registers, asOf: string, t = this.defaultTaxonomy): Promise<CommitmentImport> {
    return assessCommitments(this, regs, asOf, t);
  }
  commitments(regs: Registers, q: CommitmentQuery = {}): Promise<CommitmentList> {
    return commitmentList(regs, q);
  }
  commitmentHistory(regs: Registers, id: string): Promise<CommitmentHistory> {
    return commitmentHistory(regs, id);
  }
  freezeProjection(regs: Registers, spec: FreezeSpec, t = this.defaultTaxonomy): Promise<Projection> {
    return freezeProjection(this, regs, spec, t);
  }
  projections(regs: Registers, area?: string): Promise<ProjectionList> {
    return projectionList(regs, area);
  }
  projectionOutturn(
    regs: Registers,
    id: string,
    policy: { scenario: string; effect: number }[] = [],
    t = this.defaultTaxonomy,
  ): Promise<Outturn> {
    return projectionOutturn(this, regs, id, policy, t);
  }
  /** One area's report (or the UK's) as one self-contained HTML file. */
  // Loaded on first use: the charts' renderer (Observable Plot in linkedom) takes 0.4 s to load,
  // which no other command should pay.
  async report(regs: Registers, o: ReportOptions, t = this.defaultTaxonomy): Promise<string> {
    const { areaReport } = await import('./workbench/report.ts');
    return areaReport(this, regs, o, t);
  }
  /** What the report is built from (the page is `reportHtml(input)`). */
  async reportInput(regs: Registers, o: ReportOptions, t = this.defaultTaxonomy): Promise<ReportInput> {
    const { reportInput } = await import('./workbench/report.ts');
    return reportInput(this, regs, o, t);
  }

  // The scenario lab.

  scenario(file: ParsedFile, o: ScenarioOptions = {}, t = this.defaultTaxonomy): Promise<ScenarioReport> {
    return runScenario(this, t, file, o);
  }
  scenarioFrontier(
    file: ParsedFile,
    o: FrontierOptions = {},
    t = this.defaultTaxonomy,
  ): Promise<FrontierReport> {
    return scenarioFrontier(this, t, file, o);
  }
  /** A against B, or A against its horizontal twin (the same money spread over the whole economy) when B is null. */
  scenarioCompare(
    a: ParsedFile,
    b: ParsedFile | null,
    o: ScenarioOptions = {},
    t = this.defaultTaxonomy,
  ): Promise<CompareReport> {
    return scenarioCompare(this, t, a, b, o);
  }
  scenarioRollup(
    files: readonly ParsedFile[],
    o: ScenarioOptions = {},
    t = this.defaultTaxonomy,
  ): Promise<RollupReport> {
    return scenarioRollup(this, t, files, o);
  }
  scenarioExamples(): ScenarioExamples {
    return scenarioExamples();
  }
  scenarioExample(id: string): ParsedFile {
    return exampleScenarioFile(id);
  }
}

// The civic routes still name the store (deps.store) and call these two; they go once those
// routes take the workbench from their deps (`deps.workbench.profile`, `.population`).
const byStore = new WeakMap<Store, Workbench>();
function workbenchOf(store: Store): Workbench {
  return byStore.get(store) ?? Workbench.over(store);
}
/** @deprecated use `workbench.profile(code, taxonomy)`. */
export function areaProfile_(store: Store, code: string, taxonomy: Taxonomy): Promise<AreaProfile> {
  return workbenchOf(store).profile(code, taxonomy);
}
/** @deprecated use `workbench.population(area)`. */
export function areaPopulation_(store: Store, area: string): Promise<AreaPopulation | null> {
  return workbenchOf(store).population(area);
}
export { areaProfile_ as areaProfile, areaPopulation_ as areaPopulation };
