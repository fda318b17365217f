// Server-rendered HTML for the participation pages: they work without JavaScript (plain forms
// that POST with the CSRF token), with labels on every control, a skip link and visible focus,
// and every piece of text from users or the store escaped on output.
import type { ConsultationSummary } from '../../civic/service/consultations.ts';

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A share (0–1) as a percentage with one decimal. */
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;gap:1rem;align-items:center;justify-content:space-between;border-bottom:1px solid #ccc}
a{color:#0b4f8a}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
fieldset{border:1px solid #bbb;margin:1rem 0;padding:.5rem 1rem}
.error{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecee}
.ok{border-left:4px solid #1e7b34;padding:.5rem 1rem;background:#e9f6ec}
code{word-break:break-all}
button{font:inherit;padding:.4rem 1rem}
`;

/** A whole page: header with sign-in state, main content, footer. */
export function page(opts: { title: string; body: string; role: string; csrf: string }): string {
  const signedIn = opts.role !== 'anonymous';
  const account = signedIn
    ? `<form method="post" action="/participate/logout"><input type="hidden" name="_csrf" value="${esc(opts.csrf)}">
       <span>Signed in (${esc(opts.role)})</span> <button type="submit">Sign out</button></form>`
    : `<a href="/participate/login">Sign in</a>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="/favicon.svg">
<title>${esc(opts.title)} — Strata</title><style>${STYLE}</style></head>
<body><a class="skip" href="#main">Skip to content</a>
<header><p><a href="/participate">Strata · Participate</a></p>${account}</header>
<main id="main" tabindex="-1"><h1>${esc(opts.title)}</h1>
${opts.body}
</main>
<footer><p><small>Every accepted ballot is appended to a public hash-chained log; after the close anyone can check the result with <code>strata civic verify</code>.</small></p></footer>
</body></html>`;
}

/** A message box. */
export function notice(kind: 'error' | 'ok', html: string): string {
  return `<div class="${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${html}</div>`;
}

const PHASE: Record<string, string> = {
  draft: 'Draft',
  scheduled: 'Opens soon',
  open: 'Open',
  closed: 'Closed',
};

/** The list of consultations. */
export function listBody(items: readonly ConsultationSummary[]): string {
  if (items.length === 0) return '<p>No consultations yet.</p>';
  const rows = items.map(
    (c) => `<tr><td><a href="/participate/${esc(c.id)}">${esc(c.title)}</a></td><td>${esc(c.area)}</td>
      <td>${esc(PHASE[c.phase] ?? c.phase)}</td><td>${esc(c.opensAt.slice(0, 16).replace('T', ' '))}</td>
      <td>${esc(c.closesAt.slice(0, 16).replace('T', ' '))}</td>
      <td>${c.phase === 'closed' ? `<a href="/participate/${esc(c.id)}/results">Results</a>` : ''}</td></tr>`,
  );
  return `<table><caption>Consultations (times in UTC)</caption>
<thead><tr><th scope="col">Consultation</th><th scope="col">Area</th><th scope="col">Status</th><th scope="col">Opens</th><th scope="col">Closes</th><th scope="col">Result</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}

/** The sign-in form. */
export function loginBody(csrf: string, next: string, error?: string): string {
  return `${error ? notice('error', esc(error)) : ''}
<form method="post" action="/participate/login">
<input type="hidden" name="_csrf" value="${esc(csrf)}"><input type="hidden" name="next" value="${esc(next)}">
<p><label for="email">E-mail address</label><br><input id="email" name="email" type="email" autocomplete="username" required maxlength="254"></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256"></p>
<p><button type="submit">Sign in</button></p></form>
<p>Have an invitation code? Open the consultation from the <a href="/participate">list</a> and enter it there.</p>`;
}

/** The button that confirms an address (a POST, so a mail scanner opening the link confirms nothing). */
export function verifyBody(csrf: string, token: string): string {
  return `<form method="post" action="/participate/verify">
<input type="hidden" name="_csrf" value="${esc(csrf)}"><input type="hidden" name="token" value="${esc(token)}">
<p>Confirm that this e-mail address is yours, so your account can take part where the address admits it.</p>
<p><button type="submit">Confirm my address</button></p></form>`;
}

/** The warning every page of an open poll carries. */
export function openPollNotice(): string {
  return notice(
    'error',
    '<strong>Open poll: its results are not a vote.</strong> Anyone may take part and nothing stops one person answering more than once.',
  );
}
