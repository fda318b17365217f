import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { TaxonomyInfo, TaxonomyList } from '../../contract/taxonomies.ts';
import { TAXONOMY_IDS } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { jsonResponse } from '../schemas.ts';

const list = createRoute({
  method: 'get',
  path: '/api/v1/taxonomies',
  summary: 'The built-in layer taxonomies, by id',
  responses: jsonResponse(TaxonomyList, 'Taxonomy ids'),
});

const one = createRoute({
  method: 'get',
  path: '/api/v1/taxonomies/{id}',
  summary: 'A layer taxonomy: its layers with names, descriptions and SIC divisions, its sources and rules',
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a taxonomy id such as foundational-economy-v1')
        .openapi({ param: { name: 'id', in: 'path' }, example: 'foundational-economy-v1' }),
    }),
  },
  responses: jsonResponse(TaxonomyInfo, 'Taxonomy'),
});

/** Layer taxonomies (a value choice kept as data): what the web app names and describes layers with. */
export function taxonomyRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(list, (c) => c.json({ taxonomies: TAXONOMY_IDS }, 200));
  app.openapi(one, (c) => {
    const info = wb.taxonomyInfo(c.req.valid('param').id);
    return responses.json(c, `taxonomy|${info.id}`, () => info, 3600);
  });
}
