// The finance simulator's orchestrator (METHODS.md §6, docs/methods/finance.md): validates a
// policy file, reads the returns calibration and the shipped rules, reads every district's
// savers from the store, plans and runs the Monte Carlo (the calling thread and worker
// threads share the paths; the bytes are the same for any number of them), adds jobs and GVA
// through the input–output model, and answers in the contract's shape (contract/finance.ts).
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { addedLoadings, coreFactor } from '../models/finance/market-plan.ts';
import { aeYear, contribution } from '../models/finance/auto-enrolment.ts';
import { CorrelationError } from '../models/finance/cholesky.ts';
import { createFinancePool, type FinancePool } from '../models/finance/parallel.ts';
import { addedAsset, simulationPlan, type SimulationPlan } from '../models/finance/plan.ts';
import { policyFileSchema, type PolicyFile } from '../models/finance/policy.ts';
import { financeRows, UK } from '../models/finance/rows.ts';
import type { SaverParams } from '../models/finance/savers.ts';
import { outputLength, simulateAll } from '../models/finance/simulate.ts';
import type { FinanceExamples, FinanceReport } from '../contract/finance.ts';
import type { Ctx } from './context.ts';
import {
  DataFileError,
  fromValue,
  readDataFile,
  validateFile,
  type FileIssue,
  type ParsedFile,
} from './data-file.ts';
import { financeAreas } from './finance-areas.ts';
import {
  FINANCE_EXAMPLES,
  financeData,
  loadCalibration,
  refuse,
  returnsPath,
  shownName,
  type FinanceData,
} from './finance-data.ts';
import { impactOutputs } from './finance-impact.ts';
import type { AgreedWeights } from './agreed-weights.ts';

/** How a run may differ from its file: paths, seed, threads. */
export interface FinanceOptions {
  paths?: number;
  seed?: number;
  /** Threads in all (the calling thread and workers); default up to 2. */
  workers?: number;
  /** May the file name a returns calibration on disk (false for requests over HTTP)? Default true. */
  readReturnsFile?: boolean;
  /** Refuse plans whose per-path values would need more memory than this (bytes); default 1.5 GB. */
  memoryLimit?: number;
  /** Worker threads kept between runs (a server's, which does no simulation on its own thread). */
  pool?: FinancePool;
  /** Bounds on one run (a request over HTTP): paths, paths × simulated years, rows of the answer. */
  caps?: FinanceCaps;
}

/** Bounds on one run, so that one request cannot take a server down. */
export interface FinanceCaps {
  paths: number;
  pathYears: number;
  rows: number;
}

/** Rows a plan's outputs give: one per report year for the UK and each area they cover. */
function rowCount(plan: SimulationPlan, areas: { lads: string[]; itl3: string[] }): number {
  return plan.outputs.reduce(
    (t, o) =>
      t + plan.years.length * (1 + (o.itl3 ? areas.itl3.length : 0) + (o.lad ? areas.lads.length : 0)),
    0,
  );
}

function checkCaps(plan: SimulationPlan, horizon: number, rows: number, caps: FinanceCaps): void {
  const big = (what: string, value: number, cap: number, advice: string) =>
    new UsageError(
      `${what} ${value.toLocaleString('en-GB')} is above this server's limit of ${cap.toLocaleString('en-GB')}: ${advice}`,
      'too_large',
    );
  if (plan.paths > caps.paths) throw big('paths', plan.paths, caps.paths, 'ask for fewer paths');
  if (plan.paths * horizon > caps.pathYears)
    throw big(
      'paths × years',
      plan.paths * horizon,
      caps.pathYears,
      'ask for fewer paths or a shorter horizon',
    );
  if (rows > caps.rows)
    throw big(
      'rows (measures × report years × areas)',
      rows,
      caps.rows,
      'ask for fewer policies or a larger reportEvery',
    );
}

