// The scenario lab over HTTP: the example scenarios, a posted scenario appraised with bands, the
// frontier and portfolio under a budget (weights in the body or from a closed goal-weighting
// consultation), and a scenario beside its horizontal twin or another. Every POST is costly
// (limits.ts) and capped (scenario-caps.ts); scenario errors name the path in the body.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  CompareReport,
  compareView,
  examplesView,
  FrontierReport,
  frontierView,
  ScenarioExamples,
  ScenarioReport,
  scenarioView,
} from '../../contract/scenarios.ts';
import { type WeightsInput } from '../../workbench.ts';
import { fromValue } from '../../workbench/data-file.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { tableNow } from '../respond.ts';
import { fileBody, fileErrors, FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';
import { fileOf } from './body.ts';
import { checkScenarioCaps, SCENARIO_CAPS } from './scenario-caps.ts';
import { SCENARIO_EXAMPLE } from './scenario-example.ts';

const ScenarioBody = z
  .record(z.string(), z.unknown())
  .openapi({ description: 'a scenario file as JSON (see GET /api/v1/scenarios/examples)' });
const Seed = z.coerce.number().int().min(0).max(4294967295).optional();
const Draws = z.coerce.number().int().min(1).max(SCENARIO_CAPS.draws).optional();
const query = z.object({ taxonomy: TaxonomyParam, format: FormatQuery, seed: Seed, draws: Draws });

const examples = createRoute({
  method: 'get',
  path: '/api/v1/scenarios/examples',
  summary: 'The example scenarios shipped with Strata (each marked EXAMPLE), with their files to run or edit',
  request: { query: z.object({ format: FormatQuery }) },
  responses: tableResponse(ScenarioExamples, 'Example scenarios'),
});

const run = createRoute({
  method: 'post',
  path: '/api/v1/scenarios/run',
  summary: `Appraise the scenario in the body: every goal per intervention, area and in total with its 5–95% band (at most ${SCENARIO_CAPS.draws} draws, ${SCENARIO_CAPS.interventions} interventions, ${SCENARIO_CAPS.areas} area codes)`,
  request: { query, body: fileBody('a scenario file as JSON', SCENARIO_EXAMPLE) },
  responses: { ...tableResponse(ScenarioReport, 'The appraisal'), ...fileErrors },
});

const FrontierBody = z
  .strictObject({
    scenario: ScenarioBody,
    x: z.string().max(80).optional(),
    y: z.string().max(80).optional(),
    budget: z.number().min(0).optional(),
    weights: z.record(z.string(), z.number()).optional(),
    weightsFrom: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,79}$/)
      .optional()
      .openapi({ description: 'a closed goal-weighting consultation whose agreed weights to use' }),
  })
  .openapi({ example: { scenario: SCENARIO_EXAMPLE, x: 'jobs', y: 'gva_per_job', budget: 60_000_000 } });

const frontier = createRoute({
  method: 'post',
  path: '/api/v1/scenarios/frontier',
  summary:
    "The Pareto frontier of the scenario's interventions on goals x and y, and the best portfolio under a budget for weights in the body or agreed in a closed goal-weighting consultation",
  request: { query, body: { required: true, content: { 'application/json': { schema: FrontierBody } } } },
  responses: { ...tableResponse(FrontierReport, 'Frontier and portfolio'), ...fileErrors },
});

const CompareBody = z
  .strictObject({
    a: ScenarioBody,
    b: ScenarioBody.optional().openapi({ description: 'default: the horizontal twin of A (the same money)' }),
  })
  .openapi({ example: { a: SCENARIO_EXAMPLE } });

const compare = createRoute({
  method: 'post',
  path: '/api/v1/scenarios/compare',
  summary:
    'Two scenarios side by side on every goal in total; with only A, its vertical interventions beside the same money spread over the whole economy (horizontal)',
  request: { query, body: { required: true, content: { 'application/json': { schema: CompareBody } } } },
  responses: { ...tableResponse(CompareReport, 'A against B'), ...fileErrors },
});

/** Seed and draws from the query, as run options. */
function runOptions(q: { seed?: number | undefined; draws?: number | undefined }) {
  return {
    workers: 1,
    ...(q.seed !== undefined ? { seed: q.seed } : {}),
    ...(q.draws !== undefined ? { draws: q.draws } : {}),
  };
}

/** The weights the body gives or the closed consultation it names (not both). */
async function weightsOf(deps: ApiDeps, b: z.infer<typeof FrontierBody>): Promise<WeightsInput | undefined> {
  if (b.weights && b.weightsFrom)
    throw new HttpError(400, 'bad_request', 'give weights or weightsFrom, not both', {
      field: 'weightsFrom',
    });
  if (b.weights)
    return { file: fromValue({ weights: b.weights, source: 'request body' }, 'request body: weights') };
  if (!b.weightsFrom) return undefined;
  if (!deps.civic)
    throw new HttpError(503, 'civic_unavailable', 'the civic store is not open on this server');
  const r = await deps.civic.results(b.weightsFrom);
  if (r.outcome?.kind !== 'weights')
    throw new HttpError(
      400,
      'bad_request',
      `consultation ${b.weightsFrom} is not a goal weighting with a result`,
      {
        field: 'weightsFrom',
      },
    );
  return {
    agreed: {
      consultation: b.weightsFrom,
      title: r.consultation.title,
      area: r.stored.meta.area,
      head: r.head.hash,
      outcome: r.outcome,
    },
  };
}

export function scenarioRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  const { workbench: wb, responses } = deps;
  app.openapi(examples, (c) =>
    responses.table(c, 'scenario-examples', async () => wb.scenarioExamples(), examplesView),
  );
  app.openapi(run, async (c) => {
    const q = c.req.valid('query');
    const file = await fileOf(c);
    checkScenarioCaps(file.value, '', q.draws);
    return tableNow(c, await wb.scenario(file, runOptions(q), wb.taxonomy(q.taxonomy)), scenarioView);
  });
  app.openapi(frontier, async (c) => {
    const q = c.req.valid('query');
    const b = c.req.valid('json');
    checkScenarioCaps(b.scenario, 'scenario.', q.draws);
    const weights = await weightsOf(deps, b);
    const r = await wb.scenarioFrontier(
      fromValue(b.scenario, 'request body: scenario'),
      { ...runOptions(q), x: b.x, y: b.y, budget: b.budget, weights },
      wb.taxonomy(q.taxonomy),
    );
    return tableNow(c, r, frontierView);
  });
  app.openapi(compare, async (c) => {
    const q = c.req.valid('query');
    const b = c.req.valid('json');
    checkScenarioCaps(b.a, 'a.', q.draws);
    if (b.b) checkScenarioCaps(b.b, 'b.', q.draws);
    const r = await wb.scenarioCompare(
      fromValue(b.a, 'request body: a'),
      b.b ? fromValue(b.b, 'request body: b') : null,
      runOptions(q),
      wb.taxonomy(q.taxonomy),
    );
    return tableNow(c, r, compareView);
  });
}
