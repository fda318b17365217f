// One person, one vote by construction. The ballot-stuffing sequence that worked before — three
// throwaway registrations, three ballots — is refused: an account electorate needs an eligibility
// rule and a confirmed address, confirmed through real mail (an SMTP server in this process);
// registration answers alike for new and known addresses and is throttled per address; and a
// consultation without such a guarantee opens only as an open poll that says so everywhere.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { checkConsultationFile } from '../../src/civic/consultation-file.ts';
import { CivicService } from '../../src/civic/service.ts';
import { Workbench } from '../../src/workbench.ts';
import { RIVERSIDE } from '../civic/consultation-fixture.ts';
import { freshStore, storeKinds, testClock, type TestStore } from '../civic/stores.ts';
import { Client } from './civic-client.ts';
import { mailbox } from '../civic/mailbox.ts';

const PASSWORD = 'correct horse battery staple';
const CLI = { subject: 'cli:test', role: 'admin' as const };
for (const kind of storeKinds()) {
  describe(`one person, one vote on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    let analytic: Workbench;
    let mail: Awaited<ReturnType<typeof mailbox>>;
    let app: ReturnType<typeof createApp>;
    const clock = testClock('2026-04-20T10:00:00Z');
    before(async () => {
      mail = await mailbox();
      store = freshStore(kind);
      svc = await CivicService.open(store.url, {
        now: clock.now,
        mail: { smtpUrl: mail.url, from: 'consult@council.example', publicUrl: 'http://127.0.0.1:8080' },
      });
      analytic = await Workbench.open(':memory:');
      app = createApp({ workbench: analytic, webDir: null, civic: svc });
    });
    after(async () => {
      await svc.close();
      analytic.close();
      await store.drop();
      await mail.close();
    });

    const create = async (id: string, extra: Record<string, unknown>) => {
      await svc.createConsultation(
        CLI,
        checkConsultationFile({ ...RIVERSIDE, openPoll: false, id, ...extra }),
      );
      return () => svc.openConsultation(CLI, id);
    };

    it('refuses to open an electorate anyone can join, or one where a person could vote twice, unless it is an open poll', async () => {
      await assert.rejects(
        await create('anyone-2026', { electorate: 'accounts' }),
        /consultation anyone-2026 cannot open as a vote: anyone can register an account: give an eligibility rule .*open poll/,
      );
      await assert.rejects(
        await create('both-2026', { electorate: 'codes-or-accounts' }),
        /one person could vote once with an invitation code and again with an account/,
      );
      await assert.rejects(
        await create('list-2026', { electorate: 'accounts', eligibility: { list: true } }),
        /its eligibility list is empty/,
      );
      await (
        await create('codes-2026', { electorate: 'codes' })
      )();
      await (
        await create('town-2026', {
          electorate: 'accounts',
          eligibility: { domains: ['hartlepool.example'] },
        })
      )();
      await (
        await create('poll-2026', { electorate: 'codes-or-accounts', openPoll: true })
      )();
    });

    it('three throwaway accounts cast no ballot; a resident who confirms an address in the allowed domain does', async () => {
      clock.set('2026-05-02T10:00:00Z');
      const ballot = (c: Client, id: string) =>
        c.request('POST', `/api/v1/civic/consultations/${id}/ballot`, { json: { ballot: ['A'] } });
      const registerAndSignIn = async (email: string, address: string) => {
        const c = new Client(app, address);
        await c.refresh();
        const res = await c.request('POST', '/api/v1/civic/register', {
          json: { email, password: PASSWORD },
        });
        assert.equal(res.status, 200, await res.clone().text());
        assert.equal((await c.signIn(email, PASSWORD)).status, 200);
        return c;
      };
      for (const n of [1, 2, 3]) {
        const email = `throwaway${n}@mailinator.example`;
        const c = await registerAndSignIn(email, `192.0.2.${n}`);
        const unconfirmed = await ballot(c, 'town-2026');
        assert.equal(unconfirmed.status, 403);
        assert.match(await unconfirmed.text(), /confirm your e-mail address first/);
        // confirming the throwaway address does not help: its domain is not admitted
        const link = /http:\/\/127\.0\.0\.1:8080\/participate\/verify\?token=([\w-]+)/.exec(
          (await mail.next(email)).text,
        )!;
        assert.equal(
          (await c.request('POST', '/api/v1/civic/verify', { json: { token: link[1] } })).status,
          200,
        );
        const refused = await ballot(c, 'town-2026');
        assert.equal(refused.status, 403);
        assert.match(await refused.text(), /not among those this consultation admits/);
      }
      assert.equal(await svc.head('town-2026').then((h) => h!.count), 0, 'no ballot was cast');

      const resident = await registerAndSignIn('resident@hartlepool.example', '198.51.100.9');
      const message = await mail.next('resident@hartlepool.example');
      assert.equal(message.subject, 'Confirm your e-mail address');
      const link = /(http:\/\/127\.0\.0\.1:8080\/participate\/verify\?token=[\w-]+)/.exec(message.text)![1]!;
      const page = await resident.request('GET', new URL(link).pathname + new URL(link).search);
      const token = /name="token" value="([\w-]+)"/.exec(await page.text())![1]!;
      const confirmed = await resident.request('POST', '/participate/verify', { form: { token } });
      assert.match(await confirmed.text(), /Your e-mail address is confirmed/);
      assert.equal((await ballot(resident, 'town-2026')).status, 200);
      // the link works once
      assert.equal((await resident.request('POST', '/api/v1/civic/verify', { json: { token } })).status, 404);
    });

    it('registration answers alike for a new and a known address (the owner learns which by mail), and is throttled per address', async () => {
      const send = async (email: string, address: string) => {
        const c = new Client(app, address);
        await c.refresh();
        const res = await c.request('POST', '/api/v1/civic/register', {
          json: { email, password: PASSWORD },
        });
        return { status: res.status, body: await res.text(), cookies: res.headers.getSetCookie().length };
      };
      const fresh = await send('newcomer@hartlepool.example', '203.0.113.1');
      const known = await send('resident@hartlepool.example', '203.0.113.2');
      assert.deepEqual(known, fresh);
      assert.equal((await mail.next('newcomer@hartlepool.example')).subject, 'Confirm your e-mail address');
      const notice = await mail.next('resident@hartlepool.example');
      assert.equal(notice.subject, 'You already have an account');
      assert.doesNotMatch(notice.text, /token=/);

      const statuses = [];
      for (let i = 0; i < 8; i++)
        statuses.push((await send(`flood${i}@hartlepool.example`, '203.0.113.50')).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429]);
      assert.equal(
        (await send('flood9@hartlepool.example', '203.0.113.51')).status,
        200,
        'another address is not held up',
      );
    });

    it('an open poll says on its ballot page, its results page and in its export that its results are not a vote', async () => {
      const v = new Client(app, '198.51.100.77');
      const { codes } = await svc.issueCodes(CLI, 'poll-2026', {
        count: 1,
        expiresAt: '2026-05-10T00:00:00Z',
      });
      assert.equal((await v.redeem('poll-2026', codes[0]!)).status, 200);
      assert.match(
        await (await v.request('GET', '/participate/poll-2026')).text(),
        /Open poll: its results are not a vote/,
      );
      assert.equal(
        (await v.request('POST', '/api/v1/civic/consultations/poll-2026/ballot', { json: { ballot: ['B'] } }))
          .status,
        200,
      );
      await svc.closeConsultation(CLI, 'poll-2026');
      const results = await (await v.request('GET', '/participate/poll-2026/results')).text();
      assert.match(results, /Open poll result: /);
      assert.match(results, /Open poll: its results are not a vote/);
      const header = JSON.parse((await svc.exportLog('poll-2026')).split('\n')[0]!);
      assert.equal(header.consultation.openPoll, true);
      const { verifyExport } = await import('../../src/civic/chain-export.ts');
      const { formatVerifyReport } = await import('../../src/civic/report.ts');
      assert.match(
        formatVerifyReport(verifyExport(await svc.exportLog('poll-2026'))),
        /OPEN POLL: .*results are not a vote/,
      );
    });
  });
}
