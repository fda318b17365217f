import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { BOUNDARY_LEVELS } from '../../core/levels.ts';
import { DatasetList, datasetListView, Topology } from '../../contract/datasets.ts';
import type { ApiDeps } from '../deps.ts';
import { FormatQuery, jsonResponse, tableResponse } from '../schemas.ts';

const datasets = createRoute({
  method: 'get',
  path: '/api/v1/datasets',
  summary: 'Every dataset in the store with its provenance: publisher, title, licence, vintage, checksum',
  request: { query: z.object({ format: FormatQuery }) },
  responses: tableResponse(DatasetList, 'Datasets'),
});

const boundaries = createRoute({
  method: 'get',
  path: '/api/v1/boundaries/{level}',
  summary: 'Boundaries as TopoJSON (ONS generalised boundaries; features carry areacd, areanm, start, end)',
  request: {
    params: z.object({
      level: z.enum(BOUNDARY_LEVELS).openapi({ param: { name: 'level', in: 'path' } }),
    }),
  },
  responses: jsonResponse(Topology, 'TopoJSON topology'),
});

export function datasetRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(datasets, (c) => responses.table(c, 'datasets', () => wb.datasets(), datasetListView));
  app.openapi(boundaries, (c) => {
    const { level } = c.req.valid('param');
    return responses.jsonText<Topology>(c, `boundaries|${level}`, () => wb.boundaries(level), 86400);
  });
}
