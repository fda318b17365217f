/**
 * The one orchestrator (DESIGN.md): `Workbench.open(db)` owns the store, the indicator registry,
 * the taxonomies, the lookups shipped as data and the cache of results built from the store, and
 * answers every question in the shapes of `contract/`. The CLI and the API hold one each; each
 * answer lives in `workbench/<concept>.ts` and reads the store through `store/queries/`.
 */
import type { AreaLevel } from './core/levels.ts';
import type { Taxonomy } from './core/taxonomy.ts';
import type { AreaGroupProfile } from './contract/area-group.ts';
import type { AreaList, AreaProfile } from './contract/areas.ts';
import type {
  CommitmentHistory,
  CommitmentImport,
  CommitmentList,
  Outturn,
  Projection,
  ProjectionDetail,
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
import type { FranchiseTender } from './contract/franchise-tender.ts';
import type { SupplierPageQuery } from './workbench/franchise-supplier-page.ts';
import type { GenderReport } from './contract/gender.ts';
import type { IndicatorList, IndicatorValues } from './contract/indicators.ts';
import type { IoExtraction, IoLayers, IoMultipliers, IoShock } from './contract/io.ts';
import type { LayerTable } from './contract/layers.ts';
import type { MissionList, MissionReport } from './contract/missions.ts';
import type { IndicatorAreaSeries, IndicatorTable, RegistryList } from './contract/registry.ts';
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
import type { ReportInput } from './contract/reports.ts';
import { closeStore, DEFAULT_DB, openStore, type Store } from './store/db.ts';
import type { AreaQuery } from './workbench/areas.ts';
import { ResultCache } from './workbench/cache.ts';
import type { CommitmentQuery } from './workbench/commitments.ts';
import type { CompareOptions } from './workbench/compare.ts';
import type { Ctx } from './workbench/context.ts';
import type { ParsedFile } from './workbench/data-file.ts';
import type { Progress } from './workbench/data.ts';
import type { FinanceOptions } from './workbench/finance.ts';
import type {
  ConditionSet,
  FranchiseImportOptions,
  FranchiseImportReport,
  WhatIfRequest,
} from './workbench/franchise.ts';
import type { IoOptions } from './workbench/io-answers.ts';
import type { ShockOptions } from './workbench/io-shock.ts';
import type { LayerQuery } from './workbench/layers.ts';
import { Lookups } from './workbench/lookups.ts';
import type { AreaPopulation } from './workbench/population.ts';
import type { FreezeSpec } from './workbench/projections.ts';
import type { PlanSpec } from './workbench/plans.ts';
import type { Plan, PlanDetail, PlanList } from './contract/plans.ts';
import type { ReportOptions } from './workbench/report.ts';
import type { FrontierOptions } from './workbench/scenario-frontier.ts';
import type { ScenarioOptions } from './workbench/scenarios.ts';
import type { ReportBatch, ReportEntry } from './workbench/report-all.ts';
import type { PdfPrinter } from './reports/pdf.ts';
import { builtInTaxonomy, DEFAULT_TAXONOMY_ID, loadBuiltIns, loadTaxonomy } from './workbench/taxonomies.ts';

export { DEFAULT_DB, type Store } from './store/db.ts';
export { StoreHolder, type Generation } from './store/holder.ts';
// Only what is light to load is re-exported with its value: a command loads this file, and a
// heavy part (franchise, finance, scenarios, input–output models) is imported from its own module
// by the commands and routes that use it, and by the methods below on first use.
export type { DuplicateRule, FranchiseImportReport, WhatIfRequest } from './workbench/franchise.ts';
export type { WorkerPool } from './models/composite/index.ts';
export { OfflineError } from './ingest/fetch.ts';
export type { ImportReport, DatasetRow, VerifyFinding } from './workbench/data.ts';
export { TAXONOMY_IDS, loadTaxonomy } from './workbench/taxonomies.ts';
export type { ParsedFile } from './workbench/data-file.ts';
export type { Registry } from './workbench/registry.ts';
export {
  agreedNote,
  agreedSource,
  withAgreedWeights,
  type AgreedWeights,
} from './workbench/agreed-weights.ts';
export type { FinanceCaps, FinanceOptions } from './workbench/finance.ts';
export type { FinancePool } from './models/finance/parallel.ts';
export type { AreaQuery } from './workbench/areas.ts';
export type { CommitmentQuery } from './workbench/commitments.ts';
export type { ReportOptions } from './workbench/report.ts';
export type { FreezeSpec } from './workbench/projections.ts';
export type { PlanSpec } from './workbench/plans.ts';
export type { ReportBatch, ReportEntry } from './workbench/report-all.ts';
export { REPORT_LEVELS, reportLevels, type ReportLevel } from './workbench/report-levels.ts';
export { reportIndexHtml } from './reports/index-page.ts';
export type { PdfPrinter } from './reports/pdf.ts';
export { NoChromium } from './core/chromium.ts';
export type { AreaPopulation } from './workbench/population.ts';
export type { CompareOptions } from './workbench/compare.ts';
export type { IoOptions } from './workbench/io-answers.ts';
export type { ShockOptions } from './workbench/io-shock.ts';
export type { ScenarioOptions } from './workbench/scenarios.ts';
export type { FrontierOptions, WeightsInput } from './workbench/scenario-frontier.ts';
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
  #registry: Promise<Registry> | undefined;
  readonly lookups = new Lookups();
  /** The taxonomy answers use unless given another (the default, or the file the workbench was opened with). */
  readonly defaultTaxonomy: Taxonomy;
  readonly #cache: ResultCache;
  readonly #builtIns: ReadonlyMap<string, Taxonomy>;
  /** The store this workbench opened and closes, if it did. */
  readonly #owned: Store | null;

  private constructor(
    store: () => Store,
    owned: Store | null,
    opts: WorkbenchOptions,
    taxonomies: { builtIns: ReadonlyMap<string, Taxonomy>; fallback: Taxonomy },
  ) {
    this.#store = store;
    this.#owned = owned;
    this.#cache = new ResultCache();
    this.#registryFile = opts.registry;
    this.#builtIns = taxonomies.builtIns;
    this.defaultTaxonomy = taxonomies.fallback;
    if (owned) byStore.set(owned, this);
  }

  /** The built-in taxonomies and the default one (the file given, or the built-in default). */
  static async #taxonomies(opts: { taxonomy?: string }) {
    const builtIns = await loadBuiltIns();
    const fallback = opts.taxonomy
      ? await loadTaxonomy(opts.taxonomy)
      : builtInTaxonomy(builtIns, DEFAULT_TAXONOMY_ID);
    return { builtIns, fallback };
  }

  /** The indicator registry, read on first use (a command that needs none neither parses nor loads it). */
  registry(): Promise<Registry> {
    return (this.#registry ??= import('./workbench/registry.ts').then(({ loadRegistry }) =>
      loadRegistry(this.#registryFile),
    ));
  }

  /** The store answers read: fixed, or for a server the generation its running request pinned. */
  get store(): Store {
    return this.#store();
  }

  /** Opens the store at `db` (created unless read-only) and the registry and taxonomy it will answer with. */
  static async open(db = DEFAULT_DB, opts: WorkbenchOptions = {}): Promise<Workbench> {
    const taxonomies = await Workbench.#taxonomies(opts);
    const store = await openStore(db, { readOnly: opts.readOnly ?? false });
    return new Workbench(() => store, store, opts, taxonomies);
  }

  /** A workbench over a store the caller keeps open (and closes). */
  static async over(store: Store, opts: Omit<WorkbenchOptions, 'readOnly'> = {}): Promise<Workbench> {
    const wb = new Workbench(() => store, null, opts, await Workbench.#taxonomies(opts));
    byStore.set(store, wb);
    return wb;
  }

  /**
   * A workbench over whichever store `source` gives at the time of each call: a server passes
   * the store generation the running request pinned (store/holder.ts), so an import while
   * serving is picked up without reopening anything. The caller closes the stores.
   */
  static async following(
    source: () => Store,
    opts: Omit<WorkbenchOptions, 'readOnly'> = {},
  ): Promise<Workbench> {
    return new Workbench(source, null, opts, await Workbench.#taxonomies(opts));
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
    return id === undefined ? this.defaultTaxonomy : builtInTaxonomy(this.#builtIns, id);
  }

  /** A built-in taxonomy as `GET /api/v1/taxonomies/{id}` describes it. */
  taxonomyInfo(id: string): TaxonomyInfo {
    const { version, title, sources, layers, rules } = this.taxonomy(id);
    return { id: this.taxonomy(id).id, version, title, sources, layers, rules };
  }

  // Data: import, list, verify.

  async import(dir: string, onProgress?: Progress) {
    const { importDir } = await import('./workbench/data.ts');
    return importDir(this.store, dir, onProgress);
  }
  async datasetRows() {
    const { listDatasets } = await import('./workbench/data.ts');
    return listDatasets(this.store);
  }
  async datasets(): Promise<DatasetList> {
    const { datasetList } = await import('./workbench/data.ts');
    return datasetList(this.store);
  }
  async verify(dir?: string) {
    const { verifyStore } = await import('./workbench/data.ts');
    return verifyStore(this.store, dir);
  }

  // Places and the layered economy.

  async areas(q: AreaQuery): Promise<AreaList> {
    const { listAreas } = await import('./workbench/areas.ts');
    return listAreas(this, q);
  }
  /** The codes of the areas enclosing `code` along the 2023 lookup (finest first). */
  async parents(code: string): Promise<string[]> {
    const { parentsOf } = await import('./workbench/areas.ts');
    return (await parentsOf(this, code)).map((p) => p.areacd);
  }
  async profile(code: string, t = this.defaultTaxonomy): Promise<AreaProfile> {
    const { areaProfile } = await import('./workbench/profile.ts');
    return areaProfile(this, code, t);
  }
  /** The profile of a custom group of areas declared in a file or a URL list (see `groupFromList`). */
  async groupProfile(file: ParsedFile, t = this.defaultTaxonomy): Promise<AreaGroupProfile> {
    const { groupProfile } = await import('./workbench/group-profile.ts');
    return groupProfile(this, file, t);
  }
  async layers(q: LayerQuery, t = this.defaultTaxonomy): Promise<LayerTable> {
    const { layerTableOf } = await import('./workbench/layers.ts');
    return layerTableOf(this, q, t);
  }
  async boundaries(level: AreaLevel): Promise<string> {
    const { boundaryTopology } = await import('./workbench/boundaries.ts');
    return boundaryTopology(this, level);
  }
  async population(area: string): Promise<AreaPopulation | null> {
    const { areaPopulation } = await import('./workbench/population.ts');
    return areaPopulation(this, area);
  }

  // Indicators, comparisons, composites, missions, entitlements, the gender lens.

  async indicators(): Promise<IndicatorList> {
    const { listIndicators } = await import('./workbench/indicators.ts');
    return listIndicators(this);
  }
  async indicator(id: string, q: { level?: AreaLevel; period?: string } = {}): Promise<IndicatorValues> {
    const { indicatorValues } = await import('./workbench/indicators.ts');
    return indicatorValues(this, id, q);
  }
  async registryList(group?: string): Promise<RegistryList> {
    const { listRegistry } = await import('./workbench/registry.ts');
    return listRegistry(this, group);
  }
  async indicatorTable(
    id: string,
    q: { level?: string; period?: string },
    t = this.defaultTaxonomy,
  ): Promise<IndicatorTable> {
    const { indicatorTable } = await import('./workbench/indicator-table.ts');
    return indicatorTable(this, t, id, q);
  }
  /** One area's values of a registry indicator over every period, with limits and the nation's value. */
  async indicatorAreaSeries(
    id: string,
    area: string,
    t = this.defaultTaxonomy,
  ): Promise<IndicatorAreaSeries> {
    const { indicatorAreaSeries } = await import('./workbench/indicator-area-series.ts');
    return indicatorAreaSeries(this, t, id, area);
  }
  async compare(code: string, opts: CompareOptions, t = this.defaultTaxonomy): Promise<AreaComparison> {
    const { compareAreas } = await import('./workbench/compare.ts');
    return compareAreas(this, t, code, opts);
  }
  async composite(
    file: ParsedFile,
    opts: { workers?: number; pool?: WorkerPool } = {},
    t = this.defaultTaxonomy,
  ): Promise<CompositeReport> {
    const { runCompositeFile } = await import('./workbench/composite-file.ts');
    return runCompositeFile(this, t, file, opts);
  }
  async compositeExample(): Promise<CompositeFile> {
    const { compositeExample } = await import('./workbench/composite-file.ts');
    return compositeExample();
  }
  async missions(): Promise<MissionList> {
    const { missionList } = await import('./workbench/missions.ts');
    return missionList();
  }
  async missionStatus(
    file: ParsedFile,
    opts: { area?: string } = {},
    t = this.defaultTaxonomy,
  ): Promise<MissionReport> {
    const { missionStatus } = await import('./workbench/missions.ts');
    return missionStatus(this, t, file, opts);
  }
  async floors(): Promise<FloorsFile> {
    const { defaultFloorsFile } = await import('./workbench/entitlements.ts');
    return defaultFloorsFile(await this.registry());
  }
  async entitlements(
    file?: ParsedFile,
    opts: { area?: string } = {},
    t = this.defaultTaxonomy,
  ): Promise<EntitlementReport> {
    const { defaultFloors, entitlements } = await import('./workbench/entitlements.ts');
    return entitlements(this, t, file ?? defaultFloors(), opts);
  }
  async gender(
    opts: { area?: string; period?: string; statistic?: 'median' | 'mean' } = {},
    t = this.defaultTaxonomy,
  ): Promise<GenderReport> {
    const { genderLens } = await import('./workbench/gender.ts');
    return genderLens(this, t, opts);
  }

  // Democratised finance: pensions, a national investment bank, citizens' wealth funds.

  /** The shipped example policy files, as written. */
  async financeExamples(): Promise<FinanceExamples> {
    const { financeExamples } = await import('./workbench/finance.ts');
    return financeExamples();
  }
  /** Runs a policy file: every policy against its baseline on the same paths, by area. */
  async finance(
    file: ParsedFile,
    opts: FinanceOptions = {},
    t = this.defaultTaxonomy,
  ): Promise<FinanceReport> {
    const { runFinance } = await import('./workbench/finance.ts');
    return runFinance(this, t, file, opts);
  }

  // Public spending and contracts: where the money goes, what stays, the conditions that come with it.

  /** Imports spend files and release packages into this workbench's own store (see importFranchiseStore for a file). */
  async franchiseImport(path: string, opts: FranchiseImportOptions = {}): Promise<FranchiseImportReport> {
    const { franchiseImport } = await import('./workbench/franchise.ts');
    return franchiseImport(this, path, opts);
  }
  /** A body’s spend in a period; `io: false` leaves out the input–output view (the costly part). */
  async franchiseSummary(
    opts: { body: string; period?: string; io?: boolean },
    t = this.defaultTaxonomy,
  ): Promise<FranchiseSummary> {
    const { franchiseSummary } = await import('./workbench/franchise.ts');
    return franchiseSummary(this, t, opts);
  }
  async franchiseSuppliers(
    opts: { body: string; period?: string },
    t = this.defaultTaxonomy,
  ): Promise<FranchiseSuppliers> {
    const { franchiseSuppliers } = await import('./workbench/franchise.ts');
    return franchiseSuppliers(this, t, opts);
  }
  /** A conditions file (a path, for the CLI) or a parsed set (the API's posted file), applied to a body's suppliers. */
  async franchiseConditions(
    opts: { body: string; period?: string; file?: string; conditions?: ConditionSet },
    t = this.defaultTaxonomy,
  ): Promise<FranchiseConditions> {
    const { franchiseConditions } = await import('./workbench/franchise.ts');
    return franchiseConditions(this, t, opts);
  }
  /** Suppliers with the conditions of a set (the default file unless given) each meets, fails or cannot be known for; one page when asked. */
  async franchiseSupplierList(
    opts: { body: string; period?: string; conditions?: ConditionSet; page?: Partial<SupplierPageQuery> },
    t = this.defaultTaxonomy,
  ): Promise<FranchiseSupplierList> {
    const { franchiseSupplierList } = await import('./workbench/franchise-supplier-list.ts');
    return franchiseSupplierList(this, t, opts);
  }
  async franchiseBodies(): Promise<FranchiseBodies> {
    const { franchiseBodyList } = await import('./workbench/franchise-supplier-list.ts');
    return franchiseBodyList(this);
  }
  async franchiseWhatIf(req: WhatIfRequest, t = this.defaultTaxonomy): Promise<FranchiseWhatIf> {
    const { franchiseWhatIf } = await import('./workbench/franchise.ts');
    return franchiseWhatIf(this, t, req);
  }
  async franchiseRegister(opts: { body?: string } = {}): Promise<FranchiseRegister> {
    const { franchiseRegister } = await import('./workbench/franchise.ts');
    return franchiseRegister(this, opts);
  }
  /** Bids scored against published award criteria (a tender request as JSON, validated whole). */
  async franchiseTender(tender: unknown): Promise<FranchiseTender> {
    const { franchiseTender } = await import('./workbench/franchise-tender.ts');
    return franchiseTender(tender);
  }

  // Input–output.

  async ioMultipliers(o: IoOptions & { type?: 1 | 2 }, t = this.defaultTaxonomy): Promise<IoMultipliers> {
    const { ioMultipliers } = await import('./workbench/io-answers.ts');
    return ioMultipliers(this, t, o);
  }
  async ioLayers(o: IoOptions, t = this.defaultTaxonomy): Promise<IoLayers> {
    const { ioLayers } = await import('./workbench/io-answers.ts');
    return ioLayers(this, t, o);
  }
  async ioExtract(o: IoOptions & { layer: string }, t = this.defaultTaxonomy): Promise<IoExtraction> {
    const { ioExtract } = await import('./workbench/io-answers.ts');
    return ioExtract(this, t, o);
  }
  async ioShock(o: ShockOptions, t = this.defaultTaxonomy): Promise<IoShock> {
    const { ioShock } = await import('./workbench/io-shock.ts');
    return ioShock(this, t, o);
  }

  /** Imports a commitments register file into the registers, recording statuses at `asOf`. */
  async importCommitments(
    regs: Registers,
    file: ParsedFile,
    asOf: string,
    t = this.defaultTaxonomy,
  ): Promise<CommitmentImport> {
    const { importCommitments } = await import('./workbench/commitment-import.ts');
    return importCommitments(this, regs, file, asOf, t);
  }
  /** Applies every measured commitment's rule to the data in the store, appending changed statuses. */
  async assessCommitments(
    regs: Registers,
    asOf: string,
    t = this.defaultTaxonomy,
  ): Promise<CommitmentImport> {
    const { assessCommitments } = await import('./workbench/commitments.ts');
    return assessCommitments(this, regs, asOf, t);
  }
  async commitments(regs: Registers, q: CommitmentQuery = {}): Promise<CommitmentList> {
    const { commitmentList } = await import('./workbench/commitments.ts');
    return commitmentList(regs, q);
  }
  async commitmentHistory(regs: Registers, id: string): Promise<CommitmentHistory> {
    const { commitmentHistory } = await import('./workbench/commitments.ts');
    return commitmentHistory(regs, id);
  }
  async freezeProjection(regs: Registers, spec: FreezeSpec, t = this.defaultTaxonomy): Promise<Projection> {
    const { freezeProjection } = await import('./workbench/projections.ts');
    return freezeProjection(this, regs, spec, t);
  }
  /** Freezes a scenario's expected outcome or a finance plan's path in the register. */
  async freezePlan(regs: Registers, spec: PlanSpec, t = this.defaultTaxonomy): Promise<Plan> {
    const { freezePlan } = await import('./workbench/plans.ts');
    return freezePlan(this, regs, spec, t);
  }
  /** Every frozen plan (optionally those speaking for one area). */
  async plans(regs: Registers, area?: string): Promise<PlanList> {
    const { planList } = await import('./workbench/plans.ts');
    return planList(regs, area);
  }
  /** A frozen plan with forecast against outturn where a published indicator measures a figure. */
  async planDetail(regs: Registers, id: string, t = this.defaultTaxonomy): Promise<PlanDetail> {
    const { planDetail } = await import('./workbench/plans.ts');
    return planDetail(this, regs, id, t);
  }
  async projections(regs: Registers, area?: string): Promise<ProjectionList> {
    const { projectionList } = await import('./workbench/projections.ts');
    return projectionList(regs, area);
  }
  async projectionOutturn(
    regs: Registers,
    id: string,
    policy: { scenario: string; effect: number }[] = [],
    t = this.defaultTaxonomy,
  ): Promise<Outturn> {
    const { projectionOutturn } = await import('./workbench/projections.ts');
    return projectionOutturn(this, regs, id, policy, t);
  }
  /** A frozen projection with its forecast against outturn, or why there is none yet. */
  async projectionDetail(regs: Registers, id: string, t = this.defaultTaxonomy): Promise<ProjectionDetail> {
    const { projectionDetail } = await import('./workbench/projections.ts');
    return projectionDetail(this, regs, id, t);
  }
  /** One area's report (or the UK's) as one self-contained HTML file. */
  // Loaded on first use: the charts' renderer (Observable Plot in linkedom) takes 0.4 s to load,
  // which no other command should pay.
  async report(regs: Registers, o: ReportOptions, t = this.defaultTaxonomy): Promise<string> {
    const { areaReport } = await import('./workbench/report.ts');
    return areaReport(this, regs, o, t);
  }
  /** Every area's report as of one date (the UK, ITL areas, districts), each handed to `b.onReport` in order. */
  async reportAll(regs: Registers, b: ReportBatch, t = this.defaultTaxonomy): Promise<ReportEntry[]> {
    const { reportAll } = await import('./workbench/report-all.ts');
    return reportAll(this, regs, b, t);
  }
  /** A printer of reports to PDF (one Chromium, started on first use; close it when done). */
  async pdfPrinter(): Promise<PdfPrinter> {
    const { PdfPrinter } = await import('./reports/pdf.ts');
    return new PdfPrinter();
  }
  /** What the report is built from (the page is `reportHtml(input)`). */
  async reportInput(regs: Registers, o: ReportOptions, t = this.defaultTaxonomy): Promise<ReportInput> {
    const { reportInput } = await import('./workbench/report.ts');
    return reportInput(this, regs, o, t);
  }

  // The scenario lab.

  async scenario(
    file: ParsedFile,
    o: ScenarioOptions = {},
    t = this.defaultTaxonomy,
  ): Promise<ScenarioReport> {
    const { runScenario } = await import('./workbench/scenarios.ts');
    return runScenario(this, t, file, o);
  }
  async scenarioFrontier(
    file: ParsedFile,
    o: FrontierOptions = {},
    t = this.defaultTaxonomy,
  ): Promise<FrontierReport> {
    const { scenarioFrontier } = await import('./workbench/scenario-frontier.ts');
    return scenarioFrontier(this, t, file, o);
  }
  /** A against B, or A against its horizontal twin (the same money spread over the whole economy) when B is null. */
  async scenarioCompare(
    a: ParsedFile,
    b: ParsedFile | null,
    o: ScenarioOptions = {},
    t = this.defaultTaxonomy,
  ): Promise<CompareReport> {
    const { scenarioCompare } = await import('./workbench/scenario-compare.ts');
    return scenarioCompare(this, t, a, b, o);
  }
  async scenarioRollup(
    files: readonly ParsedFile[],
    o: ScenarioOptions = {},
    t = this.defaultTaxonomy,
  ): Promise<RollupReport> {
    const { scenarioRollup } = await import('./workbench/scenario-rollup.ts');
    return scenarioRollup(this, t, files, o);
  }
  async scenarioExamples(): Promise<ScenarioExamples> {
    const { scenarioExamples } = await import('./workbench/scenario-examples.ts');
    return scenarioExamples();
  }
  async scenarioExample(id: string): Promise<ParsedFile> {
    const { exampleScenarioFile } = await import('./workbench/scenario-examples.ts');
    return exampleScenarioFile(id);
  }
}

// The civic routes still name the store (deps.store) and call these two; they go once those
// routes take the workbench from their deps (`deps.workbench.profile`, `.population`).
const byStore = new WeakMap<Store, Workbench>();
async function workbenchOf(store: Store): Promise<Workbench> {
  return byStore.get(store) ?? (await Workbench.over(store));
}
/** @deprecated use `workbench.profile(code, taxonomy)`. */
export async function areaProfile_(store: Store, code: string, taxonomy: Taxonomy): Promise<AreaProfile> {
  return (await workbenchOf(store)).profile(code, taxonomy);
}
/** @deprecated use `workbench.population(area)`. */
export async function areaPopulation_(store: Store, area: string): Promise<AreaPopulation | null> {
  return (await workbenchOf(store)).population(area);
}
export { areaProfile_ as areaProfile, areaPopulation_ as areaPopulation };
