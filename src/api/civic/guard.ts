// The civic routes' gate: who is asking (the session cookie), whether the authorisation matrix
// lets that role call this route, and for every state-changing request a CSRF check — the
// request must come from this site (Origin / Sec-Fetch-Site) and carry the token bound to the
// session (or, before sign-in, to a pre-session cookie: a double-submit token, HMAC-keyed so it
// cannot be forged without the store's key). Refusals happen before any body is read.
import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import { CivicError, type CivicService, type Role, type Session } from '../../civic/service.ts';
import { clientKey } from '../client-address.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';

export const SESSION_COOKIE = 'strata_session';
export const PRE_COOKIE = 'strata_pre';
const COOKIE = { prefix: 'host', httpOnly: true, secure: true, sameSite: 'Strict', path: '/' } as const;

/** What the gate learnt about a request. */
export interface CivicRequest {
  svc: CivicService;
  session: Session | undefined;
  token: string | undefined;
  role: Role;
}

const state = new WeakMap<Request, CivicRequest>();

/** The civic service, or 503 when this server runs without a civic store. */
export function civicOf(deps: ApiDeps): CivicService {
  if (!deps.civic) throw new HttpError(503, 'civic_unavailable', 'this server runs without a civic store');
  return deps.civic;
}

/** The gate's findings for a request that passed it. */
export function civicRequest(c: Context): CivicRequest {
  const s = state.get(c.req.raw);
  if (!s) throw new Error('civic route without its guard');
  return s;
}

/** The client address key, for lockouts (client-address.ts: the socket's peer, or behind trusted proxies the client they name). */
export const clientIp = clientKey;

/** The session cookie's value, if any. */
export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE, 'host');
}

/** Sets the cookie of a new session and drops the pre-session cookie. */
export function setSessionCookie(c: Context, token: string, expiresAt: string): void {
  setCookie(c, SESSION_COOKIE, token, { ...COOKIE, expires: new Date(expiresAt) });
  deleteCookie(c, PRE_COOKIE, { ...COOKIE });
}

/** Deletes the session cookie (sign-out). */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { ...COOKIE });
}

const nonces = new WeakMap<Request, string>();

/** The CSRF token for this request's session, or for its pre-session cookie (set when missing, once per request). */
export function csrfFor(c: Context, svc: CivicService, session: Session | undefined): string {
  if (session) return svc.csrfToken(`session:${session.idHash}`);
  let nonce = getCookie(c, PRE_COOKIE, 'host') ?? nonces.get(c.req.raw);
  if (!nonce || !/^[A-Za-z0-9_-]{22}$/.test(nonce)) {
    nonce = randomBytes(16).toString('base64url');
    setCookie(c, PRE_COOKIE, nonce, { ...COOKIE, maxAge: 2 * 3600 });
    nonces.set(c.req.raw, nonce);
  }
  return svc.csrfToken(`pre:${nonce}`);
}

/**
 * Whether the request comes from this site: Sec-Fetch-Site, where the browser sends it, must be
 * same-origin (or none: typed by the user); an Origin header must name this host. Browsers send
 * `Origin: null` under a no-referrer policy (ours): then the token alone decides.
 */
function sameSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

async function presentedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header !== undefined) return header;
  if (!/^application\/x-www-form-urlencoded|^multipart\/form-data/.test(c.req.header('content-type') ?? ''))
    return undefined;
  const field = (await c.req.parseBody())['_csrf'];
  return typeof field === 'string' ? field : undefined;
}

async function checkCsrf(c: Context, svc: CivicService, session: Session | undefined): Promise<void> {
  const refuse = () =>
    new HttpError(403, 'csrf', 'missing or wrong CSRF token (reload the page and try again)');
  if (!sameSite(c)) throw refuse();
  const binding = session ? `session:${session.idHash}` : `pre:${getCookie(c, PRE_COOKIE, 'host') ?? ''}`;
  if (binding === 'pre:') throw refuse();
  if (!svc.csrfValid(binding, await presentedToken(c))) throw refuse();
}

/** The guard of one route: session, matrix, CSRF on state-changing methods. */
export function guard(deps: ApiDeps, key: string): MiddlewareHandler {
  return async (c, next) => {
    const svc = civicOf(deps);
    const token = sessionToken(c);
    const session = await svc.session(token);
    const role: Role = session?.role ?? 'anonymous';
    if (!svc.allows(key, role))
      throw session
        ? new HttpError(403, 'forbidden', `a ${role} may not do this`)
        : new HttpError(401, 'unauthenticated', 'sign in first');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') await checkCsrf(c, svc, session);
    state.set(c.req.raw, { svc, session, token, role });
    await next();
  };
}

const STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  closed: 409,
  locked: 429,
  busy: 503,
} as const;

/** Maps a civic refusal to the API's error (other errors pass through). */
export function toHttp(e: unknown): unknown {
  if (!(e instanceof CivicError)) return e;
  return new HttpError(STATUS[e.kind], e.kind, e.message, e.details);
}

/** Runs a handler, turning civic refusals into HTTP errors. */
export async function civic<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toHttp(e);
  }
}

/** A civic route's handler: the route's own context (typed inputs) and the gate's findings; its answer is checked against the route's response schemas. */
export type CivicHandler<R extends RouteConfig> = (
  c: Parameters<RouteHandler<R>>[0],
  req: CivicRequest,
) => ReturnType<RouteHandler<R>>;

/** Registers a documented civic route behind its guard; the matrix must name it. */
export function civicRoute<R extends RouteConfig>(
  app: OpenAPIHono,
  deps: ApiDeps,
  route: R,
  handler: CivicHandler<R>,
): void {
  const key = `${route.method.toUpperCase()} ${route.path}`;
  // civic refusals thrown by the handler reach the app's error handler, which maps them (toHttp)
  const run: RouteHandler<R> = (c) => handler(c, civicRequest(c));
  app.openapi({ ...route, middleware: [guard(deps, key)] }, run);
}

/** The actor a session acts as, for the audit log. */
export function actorOf(req: CivicRequest): { subject: string; role: Role } {
  if (!req.session) throw new HttpError(401, 'unauthenticated', 'sign in first');
  return { subject: req.session.subject, role: req.session.role };
}

/** The request part as validated by the route's schema. */
export function valid<T>(c: Context, target: 'json' | 'query' | 'param'): T {
  return (c.req as unknown as { valid: (t: string) => T }).valid(target);
}
