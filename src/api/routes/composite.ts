import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { compositeRows, fromValue, readDataFile, runCompositeFile } from '../../workbench.ts';
import { computePool } from '../compute.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { sendJson } from '../respond.ts';
import { FormatQuery, jsonResponse, tableResponse, TaxonomyParam } from '../schemas.ts';
import { fileBody, fileErrors, jsonBody, registry, respond, withIssues } from './beyond-shared.ts';

const EXAMPLE = new URL('../../../data/indicators/composites/example-local-prosperity.yaml', import.meta.url)
  .pathname;
/** Monte Carlo runs one request may ask for (the CLI has no such cap). */
export const MAX_API_RUNS = 20000;

const run = createRoute({
  method: 'post',
  path: '/api/v1/composite',
  summary:
    'Run a composite index declared in the body (pipeline JSON naming registry indicators): scores, ranks, median rank and 5–95% rank interval per area, Sobol indices per input',
  request: {
    query: z.object({ taxonomy: TaxonomyParam, format: FormatQuery }),
    body: fileBody('a composite pipeline (see GET /api/v1/composite/example)', {
      id: 'my-index',
      data: { level: 'lad', period: 'latest-common' },
      indicators: [
        { id: 'gross-median-weekly-pay', direction: 1 },
        { id: 'greenhouse-gas-emissions', direction: -1 },
      ],
      imputation: { method: 'mean' },
      uncertainty: { runs: 1000 },
    }),
  },
  responses: {
    ...tableResponse(
      z.object({}).passthrough().openapi('CompositeReport'),
      'League table with rank intervals',
    ),
    ...fileErrors,
  },
});

const example = createRoute({
  method: 'get',
  path: '/api/v1/composite/example',
  summary: 'The example composite shipped with Strata (marked EXAMPLE), as a pipeline to edit and post back',
  responses: jsonResponse(z.object({}).passthrough(), 'Example pipeline'),
});

export function compositeRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(run, async (c) => {
    const body = await jsonBody(c);
    const runs = (body as { uncertainty?: { runs?: unknown } } | null)?.uncertainty?.runs;
    if (typeof runs === 'number' && runs > MAX_API_RUNS)
      throw new HttpError(
        400,
        'bad_request',
        `invalid uncertainty.runs: ${runs} (at most ${MAX_API_RUNS} through the API)`,
        { field: 'uncertainty.runs' },
      );
    const taxonomy = deps.taxonomy(c.req.valid('query').taxonomy);
    const r = await withIssues(() =>
      runCompositeFile(deps.store, registry(), taxonomy, fromValue(body, 'request body'), {
        pool: computePool(),
      }),
    );
    return respond(c, r, compositeRows(r)) as never;
  });
  app.openapi(example, (c) => sendJson(c, 'composite-example', () => readDataFile(EXAMPLE).value) as never);
}
