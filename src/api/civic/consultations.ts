// Consultations over HTTP: list and read (drafts for staff only), create, edit while a draft,
// open, close, the public log head, and invitation codes.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  checkConsultationFile,
  pbConsultationFile,
  refuse,
  type CivicService,
  type ConsultationFile,
  type PbSchedule,
  type Role,
} from '../../civic/service.ts';
import type { ApiDeps } from '../deps.ts';
import { actorOf, civicRoute, valid } from './guard.ts';
import { markPublic } from './public-cache.ts';
import {
  Batch,
  civicJson,
  CodesBody,
  CodesIssued,
  ConsultationFileBody,
  CsrfHeader,
  Detail,
  Head,
  HEADS_PAGE,
  HeadSeriesPage,
  HeadsQuery,
  IdParam,
  jsonBody,
  PabulibImport,
  PublishedKey,
  Summary,
} from './schemas.ts';

const P = '/api/v1/civic/consultations';
const params = z.object({ id: IdParam });
const STAFF: readonly Role[] = ['moderator', 'analyst', 'admin'];

/** Whether a role sees drafts. */
export const isStaff = (role: Role): boolean => STAFF.includes(role);

/** Checks an uploaded consultation, turning its faults into a 400. */
function checkedFile(make: () => ConsultationFile): ConsultationFile {
  try {
    return make();
  } catch (e) {
    if (e instanceof Error) throw refuse('bad_request', e.message);
    throw e;
  }
}

const routes = {
  list: createRoute({
    method: 'get',
    path: P,
    summary: 'Consultations, newest first (drafts only for staff)',
    responses: civicJson(z.object({ consultations: z.array(Summary) }), 'Consultations'),
  }),
  create: createRoute({
    method: 'post',
    path: P,
    summary: 'Create a draft consultation from a consultation file (administrators; audited)',
    request: { headers: CsrfHeader, ...jsonBody(ConsultationFileBody) },
    responses: civicJson(Detail, 'The draft'),
  }),
  importPb: createRoute({
    method: 'post',
    path: `${P}/pabulib`,
    summary: 'Create a draft participatory budget from a pabulib .pb instance (administrators; audited)',
    request: { headers: CsrfHeader, ...jsonBody(PabulibImport) },
    responses: civicJson(Detail, 'The draft'),
  }),
  get: createRoute({
    method: 'get',
    path: `${P}/{id}`,
    summary: 'One consultation: its published rule and options, schedule, phase and log head',
    request: { params },
    responses: civicJson(Detail, 'The consultation'),
  }),
  update: createRoute({
    method: 'put',
    path: `${P}/{id}`,
    summary: 'Replace a draft (refused once published: the rule cannot change after that)',
    request: { params, headers: CsrfHeader, ...jsonBody(ConsultationFileBody) },
    responses: civicJson(Detail, 'The draft'),
  }),
  open: createRoute({
    method: 'post',
    path: `${P}/{id}/open`,
    summary: 'Publish a draft (fixing its rule) and open it now, or at its opening time with scheduled=true',
    request: {
      params,
      headers: CsrfHeader,
      query: z.object({ scheduled: z.enum(['true', 'false']).optional() }),
    },
    responses: civicJson(Detail, 'The consultation'),
  }),
  close: createRoute({
    method: 'post',
    path: `${P}/{id}/close`,
    summary: 'Close now: later ballots are refused and the outcome is tallied with the published rule',
    request: { params, headers: CsrfHeader },
    responses: civicJson(Detail, 'The consultation'),
  }),
  head: createRoute({
    method: 'get',
    path: `${P}/{id}/head`,
    summary:
      'The ballot log’s head: while voting runs, the last one published on the schedule (staff: the live one); after the close, the final one',
    request: { params },
    responses: civicJson(Head, 'The head'),
  }),
  heads: createRoute({
    method: 'get',
    path: `${P}/{id}/heads`,
    summary:
      'The signed, dated head series, a page at a time: the log’s head published once per declared interval (`strata civic verify FILE --heads PAGE…` checks an export against every page). Published entries never change: a full page is cacheable for good, the last one is revalidated by its ETag',
    request: { params, query: HeadsQuery },
    responses: {
      ...civicJson(HeadSeriesPage, 'A page of the series'),
      304: { description: 'Not modified: the ETag sent in If-None-Match is current' },
    },
  }),
  keys: createRoute({
    method: 'get',
    path: '/api/v1/civic/heads/keys',
    summary: 'The public keys that sign published heads (Ed25519)',
    responses: civicJson(z.object({ keys: z.array(PublishedKey) }), 'The keys'),
  }),
  issue: createRoute({
    method: 'post',
    path: `${P}/{id}/codes`,
    summary: 'Issue a batch of single-use invitation codes for an area (shown once; only hashes are kept)',
    request: { params, headers: CsrfHeader, ...jsonBody(CodesBody) },
    responses: civicJson(CodesIssued, 'The codes'),
  }),
  batches: createRoute({
    method: 'get',
    path: `${P}/{id}/codes`,
    summary: 'Invitation code batches with issued, redeemed and revoked counts',
    request: { params },
    responses: civicJson(z.object({ batches: z.array(Batch) }), 'Batches'),
  }),
  revoke: createRoute({
    method: 'post',
    path: `${P}/{id}/codes/{batch}/revoke`,
    summary: 'Revoke a batch’s unredeemed codes',
    request: {
      params: params.extend({
        batch: z
          .string()
          .uuid()
          .openapi({ param: { name: 'batch', in: 'path' } }),
      }),
      headers: CsrfHeader,
    },
    responses: civicJson(z.object({ revoked: z.number() }), 'How many codes were revoked'),
  }),
};

