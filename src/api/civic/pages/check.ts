// The receipt check: paste a receipt, learn where the ballot sits in the log, and after the close
// whether it is counted and what it says — without searching the exported log by hand.
import type {
  Ballot,
  ConsultationSummary,
  ReceiptCheck,
  StoredConsultation,
} from '../../../civic/service.ts';
import { h, none, notice, type Html } from './render.ts';

/** The form: which consultation, and the receipt. */
export function checkForm(list: readonly ConsultationSummary[], chosen: string, receipt: string): Html {
  const options = list
    .filter((c) => c.phase === 'open' || c.phase === 'closed')
    .map((c) => h`<option value="${c.id}"${c.id === chosen ? h` selected` : none}>${c.title}</option>`);
  return h`<form method="get" action="/participate/check" class="check-form">
<div class="field"><label for="consultation">Consultation</label><select id="consultation" name="consultation">${options}</select></div>
<div class="field"><label for="receipt">Your receipt</label><span class="hint" id="receipt-hint">The 64 letters and digits shown when you recorded your ballot.</span>
<input id="receipt" name="receipt" value="${receipt}" autocomplete="off" spellcheck="false" maxlength="80" aria-describedby="receipt-hint" required></div>
<p><button type="submit" class="primary">Check my receipt</button></p></form>`;
}

function ballotText(s: StoredConsultation, b: Ballot): string {
  const name = (id: string) => s.spec.options.find((o) => o.id === id)?.name ?? id;
  if (Array.isArray(b))
    return b.length ? b.map(name).join(s.spec.ballot === 'ranking' ? ' › ' : ', ') : 'an empty ballot';
  return Object.entries(b)
    .map(([id, v]) => `${name(id)} ${v} points`)
    .join(', ');
}

/** What the check found. */
export function checkAnswer(s: StoredConsultation, r: ReceiptCheck): Html {
  if (r.counted === null)
    return notice(
      'ok',
      h`<p>Your ballot is <strong>entry ${r.seq}</strong> of the ${r.entries} in the log so far. Whether it counts is settled at the close: a later ballot of yours would replace it. Ballots are published when voting closes.</p>`,
    );
  const verdict = r.counted
    ? h`and it is <strong>counted</strong>.`
    : h`but it is <strong>not counted</strong>: you recorded a later ballot, which replaced it.`;
  return notice(
    r.counted ? 'ok' : 'warn',
    h`<p>Your ballot is <strong>entry ${r.seq}</strong> in the published log of ${r.entries} entries, ${verdict}</p>
<p>It says: ${ballotText(s, r.ballot!)}.</p>`,
  );
}
