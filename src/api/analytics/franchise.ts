import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  CONDITION_VIEWS,
  FranchiseBodies,
  FranchiseConditions,
  FranchiseRegister,
  FranchiseSummary,
  FranchiseSupplierList,
  franchiseViews,
  FranchiseWhatIf,
  REGISTER_VIEWS,
  SUMMARY_VIEWS,
  SUPPLIER_SORTS,
  SUPPLIER_VIEWS,
} from '../../contract/franchise.ts';
import { FranchiseConditionSet } from '../../contract/franchise-conditions.ts';
import { FranchiseTender, FranchiseTenderRequest, tenderView } from '../../contract/franchise-tender.ts';
import { conditionsFromValue, defaultConditionSet } from '../../workbench/franchise.ts';
import {
  SUPPLIER_CSV_CAP,
  SUPPLIER_PAGE_CAP,
  type SupplierPageQuery,
} from '../../workbench/franchise-supplier-page.ts';
import { UsageError } from '../../core/errors.ts';
import type { ApiDeps } from '../deps.ts';
import { tableNow } from '../respond.ts';
import { fileErrors, FormatQuery, jsonResponse, tableResponse, TaxonomyParam } from '../schemas.ts';

const Body = z
  .string()
  .regex(/^[\w .&'()-]{2,120}$/, 'a body id such as manchester, or its name')
  .openapi({ example: 'manchester' });
const Period = z
  .string()
  .regex(/^\d{4}(-\d{2})?$/, 'a financial year 2021-22, a month 2021-04 or a year 2021')
  .optional();
const BodyQuery = { body: Body, period: Period, taxonomy: TaxonomyParam, format: FormatQuery };
const viewOf = <const T extends readonly [string, ...string[]]>(views: T, fallback: T[number]) =>
  z
    .enum(views)
    .default(fallback)
    .openapi({ description: 'which table a CSV download holds (JSON holds all)' });

const bodies = createRoute({
  method: 'get',
  path: '/api/v1/franchise/bodies',
  summary: 'The public bodies with spend or contracts in the store, and the dates held',
  responses: jsonResponse(FranchiseBodies, 'Bodies'),
});

const summary = createRoute({
  method: 'get',
  path: '/api/v1/franchise/summary',
  summary:
    'A body’s spend: totals that reconcile with the files, payee classes, match rates three ways, layers, services, size bands, concentration, local share under each declared rule, LM3 beside the input–output view',
  request: { query: z.strictObject({ ...BodyQuery, view: viewOf(SUMMARY_VIEWS, 'summary') }) },
  responses: tableResponse(FranchiseSummary, 'Spend summary'),
});

const SupplierPaging = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(SUPPLIER_CSV_CAP)
    .default(100)
    .openapi({
      description: `rows in the answer: at most ${SUPPLIER_PAGE_CAP} in JSON, ${SUPPLIER_CSV_CAP} in a CSV download`,
    }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  sort: z.enum(SUPPLIER_SORTS).default('rank').openapi({ description: 'meets: how many conditions met' }),
  order: z.enum(['asc', 'desc']).default('asc').openapi({ description: 'missing values last either way' }),
  search: z
    .string()
    .max(120)
    .optional()
    .openapi({ description: 'words in the supplier’s or a payee’s name' }),
  condition: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional()
    .openapi({ description: 'a condition id, with status' }),
  status: z.enum(['meets', 'fails', 'unknown']).optional(),
  gap: z
    .enum(['reported'])
    .optional()
    .openapi({ description: 'reported: only suppliers with a gender pay gap return' }),
  review: z.enum(['include', 'omit']).default('include').openapi({
    description:
      'omit: the review list is sent empty (a table paging through suppliers needs it once, not with every page); view=review always holds it',
  }),
};
const suppliersQuery = z.strictObject({
  ...BodyQuery,
  view: viewOf(SUPPLIER_VIEWS, 'suppliers'),
  ...SupplierPaging,
});

const suppliers = createRoute({
  method: 'get',
  path: '/api/v1/franchise/suppliers',
  summary:
    'A body’s suppliers by spend, a page at a time (search, filter by a condition’s status, sort): match status, place, size, layer, latest gender pay gap, and the default franchise conditions each meets, fails or cannot be known for; the review list of matches left to a person',
  request: { query: suppliersQuery },
  responses: tableResponse(FranchiseSupplierList, 'Suppliers'),
});

const postSuppliers = createRoute({
  method: 'post',
  path: '/api/v1/franchise/suppliers',
  summary:
    'A body’s suppliers as GET /api/v1/franchise/suppliers gives them, judged against the posted franchise conditions file instead of the default one',
  request: {
    query: suppliersQuery,
    body: {
      required: true,
      description: 'a franchise conditions file (as for POST /api/v1/franchise/conditions)',
      content: { 'application/json': { schema: FranchiseConditionSet } },
    },
  },
  responses: { ...tableResponse(FranchiseSupplierList, 'Suppliers'), ...fileErrors },
});

const conditionsQuery = z.strictObject({
  ...BodyQuery,
  view: viewOf(CONDITION_VIEWS, 'totals'),
  suppliers: z.enum(['include', 'omit']).default('include').openapi({
    description:
      'omit: the per-supplier verdicts are sent empty, the totals alone (a few KB instead of megabytes); view=verdicts always holds them',
  }),
});

/** The conditions answer with its per-supplier verdicts left out when asked (JSON totals only). */
const verdictsIf = (r: FranchiseConditions, omit: boolean): FranchiseConditions =>
  omit ? { ...r, suppliers: [] } : r;

const conditions = createRoute({
  method: 'get',
  path: '/api/v1/franchise/conditions',
  summary: 'The default franchise conditions applied to a body’s suppliers: £ meeting, failing and unknown',
  request: { query: conditionsQuery },
  responses: tableResponse(FranchiseConditions, 'Conditions'),
});

const defaultConditions = createRoute({
  method: 'get',
  path: '/api/v1/franchise/conditions/default',
  summary:
    'The default franchise conditions file: each condition’s rule, the evidence it reads and its parameters (defaults filled in), to change and post back',
  responses: jsonResponse(FranchiseConditionSet, 'Conditions file'),
});

const CONDITIONS_EXAMPLE = {
  id: 'my-conditions',
  version: 1,
  title: 'My conditions',
  conditions: [
    {
      id: 'local-supply',
      name: 'Registered office in the area',
      rule: 'registered-office-local',
      evidence: 'registered-office postcode',
      params: { area: 'local' },
    },
  ],
};

const postConditions = createRoute({
  method: 'post',
  path: '/api/v1/franchise/conditions',
  summary:
    'A franchise conditions file (JSON) applied to a body’s suppliers; schema errors name the path in the file',
  request: {
    query: conditionsQuery,
    body: {
      required: true,
      description:
        'a franchise conditions file (data/franchise/conditions-default.yaml as JSON; GET /api/v1/franchise/conditions/default sends it): each rule’s parameters checked by name, type and range',
      content: { 'application/json': { schema: FranchiseConditionSet, example: CONDITIONS_EXAMPLE } },
    },
  },
  responses: { ...tableResponse(FranchiseConditions, 'Conditions'), ...fileErrors },
});

const whatif = createRoute({
  method: 'get',
  path: '/api/v1/franchise/whatif',
  summary:
    'Move a share of a category’s spend to local suppliers or to suppliers meeting a default condition: the demand change (area, industry, £ a year) for the scenario lab',
  request: {
    query: z.strictObject({
      ...BodyQuery,
      category: z.string().min(1).max(120).openapi({ description: 'a service area as published, or *' }),
      field: z.enum(['service', 'expense-type']).default('service'),
      share: z.coerce.number().min(0).max(1).default(0.1),
      target: z
        .string()
        .regex(/^[a-z0-9-]{1,64}$/)
        .default('local'),
    }),
  },
  responses: tableResponse(FranchiseWhatIf, 'What-if'),
});

const register = createRoute({
  method: 'get',
  path: '/api/v1/franchise/register',
  summary:
    'The register of conditions promised vs delivered over contracts’ lives (KPIs in contract details and performance notices): each condition’s stable id (ocid/contract/KPI), its promise and latest rating, and the append-only history',
  request: {
    query: z.strictObject({
      body: Body.optional(),
      view: viewOf(REGISTER_VIEWS, 'conditions'),
      format: FormatQuery,
    }),
  },
  responses: tableResponse(FranchiseRegister, 'Register'),
});

const TENDER_EXAMPLE = {
  criteria: [
    { id: 'price', name: 'Price', weight: 0.5, kind: 'price' },
    { id: 'quality', name: 'Quality of service', weight: 0.4, kind: 'quality' },
    { id: 'social-value', name: 'Local jobs and the real living wage', weight: 0.1, kind: 'social-value' },
  ],
  bids: [
    { bidder: 'Bidder A', price: 900000, marks: { quality: 70, 'social-value': 40 } },
    { bidder: 'Bidder B', price: 1000000, marks: { quality: 80, 'social-value': 90 } },
  ],
  priceMethod: 'relative',
};

const tender = createRoute({
  method: 'post',
  path: '/api/v1/franchise/tender',
  summary:
    'Bids scored against published award criteria: price marked by a named method, quality and social value from evaluators’ marks, social value weighing at least 10 % (PPN 002); bids ranked by weighted total',
  request: {
    query: z.strictObject({ format: FormatQuery }),
    body: {
      required: true,
      description:
        'the criteria with their weights (summing to 1), the bids with prices in £ and marks 0–100',
      content: { 'application/json': { schema: FranchiseTenderRequest, example: TENDER_EXAMPLE } },
    },
  },
  responses: tableResponse(FranchiseTender, 'Scored bids (CSV: one row per bid and criterion)'),
});

const csvAsked = (accept: string | undefined) => (accept?.includes('text/csv') ? 'csv' : 'json');

/** The paging of a suppliers request: a JSON answer holds at most SUPPLIER_PAGE_CAP rows. */
function supplierPaging(
  p: Omit<z.output<typeof suppliersQuery>, 'view' | 'body' | 'period' | 'taxonomy' | 'format'>,
  format: 'json' | 'csv',
): SupplierPageQuery {
  if (format === 'json' && p.limit > SUPPLIER_PAGE_CAP)
    throw new UsageError(
      `invalid limit: ${p.limit} (at most ${SUPPLIER_PAGE_CAP} in JSON, ${SUPPLIER_CSV_CAP} in CSV)`,
    );
  const { gap, review: _r, ...rest } = p;
  return { ...rest, ...(gap ? { gap: true } : {}) };
}

const withoutReview = (r: FranchiseSupplierList, omit: boolean): FranchiseSupplierList =>
  omit ? { ...r, review: [] } : r;

export function franchiseRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(bodies, (c) => responses.json(c, 'franchise-bodies', () => wb.franchiseBodies()));
  app.openapi(summary, (c) => {
    const { view, body, period, taxonomy } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    const q = { body, ...(period ? { period } : {}) };
    return responses.table(
      c,
      `franchise-summary|${view}|${body}|${period ?? ''}|${t.id}`,
      () => wb.franchiseSummary(q, t),
      franchiseViews[view],
    );
  });
  app.openapi(suppliers, (c) => {
    const { view, body, period, taxonomy, format, ...paging } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    const page = supplierPaging(paging, format ?? csvAsked(c.req.header('accept')));
    const omit = paging.review === 'omit' && view !== 'review';
    return responses.table(
      c,
      `franchise-suppliers|${view}|${body}|${period ?? ''}|${t.id}|${JSON.stringify(page)}|${omit}`,
      async () =>
        withoutReview(await wb.franchiseSupplierList({ body, ...(period ? { period } : {}), page }, t), omit),
      franchiseViews[view === 'review' ? 'supplierReview' : 'supplierConditions'],
    );
  });
  app.openapi(postSuppliers, async (c) => {
    const { view, body, period, taxonomy, format, ...paging } = c.req.valid('query');
    const page = supplierPaging(paging, format ?? csvAsked(c.req.header('accept')));
    const conditions = conditionsFromValue(c.req.valid('json'), 'request body');
    const r = withoutReview(
      await wb.franchiseSupplierList(
        { body, ...(period ? { period } : {}), conditions, page },
        wb.taxonomy(taxonomy),
      ),
      paging.review === 'omit' && view !== 'review',
    );
    return tableNow(c, r, franchiseViews[view === 'review' ? 'supplierReview' : 'supplierConditions']);
  });
  app.openapi(conditions, (c) => {
    const { view, body, period, taxonomy, suppliers: s } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    const omit = s === 'omit' && view !== 'verdicts';
    return responses.table(
      c,
      `franchise-conditions|${view}|${body}|${period ?? ''}|${t.id}|${omit}`,
      async () => verdictsIf(await wb.franchiseConditions({ body, ...(period ? { period } : {}) }, t), omit),
      franchiseViews[view === 'verdicts' ? 'verdicts' : 'conditions'],
    );
  });
  app.openapi(defaultConditions, (c) =>
    responses.json(c, 'franchise-conditions-default', () => defaultConditionSet()),
  );
  app.openapi(postConditions, async (c) => {
    const { view, body, period, taxonomy, suppliers: s } = c.req.valid('query');
    const set = conditionsFromValue(c.req.valid('json'), 'request body');
    const r = verdictsIf(
      await wb.franchiseConditions(
        { body, ...(period ? { period } : {}), conditions: set },
        wb.taxonomy(taxonomy),
      ),
      s === 'omit' && view !== 'verdicts',
    );
    return tableNow(c, r, franchiseViews[view === 'verdicts' ? 'verdicts' : 'conditions']);
  });
  app.openapi(register, (c) => {
    const { view, body } = c.req.valid('query');
    return responses.table(
      c,
      `franchise-register|${view}|${body ?? ''}`,
      () => wb.franchiseRegister(body === undefined ? {} : { body }),
      franchiseViews[view === 'history' ? 'registerHistory' : 'register'],
    );
  });
  app.openapi(tender, async (c) => tableNow(c, await wb.franchiseTender(c.req.valid('json')), tenderView));
  app.openapi(whatif, (c) => {
    const { format: _f, taxonomy, period, ...q } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    const req = { ...q, ...(period ? { period } : {}) };
    return responses.table(
      c,
      `franchise-whatif|${JSON.stringify(req)}|${t.id}`,
      () => wb.franchiseWhatIf(req, t),
      franchiseViews.whatif,
    );
  });
}
