import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { CompositeFile, CompositeReport, compositeView } from '../../contract/composite.ts';
import { computePool } from '../compute.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { tableNow } from '../respond.ts';
import { fileBody, fileErrors, FormatQuery, jsonResponse, tableResponse, TaxonomyParam } from '../schemas.ts';
import { fileOf } from './body.ts';

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
  responses: { ...tableResponse(CompositeReport, 'League table with rank intervals'), ...fileErrors },
});

const example = createRoute({
  method: 'get',
  path: '/api/v1/composite/example',
  summary: 'The example composite shipped with Strata (marked EXAMPLE), as a pipeline to edit and post back',
  responses: jsonResponse(CompositeFile, 'Example pipeline'),
});

export function compositeRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(run, async (c) => {
    const file = await fileOf(c);
    const runs = (file.value as { uncertainty?: { runs?: unknown } } | null)?.uncertainty?.runs;
    if (typeof runs === 'number' && runs > MAX_API_RUNS)
      throw new HttpError(
        400,
        'bad_request',
        `invalid uncertainty.runs: ${runs} (at most ${MAX_API_RUNS} through the API)`,
        { field: 'uncertainty.runs' },
      );
    const t = wb.taxonomy(c.req.valid('query').taxonomy);
    return tableNow(c, await wb.composite(file, { pool: computePool() }, t), compositeView);
  });
  app.openapi(example, (c) => responses.json(c, 'composite-example', () => wb.compositeExample()));
}