/** Validates a policy file against the schema and the shipped mandate priorities. */
export function loadPolicyFile(file: ParsedFile, data: FinanceData = financeData()): PolicyFile {
  const policy = validateFile(file, policyFileSchema);
  const issues: FileIssue[] = [];
  const known = Object.keys(data.mandate.priorities);
  const check = (mandate: Record<string, number> | undefined, path: (string | number)[]) => {
    for (const p of Object.keys(mandate ?? {}))
      if (!known.includes(p))
        issues.push(issue(file, [...path, p], `unknown mandate priority: ${p} (known: ${known.join(', ')})`));
  };
  check(policy.mandate, ['mandate']);
  policy.policies.forEach((p, i) => 'mandate' in p && check(p.mandate, ['policies', i, 'mandate']));
  if (issues.length) throw new DataFileError(file.name, issues);
  return policy;
}

function issue(file: ParsedFile, path: (string | number)[], message: string): FileIssue {
  const at = file.locate(path);
  return { path: path.join('.'), line: at?.line ?? null, column: at?.column ?? null, message };
}

/**
 * Replaces the file's mandate with the priority weights members agreed in a closed
 * goal-weighting consultation. Every goal must be a known priority and, when the file has a
 * mandate, each of its priorities a goal — no weight is invented or dropped silently.
 */
