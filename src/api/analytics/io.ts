import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  IoExtraction,
  ioExtractionView,
  IoLayers,
  ioLayersView,
  IoMultipliers,
  ioMultipliersView,
  IoShock,
  ioShockView,
} from '../../contract/io.ts';
import { INTERREGIONAL_DEFAULTS, REGIONAL_DEFAULTS } from '../../workbench/io-defaults.ts';
import type { ApiDeps } from '../deps.ts';
import { tableNow } from '../respond.ts';
import { ErrorSchema, FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';

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
  delta: z.coerce
    .number()
    .min(0)
    .lt(1)
    .default(REGIONAL_DEFAULTS.delta)
    .openapi({ description: 'FLQ δ in [0, 1)' }),
  variant: z.enum(['flq', 'aflq']).default(REGIONAL_DEFAULTS.variant),
  taxonomy: TaxonomyParam,
};

const multipliers = createRoute({
  method: 'get',
  path: '/api/v1/io/multipliers',
  summary:
    'Output, GVA, compensation and employment multipliers (Type I and II, direct/indirect/induced; δ band 0.1–0.4 for areas)',
  request: { query: z.object({ ...common, type: z.enum(['1', '2']).default('2'), format: FormatQuery }) },
  responses: tableResponse(IoMultipliers, 'Multipliers by industry'),
});

const layers = createRoute({
  method: 'get',
  path: '/api/v1/io/layers',
  summary:
    'The layer interaction matrix Λ (£1 of final demand for layer j draws Λ[k][j] of output from layer k in the area) and linkages',
  request: { query: z.object({ ...common, format: FormatQuery }) },
  responses: tableResponse(IoLayers, 'Λ and linkages (CSV: Λ)'),
});

const extract = createRoute({
  method: 'get',
  path: '/api/v1/io/extract',
  summary: 'Hypothetical extraction: output the economy loses without a layer',
  request: { query: z.object({ ...common, layer: z.string().min(1).max(64), format: FormatQuery }) },
  responses: tableResponse(IoExtraction, 'Extraction (CSV: by layer)'),
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
    beta: z.number().min(0).max(10).default(INTERREGIONAL_DEFAULTS.beta),
    year: z.number().int().min(1990).max(2100).optional(),
    delta: z.number().min(0).lt(1).default(REGIONAL_DEFAULTS.delta),
    variant: z.enum(['flq', 'aflq']).default(REGIONAL_DEFAULTS.variant),
    taxonomy: TaxonomyParam,
  })
  .strict()
  .openapi('ShockRequest');

const shock = createRoute({
  method: 'post',
  path: '/api/v1/io/shock',
  summary:
    'A change in final demand → output, GVA, compensation and jobs by layer, split direct/indirect/induced, and by area when interregional',
  request: {
    query: z.object({ format: FormatQuery }),
    body: { required: true, content: { 'application/json': { schema: ShockBody } } },
  },
  responses: {
    ...tableResponse(IoShock, 'Shock response (CSV: by layer and measure)'),
    415: { description: 'Not JSON', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function ioRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(multipliers, (c) => {
    const { format: _f, taxonomy, type, ...q } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    const key = `io-mult|${JSON.stringify(q)}|${type}|${t.id}`;
    return responses.table(
      c,
      key,
      () => wb.ioMultipliers({ ...q, type: type === '1' ? 1 : 2 }, t),
      ioMultipliersView,
    );
  });
  app.openapi(layers, (c) => {
    const { format: _f, taxonomy, ...q } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    return responses.table(
      c,
      `io-layers|${JSON.stringify(q)}|${t.id}`,
      () => wb.ioLayers(q, t),
      ioLayersView,
    );
  });
  app.openapi(extract, (c) => {
    const { format: _f, taxonomy, ...q } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    return responses.table(
      c,
      `io-extract|${JSON.stringify(q)}|${t.id}`,
      () => wb.ioExtract(q, t),
      ioExtractionView,
    );
  });
  app.openapi(shock, async (c) => {
    const { taxonomy, ...b } = c.req.valid('json');
    return tableNow(c, await wb.ioShock(b, wb.taxonomy(taxonomy)), ioShockView);
  });
}
