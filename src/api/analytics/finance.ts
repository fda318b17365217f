import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  FinanceExamples,
  financeExamplesView,
  FinanceReport,
  financeView,
  selectRows,
} from '../../contract/finance.ts';
import type { FinanceCaps } from '../../workbench.ts';
import { financePool } from '../compute.ts';
import type { ApiDeps } from '../deps.ts';
import { tableNow } from '../respond.ts';
import { fileBody, fileErrors, FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';
import { fileOf } from './body.ts';

/**
 * What one request may ask for (the CLI has no such caps): paths, paths × simulated years (the
 * work), and rows of the run (measures × report years × areas, the memory of the answer).
 */
export const FINANCE_API_CAPS: FinanceCaps = { paths: 20_000, pathYears: 1_000_000, rows: 200_000 };

const runQuery = z.strictObject({
  paths: z.coerce
    .number()
    .int()
    .min(100)
    .max(FINANCE_API_CAPS.paths)
    .optional()
    .openapi({ description: 'Monte Carlo paths (default: the policy’s)', example: 2000 }),
  seed: z.coerce.number().int().min(0).max(4294967295).optional(),
  level: z
    .enum(['uk', 'itl3', 'lad', 'all'])
    .default('uk')
    .openapi({ description: 'whose rows besides the UK’s: ITL3 areas, districts, both (all) or none (uk)' }),
  area: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'an area code such as E06000001 or TLC11')
    .optional()
    .openapi({ description: 'one area’s rows besides the UK’s (instead of level)' }),
  measure: z
    .string()
    .regex(/^[a-z0-9_]+(,[a-z0-9_]+)*$/, 'comma-separated measures such as capital_mobilised')
    .max(2000)
    .optional()
    .openapi({ description: 'only these measures in the area rows (the UK rows keep every measure)' }),
  taxonomy: TaxonomyParam,
  format: FormatQuery,
});

const examples = createRoute({
  method: 'get',
  path: '/api/v1/finance/examples',
  summary:
    'The example policy files shipped with Strata (marked as examples: illustrative parameters), each as JSON to edit and post to /api/v1/finance/run',
  request: { query: z.strictObject({ format: FormatQuery }) },
  responses: tableResponse(FinanceExamples, 'Example policies'),
});

const run = createRoute({
  method: 'post',
  path: '/api/v1/finance/run',
  summary:
    'Simulate the policies in the body (a policy file as JSON) against the baseline on the same random paths: p5–p95 and the mean by policy, year, area and measure; errors name the path in the file. The shipped returns calibration only (no file paths); at most 20,000 paths and 1,000,000 path-years',
  request: {
    query: runQuery,
    body: fileBody('a finance policy file (docs/methods/finance.md; see GET /api/v1/finance/examples)', {
      id: 'my-sliver',
      horizon: 20,
      paths: 2000,
      fund: {
        weights: { equities: 0.6, gilts: 0.2, index_linked_gilts: 0.1, property: 0.05, cash: 0.05 },
      },
      policies: [
        {
          id: 'sliver',
          kind: 'redirect',
          base: 'contributions',
          share: 0.05,
          asset: { name: 'local_productive', median: 0.035, sigma: 0.15 },
        },
      ],
    }),
  },
  responses: {
    ...tableResponse(FinanceReport, 'Percentiles by policy, year, area and measure'),
    ...fileErrors,
  },
});

export function financeRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(examples, (c) =>
    responses.table(c, 'finance-examples', async () => wb.financeExamples(), financeExamplesView),
  );
  app.openapi(run, async (c) => {
    const q = c.req.valid('query');
    const file = await fileOf(c);
    const r = await wb.finance(
      file,
      {
        ...(q.paths !== undefined && { paths: q.paths }),
        ...(q.seed !== undefined && { seed: q.seed }),
        readReturnsFile: false,
        memoryLimit: 256e6,
        caps: FINANCE_API_CAPS,
        pool: financePool(),
      },
      wb.taxonomy(q.taxonomy),
    );
    return tableNow(c, selectRows(r, q), financeView);
  });
}
