import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { TAXONOMY_IDS } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { sendJson } from '../respond.ts';
import { jsonResponse } from '../schemas.ts';

const Taxonomy = z
  .object({
    id: z.string(),
    version: z.number(),
    title: z.string(),
    sources: z.array(z.string()),
    layers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string(),
        divisions: z.array(z.string()).openapi({ description: 'two-digit SIC 2007 divisions in the layer' }),
      }),
    ),
    rules: z.object({ splitMixedCodes: z.string(), imputedRent: z.string() }),
  })
  .openapi('Taxonomy');

const list = createRoute({
  method: 'get',
  path: '/api/v1/taxonomies',
  summary: 'The built-in layer taxonomies, by id',
  responses: jsonResponse(z.object({ taxonomies: z.array(z.string()) }), 'Taxonomy ids'),
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
  responses: jsonResponse(Taxonomy, 'Taxonomy'),
});

/** Layer taxonomies (a value choice kept as data): what the web app names and describes layers with. */
export function taxonomyRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(list, (c) => c.json({ taxonomies: TAXONOMY_IDS }) as never);
  app.openapi(one, (c) => {
    const t = deps.taxonomy(c.req.valid('param').id);
    const { id, version, title, sources, layers, rules } = t;
    return sendJson(
      c,
      `taxonomy|${t.id}`,
      () => ({ id, version, title, sources, layers, rules }),
      3600,
    ) as never;
  });
}