export function withMandateWeights(
  file: ParsedFile,
  agreed: AgreedWeights,
  data: FinanceData = financeData(),
): { file: ParsedFile; note: string } {
  const value = structuredClone(file.value) as { mandate?: Record<string, number> };
  const known = Object.keys(data.mandate.priorities);
  const goals = agreed.outcome.weights.map((w) => w.id);
  const unknown = goals.filter((g) => !known.includes(g));
  const dropped = Object.keys(value.mandate ?? {}).filter((p) => !goals.includes(p));
  if (unknown.length || dropped.length)
    throw new UsageError(
      `consultation ${agreed.consultation} does not match ${file.name}: ` +
        [
          unknown.length ? `goals that are not mandate priorities: ${unknown.join(', ')}` : '',
          dropped.length ? `priorities without a goal: ${dropped.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
    );
  value.mandate = Object.fromEntries(agreed.outcome.weights.map((w) => [w.id, w.share / 100]));
  const note =
    `mandate weights agreed in consultation ${agreed.consultation} ("${agreed.title}"): ${agreed.outcome.ballots} ballots, ` +
    `${agreed.outcome.rule}, log head ${agreed.head.slice(0, 16)}… — ` +
    agreed.outcome.weights.map((w) => `${w.id} ${w.share.toFixed(1)}%`).join(', ');
  return { file: { ...file, value }, note };
}

// The returns calibration: a file the policy names (relative to it), inline, or the shipped one.
function calibrationFor(file: ParsedFile, policy: PolicyFile, o: FinanceOptions) {
  if (policy.returns && o.readReturnsFile === false)
    throw refuse(file, ['returns'], 'a returns file cannot be named here: use the shipped calibration');
  return loadCalibration(returnsPath(file.name, policy.returns));
}

// Added assets' correlations must be positive definite with the core assets'.
function checkAddedAssets(file: ParsedFile, policy: PolicyFile, core: Float64Array): void {
  const issues: FileIssue[] = [];
  policy.policies.forEach((p, i) => {
    if (p.kind !== 'redirect') return;
    try {
      addedLoadings(core, addedAsset(p.asset));
    } catch (e) {
      if (!(e instanceof CorrelationError)) throw e;
      issues.push(issue(file, ['policies', i, 'asset', 'correlations'], e.message));
    }
  });
  if (issues.length) throw new DataFileError(file.name, issues);
}

// Area codes a policy names must be districts or ITL3 areas of the run.
function checkAreas(file: ParsedFile, policy: PolicyFile, codes: Set<string>): void {
  const issues: FileIssue[] = [];
  policy.policies.forEach((p, i) =>
    p.areas?.forEach((c, j) => {
      if (!codes.has(c))
        issues.push(
          issue(
            file,
            ['policies', i, 'areas', j],
            `unknown area: ${c} (a local authority district or an ITL3 area)`,
          ),
        );
    }),
  );
  if (issues.length) throw new DataFileError(file.name, issues);
}

function saverParams(data: FinanceData, policy: PolicyFile, ae: ReturnType<typeof aeYear>): SaverParams {
  const s = data.savers;
  return {
    employeeShare: policy.savers.employeeShare ?? s.employeeShare.value,
    participation: policy.savers.participation ?? s.participation.value,
    sigmaLow: s.pay.sigmaLow.value,
    sigmaHigh: s.pay.sigmaHigh.value,
    weeksPerYear: s.pay.weeksPerYear,
    relief: policy.savers.relief ?? s.relief.value,
    rates: policy.savers.rates ?? ae.minimum,
  };
}

function checkMemory(plan: SimulationPlan, limit: number): void {
  const bytes = outputLength(plan) * 8;
  if (bytes > limit)
    throw new UsageError(
      `${plan.paths.toLocaleString('en-GB')} paths × ${plan.series} series × ${plan.report.length} report years need ${(bytes / 1e9).toFixed(2)} GB (limit ${(limit / 1e9).toFixed(2)} GB): ask for fewer paths, a larger reportEvery, or fewer policies`,
    );
}

/** Runs a policy file: every policy against its baseline on the same paths, by area. */
export async function runFinance(
  ctx: Ctx,
  taxonomy: Taxonomy,
  file: ParsedFile,
  o: FinanceOptions = {},
): Promise<FinanceReport> {
  const data = financeData();
  const policy = loadPolicyFile(file, data);
  const { calibration, file: calFile } = calibrationFor(file, policy, o);
  checkAddedAssets(file, policy, coreFactor(calibration));
  let ae;
  try {
    ae = aeYear(data.ae, policy.taxYear);
  } catch (e) {
    throw refuse(file, ['taxYear'], (e as Error).message);
  }
  const params = saverParams(data, policy, ae);
  if (
    params.rates.total < ae.minimum.total ||
    params.rates.employer < ae.minimum.employer ||
    params.rates.employer > params.rates.total
  )
    throw refuse(
      file,
      ['savers', 'rates'],
      `contribution rates must be at least the minimum (total ${ae.minimum.total}, employer ${ae.minimum.employer}) with the employer's part within the total`,
    );
  const areas = await financeAreas(ctx, taxonomy, data, { taxYear: policy.taxYear, params });
  checkAreas(file, policy, new Set([...areas.data.lads, ...areas.data.itl3]));
  const paths = o.paths ?? policy.paths;
  const seed = o.seed ?? policy.seed;
  if (!(Number.isInteger(paths) && paths >= 100 && paths <= 10_000_000))
    throw new UsageError(`invalid paths: ${paths} (100 to 10,000,000)`);
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 4294967296))
    throw new UsageError(`invalid seed: ${seed} (0 to 4294967295)`);
  const plan = simulationPlan({
    file: policy,
    calibration,
    ae,
    areas: areas.data,
    payGrowth: policy.savers.payGrowth ?? data.savers.payGrowth.value,
    paths,
    seed,
    contributionAt: (pay) => contribution(pay, ae, { rates: params.rates, relief: params.relief }).total,
    payDispersion: { sigmaLow: params.sigmaLow, sigmaHigh: params.sigmaHigh },
  });
  checkMemory(plan, o.memoryLimit ?? 1.5e9);
  if (o.caps) checkCaps(plan, policy.horizon, rowCount(plan, areas.data), o.caps);
  const workers = o.workers ?? Math.min(2, availableParallelism());
  if (!(Number.isInteger(workers) && workers >= 1 && workers <= 64))
    throw new UsageError(`invalid workers: ${workers} (1 to 64)`);
  const { stats } = o.pool ? await o.pool.run(plan) : await simulate(plan, workers);
  const impact = policy.impact.io
    ? await impactOutputs(ctx, taxonomy, areas.data, plan.flows, data.mandate, policy.impact)
    : { outputs: [], notes: plan.flows.length ? ['impact.io is off: no jobs or GVA estimated'] : [] };
  const order = new Map(policy.policies.map((p, i) => [p.id, i]));
  plan.outputs = [...plan.outputs, ...impact.outputs].sort(
    (a, b) => order.get(a.policy)! - order.get(b.policy)!,
  );
  return report(policy, plan, stats, areas, calibration, calFile.name, data, [...impact.notes]);
}

async function simulate(plan: SimulationPlan, workers: number) {
  if (workers === 1) return simulateAll(plan);
  const pool = createFinancePool(workers - 1);
  try {
    return await pool.run(plan);
  } finally {
    await pool.close();
  }
}

