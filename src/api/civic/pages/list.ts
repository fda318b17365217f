// The consultations list, the sign-in form and the e-mail confirmation button.
import type { ConsultationSummary } from '../../../civic/service.ts';
import { h, none, notice, type Html } from './render.ts';

const PHASE: Record<string, string> = {
  draft: 'Draft (staff only)',
  scheduled: 'Opens soon',
  open: 'Open now',
  closed: 'Closed',
};

/** The list of consultations; `when` writes a time in the consultation's zone. */
export function listBody(
  items: readonly ConsultationSummary[],
  when: (c: ConsultationSummary, iso: string, edge: 'start' | 'end') => string,
): Html {
  if (items.length === 0) return h`<p>There are no consultations yet.</p>`;
  const rows = items.map(
    (c) => h`<tr><th scope="row"><a href="/participate/${c.id}">${c.title}</a></th>
<td>${PHASE[c.phase] ?? c.phase}</td><td>${when(c, c.opensAt, 'start')}</td><td>${when(c, c.closesAt, 'end')}</td>
<td>${c.phase === 'closed' ? h`<a href="/participate/${c.id}/results">See the result<span class="visually-hidden"> of ${c.title}</span></a>` : none}</td></tr>`,
  );
  return h`<table><caption>Consultations</caption>
<thead><tr><th scope="col">Consultation</th><th scope="col">Status</th><th scope="col">Opens</th><th scope="col">Closes</th><th scope="col">Result</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** The sign-in form. */
export function loginBody(csrf: string, next: string, error?: string): Html {
  return h`${error ? notice('error', error) : none}
<form method="post" action="/participate/login">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="next" value="${next}">
<div class="field"><label for="email">E-mail address</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="254"></div>
<div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256"></div>
<p><button type="submit" class="primary">Sign in</button></p></form>
<p>Have an invitation code? Open the consultation from the <a href="/participate">list</a> and enter it there.</p>`;
}

/** The button that confirms an address (a POST, so a mail scanner opening the link confirms nothing). */
export function verifyBody(csrf: string, token: string): Html {
  return h`<form method="post" action="/participate/verify">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="token" value="${token}">
<p>Confirm that this e-mail address is yours, so your account can take part where the address admits it.</p>
<p><button type="submit" class="primary">Confirm my address</button></p></form>`;
}

/** The button that confirms an address left for the result (a POST: a mail scanner opening the link confirms nothing). */
export function noticeConfirmBody(csrf: string, token: string): Html {
  return h`<form method="post" action="/participate/notify-confirm">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="token" value="${token}">
<p>Confirm that this e-mail address is yours, so the result of the consultation can be sent to it once voting has closed.</p>
<p><button type="submit" class="primary">Confirm my address</button></p></form>`;
}

/** The warning every page of an open poll carries. */
export function openPollNotice(): Html {
  return notice(
    'warn',
    h`<strong>Open poll: its results are not a vote.</strong> Anyone may take part and nothing stops one person answering more than once.`,
  );
}
