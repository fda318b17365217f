// The one way the participation pages write HTML: Hono's `html` template escapes every value put
// into it (text from users or the store can never become markup), and a page is the web app's
// shell — its stylesheet, header and footer — around the page's own content. No inline styles or
// scripts: the content security policy allows only this site's files.
import { html as honoHtml, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup that is already safe: made by `h` (or `raw` of a constant). */
export type Html = HtmlEscapedString;

/** The escaping template: `h\`<p>${text}</p>\`` escapes `text`; nested `h` results and arrays of them pass as markup. */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new Error('participation pages render synchronously');
  return out;
}

export { raw };

/** Nothing, as markup. */
export const none: Html = raw('');

/** A share (0–1) as a whole percentage for people ("66%"), or one decimal when small. */
export const pct = (x: number): string => `${(100 * x).toFixed(Math.abs(x) < 0.1 ? 1 : 0)}%`;

/** An amount of money in its currency, for people: £20,000 · 300 000 zł. */
export function money(amount: string | number | undefined, currency: string): string {
  if (amount === undefined) return '';
  const n = Number(amount);
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(n) ? 0 : 2,
    }).format(n);
  } catch {
    return `${n.toLocaleString('en-GB')} ${currency}`;
  }
}

/** A moment as local time in a zone, with the zone named: "Friday 1 May 2026, 10:00 BST". */
export function when(iso: string, zone: string, edge: 'start' | 'end' = 'start'): string {
  let d = new Date(iso);
  // A closing time at local midnight is the end of the day before ("until Monday …, 24:00"),
  // as a date alone in the file means; read as "Tuesday 00:00" it names the wrong day.
  const atMidnight =
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(d) === '00:00';
  if (edge === 'end' && atMidnight) d = new Date(d.getTime() - 60_000);
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long' }).format(d);
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(d);
  return `${weekday} ${date}, ${edge === 'end' && atMidnight ? time.replace(/^23:59/, '24:00') : time}`;
}

/** A message box: errors are announced at once, confirmations politely. */
export function notice(kind: 'error' | 'ok' | 'warn', body: Html | string): Html {
  return h`<div class="notice notice-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${body}</div>`;
}

export interface PageOptions {
  title: string;
  body: Html;
  role: string;
  csrf: string;
  /** Scripts of this site to load (progressive enhancement only). */
  scripts?: string[];
}

function account(role: string, csrf: string): Html {
  if (role === 'anonymous') return h`<a href="/participate/login">Sign in</a>`;
  return h`<form method="post" action="/participate/logout" class="account">
<input type="hidden" name="_csrf" value="${csrf}">
<span>Signed in (${role})</span> <button type="submit" class="link-button">Sign out</button></form>`;
}

/** A whole page in the web app's shell. */
export function page(o: PageOptions): string {
  const scripts = (o.scripts ?? []).map((s) => h`<script src="${s}" defer></script>`);
  return h`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/participate/assets/app.css"><link rel="stylesheet" href="/participate/assets/participate.css">
<title>${o.title} — Strata</title>${scripts}</head>
<body><a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><div class="bar">
<a class="brand" href="/" aria-label="Strata: home (atlas)"><span aria-hidden="true">▤</span> Strata</a>
<nav aria-label="Main"><ul><li><a href="/">Atlas</a></li><li><a href="/participate" aria-current="page">Participate</a></li><li><a href="/participate/check">Check a receipt</a></li></ul></nav>
<div class="account-bar">${account(o.role, o.csrf)}</div>
</div></header>
<main id="main" tabindex="-1" class="participate"><h1>${o.title}</h1>
${o.body}
</main>
<footer class="site-footer"><p>Every accepted ballot is added to a public log in which each entry seals the one before; after the close anyone can check the result (<a href="/participate/check">check your receipt</a>, or run <code>strata civic verify</code>).</p>
<p><a href="/data">Every dataset, publisher, licence and checksum</a> · <a href="/api/v1/docs">API documentation</a> · Strata is open source (MIT).</p></footer>
</body></html>`.toString();
}