function report(
  policy: PolicyFile,
  plan: SimulationPlan,
  stats: Float64Array,
  areas: Awaited<ReturnType<typeof financeAreas>>,
  calibration: ReturnType<typeof loadCalibration>['calibration'],
  calibrationFile: string,
  data: FinanceData,
  impactNotes: string[],
): FinanceReport {
  const s = areas.data.savers;
  const sum = (k: 'employees' | 'eligible' | 'savers' | 'total' | 'relief') =>
    s.reduce((t, x) => t + x[k], 0);
  const used = new Set(
    plan.outputs.flatMap((o) => [UK, ...(o.itl3 ? areas.data.itl3 : []), ...(o.lad ? areas.data.lads : [])]),
  );
  const level = (c: string): 'uk' | 'itl3' | 'lad' => (c === UK ? 'uk' : /^TL/.test(c) ? 'itl3' : 'lad');
  return {
    id: policy.id,
    title: policy.title ?? null,
    example: policy.example,
    paths: plan.paths,
    seed: plan.market.seed,
    horizon: policy.horizon,
    startYear: policy.startYear,
    years: plan.years,
    taxYear: policy.taxYear,
    calibration: {
      id: calibration.id,
      status: calibration.status,
      description: calibration.description ?? null,
      file: calibrationFile,
    },
    policies: policy.policies.map((p) => ({ id: p.id, kind: p.kind, title: p.title ?? null })),
    measures: plan.outputs.map((o) => ({
      policy: o.policy,
      measure: o.measure,
      unit: o.unit,
      additive: o.additive,
      probability: Boolean(o.probability),
    })),
    areas: [...used].map((areacd) => ({
      areacd,
      areanm: areas.names.get(areacd) ?? areacd,
      level: level(areacd),
    })),
    savers: {
      employees: sum('employees'),
      eligible: sum('eligible'),
      savers: sum('savers'),
      contributions: sum('total'),
      relief: sum('relief'),
      medianPay: areas.data.ukMedianPay,
    },
    rows: financeRows(plan, stats, areas.data),
    sources: [
      ...areas.sources,
      ...data.ae.sources,
      ...data.incomeTax.sources,
      `participation: ${data.savers.participation.source}`,
      `employees' share of employment: ${data.savers.employeeShare.source}`,
      `pay dispersion: ${data.savers.pay.sigmaLow.source}; ${data.savers.pay.sigmaHigh.source}`,
      ...calibration.sources.map((x) => `returns (${calibration.status}): ${x}`),
    ],
    notes: [
      ...(calibration.status === 'illustrative'
        ? [
            `Returns are assumptions: the ${calibration.id} calibration is illustrative, not a forecast (${shownName(calibrationFile)}).`,
          ]
        : []),
      ...(policy.example
        ? ['This policy file is an example: its parameters are illustrative, not recommendations.']
        : []),
      ...areas.notes,
      ...plan.notes,
      ...impactNotes,
    ],
  };
}

/** A policy given as a plain object (e.g. a request body) as a file without positions. */
export function policyFromValue(value: unknown): ParsedFile {
  return fromValue(value, 'policy');
}

/**
 * The shipped example policy files, each checked, with its text as written (for a policy builder
 * to start from and post back).
 */
export function financeExamples(): FinanceExamples {
  const examples = readdirSync(FINANCE_EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = `data/finance/examples/${f}`;
      const parsed = readDataFile(FINANCE_EXAMPLES + f, file);
      const policy = loadPolicyFile(parsed);
      return {
        id: policy.id,
        title: policy.title ?? null,
        file,
        policy: parsed.value as Record<string, unknown>,
      };
    });
  return { examples };
}

/** A shipped example policy by id, as a file to run, or a 404 naming the id. */
export function financeExample(id: string): ParsedFile {
  const found = financeExamples().examples.find((e) => e.id === id);
  if (!found) throw new UsageError(`unknown finance example: ${id}`, 'not_found', 404);
  return readDataFile(FINANCE_EXAMPLES + found.file.slice(found.file.lastIndexOf('/') + 1), found.file);
}
