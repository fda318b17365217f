// Trade-offs among a scenario's interventions taken as candidates: the Pareto frontier on two
// goals, and the best portfolio under a budget for goal weights from a file or from a closed
// goal-weighting consultation. Plain records in and out.
import { UsageError } from '../core/errors.ts';
import type { FrontierCandidate as Candidate, FrontierReport } from '../contract/scenarios.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { cell, type Appraisal } from '../models/scenarios/assemble.ts';
import { goalIndex } from '../models/scenarios/goals.ts';
import { paretoFrontier } from '../models/scenarios/pareto.ts';
import { choosePortfolio, EXACT_LIMIT } from '../models/scenarios/portfolio.ts';
import { checkWeights, scores, weightsSchema } from '../models/scenarios/weights.ts';
import type { AgreedWeights } from './agreed-weights.ts';
import { validateFile, type ParsedFile } from './data-file.ts';
import type { Ctx } from './context.ts';
import { appraisePrepared, goalInfo, prepareScenario, type ScenarioOptions } from './scenarios.ts';

/** Goal weights as the caller gives them: a file, or a consultation's published result. */
export type WeightsInput = { file: ParsedFile } | { agreed: AgreedWeights };

export interface FrontierOptions extends ScenarioOptions {
  x?: string;
  y?: string;
  /** £: compared with each candidate's present value of costs (optimism bias included). */
  budget?: number;
  weights?: WeightsInput;
}

export type { FrontierReport };

const num = (v: number) => (Number.isFinite(v) ? v : null);

/** Weights from a file (`weights: {goal: share}`) or a consultation, checked against the goals. */
function weightsOf(w: WeightsInput, a: Appraisal) {
  if ('file' in w) {
    const parsed = validateFile(w.file, weightsSchema);
    try {
      return { weights: checkWeights(parsed.weights, a.goals), source: parsed.source ?? w.file.name };
    } catch (e) {
      throw new UsageError(`${w.file.name}: weights: ${(e as Error).message}`);
    }
  }
  const g = w.agreed;
  const shares = Object.fromEntries(g.outcome.weights.map((x) => [x.id, x.share / 100]));
  try {
    return {
      weights: checkWeights(shares, a.goals),
      source: `consultation ${g.consultation} ("${g.title}"): ${g.outcome.ballots} ballots, ${g.outcome.rule}, log head ${g.head.slice(0, 16)}…`,
    };
  } catch (e) {
    throw new UsageError(`consultation ${g.consultation}: ${(e as Error).message}`);
  }
}

