// The organiser's corrections and figures over HTTP, as `strata civic edit|delete|turnout` give
// them: change a consultation's title, description or dates before it opens (the title only
// while a draft), delete a draft that has no ballot log, and read the turnout. The service holds
// the rules (service/organiser.ts, service/turnout.ts); a refusal there changes nothing.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Turnout } from '../../contract/civic.ts';
import type { ApiDeps } from '../deps.ts';
import { consultationDetail } from './consultations.ts';
import { actorOf, civicRoute } from './guard.ts';
import { civicJson, CsrfHeader, Detail, IdParam, jsonBody } from './schemas.ts';

const P = '/api/v1/civic/consultations/{id}';
const params = z.object({ id: IdParam });
const time = (what: string) =>
  z
    .string()
    .max(64)
    .optional()
    .openapi({
      description: `new ${what} time: ISO 8601 with an offset, or local time in the consultation’s zone (a date alone: ${what === 'closing' ? 'the end' : 'the start'} of that day)`,
    });

export const ConsultationEditBody = z
  .strictObject({
    title: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: 'drafts only: a published title is part of what the log commits to' }),
    description: z.string().max(5000).optional(),
    opens: time('opening'),
    closes: time('closing'),
  })
  .openapi('ConsultationEdit', { description: 'the fields to change; at least one' });

const routes = {
  edit: createRoute({
    method: 'patch',
    path: P,
    summary:
      'Change a consultation’s title, description or dates before it opens (the title only while a draft; administrators; audited)',
    request: { params, headers: CsrfHeader, ...jsonBody(ConsultationEditBody) },
    responses: civicJson(Detail, 'The consultation as changed'),
  }),
  remove: createRoute({
    method: 'delete',
    path: P,
    summary:
      'Delete a draft that has no ballot log, with its codes and eligibility list (administrators; audited). A published consultation is never deleted: close it instead',
    request: { params, headers: CsrfHeader },
    responses: civicJson(
      z.strictObject({ deleted: z.string() }).openapi('ConsultationDeleted'),
      'The id of the deleted draft',
    ),
  }),
  turnout: createRoute({
    method: 'get',
    path: `${P}/turnout`,
    summary:
      'Turnout of a published consultation (so far, while voting runs): voters against the electorate in all, by zone and by declared age band; counts of 1 to 9 withheld (moderators and administrators)',
    request: { params },
    responses: civicJson(Turnout, 'The turnout'),
  }),
};

/** Registers the organiser's routes. */
export function civicOrganiserRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  civicRoute(app, deps, routes.edit, async (c, req) => {
    const { id } = c.req.valid('param');
    await req.svc.editConsultation(actorOf(req), id, c.req.valid('json'));
    return c.json(await consultationDetail(req.svc, id, true));
  });
  civicRoute(app, deps, routes.remove, async (c, req) => {
    const { id } = c.req.valid('param');
    await req.svc.deleteConsultation(actorOf(req), id);
    return c.json({ deleted: id });
  });
  civicRoute(app, deps, routes.turnout, async (c, req) =>
    c.json(await req.svc.turnout(c.req.valid('param').id)),
  );
}
