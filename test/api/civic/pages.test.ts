// The participation pages over the real app and civic store: what a resident sees and keeps
// when they change a ballot, and what an unknown page answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/service.ts';
import { RIVERSIDE } from '../../civic/consultation-fixture.ts';
import { Client } from '../civic-client.ts';
import { civicWorld, type CivicWorld } from '../civic-fixture.ts';

const CLI = { subject: 'cli:test', role: 'admin' as const };
const PARK = {
  ...RIVERSIDE,
  id: 'park-2026',
  title: 'Park improvements',
  electorate: 'codes',
  openPoll: false,
  ballot: 'knapsack',
  rule: 'greedy',
  budget: '30000',
  options: [
    { id: 'A', name: 'Play area', cost: '20000', description: 'A new play area by the river.' },
    { id: 'B', name: 'Bike racks', cost: '10000' },
    { id: 'C', name: 'Tree planting', cost: '15000' },
  ],
};
const attr = (html: string, re: RegExp) => re.exec(html)?.[1] ?? '';

describe('participation pages', () => {
  let w: CivicWorld;
  let parkCodes: string[] = [];
  before(async () => {
    w = await civicWorld('sqlite', { mail: true });
    await w.svc.createConsultation(CLI, checkConsultationFile(PARK));
    await w.svc.openConsultation(CLI, PARK.id, { immediately: true });
    parkCodes = (await w.svc.issueCodes(CLI, PARK.id, { count: 5, expiresAt: '2026-05-16T00:00:00Z' })).codes;
  });
  /** A resident entering a code on the page, as a browser without JavaScript does. */
  const enter = async (code: string) => {
    const v = new Client(w.app);
    const page = await (await v.request('GET', `/participate/${PARK.id}`)).text();
    const res = await v.request('POST', `/participate/${PARK.id}/redeem`, {
      form: { code },
      csrf: attr(page, /name="_csrf" value="([^"]+)"/),
    });
    assert.equal(res.status, 303);
    return v;
  };
  const csrfOf = async (v: Client) =>
    attr(await (await v.request('GET', `/participate/${PARK.id}`)).text(), /name="_csrf" value="([^"]+)"/);
  after(async () => {
    await w.close();
  });

  it('a changed ballot keeps the age band declared with the first one', async () => {
    const v = await w.voter();
    const path = `/participate/${RIVERSIDE.id}/ballot`;
    let res = await v.request('POST', path, { form: { option: ['A'], ageBand: '65+', sex: '' } });
    assert.equal(res.status, 303);
    // the ballot page offers the declared band back, so a change sends it again
    const html = await (await v.request('GET', `/participate/${RIVERSIDE.id}`)).text();
    assert.match(html, /<option value="65\+" selected>/);
    const form = { option: ['B'], ageBand: '65+', sex: '' };
    res = await v.request('POST', path, { form });
    assert.equal(res.status, 303);
    const rows = await w.svc.ctx.cdb.db.selectFrom('respondents').selectAll().execute();
    assert.deepEqual(
      rows.map((r) => r.age_band),
      ['65+'],
    );
  });

  it('after voting, a resident may leave an address to be told the result; a bad one is refused as a page', async () => {
    const v = await enter(parkCodes[4]!);
    const res = await v.request('POST', `/participate/${PARK.id}/ballot`, {
      form: { option: ['B'] },
      csrf: await csrfOf(v),
    });
    const receiptPage = await (await v.request('GET', res.headers.get('location')!)).text();
    assert.match(receiptPage, /<label for="notify-email">Tell me the result by e-mail/);
    const csrf = attr(
      receiptPage,
      /action="\/participate\/park-2026\/notify-me"[^]*?name="_csrf" value="([^"]+)"/,
    );
    const bad = await v.request('POST', `/participate/${PARK.id}/notify-me`, {
      form: { email: 'nobody' },
      csrf,
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /invalid e-mail address[^]*Back to the consultation/);
    const ok = await v.request('POST', `/participate/${PARK.id}/notify-me`, {
      form: { email: 'me@example.org' },
      csrf,
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `/participate/${PARK.id}?noted=1`);
    assert.match(
      await (await v.request('GET', ok.headers.get('location')!)).text(),
      /we have sent a link to your address\. Follow it to confirm the address/,
    );
    const rows = () =>
      w.svc.ctx.cdb.db.selectFrom('result_notices').select(['consultation_id', 'email', 'state']).execute();
    assert.deepEqual(await rows(), [
      { consultation_id: PARK.id, email: 'me@example.org', state: 'unconfirmed' },
    ]);
    // the link in the real message opens a page whose button confirms (a GET confirms nothing)
    const m = await w.mail!.next('me@example.org');
    assert.match(m.subject, /^Confirm: the result of /);
    const link = /http:\/\/127\.0\.0\.1:8080(\/participate\/notify-confirm\?token=[A-Za-z0-9_-]{43})/.exec(
      m.text,
    )![1]!;
    const anon = new Client(w.app);
    const page = await (await anon.request('GET', link)).text();
    assert.equal((await rows())[0]!.state, 'unconfirmed', 'opening the link confirms nothing');
    const form = { token: attr(page, /name="token" value="([^"]+)"/) };
    const pageCsrf = attr(page, /name="_csrf" value="([^"]+)"/);
    const done = await anon.request('POST', '/participate/notify-confirm', { form, csrf: pageCsrf });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Your address is confirmed/);
    assert.equal((await rows())[0]!.state, 'confirmed');
    const again = await anon.request('POST', '/participate/notify-confirm', { form, csrf: pageCsrf });
    assert.equal(again.status, 400, 'the link is single use');
    assert.match(await again.text(), /this confirmation link is not valid/);
  });

  it('shows projects, costs in pounds and the schedule in local time before any code', async () => {
    const html = await (await w.clients.anonymous.request('GET', `/participate/${PARK.id}`)).text();
    assert.match(html, /Play area<\/span> — <span class="cost">£20,000<\/span>/);
    assert.match(html, /The budget to share is <strong>£30,000<\/strong>/);
    assert.match(html, /Voting is open until <strong>Friday 15 May 2026, 18:00 BST<\/strong>/);
    assert.match(html, /Your invitation code/);
    assert.doesNotMatch(html, /style=|<style/);
  });

  it('a code entered and abandoned resumes the same ballot when entered again', async () => {
    const first = await enter(parkCodes[0]!);
    let res = await first.request('POST', `/participate/${PARK.id}/ballot`, {
      form: { option: ['A'] },
      csrf: await csrfOf(first),
    });
    assert.equal(res.status, 303);
    // the browser is closed; the resident comes back with the same code
    const again = await enter(parkCodes[0]!);
    const html = await (await again.request('GET', `/participate/${PARK.id}`)).text();
    assert.match(html, /value="A" checked/);
    assert.match(html, /Change my ballot/);
    res = await again.request('POST', `/participate/${PARK.id}/ballot`, {
      form: { option: ['B'] },
      csrf: await csrfOf(again),
    });
    assert.equal(res.status, 303);
  });

  it('an empty ballot asks for confirmation before it replaces a real one', async () => {
    const v = await enter(parkCodes[1]!);
    await v.request('POST', `/participate/${PARK.id}/ballot`, {
      form: { option: ['C'] },
      csrf: await csrfOf(v),
    });
    const csrf = await csrfOf(v);
    const ask = await v.request('POST', `/participate/${PARK.id}/ballot`, { form: {}, csrf });
    assert.equal(ask.status, 200);
    const html = await ask.text();
    assert.match(html, /Your ballot is empty/);
    assert.match(html, /replace the ballot you recorded before/);
    assert.match(html, /name="confirmEmpty" value="yes"/);
    const own = async () =>
      (await w.svc.ownBallot(PARK.id, (await w.svc.session(v.cookies.get('__Host-strata_session')))!))
        ?.ballot;
    assert.deepEqual(await own(), ['C'], 'nothing recorded until confirmed');
    const done = await v.request('POST', `/participate/${PARK.id}/ballot`, {
      form: { confirmEmpty: 'yes' },
      csrf,
    });
    assert.equal(done.status, 303);
    assert.deepEqual(await own(), []);
  });

  it('an over-budget ballot comes back as entered, with titles and the running total', async () => {
    const v = await enter(parkCodes[2]!);
    const res = await v.request('POST', `/participate/${PARK.id}/ballot`, {
      form: { option: ['A', 'C'], ageBand: '25-49' },
      csrf: await csrfOf(v),
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /The projects you chose cost £35,000 in all, more than the budget of £30,000/);
    assert.match(html, /value="A" checked/);
    assert.match(html, /value="C" checked/);
    assert.match(html, /<option value="25-49" selected>/);
    assert.match(
      html,
      /Your choices cost <output id="total" aria-live="polite">£35,000<\/output> of the £30,000 budget/,
    );
    assert.match(html, /action="\/participate\/park-2026\/ballot"/);
  });

  it('checks a receipt: its place in the log, then after the close that it is counted and what it says', async () => {
    const v = await enter(parkCodes[3]!);
    const res = await v.request('POST', `/participate/${PARK.id}/ballot`, {
      form: { option: ['B'] },
      csrf: await csrfOf(v),
    });
    const receipt = /receipt=([0-9a-f]{64})/.exec(res.headers.get('location') ?? '')![1]!;
    const check = (r: string) =>
      w.clients.anonymous.request('GET', `/participate/check?consultation=${PARK.id}&receipt=${r}`);
    let html = await (await check(receipt)).text();
    assert.match(html, /Your ballot is <strong>entry \d+<\/strong> of the \d+ in the log so far/);
    assert.equal((await check('0'.repeat(64))).status, 404);
    assert.equal((await check('not-a-receipt')).status, 400);
    w.clock.set('2026-05-16T10:00:00Z');
    html = await (await check(receipt)).text();
    assert.match(html, /and it is <strong>counted<\/strong>/);
    assert.match(html, /It says: Bike racks\./);
    // the voter sees their own ballot on the closed consultation's page
    const page = await (await v.request('GET', `/participate/${PARK.id}`)).text();
    assert.match(page, new RegExp(`You recorded a ballot: entry \\d+, receipt <code>${receipt}</code>`));
    // the results: a table in order of funding, the rule in a sentence
    const results = await (await v.request('GET', `/participate/${PARK.id}/results`)).text();
    assert.match(results, /Projects were funded from the most supported down/);
    assert.match(
      results,
      /<th scope="col">Project<\/th><th scope="col">Cost<\/th><th scope="col">Voters supporting<\/th>/,
    );
    w.clock.set('2026-05-02T10:00:00Z');
  });

  it('an unknown participation page answers 404 as a page', async () => {
    for (const path of [`/participate/${RIVERSIDE.id}/receipt`, '/participate/a/b/c']) {
      const res = await w.clients.anonymous.request('GET', path);
      assert.equal(res.status, 404, path);
      assert.match(await res.text(), /Not found/);
    }
  });
});
