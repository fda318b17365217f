// The participation pages, served as HTML by the API server: the consultations list, sign-in,
// the ballot page (code entry, evidence, ballot form, receipt) and the results with the
// verification instructions. Forms POST with the CSRF token and answer with 303 redirects, so
// everything works without JavaScript; failures render as HTML pages with the right status.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Consultation } from '../../civic/consultation.ts';
import { CONSULTATION_ID } from '../../civic/consultation-file.ts';
import { CivicError, refuse } from '../../civic/errors.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError, toErrorResponse } from '../errors.ts';
import { isStaff } from './consultations.ts';
import { castBallot, redeemFor } from './ballots.ts';
import {
  civic,
  civicRequest,
  clearSessionCookie,
  clientIp,
  csrfFor,
  guard,
  setSessionCookie,
  toHttp,
  type CivicRequest,
} from './guard.ts';
import { ballotForm, codeForm, evidenceHtml, headHtml, receiptHtml } from './html-ballot.ts';
import { resultsBody } from './html-results.ts';
import { esc, listBody, loginBody, notice, openPollNotice, page, verifyBody } from './html.ts';
import { reset, resetPage } from './reset-page.ts';
import { evidenceFor, resultsFor } from './results.ts';

type Handler = (c: Context, req: CivicRequest, deps: ApiDeps) => Promise<Response>;

/** A page as HTML, never cached (it carries a CSRF token and maybe a ballot). */
function html(c: Context, req: CivicRequest | null, title: string, body: string, status = 200): Response {
  const csrf = req ? csrfFor(c, req.svc, req.session) : '';
  c.header('cache-control', 'no-store');
  return c.html(page({ title, body, role: req?.role ?? 'anonymous', csrf }), status as 200);
}

function consultationId(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!CONSULTATION_ID.test(id)) throw refuse('not_found', 'no such consultation');
  return id;
}

/** Where to go after sign-in: only a participation page of this site. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/participate(\/[a-z0-9][a-z0-9-]{0,63})?$/.test(next)
    ? next
    : '/participate';
}

async function form(c: Context): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body))
    out[k] = Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : typeof v === 'string'
        ? v
        : '';
  return out;
}

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** A ballot from the form fields of the ballot page. */
export function ballotFromForm(c: Consultation, f: Record<string, string | string[]>): unknown {
  switch (c.ballot) {
    case 'approval':
    case 'knapsack':
      return f.option === undefined ? [] : Array.isArray(f.option) ? f.option : [f.option];
    case 'ranking': {
      const ranked = c.options
        .map((o) => [o.id, one(f[`rank:${o.id}`])] as const)
        .filter(([, r]) => r !== '');
      const ranks = ranked.map(([, r]) => Number(r));
      if (new Set(ranks).size !== ranks.length) throw refuse('bad_request', 'two options have the same rank');
      return ranked.sort((a, b) => Number(a[1]) - Number(b[1])).map(([id]) => id);
    }
    case 'points': {
      const out: Record<string, number> = {};
      for (const o of c.options) {
        const v = one(f[`points:${o.id}`]).trim();
        out[o.id] = v === '' ? 0 : Number(v);
      }
      return out;
    }
    default:
      throw new Error(`invalid ballot kind: ${String(c.ballot)}`);
  }
}

async function listPage(c: Context, req: CivicRequest): Promise<Response> {
  return html(c, req, 'Consultations', listBody(await req.svc.consultations(isStaff(req.role))));
}

async function loginPage(c: Context, req: CivicRequest): Promise<Response> {
  return html(c, req, 'Sign in', loginBody(csrfFor(c, req.svc, req.session), safeNext(c.req.query('next'))));
}

async function login(c: Context, req: CivicRequest): Promise<Response> {
  const f = await form(c);
  const next = safeNext(one(f.next));
  try {
    const { token, session } = await req.svc.signIn({
      email: one(f.email),
      password: one(f.password),
      ip: clientIp(c),
      previousToken: req.token,
    });
    setSessionCookie(c, token, session.expiresAt);
    return c.redirect(next, 303);
  } catch (e) {
    if (!(e instanceof CivicError)) throw e;
    const status = e.kind === 'locked' ? 429 : e.kind === 'forbidden' ? 403 : 401;
    return html(c, req, 'Sign in', loginBody(csrfFor(c, req.svc, req.session), next, e.message), status);
  }
}

async function verifyPage(c: Context, req: CivicRequest): Promise<Response> {
  const token = (c.req.query('token') ?? '').slice(0, 64);
  return html(c, req, 'Confirm your e-mail address', verifyBody(csrfFor(c, req.svc, req.session), token));
}

async function verify(c: Context, req: CivicRequest): Promise<Response> {
  await req.svc.verifyEmail(one((await form(c)).token));
  return html(
    c,
    req,
    'Address confirmed',
    notice('ok', 'Your e-mail address is confirmed.') + '<p><a href="/participate/login">Sign in</a></p>',
  );
}

async function logout(c: Context, req: CivicRequest): Promise<Response> {
  await req.svc.signOut(req.token);
  clearSessionCookie(c);
  return c.redirect('/participate', 303);
}

function canVote(req: CivicRequest, electorate: string, id: string): boolean {
  const s = req.session;
  if (!s || s.role !== 'participant') return false;
  return s.consultationId !== null ? s.consultationId === id : electorate !== 'codes';
}

