// Voting over HTTP: redeem an invitation code (opens a participant session), cast or change a
// ballot, read back one's own ballot or check a receipt. Only the voter can see their ballot.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ApiDeps } from '../deps.ts';
import { civicRoute, clientIp, setSessionCookie, valid, type CivicRequest } from './guard.ts';
import { sessionInfo } from './auth.ts';
import {
  BallotBody,
  civicJson,
  CsrfHeader,
  Entry,
  IdParam,
  jsonBody,
  Receipt,
  SessionInfo,
} from './schemas.ts';

const P = '/api/v1/civic/consultations/{id}';
const params = z.object({ id: IdParam });

const routes = {
  redeem: createRoute({
    method: 'post',
    path: `${P}/redeem`,
    summary:
      'Redeem an invitation code: opens a participant session for this consultation (each code works once)',
    request: {
      params,
      headers: CsrfHeader,
      ...jsonBody(z.object({ code: z.string().max(64) }).openapi('CodeRedemption')),
    },
    responses: civicJson(SessionInfo, 'A participant session: the cookie is set'),
  }),
  cast: createRoute({
    method: 'post',
    path: `${P}/ballot`,
    summary:
      'Cast or change your ballot while the consultation is open; answers once it is durably in the log',
    request: { params, headers: CsrfHeader, ...jsonBody(BallotBody) },
    responses: civicJson(Receipt, 'The receipt: your entry’s place and hash in the log'),
  }),
  own: createRoute({
    method: 'get',
    path: `${P}/ballot`,
    summary: 'Your own latest ballot in this consultation (null before you vote)',
    request: { params },
    responses: civicJson(Entry.nullable(), 'Your ballot'),
  }),
  receipt: createRoute({
    method: 'get',
    path: `${P}/receipts/{hash}`,
    summary: 'Check a receipt: the entry it names, if it is your own',
    request: {
      params: params.extend({
        hash: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .openapi({ param: { name: 'hash', in: 'path' } }),
      }),
    },
    responses: civicJson(Entry, 'Your entry'),
  }),
  notifyMe: createRoute({
    method: 'post',
    path: `${P}/notify-me`,
    summary:
      'Leave an e-mail address to be told the result (voters, while voting runs; one per voter, deleted once the notice is sent)',
    request: {
      params,
      headers: CsrfHeader,
      ...jsonBody(z.strictObject({ email: z.string().max(254) }).openapi('ResultNoticeRequest')),
    },
    responses: civicJson(z.object({ ok: z.literal(true) }), 'The address is kept until the result is sent'),
  }),
};

/** Casts a ballot for a signed-in request; shared with the ballot page. */
export function castBallot(
  req: CivicRequest,
  id: string,
  body: { ballot: unknown; ageBand?: string | null; sex?: string | null },
) {
  const declared =
    body.ageBand === undefined && body.sex === undefined
      ? undefined
      : { ageBand: body.ageBand ?? null, sex: body.sex ?? null };
  return req.svc.submitBallot({ consultationId: id, session: req.session!, ballot: body.ballot, declared });
}

/** Redeems a code for a request and sets the new session's cookie; shared with the ballot page. */
export async function redeemFor(c: Context, req: CivicRequest, id: string, code: string) {
  const { token, session } = await req.svc.redeem({
    consultationId: id,
    code,
    ip: clientIp(c),
    previousToken: req.token,
  });
  setSessionCookie(c, token, session.expiresAt);
  return session;
}

/** Registers the voting routes. */
export function civicBallotRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  const id = (c: Context) => valid<{ id: string }>(c, 'param').id;
  civicRoute(app, deps, routes.redeem, async (c, req) => {
    const session = await redeemFor(c, req, id(c), valid<{ code: string }>(c, 'json').code);
    return c.json(sessionInfo(c, req, session));
  });
  civicRoute(app, deps, routes.cast, async (c, req) =>
    c.json(await castBallot(req, id(c), valid(c, 'json'))),
  );
  civicRoute(app, deps, routes.own, async (c, req) => {
    const e = await req.svc.ownBallot(id(c), req.session!);
    return c.json(e ? { seq: e.seq, hash: e.hash, ballot: e.ballot } : null);
  });
  civicRoute(app, deps, routes.notifyMe, async (c, req) => {
    await req.svc.leaveAddress(id(c), req.session!, valid<{ email: string }>(c, 'json').email);
    return c.json({ ok: true as const });
  });
  civicRoute(app, deps, routes.receipt, async (c, req) => {
    const e = await req.svc.receipt(id(c), valid<{ hash: string }>(c, 'param').hash, req.session!);
    return c.json({ seq: e.seq, hash: e.hash, ballot: e.ballot });
  });
}
