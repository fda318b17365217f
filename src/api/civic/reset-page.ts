// The page a password-reset link opens: a form for the new password, posted with the token and
// the CSRF token. Kept apart from the other participation pages; registered in their table.
import type { Context } from 'hono';
import { CivicError } from '../../civic/service.ts';
import { clientIp, csrfFor, type CivicRequest } from './guard.ts';
import { esc, notice, page } from './html.ts';

const TITLE = 'Set a new password';

function show(c: Context, req: CivicRequest, body: string, status: 200 | 400 | 404 | 429 = 200): Response {
  c.header('cache-control', 'no-store');
  const csrf = csrfFor(c, req.svc, req.session);
  return c.html(page({ title: TITLE, body, role: req.role, csrf }), status);
}

/** The form: the token from the link rides in a hidden field. */
export function resetBody(csrf: string, token: string, error?: string): string {
  return `${error ? notice('error', esc(error)) : ''}
<form method="post" action="/participate/reset">
<input type="hidden" name="_csrf" value="${esc(csrf)}"><input type="hidden" name="token" value="${esc(token)}">
<p><label for="password">New password (at least 10 characters)</label><br><input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="256"></p>
<p><button type="submit">Set the password</button></p></form>
<p>Every session of the account ends: sign in again with the new password.</p>`;
}

/** GET /participate/reset?token=… */
export async function resetPage(c: Context, req: CivicRequest): Promise<Response> {
  const token = (c.req.query('token') ?? '').slice(0, 64);
  return show(c, req, resetBody(csrfFor(c, req.svc, req.session), token));
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** POST /participate/reset: sets the password, or shows the form again with the reason. */
export async function reset(c: Context, req: CivicRequest): Promise<Response> {
  const body = await c.req.parseBody();
  const token = text(body.token).slice(0, 64);
  try {
    await req.svc.resetPassword({ token, password: text(body.password), ip: clientIp(c) });
  } catch (e) {
    if (!(e instanceof CivicError) || e.kind === 'busy') throw e;
    const status = e.kind === 'locked' ? 429 : e.kind === 'not_found' ? 404 : 400;
    return show(c, req, resetBody(csrfFor(c, req.svc, req.session), token, e.message), status);
  }
  return show(
    c,
    req,
    notice('ok', 'Your password is set.') + '<p><a href="/participate/login">Sign in</a></p>',
  );
}