const id = (c: Context) => valid<{ id: string }>(c, 'param').id;

/** A consultation as the API shows it: the published consultation, schedule, phase and the head the caller may see. */
export async function consultationDetail(svc: CivicService, id: string, staff: boolean) {
  const s = await svc.consultation(id, staff);
  return {
    consultation: s.spec,
    area: s.meta.area,
    electorate: s.meta.electorate,
    opensAt: s.meta.opensAt,
    closesAt: s.meta.closesAt,
    phase: s.phase,
    description: s.meta.description,
    notes: s.meta.notes,
    head: await svc.publicHead(id, staff),
  };
}

/** Registers the consultation routes. */
export function civicConsultationRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  civicRoute(app, deps, routes.list, async (c, req) =>
    c.json({ consultations: await req.svc.consultations(isStaff(req.role)) }),
  );
  civicRoute(app, deps, routes.create, async (c, req) => {
    const f = checkedFile(() => checkConsultationFile(valid<unknown>(c, 'json')));
    await req.svc.createConsultation(actorOf(req), f);
    return c.json(await consultationDetail(req.svc, f.consultation.id, true));
  });
  civicRoute(app, deps, routes.importPb, async (c, req) => {
    const body = valid<PbSchedule & { pb: string }>(c, 'json');
    const f = checkedFile(() => pbConsultationFile(body.pb, 'upload.pb', body));
    await req.svc.createConsultation(actorOf(req), f);
    return c.json(await consultationDetail(req.svc, f.consultation.id, true));
  });
  civicRoute(app, deps, routes.get, async (c, req) =>
    c.json(await consultationDetail(req.svc, id(c), isStaff(req.role))),
  );
  civicRoute(app, deps, routes.update, async (c, req) => {
    const f = checkedFile(() => checkConsultationFile(valid<unknown>(c, 'json')));
    await req.svc.updateConsultation(actorOf(req), id(c), f);
    return c.json(await consultationDetail(req.svc, id(c), true));
  });
  civicRoute(app, deps, routes.open, async (c, req) => {
    const scheduled = valid<{ scheduled?: string }>(c, 'query').scheduled === 'true';
    await req.svc.openConsultation(actorOf(req), id(c), { immediately: !scheduled });
    return c.json(await consultationDetail(req.svc, id(c), true));
  });
  civicRoute(app, deps, routes.close, async (c, req) => {
    await req.svc.closeConsultation(actorOf(req), id(c));
    return c.json(await consultationDetail(req.svc, id(c), true));
  });
  civicRoute(app, deps, routes.head, async (c, req) => {
    const head = await req.svc.publicHead(id(c), isStaff(req.role));
    if (!head)
      throw refuse(
        'conflict',
        `no head of consultation ${id(c)} has been published yet: heads are published once per interval while voting runs`,
      );
    return c.json(head);
  });
  civicRoute(app, deps, routes.heads, async (c, req) => {
    const q = c.req.valid('query');
    const staff = isStaff(req.role);
    const page = await req.svc.headSeriesPage(id(c), staff, { after: q.after, limit: q.limit ?? HEADS_PAGE });
    // a draft's (empty) series is for staff only: never in a shared cache
    if ((await req.svc.consultation(id(c), staff)).phase !== 'draft') {
      const life = page.next === null ? 'revalidate' : 'immutable';
      if (markPublic(c, JSON.stringify(page), life)) return c.body(null, 304);
    }
    return c.json(page);
  });
  civicRoute(app, deps, routes.keys, async (c, req) => c.json({ keys: await req.svc.headKeys() }));
  civicRoute(app, deps, routes.issue, async (c, req) => {
    const body = valid<{ count: number; expiresAt: string; area?: string }>(c, 'json');
    // where the batch's area lies, from the official lookup (none in the store: only the consultation's own area passes)
    const parents = body.area ? await deps.workbench.parents(body.area).catch(() => undefined) : undefined;
    return c.json(await req.svc.issueCodes(actorOf(req), id(c), { ...body, parents }));
  });
  civicRoute(app, deps, routes.batches, async (c, req) =>
    c.json({ batches: await req.svc.codeBatches(id(c)) }),
  );
  civicRoute(app, deps, routes.revoke, async (c, req) => {
    const { batch } = valid<{ batch: string }>(c, 'param');
    return c.json({ revoked: await req.svc.revokeBatch(actorOf(req), id(c), batch) });
  });
}
