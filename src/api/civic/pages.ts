// The participation pages, served as HTML by the API server in the web app's shell: the
// consultations list, sign-in, the ballot page (projects and evidence for everyone, the code form,
// the ballot form, the receipt), the results and the receipt check. Forms POST with the CSRF token
// and answer with 303 redirects, so everything works without JavaScript; a refused ballot comes
// back as entered with the reason; other failures render as pages with the right status.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CivicError, CONSULTATION_ID, refuse, type StoredConsultation } from '../../civic/service.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError, toErrorResponse } from '../errors.ts';
import { serveAsset } from './pages/assets.ts';
import { ballotForm, codeForm, optionsList } from './pages/ballot-form.ts';
import {
  ballotOf,
  ballotProblem,
  isEmpty,
  one,
  stateFromForm,
  stateOf,
  withTitles,
  type BallotState,
  type FormFields,
} from './pages/ballot-state.ts';
import { checkAnswer, checkForm } from './pages/check.ts';
import { evidenceSection } from './pages/evidence.ts';
import { listBody, loginBody, noticeConfirmBody, openPollNotice, verifyBody } from './pages/list.ts';
import { h, none, notice, page, when, type Html } from './pages/render.ts';
import { resultsBody } from './pages/results.ts';
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
import { reset, resetPage } from './reset-page.ts';
import { evidenceFor, resultsFor } from './results.ts';

type Handler = (c: Context, req: CivicRequest, deps: ApiDeps) => Promise<Response>;

/** A page as HTML, never cached (it carries a CSRF token and maybe a ballot). */
function html(
  c: Context,
  req: CivicRequest | null,
  title: string,
  body: Html,
  status = 200,
  scripts?: string[],
): Response {
  const csrf = req ? csrfFor(c, req.svc, req.session) : '';
  c.header('cache-control', 'no-store');
  return c.html(page({ title, body, role: req?.role ?? 'anonymous', csrf, scripts }), status as 200);
}

function consultationId(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!CONSULTATION_ID.test(id)) throw refuse('not_found', 'there is no such consultation');
  return id;
}

/** Where to go after sign-in: only a participation page of this site. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/participate(\/[a-z0-9][a-z0-9-]{0,63})?$/.test(next)
    ? next
    : '/participate';
}

async function form(c: Context): Promise<FormFields> {
  const body = await c.req.parseBody({ all: true });
  const out: FormFields = {};
  for (const [k, v] of Object.entries(body))
    out[k] = Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : typeof v === 'string'
        ? v
        : '';
  return out;
}

async function listPage(c: Context, req: CivicRequest): Promise<Response> {
  const items = await req.svc.consultations(isStaff(req.role));
  const zones = new Map<string, string>();
  for (const s of items) zones.set(s.id, (await req.svc.consultation(s.id, isStaff(req.role))).meta.zone);
  return html(
    c,
    req,
    'Consultations',
    listBody(items, (s, iso, edge) => when(iso, zones.get(s.id) ?? 'Europe/London', edge)),
  );
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
    h`${notice('ok', 'Your e-mail address is confirmed.')}<p><a href="/participate/login">Sign in</a></p>`,
  );
}

async function noticeConfirmPage(c: Context, req: CivicRequest): Promise<Response> {
  const token = (c.req.query('token') ?? '').slice(0, 64);
  return html(
    c,
    req,
    'Confirm your e-mail address',
    noticeConfirmBody(csrfFor(c, req.svc, req.session), token),
  );
}

async function noticeConfirm(c: Context, req: CivicRequest): Promise<Response> {
  await req.svc.confirmAddress(one((await form(c)).token));
  return html(
    c,
    req,
    'Address confirmed',
    h`${notice('ok', 'Your address is confirmed: the result will be sent to it once voting has closed, then the address deleted.')}`,
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

/** The optional form that asks to be told the result by e-mail. */
function noticeForm(id: string, csrf: string): Html {
  return h`<form method="post" action="/participate/${id}/notify-me" class="notify-me">
<input type="hidden" name="_csrf" value="${csrf}">
<label for="notify-email">Tell me the result by e-mail (optional: we send a link to confirm the address; it is used once, when voting has closed, then deleted)</label>
<input id="notify-email" name="email" type="email" autocomplete="email" maxlength="254" required>
<button type="submit" class="primary">Tell me the result</button></form>`;
}