/** The frontier of the scenario's interventions on goals x and y, and the best portfolio under a budget. */
export async function scenarioFrontier(
  ctx: Ctx,
  taxonomy: Taxonomy,
  file: ParsedFile,
  o: FrontierOptions = {},
): Promise<FrontierReport> {
  const p = await prepareScenario(ctx, taxonomy, file);
  if (p.ivs.length === 0) throw new UsageError(`${file.name}: no interventions to choose among`);
  const a = await appraisePrepared(ctx, p, o);
  const goal = (id: string, flag: string) => {
    try {
      return goalIndex(a.goals, id);
    } catch (e) {
      throw new UsageError(`${flag}: ${(e as Error).message}`);
    }
  };
  const xi = goal(o.x ?? 'jobs', '--x');
  const yi = goal(o.y ?? 'gva_per_job', '--y');
  const total = a.areas.length - 1;
  const at = (iv: number, k: number) => cell(a, iv, total, k);
  const pv = goalIndex(a.goals, 'pv_cost');
  const cost = p.ivs.map((_, i) => a.value[at(i, pv)]! * 1e6);
  const pts = p.ivs.map((_, i) => ({ x: a.value[at(i, xi)]!, y: a.value[at(i, yi)]! }));
  const front = new Set(paretoFrontier(pts, a.goals[xi]!.polarity, a.goals[yi]!.polarity));
  const candidates: Candidate[] = p.ivs.map((iv, i) => ({
    id: iv.id,
    title: iv.title,
    kind: iv.kind,
    vertical: iv.target.vertical,
    x: num(pts[i]!.x),
    xP05: num(a.p05[at(i, xi)]!),
    xP95: num(a.p95[at(i, xi)]!),
    y: num(pts[i]!.y),
    yP05: num(a.p05[at(i, yi)]!),
    yP95: num(a.p95[at(i, yi)]!),
    cost: cost[i]!,
    score: null,
    frontier: front.has(i),
    chosen: false,
  }));
  const notes = [
    `Frontier: candidates no other beats on ${a.goals[xi]!.id} without losing on ${a.goals[yi]!.id} (central values; ${a.goals[xi]!.polarity > 0 ? 'more' : 'less'} ${a.goals[xi]!.id} and ${a.goals[yi]!.polarity > 0 ? 'more' : 'less'} ${a.goals[yi]!.id} is better).`,
  ];
  let portfolio: FrontierReport['portfolio'] = null;
  if (o.budget !== undefined || o.weights) {
    portfolio = choose(a, candidates, cost, o, xi, yi, at);
    notes.push(
      portfolio.exact
        ? `Portfolio: exact optimum by branch and bound (${candidates.length} candidates; exact up to ${EXACT_LIMIT}).`
        : `Portfolio: ${portfolio.method} heuristic; the optimum is at most ${portfolio.bound.toFixed(4)} (proven gap ${(portfolio.bound - portfolio.score).toFixed(4)}).`,
      `Scores: Σ weight × goal ÷ the largest |goal| among the candidates, signed by polarity; budget against each candidate's present value of costs.`,
    );
  }
  return {
    scenario: { id: p.scenario.id, title: p.scenario.title, source: file.name, draws: a.draws, seed: a.seed },
    x: goalInfo(a.goals[xi]!),
    y: goalInfo(a.goals[yi]!),
    candidates,
    portfolio,
    notes,
  };
}

function choose(
  a: Appraisal,
  candidates: Candidate[],
  cost: number[],
  o: FrontierOptions,
  xi: number,
  yi: number,
  at: (iv: number, k: number) => number,
) {
  const w = o.weights
    ? weightsOf(o.weights, a)
    : {
        weights: checkWeights({ [a.goals[xi]!.id]: 0.5, [a.goals[yi]!.id]: 0.5 }, a.goals),
        source: `equal weights on ${a.goals[xi]!.id} and ${a.goals[yi]!.id} (none given)`,
      };
  const budget = o.budget ?? cost.reduce((s, c) => s + c, 0);
  if (!(budget >= 0)) throw new UsageError(`--budget: invalid amount ${budget}`);
  const cheapest = cost.reduce((b, c, i) => (c < cost[b]! ? i : b), 0);
  if (budget < cost[cheapest]!)
    throw new UsageError(
      `--budget: £${budget.toLocaleString('en-GB')} is below every candidate's cost (the cheapest, ${candidates[cheapest]!.id}, costs £${Math.round(cost[cheapest]!).toLocaleString('en-GB')} in present value)`,
    );
  const ks = w.weights.map((x) => goalIndex(a.goals, x.goal.id));
  const values = candidates.map((_, i) => ks.map((k) => a.value[at(i, k)]!));
  const s = scores(values, w.weights);
  const best = choosePortfolio({ value: s, cost, budget });
  s.forEach((v, i) => (candidates[i]!.score = v));
  for (const i of best.chosen) candidates[i]!.chosen = true;
  return {
    budget,
    chosen: best.chosen.map((i) => candidates[i]!.id),
    cost: best.cost,
    score: best.value,
    bound: best.bound,
    method: best.method,
    exact: best.exact,
    weights: w.weights.map((x) => ({ goal: x.goal.id, weight: x.weight })),
    totals: a.goals
      .map((g, k) => ({ g, k }))
      .filter(({ g }) => g.additive)
      .map(({ g, k }) => ({ goal: g.id, value: best.chosen.reduce((t, i) => t + a.value[at(i, k)]!, 0) })),
    weightsSource: w.source,
  };
}
