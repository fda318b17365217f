// The ballot form — checkboxes for approval and budget ballots, a rank per option, points per
// goal — with a running total the server writes (so it is right without JavaScript) and
// totals.js keeps up to date as the voter changes the form; an optional age band and sex.
import { AGE_BANDS, SEXES, type StoredConsultation } from '../../../civic/service.ts';
import type { BallotState } from './ballot-state.ts';
import { h, money, none, notice, type Html } from './render.ts';

const HOW: Record<string, string> = {
  approval: 'Tick every option you support.',
  knapsack: 'Tick the projects you would fund. Together they must cost no more than the budget.',
  ranking: 'Give your favourite option rank 1, your next rank 2, and so on. Leave the rest unranked.',
  points: 'Share 100 points between the goals: more points for what matters more to you.',
};

function label(s: StoredConsultation, id: string): Html {
  const o = s.spec.options.find((x) => x.id === id)!;
  const cost = o.cost !== undefined ? h` <span class="cost">${money(o.cost, s.meta.currency)}</span>` : none;
  const note = s.meta.notes[id] ? h`<span class="hint">${s.meta.notes[id]}</span>` : none;
  return h`<span class="option-name">${o.name ?? o.id}</span>${cost}${note}`;
}

function choiceFields(s: StoredConsultation, st: BallotState): Html[] {
  return s.spec.options.map(
    (o, i) => h`<div class="choice"><input type="checkbox" id="opt-${i}" name="option" value="${o.id}"${
      st.chosen.has(o.id) ? h` checked` : none
    }${o.cost !== undefined ? h` data-cost="${o.cost}"` : none}>
<label for="opt-${i}">${label(s, o.id)}</label></div>`,
  );
}

function rankFields(s: StoredConsultation, st: BallotState): Html[] {
  const n = s.spec.options.length;
  return s.spec.options.map((o, i) => {
    const r = st.ranks.get(o.id) ?? '';
    const opts = Array.from(
      { length: n },
      (_, k) => h`<option value="${k + 1}"${r === String(k + 1) ? h` selected` : none}>${k + 1}</option>`,
    );
    return h`<div class="field"><label for="rank-${i}">${label(s, o.id)}</label>
<select id="rank-${i}" name="rank:${o.id}"><option value="">not ranked</option>${opts}</select></div>`;
  });
}

function pointFields(s: StoredConsultation, st: BallotState): Html[] {
  return s.spec.options.map(
    (o, i) => h`<div class="field"><label for="pts-${i}">${label(s, o.id)}</label>
<input id="pts-${i}" name="points:${o.id}" type="number" min="0" max="100" step="1" inputmode="numeric" value="${
      st.points.get(o.id) ?? '0'
    }" data-points></div>`,
  );
}

/** The running total under the options: cost against the budget, or points against 100. */
function total(s: StoredConsultation, st: BallotState): Html {
  const c = s.spec;
  if (c.ballot === 'knapsack' && c.budget !== undefined) {
    const sum = c.options.filter((o) => st.chosen.has(o.id)).reduce((a, o) => a + Number(o.cost ?? 0), 0);
    return h`<p class="running-total" data-total="cost" data-budget="${c.budget}" data-currency="${s.meta.currency}">
Your choices cost <output id="total" aria-live="polite">${money(sum, s.meta.currency)}</output> of the ${money(c.budget, s.meta.currency)} budget.</p>`;
  }
  if (c.ballot === 'points') {
    const sum = [...st.points.values()].reduce((a, v) => a + (Number(v) || 0), 0);
    return h`<p class="running-total" data-total="points">You have given <output id="total" aria-live="polite">${sum}</output> of 100 points.</p>`;
  }
  return none;
}

function selectField(name: string, text: string, values: readonly string[], chosen: string | null): Html {
  const opts = values.map((v) => h`<option value="${v}"${v === chosen ? h` selected` : none}>${v}</option>`);
  return h`<div class="field"><label for="${name}">${text}</label>
<select id="${name}" name="${name}"><option value="">Prefer not to say</option>${opts}</select></div>`;
}