function receiptBox(
  c: Context,
  req: CivicRequest,
  id: string,
  r: { seq: number; hash: string } | null,
): Html {
  if (c.req.query('noted') === '1')
    return notice(
      'ok',
      h`<p>Thank you: we have sent a link to your address. Follow it to confirm the address; we will then e-mail you the result once voting has closed, and delete the address.</p>`,
    );
  if (!r) return none;
  return notice(
    'ok',
    h`<p><strong>Your ballot is recorded</strong> as entry ${r.seq} of the log.</p>
<p>Your receipt: <code>${r.hash}</code></p>
<p>Keep it: after the close you can <a href="/participate/check?consultation=${id}&amp;receipt=${r.hash}">check that it is counted</a>.</p>
${noticeForm(id, csrfFor(c, req.svc, req.session))}`,
  );
}

/** The schedule in the consultation's own time zone, in words. */
function intro(s: StoredConsultation, areaName: string): Html {
  const z = s.meta.zone;
  const place = s.meta.unit ?? areaName;
  const phase =
    s.phase === 'closed'
      ? h`Voting closed on ${when(s.meta.closesAt, z, 'end')}.`
      : s.phase === 'open'
        ? h`Voting is open until <strong>${when(s.meta.closesAt, z, 'end')}</strong>.`
        : h`Voting opens on ${when(s.meta.opensAt, z)} and closes on ${when(s.meta.closesAt, z, 'end')}.`;
  return h`${s.spec.openPoll ? openPollNotice() : none}
${s.meta.description ? h`<p>${s.meta.description}</p>` : none}
<p class="schedule">For people who live in ${place}. ${phase}</p>`;
}

interface BallotView {
  /** What the form shows (default: the recorded ballot). */
  state?: BallotState;
  error?: string;
  confirmEmpty?: boolean;
}

/** The voting part of the page: the ballot form, the code form, or why neither. */
async function votingPart(
  c: Context,
  req: CivicRequest,
  s: StoredConsultation,
  view: BallotView,
): Promise<Html> {
  const id = s.spec.id;
  const csrf = csrfFor(c, req.svc, req.session);
  if (s.phase === 'open' && canVote(req, s.meta.electorate, id)) {
    const own = await req.svc.ownBallot(id, req.session!);
    const state = view.state ?? stateOf(own?.ballot ?? null, await req.svc.ownDeclared(id, req.session!));
    return h`<section aria-labelledby="your-ballot"><h2 id="your-ballot">Your ballot</h2>${
      view.error
        ? notice(
            'error',
            h`<p>${view.error}</p><p>Your choices are kept below: correct them and record again.</p>`,
          )
        : none
    }${ballotForm(s, csrf, state, { recorded: own !== null, confirmEmpty: view.confirmEmpty ?? false })}</section>`;
  }
  if (s.phase === 'open') {
    if (req.role === 'anonymous' || req.role === 'participant') return codeForm(s, csrf);
    return h`<p>Staff accounts do not vote: residents use an invitation code or a participant account.</p>`;
  }
  if (s.phase === 'closed') {
    const own =
      req.session?.role === 'participant' ? await req.svc.ownBallot(id, req.session).catch(() => null) : null;
    return h`<p>Voting has closed. <a href="/participate/${id}/results">See the result and check it</a>.</p>${
      own
        ? notice(
            'ok',
            h`<p>You recorded a ballot: entry ${own.seq}, receipt <code>${own.hash}</code>. <a href="/participate/check?consultation=${id}&amp;receipt=${own.hash}">See what it says and that it is counted</a>.</p>`,
          )
        : none
    }`;
  }
  return h`<p>Voting has not opened yet.</p>`;
}

async function renderBallotPage(
  c: Context,
  req: CivicRequest,
  deps: ApiDeps,
  view: BallotView,
  status = 200,
) {
  const id = consultationId(c);
  const s = await req.svc.consultation(id, isStaff(req.role));
  const evidence = await evidenceFor(deps, s.meta.area);
  const names = deps.taxonomy().layers;
  const body = h`${intro(s, evidence.area)}${receiptBox(c, req, id, await receiptFor(c, req, id))}
${optionsList(s)}
${await votingPart(c, req, s, view)}
${evidenceSection(evidence, names)}`;
  return html(c, req, s.spec.title, body, status, ['/participate/assets/totals.js']);
}

async function ballotPage(c: Context, req: CivicRequest, deps: ApiDeps): Promise<Response> {
  return renderBallotPage(c, req, deps, {});
}

async function redeem(c: Context, req: CivicRequest): Promise<Response> {
  const id = consultationId(c);
  await redeemFor(c, req, id, one((await form(c)).code));
  return c.redirect(`/participate/${id}#your-ballot`, 303);
}

