// Civic accounts over HTTP: the session (and its CSRF token), sign-in and sign-out,
// self-registration of participants, staff accounts and the audit log for administrators.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Session } from '../../civic/service.ts';
import type { ApiDeps } from '../deps.ts';
import {
  actorOf,
  civicRoute,
  clearSessionCookie,
  clientIp,
  csrfFor,
  setSessionCookie,
  valid,
  type CivicRequest,
} from './guard.ts';
import {
  Account,
  AccountChange,
  AuditEntry,
  civicJson,
  Credentials,
  CsrfHeader,
  jsonBody,
  NewAccount,
  PasswordChange,
  PasswordReset,
  Registered,
  SessionInfo,
} from './schemas.ts';

const P = '/api/v1/civic';

/** What GET /session and sign-in answer. */
export function sessionInfo(
  c: Context,
  req: CivicRequest,
  session: Session | undefined,
): z.infer<typeof SessionInfo> {
  return {
    role: session?.role ?? 'anonymous',
    subject: session?.subject ?? null,
    consultationId: session?.consultationId ?? null,
    expiresAt: session?.expiresAt ?? null,
    csrfToken: csrfFor(c, req.svc, session),
  };
}

const routes = {
  session: createRoute({
    method: 'get',
    path: `${P}/session`,
    summary: 'Who this browser is signed in as, and the CSRF token every state-changing request must send',
    responses: civicJson(SessionInfo, 'The session (role anonymous when signed out)'),
  }),
  login: createRoute({
    method: 'post',
    path: `${P}/login`,
    summary:
      'Sign in with e-mail and password (a new session id every time; 5 failures lock the account for 15 minutes)',
    request: { headers: CsrfHeader, ...jsonBody(Credentials) },
    responses: civicJson(SessionInfo, 'Signed in: the session cookie is set'),
  }),
  logout: createRoute({
    method: 'post',
    path: `${P}/logout`,
    summary: 'Sign out (the session is deleted)',
    request: { headers: CsrfHeader },
    responses: civicJson(z.object({ ok: z.boolean() }), 'Signed out'),
  }),
  register: createRoute({
    method: 'post',
    path: `${P}/register`,
    summary:
      'Register a participant account: a link to confirm the address is mailed to it (the same answer whether or not it has an account; throttled per address)',
    request: { headers: CsrfHeader, ...jsonBody(Credentials) },
    responses: civicJson(Registered, 'Registration taken (or not: the mail says which)'),
  }),
  verify: createRoute({
    method: 'post',
    path: `${P}/verify`,
    summary: 'Confirm an e-mail address with the token from the link mailed to it (single use, 24 hours)',
    request: {
      headers: CsrfHeader,
      ...jsonBody(z.object({ token: z.string().max(64) }).openapi('EmailToken')),
    },
    responses: civicJson(z.object({ ok: z.boolean() }), 'The address is confirmed'),
  }),
  password: createRoute({
    method: 'post',
    path: `${P}/password`,
    summary:
      'Change the signed-in account’s password: the current one is checked (counted as a sign-in attempt) and every other session of the account ends (audited)',
    request: { headers: CsrfHeader, ...jsonBody(PasswordChange) },
    responses: civicJson(z.object({ ok: z.boolean() }), 'The password is changed'),
  }),
  reset: createRoute({
    method: 'post',
    path: `${P}/password/reset`,
    summary:
      'Set a new password with the token of a one-time reset link staff issued (single use, 24 hours); every session of the account ends (audited)',
    request: { headers: CsrfHeader, ...jsonBody(PasswordReset) },
    responses: civicJson(z.object({ ok: z.boolean() }), 'The password is set: sign in with it'),
  }),
  users: createRoute({
    method: 'get',
    path: `${P}/users`,
    summary: 'Every account (administrators)',
    responses: civicJson(z.object({ accounts: z.array(Account) }), 'Accounts'),
  }),
  createUser: createRoute({
    method: 'post',
    path: `${P}/users`,
    summary: 'Create an account with a role (administrators; audited)',
    request: { headers: CsrfHeader, ...jsonBody(NewAccount) },
    responses: civicJson(Account, 'The new account'),
  }),
  updateUser: createRoute({
    method: 'patch',
    path: `${P}/users/{id}`,
    summary: 'Change an account’s role or suspend it; its sessions end (administrators; audited)',
    request: {
      params: z.object({
        id: z
          .string()
          .uuid()
          .openapi({ param: { name: 'id', in: 'path' } }),
      }),
      headers: CsrfHeader,
      ...jsonBody(AccountChange),
    },
    responses: civicJson(Account, 'The account after the change'),
  }),
  audit: createRoute({
    method: 'get',
    path: `${P}/audit`,
    summary: 'The audit log of administrative actions, newest first (administrators)',
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(200),
        before: z.coerce
          .number()
          .int()
          .min(1)
          .optional()
          .openapi({ description: 'entries with a smaller id' }),
      }),
    },
    responses: civicJson(z.object({ entries: z.array(AuditEntry) }), 'Audit entries'),
  }),
};

type Json = { email: string; password: string };

/** Registers the account routes. */
export function civicAuthRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  civicRoute(app, deps, routes.session, async (c, req) => c.json(sessionInfo(c, req, req.session)));
  civicRoute(app, deps, routes.login, async (c, req) => {
    const { email, password } = valid<Json>(c, 'json');
    const { token, session } = await req.svc.signIn({
      email,
      password,
      ip: clientIp(c),
      previousToken: req.token,
    });
    setSessionCookie(c, token, session.expiresAt);
    return c.json(sessionInfo(c, req, session));
  });
  civicRoute(app, deps, routes.logout, async (c, req) => {
    await req.svc.signOut(req.token);
    clearSessionCookie(c);
    return c.json({ ok: true });
  });
  civicRoute(app, deps, routes.register, async (c, req) => {
    const { email, password } = valid<Json>(c, 'json');
    return c.json(await req.svc.register({ email, password, ip: clientIp(c) }));
  });
  civicRoute(app, deps, routes.verify, async (c, req) => {
    await req.svc.verifyEmail(valid<{ token: string }>(c, 'json').token);
    return c.json({ ok: true });
  });
  civicRoute(app, deps, routes.password, async (c, req) => {
    const { current, password } = valid<{ current: string; password: string }>(c, 'json');
    await req.svc.changePassword(req.session!, { current, password, ip: clientIp(c) });
    return c.json({ ok: true });
  });
  civicRoute(app, deps, routes.reset, async (c, req) => {
    const { token, password } = valid<{ token: string; password: string }>(c, 'json');
    await req.svc.resetPassword({ token, password, ip: clientIp(c) });
    return c.json({ ok: true });
  });
  civicRoute(app, deps, routes.users, async (c, req) => c.json({ accounts: await req.svc.listAccounts() }));
  civicRoute(app, deps, routes.createUser, async (c, req) => {
    const body = valid<Json & { role: string }>(c, 'json');
    return c.json(await req.svc.createAccount(actorOf(req), body));
  });
  civicRoute(app, deps, routes.updateUser, async (c, req) => {
    const body = valid<{ role?: string; disabled?: boolean }>(c, 'json');
    return c.json(await req.svc.updateAccount(actorOf(req), valid<{ id: string }>(c, 'param').id, body));
  });
  civicRoute(app, deps, routes.audit, async (c, req) => {
    const { limit, before } = valid<{ limit: number; before?: number }>(c, 'query');
    return c.json({ entries: await req.svc.auditLog(limit, before) });
  });
}
