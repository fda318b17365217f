import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { boundaryTopology, BOUNDARY_LEVELS, listDatasets } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { sendCached, sendTable } from '../respond.ts';
import { FormatQuery, jsonResponse, tableResponse } from '../schemas.ts';

const Dataset = z.object({
  id: z.number(),
  source: z.string(),
  title: z.string(),
  publisher: z.string(),
  licence: z.string(),
  vintage: z.string(),
  rows: z.number(),
  sha256: z.string(),
  files: z.array(z.string()),
  imported_at: z.string(),
  current: z.boolean(),
});

const datasets = createRoute({
  method: 'get',
  path: '/api/v1/datasets',
  summary: 'Every dataset in the store with its provenance: publisher, title, licence, vintage, checksum',
  request: { query: z.object({ format: FormatQuery }) },
  responses: tableResponse(z.object({ datasets: z.array(Dataset) }), 'Datasets'),
});

const boundaries = createRoute({
  method: 'get',
  path: '/api/v1/boundaries/{level}',
  summary: 'Boundaries as TopoJSON (ONS generalised boundaries; features carry areacd, areanm, start, end)',
  request: {
    params: z.object({
      level: z
        .enum(BOUNDARY_LEVELS as [string, ...string[]])
        .openapi({ param: { name: 'level', in: 'path' } }),
    }),
  },
  responses: jsonResponse(z.object({ type: z.literal('Topology') }).passthrough(), 'TopoJSON topology'),
});

export function datasetRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(
    datasets,
    (c) =>
      sendTable(c, 'datasets', async () => {
        const rows = (await listDatasets(deps.store)).map(({ location: _location, warnings: _w, ...r }) => ({
          ...r,
          files: JSON.parse(r.files) as string[],
        }));
        return {
          json: { datasets: rows },
          rows,
          columns: [
            'source',
            'publisher',
            'title',
            'vintage',
            'licence',
            'rows',
            'sha256',
            'files',
            'imported_at',
            'current',
          ],
        };
      }) as never,
  );
  app.openapi(boundaries, (c) => {
    const { level } = c.req.valid('param');
    return sendCached(
      c,
      `boundaries|${level}`,
      async () => ({
        type: 'application/json; charset=utf-8',
        text: (await boundaryTopology(deps.store, level)).topology,
      }),
      86400,
    ) as never;
  });
}