/** The ballot form for an eligible participant, filled with `st`; `confirmEmpty` asks to confirm an empty ballot. */
export function ballotForm(
  s: StoredConsultation,
  csrf: string,
  st: BallotState,
  opts: { recorded: boolean; confirmEmpty: boolean },
): Html {
  const c = s.spec;
  const fields =
    c.ballot === 'ranking'
      ? rankFields(s, st)
      : c.ballot === 'points'
        ? pointFields(s, st)
        : choiceFields(s, st);
  const budget = c.budget !== undefined ? ` The budget is ${money(c.budget, s.meta.currency)}.` : '';
  const confirm = opts.confirmEmpty
    ? h`${notice(
        'warn',
        h`<p><strong>Your ballot is empty.</strong> ${
          opts.recorded ? 'It will replace the ballot you recorded before. ' : ''
        }An empty ballot supports none of the options. Press “Record an empty ballot” to confirm, or choose options first.</p>`,
      )}<input type="hidden" name="confirmEmpty" value="yes">`
    : none;
  const button = opts.confirmEmpty
    ? 'Record an empty ballot'
    : opts.recorded
      ? 'Change my ballot'
      : 'Record my ballot';
  return h`<form method="post" action="/participate/${c.id}/ballot" class="ballot" id="ballot">
<input type="hidden" name="_csrf" value="${csrf}">${confirm}
<fieldset><legend>Your choices</legend><p>${HOW[c.ballot]}${budget} You can change your ballot until voting closes; only your last one counts.</p>
${fields}${total(s, st)}</fieldset>
<fieldset><legend>About you (optional)</legend><p>Only used to check how well the people taking part reflect everyone who lives here. It is never published with your ballot.</p>
${selectField('ageBand', 'Age band', AGE_BANDS, st.ageBand)}${selectField('sex', 'Sex', SEXES, st.sex)}</fieldset>
<p><button type="submit" class="primary">${button}</button></p></form>`;
}

/** The code form shown to someone not yet taking part while voting runs. */
export function codeForm(s: StoredConsultation, csrf: string): Html {
  const accounts =
    s.meta.electorate !== 'codes'
      ? h` Or <a href="/participate/login?next=/participate/${s.spec.id}">sign in</a> with a participant account.`
      : none;
  return h`<section aria-labelledby="take-part"><h2 id="take-part">Take part</h2>
<form method="post" action="/participate/${s.spec.id}/redeem" class="code-form">
<input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="code">Your invitation code</label><span class="hint" id="code-hint">It is printed on your invitation, like ABCDE-FGHIJ-KLMNO-PQRST.</span>
<input id="code" name="code" autocomplete="off" required maxlength="64" aria-describedby="code-hint"></div>
<p><button type="submit" class="primary">Continue to the ballot</button></p></form>
<p>Your code lets you come back and change your ballot until voting closes.${accounts}</p></section>`;
}

/** The options as everyone sees them, before any code: name, cost and the organiser's note. */
export function optionsList(s: StoredConsultation): Html {
  const c = s.spec;
  const what =
    c.ballot === 'points'
      ? 'The goals'
      : c.options.some((o) => o.cost !== undefined)
        ? 'The projects'
        : 'The options';
  const budget =
    c.budget !== undefined
      ? h`<p>The budget to share is <strong>${money(c.budget, s.meta.currency)}</strong>.</p>`
      : none;
  const items = c.options.map(
    (o) =>
      h`<li><span class="option-name">${o.name ?? o.id}</span>${
        o.cost !== undefined ? h` — <span class="cost">${money(o.cost, s.meta.currency)}</span>` : none
      }${s.meta.notes[o.id] ? h`<br><span class="hint">${s.meta.notes[o.id]}</span>` : none}</li>`,
  );
  return h`<section aria-labelledby="options"><h2 id="options">${what}</h2>${budget}<ul class="options">${items}</ul></section>`;
}