async function cast(c: Context, req: CivicRequest, deps: ApiDeps): Promise<Response> {
  const id = consultationId(c);
  const s = await req.svc.consultation(id, false);
  const f = await form(c);
  const state = stateFromForm(s.spec, f);
  const ballot = ballotOf(s.spec, state);
  const problem = ballotProblem(s.spec, state, s.meta.currency);
  if (problem) return renderBallotPage(c, req, deps, { state, error: problem }, 400);
  if (isEmpty(ballot) && one(f.confirmEmpty) !== 'yes')
    return renderBallotPage(c, req, deps, { state, confirmEmpty: true });
  try {
    const receipt = await castBallot(req, id, { ballot, ageBand: state.ageBand, sex: state.sex });
    return c.redirect(`/participate/${id}?receipt=${receipt.hash}`, 303);
  } catch (e) {
    if (!(e instanceof CivicError) || e.kind !== 'bad_request') throw e;
    return renderBallotPage(c, req, deps, { state, error: withTitles(s.spec, e.message) }, 400);
  }
}

async function notifyMe(c: Context, req: CivicRequest): Promise<Response> {
  const id = consultationId(c);
  await req.svc.leaveAddress(id, req.session!, one((await form(c)).email));
  return c.redirect(`/participate/${id}?noted=1`, 303);
}

async function resultsPage(c: Context, req: CivicRequest, deps: ApiDeps): Promise<Response> {
  const id = consultationId(c);
  const r = await resultsFor(deps, req.svc, id);
  const s = await req.svc.consultation(id, false);
  const body = h`${r.consultation.openPoll ? openPollNotice() : none}${resultsBody(r, await req.svc.support(id), s.meta.currency)}`;
  return html(
    c,
    req,
    `${r.consultation.openPoll ? 'Open poll result' : 'Result'}: ${r.consultation.title}`,
    body,
  );
}

async function checkPage(c: Context, req: CivicRequest): Promise<Response> {
  const list = await req.svc.consultations(false);
  const id = (c.req.query('consultation') ?? '').slice(0, 64);
  const receipt = (c.req.query('receipt') ?? '').trim().toLowerCase().slice(0, 80);
  let answer: Html = none;
  let status = 200;
  if (receipt !== '') {
    if (!CONSULTATION_ID.test(id) || !/^[0-9a-f]{64}$/.test(receipt)) {
      answer = notice('error', 'A receipt is 64 letters a–f and digits: please check what you pasted.');
      status = 400;
    } else {
      const s = await req.svc.consultation(id, false);
      try {
        answer = checkAnswer(s, await req.svc.checkReceipt(id, receipt));
      } catch (e) {
        if (!(e instanceof CivicError) || e.kind !== 'not_found') throw e;
        answer = notice(
          'error',
          h`No entry in the log of “${s.spec.title}” has this receipt. Check that you chose the right consultation and pasted the whole receipt.`,
        );
        status = 404;
      }
    }
  }
  return html(c, req, 'Check a receipt', h`${answer}${checkForm(list, id, receipt)}`, status);
}

async function notFoundPage(): Promise<Response> {
  throw refuse('not_found', 'there is no such page');
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
  const id = c.req.param('id');
  const back =
    id && CONSULTATION_ID.test(id) && status !== 404
      ? h`<p><a href="/participate/${id}">Back to the consultation</a></p>`
      : h`<p><a href="/participate">Back to the consultations</a></p>`;
  return html(
    c,
    req,
    status === 404 ? 'Not found' : 'Not possible',
    h`${notice('error', message)}${back}`,
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
  ['GET', '/participate/notify-confirm', noticeConfirmPage],
  ['POST', '/participate/notify-confirm', noticeConfirm],
  ['GET', '/participate/reset', resetPage],
  ['POST', '/participate/reset', reset],
  ['GET', '/participate/check', checkPage],
  ['GET', '/participate/assets/{file}', async (c) => serveAsset(c.req.param('file') ?? '')],
  ['GET', '/participate/{id}', ballotPage],
  ['POST', '/participate/{id}/redeem', redeem],
  ['POST', '/participate/{id}/ballot', cast],
  ['POST', '/participate/{id}/notify-me', notifyMe],
  ['GET', '/participate/{id}/results', resultsPage],
  // last: any other address under /participate is a missing page, not the web app
  ['GET', '/participate/*', notFoundPage],
];

/** Registers the participation pages and their stylesheets and script. */
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
