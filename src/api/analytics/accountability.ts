// The accountability registers over HTTP, read-only: commitments with their status, the rule that
// gave it and their append-only history; frozen projections and plans with forecast against outturn. The
// registers live in the civic store (503 without one) and change without a new store generation,
// so answers are computed per request, never kept.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  CommitmentHistory,
  CommitmentList,
  commitmentListView,
  historyView,
  ProjectionDetail,
  projectionDetailView,
  ProjectionList,
  projectionListView,
} from '../../contract/accountability.ts';
import { PlanDetail, planDetailView, PlanList, planListView } from '../../contract/plans.ts';
import { civicOf } from '../civic/guard.ts';
import type { ApiDeps } from '../deps.ts';
import { tableNow } from '../respond.ts';
import { FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';

/** An area code as the registers hold it (a district, an ITL area, a country or K02000001 for the UK). */
export const RegisterArea = z
  .string()
  .regex(/^[A-Z0-9]{3,9}$/, 'an area code such as E06000001, TLC11 or K02000001')
  .optional();

/** A calendar date, YYYY-MM-DD (the workbench checks it is a real one). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const CommitmentId = z
  .string()
  .regex(/^[A-Z0-9]{2,9}-\d{4}-\d{3}$/, 'a commitment id such as UK-2024-001 or E08000003-2024-001')
  .openapi({ param: { name: 'id', in: 'path' }, example: 'UK-2024-001' });

const ProjectionId = z
  .string()
  .regex(/^P-\d{4}-\d{3,6}$/, 'a projection id such as P-2026-001')
  .openapi({ param: { name: 'id', in: 'path' }, example: 'P-2026-001' });

const commitments = createRoute({
  method: 'get',
  path: '/api/v1/commitments',
  summary:
    'The commitments register: each commitment with its latest status, the declared rule that gave it (or a person’s assessment), filtered by area, status and deadline',
  request: {
    query: z.strictObject({
      area: RegisterArea,
      status: z
        .string()
        .regex(/^[a-z-]{1,40}$/, 'a status such as on-track')
        .optional()
        .openapi({ description: 'achieved, on-track, signs-of-progress, off-track, not-kept or unclear' }),
      dueBy: IsoDate.optional().openapi({ description: 'only commitments due on or before this date' }),
      format: FormatQuery,
    }),
  },
  responses: tableResponse(CommitmentList, 'Commitments'),
});

const commitment = createRoute({
  method: 'get',
  path: '/api/v1/commitments/{id}',
  summary: 'One commitment with its whole status history (date, status, rule, evidence, reason, who)',
  request: { params: z.strictObject({ id: CommitmentId }), query: z.strictObject({ format: FormatQuery }) },
  responses: tableResponse(CommitmentHistory, 'Commitment and its history'),
});

const projections = createRoute({
  method: 'get',
  path: '/api/v1/projections',
  summary: 'Frozen projections: method and version, the observations used and the datasets’ checksums',
  request: { query: z.strictObject({ area: RegisterArea, format: FormatQuery }) },
  responses: tableResponse(ProjectionList, 'Projections'),
});

const projection = createRoute({
  method: 'get',
  path: '/api/v1/projections/{id}',
  summary:
    'One frozen projection and, once the outturn is published, forecast against outturn split into data revision, later policy and the rest (parts that add up exactly)',
  request: {
    params: z.strictObject({ id: ProjectionId }),
    query: z.strictObject({ taxonomy: TaxonomyParam, format: FormatQuery }),
  },
  responses: tableResponse(ProjectionDetail, 'Projection against outturn'),
});

const PlanId = z
  .string()
  .regex(/^[SF]-\d{4}-\d{3,6}$/, 'a plan id such as S-2026-001 or F-2026-001')
  .openapi({ param: { name: 'id', in: 'path' }, example: 'S-2026-001' });

const plans = createRoute({
  method: 'get',
  path: '/api/v1/plans',
  summary:
    'Frozen plans: a scenario’s expected outcome or a finance plan’s path, with the file’s checksum, the method version and the datasets’ checksums',
  request: { query: z.strictObject({ area: RegisterArea, format: FormatQuery }) },
  responses: tableResponse(PlanList, 'Plans'),
});

const plan = createRoute({
  method: 'get',
  path: '/api/v1/plans/{id}',
  summary:
    'One frozen plan with forecast against outturn for each figure a published indicator measures (parts that add up exactly); what no published series measures is said to have no outturn yet',
  request: {
    params: z.strictObject({ id: PlanId }),
    query: z.strictObject({ taxonomy: TaxonomyParam, format: FormatQuery }),
  },
  responses: tableResponse(PlanDetail, 'Plan against outturn'),
});

export function accountabilityRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  const { workbench: wb } = deps;
  const regs = () => civicOf(deps).registers;
  app.openapi(commitments, async (c) => {
    const { format: _format, ...q } = c.req.valid('query');
    return tableNow(c, await wb.commitments(regs(), q), commitmentListView);
  });
  app.openapi(commitment, async (c) => {
    const { id } = c.req.valid('param');
    return tableNow(c, await wb.commitmentHistory(regs(), id), historyView);
  });
  app.openapi(projections, async (c) => {
    const { area } = c.req.valid('query');
    return tableNow(c, await wb.projections(regs(), area), projectionListView);
  });
  app.openapi(plans, async (c) => {
    const { area } = c.req.valid('query');
    return tableNow(c, await wb.plans(regs(), area), planListView);
  });
  app.openapi(plan, async (c) => {
    const { id } = c.req.valid('param');
    const { taxonomy } = c.req.valid('query');
    return tableNow(c, await wb.planDetail(regs(), id, wb.taxonomy(taxonomy)), planDetailView);
  });
  app.openapi(projection, async (c) => {
    const { id } = c.req.valid('param');
    const { taxonomy } = c.req.valid('query');
    return tableNow(c, await wb.projectionDetail(regs(), id, wb.taxonomy(taxonomy)), projectionDetailView);
  });
}
