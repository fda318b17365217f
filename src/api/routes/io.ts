import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ioExtract, ioLayers, ioMultipliers, ioShock } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { sendJson, sendTable } from '../respond.ts';
import { ErrorSchema, FormatQuery, jsonResponse, tableResponse, TaxonomyParam } from '../schemas.ts';

const Area = z
  .string()
  .regex(/^[A-Z0-9]{3,9}$/, 'an ITL3 code such as TLC11 or a local authority code such as E06000001');
const common = {
  area: Area.optional().openapi({ description: 'ITL3 area or local authority; the UK when absent' }),
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .openapi({ description: 'input-output table year (default: newest)' }),
  delta: z.coerce.number().min(0).lt(1).default(0.3).openapi({ description: 'FLQ δ in [0, 1)' }),
  variant: z.enum(['flq', 'aflq']).default('flq'),
  taxonomy: TaxonomyParam,
};

const multipliers = createRoute({
  method: 'get',
  path: '/api/v1/io/multipliers',
  summary:
    'Output, GVA, compensation and employment multipliers (Type I and II, direct/indirect/induced; δ band 0.1–0.4 for areas)',
  request: { query: z.object({ ...common, type: z.enum(['1', '2']).default('2'), format: FormatQuery }) },
  responses: tableResponse(
    z
      .object({
        area: z.string(),
        year: z.number(),
        columns: z.array(z.string()),
        rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
      })
      .passthrough(),
    'Multipliers by industry',
  ),
});

const layers = createRoute({
  method: 'get',
  path: '/api/v1/io/layers',
  summary:
    'The layer interaction matrix Λ (£1 of final demand for layer j draws Λ[k][j] of output from layer k in the area) and linkages',
  request: { query: z.object(common) },
  responses: jsonResponse(
    z
      .object({
        layers: z.array(z.string()),
        matrix: z.array(z.array(z.number())),
        linkages: z.array(z.object({}).passthrough()),
      })
      .passthrough(),
    'Λ and linkages',
  ),
});

const extract = createRoute({
  method: 'get',
  path: '/api/v1/io/extract',
  summary: 'Hypothetical extraction: output the economy loses without a layer',
  request: { query: z.object({ ...common, layer: z.string().min(1).max(64) }) },
  responses: jsonResponse(
    z.object({ lostOutput: z.number(), byLayer: z.array(z.object({}).passthrough()) }).passthrough(),
    'Extraction',
  ),
});

const ShockBody = z
  .object({
    area: Area.optional(),
    industry: z.string().min(1).max(40).openapi({ example: 'Q87 & Q88' }),
    amount: z
      .number()
      .finite()
      .min(-1e12)
      .max(1e12)
      .openapi({ description: 'change in final demand, £', example: 10_000_000 }),
    interregional: z.boolean().default(false),
    beta: z.number().min(0).max(10).default(1),
    year: z.number().int().min(1990).max(2100).optional(),
    delta: z.number().min(0).lt(1).default(0.3),
    variant: z.enum(['flq', 'aflq']).default('flq'),
    taxonomy: TaxonomyParam,
  })
  .strict()
  .openapi('ShockRequest');

const shock = createRoute({
  method: 'post',
  path: '/api/v1/io/shock',
  summary:
    'A change in final demand → output, GVA, compensation and jobs by layer, split direct/indirect/induced, and by area when interregional',
  request: { body: { required: true, content: { 'application/json': { schema: ShockBody } } } },
  responses: {
    ...jsonResponse(
      z
        .object({
          total: z.number(),
          byLayer: z.array(z.object({}).passthrough()),
          byArea: z.array(z.object({}).passthrough()),
        })
        .passthrough(),
      'Shock response',
    ),
    415: { description: 'Not JSON', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function ioRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(multipliers, (c) => {
    const q = c.req.valid('query');
    const taxonomy = deps.taxonomy(q.taxonomy);
    return sendTable(c, `io-mult|${JSON.stringify(q)}`, async () => {
      const r = await ioMultipliers(deps.store, taxonomy, { ...q, type: Number(q.type) as 1 | 2 });
      return { json: r, rows: r.rows, columns: r.columns };
    }) as never;
  });
  app.openapi(layers, (c) => {
    const q = c.req.valid('query');
    const taxonomy = deps.taxonomy(q.taxonomy);
    return sendJson(c, `io-layers|${JSON.stringify(q)}`, () => ioLayers(deps.store, taxonomy, q)) as never;
  });
  app.openapi(extract, (c) => {
    const q = c.req.valid('query');
    const taxonomy = deps.taxonomy(q.taxonomy);
    return sendJson(c, `io-extract|${JSON.stringify(q)}`, () => ioExtract(deps.store, taxonomy, q)) as never;
  });
  app.openapi(shock, async (c) => {
    const b = c.req.valid('json');
    const taxonomy = deps.taxonomy(b.taxonomy);
    return c.json(await ioShock(deps.store, taxonomy, b)) as never;
  });
}