async function receiptFor(c: Context, req: CivicRequest, id: string) {
  const hash = c.req.query('receipt');
  if (!req.session || hash === undefined || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return req.svc.receipt(id, hash, req.session).catch(() => null);
}

async function ballotPage(c: Context, req: CivicRequest, deps: ApiDeps): Promise<Response> {
  const id = consultationId(c);
  const s = await req.svc.consultation(id, isStaff(req.role));
  const csrf = csrfFor(c, req.svc, req.session);
  const parts = [
    s.spec.openPoll ? openPollNotice() : '',
    s.meta.description ? `<p>${esc(s.meta.description)}</p>` : '',
    `<p>Area ${esc(s.meta.area)}. Opens ${esc(s.meta.opensAt)}, closes ${esc(s.meta.closesAt)} (UTC). Tally rule, published before opening: <strong>${esc(s.spec.rule)}</strong>.</p>`,
    receiptHtml(await receiptFor(c, req, id)),
    headHtml(await req.svc.head(id)),
  ];
  if (s.phase === 'open') {
    if (canVote(req, s.meta.electorate, id))
      parts.push(ballotForm(s, csrf, (await req.svc.ownBallot(id, req.session!))?.ballot ?? null));
    else if (req.role === 'anonymous' || req.role === 'participant') parts.push(codeForm(s, csrf));
    else
      parts.push(
        '<p>Staff accounts do not vote: participants use an invitation code or a participant account.</p>',
      );
  } else if (s.phase === 'closed')
    parts.push(
      `<p>Voting has closed. <a href="/participate/${esc(id)}/results">See the result and check it</a>.</p>`,
    );
  else parts.push(`<p>Voting has not opened yet.</p>`);
  parts.push(evidenceHtml(await evidenceFor(deps, s.meta.area)));
  return html(c, req, s.spec.title, parts.join('\n'));
}

async function redeem(c: Context, req: CivicRequest): Promise<Response> {
  const id = consultationId(c);
  await redeemFor(c, req, id, one((await form(c)).code));
  return c.redirect(`/participate/${id}`, 303);
}

async function cast(c: Context, req: CivicRequest): Promise<Response> {
  const id = consultationId(c);
  const s = await req.svc.consultation(id, false);
  const f = await form(c);
  const receipt = await castBallot(req, id, {
    ballot: ballotFromForm(s.spec, f),
    ageBand: one(f.ageBand) || null,
    sex: one(f.sex) || null,
  });
  return c.redirect(`/participate/${id}?receipt=${receipt.hash}`, 303);
}

async function resultsPage(c: Context, req: CivicRequest, deps: ApiDeps): Promise<Response> {
  const id = consultationId(c);
  const r = await resultsFor(deps, req.svc, id);
  const body = (r.consultation.openPoll ? openPollNotice() : '') + resultsBody(r);
  return html(
    c,
    req,
    `${r.consultation.openPoll ? 'Open poll result' : 'Result'}: ${r.consultation.title}`,
    body,
  );
}

/** Renders any failure on a participation page as an HTML page with the status it maps to. */
function errorPage(c: Context, e: unknown): Response {
  const mapped = toHttp(e);
  const { status, body } = toErrorResponse(mapped);
  // only the reasons written for people (refusals) are shown; anything else gets a plain sentence
  const message =
    mapped instanceof HttpError
      ? body.error
      : status >= 500
        ? 'Something went wrong on the server. Please try again later.'
        : 'The request could not be read. Please go back and try again.';
  let req: CivicRequest | null;
  try {
    req = civicRequest(c);
  } catch {
    req = null; // refused before the guard finished: render as signed out
  }
  return html(
    c,
    req,
    status === 404 ? 'Not found' : 'Not possible',
    notice('error', esc(message)) + '<p><a href="/participate">Back to the consultations</a></p>',
    status,
  );
}

const PAGES: [method: 'GET' | 'POST', path: string, handler: Handler][] = [
  ['GET', '/participate', listPage],
  ['GET', '/participate/login', loginPage],
  ['POST', '/participate/login', login],
  ['POST', '/participate/logout', logout],
  ['GET', '/participate/verify', verifyPage],
  ['POST', '/participate/verify', verify],
  ['GET', '/participate/reset', resetPage],
  ['POST', '/participate/reset', reset],
  ['GET', '/participate/{id}', ballotPage],
  ['POST', '/participate/{id}/redeem', redeem],
  ['POST', '/participate/{id}/ballot', cast],
  ['GET', '/participate/{id}/results', resultsPage],
];

/** Registers the participation pages. */
export function civicPageRoutes(app: OpenAPIHono, d: ApiDeps): void {
  const limit = bodyLimit({
    maxSize: 64 * 1024,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', 'form larger than 64 KiB');
    },
  });
  for (const [method, path, handler] of PAGES) {
    const honoPath = path.replace(/\{(\w+)\}/g, ':$1');
    app.on(
      method,
      honoPath,
      async (c, next) => {
        await limit(c, next);
        // A refusal anywhere after this (guard, handler) was shaped as JSON by onError: show a page.
        if (c.error) c.res = errorPage(c, c.error);
      },
      guard(d, `${method} ${path}`),
      (c) => civic(() => handler(c, civicRequest(c), d)),
    );
  }
}
