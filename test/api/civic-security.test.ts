// The attacks the civic routes must refuse, each with the store left exactly as it was: forged
// requests (CSRF), session fixation, password and code guessing (lockout), invitation-code
// replay, voting after the close, and a participant reading another's ballot.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../src/civic/consultation-file.ts';
import { RIVERSIDE } from '../civic/consultation-fixture.ts';
import { storeKinds } from '../civic/stores.ts';
import { WorkQueue } from '../../src/civic/auth/queue.ts';
import { Client } from './civic-client.ts';
import { civicWorld, PASSWORD, type CivicWorld } from './civic-fixture.ts';

const R = `/api/v1/civic/consultations/${RIVERSIDE.id}`;
const MIN = 60_000;

async function code(res: Response): Promise<string> {
  return ((await res.clone().json()) as { code: string }).code;
}

for (const kind of storeKinds()) {
  describe(`civic security on ${kind}`, () => {
    let w: CivicWorld;
    before(async () => (w = await civicWorld(kind)));
    after(() => w.close());

    /** Runs a refused request and checks it changed nothing. */
    async function refused(
      send: () => Promise<Response>,
      status: number,
      errorCode?: string,
    ): Promise<Response> {
      const before = await w.snapshot();
      const res = await send();
      assert.equal(res.status, status, await res.clone().text());
      if (errorCode) assert.equal(await code(res), errorCode);
      assert.equal(await w.snapshot(), before, 'a refused request changed the store');
      return res;
    }

    it('CSRF: a state-changing request without the session’s token, or from another site, is refused', async () => {
      const a = await w.voter();
      const b = await w.voter();
      const cast = (c: Client, sent: Parameters<Client['request']>[2]) =>
        c.request('POST', `${R}/ballot`, sent);
      const ballot = { ballot: ['A'] };
      await refused(() => cast(a, { json: ballot, csrf: false }), 403, 'csrf');
      await refused(() => cast(a, { json: ballot, csrf: 'x'.repeat(43) }), 403, 'csrf');
      await refused(() => cast(a, { json: ballot, csrf: b.token }), 403, 'csrf');
      await refused(
        () => cast(a, { json: ballot, headers: { origin: 'https://evil.example' } }),
        403,
        'csrf',
      );
      await refused(
        () => cast(a, { json: ballot, headers: { 'sec-fetch-site': 'cross-site' } }),
        403,
        'csrf',
      );
      await refused(
        () =>
          a.request('POST', `/participate/${RIVERSIDE.id}/ballot`, { form: { option: 'A' }, csrf: false }),
        403,
      );
      const admin = w.clients.admin;
      await refused(
        () =>
          admin.request('POST', '/api/v1/civic/consultations', {
            json: { ...RIVERSIDE, id: 'forged' },
            csrf: false,
          }),
        403,
        'csrf',
      );
      const fresh = new Client(w.app);
      await refused(
        () =>
          fresh.request('POST', '/api/v1/civic/login', {
            json: { email: 'admin@example.org', password: PASSWORD },
            csrf: 'y'.repeat(43),
          }),
        403,
        'csrf',
      );
      await refused(() => cast(a, { json: ballot, headers: { 'sec-fetch-site': 'same-site' } }), 403, 'csrf');
      assert.equal((await cast(a, { json: ballot })).status, 200);
      // Under a no-referrer policy browsers send Origin: null; the token decides.
      const nullOrigin = { origin: 'null', 'sec-fetch-site': 'same-origin' };
      assert.equal((await cast(a, { json: ballot, headers: nullOrigin })).status, 200);
    });

    it('session fixation: signing in always issues a new session id and drops the one the browser brought', async () => {
      const attacker = await w.voter();
      const planted = attacker.cookies.get('__Host-strata_session')!;
      const victim = new Client(w.app);
      victim.cookies.set('__Host-strata_session', planted);
      assert.equal((await victim.refresh()).role, 'participant');
      assert.equal((await victim.signIn('admin@example.org', PASSWORD)).status, 200);
      const issued = victim.cookies.get('__Host-strata_session')!;
      assert.notEqual(issued, planted);
      assert.equal((await victim.refresh()).role, 'admin');
      assert.equal((await attacker.refresh()).role, 'anonymous');
      const guessed = new Client(w.app);
      guessed.cookies.set('__Host-strata_session', 'chosen-by-the-attacker');
      assert.equal((await guessed.redeem(RIVERSIDE.id, w.codes[100]!)).status, 200);
      assert.notEqual(guessed.cookies.get('__Host-strata_session'), 'chosen-by-the-attacker');
    });

    it('reading another participant’s ballot is refused; staff cannot read ballots at all', async () => {
      const a = await w.voter();
      const b = await w.voter();
      const res = await a.request('POST', `${R}/ballot`, { json: { ballot: ['B', 'C'] } });
      const receipt = ((await res.json()) as { hash: string }).hash;
      await refused(() => b.request('GET', `${R}/receipts/${receipt}`), 404, 'not_found');
      assert.equal(await (await b.request('GET', `${R}/ballot`)).text(), 'null');
      await refused(() => w.clients.admin.request('GET', `${R}/receipts/${receipt}`), 403, 'forbidden');
      await refused(() => w.clients.admin.request('GET', `${R}/ballot`), 403, 'forbidden');
      await refused(() => b.request('GET', `${R}/export`), 409, 'conflict');
      // Drafts are shown only to staff: a voter cannot tell a draft's id from an unknown one.
      await refused(
        () => b.request('GET', '/api/v1/civic/consultations/draft-2026/ballot'),
        404,
        'not_found',
      );
      const own = (await (await a.request('GET', `${R}/receipts/${receipt}`)).json()) as { ballot: string[] };
      assert.deepEqual(own.ballot, ['B', 'C']);
    });

    it('invitation-code replay: a redeemed code is refused to anyone, including its first holder', async () => {
      const first = new Client(w.app);
      assert.equal((await first.redeem(RIVERSIDE.id, w.codes[101]!)).status, 200);
      await refused(
        async () => {
          const other = new Client(w.app);
          await other.refresh();
          return other.request('POST', `${R}/redeem`, { json: { code: w.codes[101] } });
        },
        401,
        'unauthenticated',
      );
      await refused(
        () => first.request('POST', `${R}/redeem`, { json: { code: w.codes[101] } }),
        401,
        'unauthenticated',
      );
    });

    it('brute force: five wrong passwords lock the account; the sixth try, even the right password, is refused until the lock ends', async () => {
      const c = new Client(w.app);
      await c.refresh();
      const login = (password: string) =>
        c.request('POST', '/api/v1/civic/login', { json: { email: 'analyst@example.org', password } });
      for (let i = 0; i < 4; i++) assert.equal((await login(`guess-${i}-wrong`)).status, 401);
      assert.equal(await code(await login('guess-4-wrong')), 'unauthenticated');
      await refused(() => login(PASSWORD), 429, 'locked');
      w.clock.advance(16 * MIN);
      assert.equal((await login(PASSWORD)).status, 200);
    });

    it('brute force: 40 wrong passwords sent at once for one account are refused before hashing, all but five', async () => {
      const c = new Client(w.app);
      await c.refresh();
      const started = w.svc.ctx.hashing.started;
      const login = (password: string) =>
        c.request('POST', '/api/v1/civic/login', { json: { email: 'moderator@example.org', password } });
      const res = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`parallel-guess-${i}`)));
      const statuses = res.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(' '));
      assert.equal(statuses.filter((s) => s === 429).length, 35);
      assert.equal(w.svc.ctx.hashing.started - started, 5, 'passwords hashed');
      await refused(() => login(PASSWORD), 429, 'locked');
      const audit = await w.svc.auditLog(100);
      assert.equal(
        audit.filter(
          (e) => e.action === 'session.sign-in-failed' && e.target === 'email:moderator@example.org',
        ).length,
        5,
      );
      assert.equal(
        audit.filter((e) => e.action === 'lockout' && e.target === 'email:moderator@example.org').length,
        1,
      );
      w.clock.advance(16 * MIN);
    });

    it('password hashing waits in a bounded queue: when it is full a sign-in is refused as busy (503), not piled up', async () => {
      const saved = w.svc.ctx.hashing;
      w.svc.ctx.hashing = new WorkQueue('password hashing', { concurrency: 1, waiting: 1 });
      try {
        const res = await Promise.all(
          ['participant', 'analyst', 'admin', 'moderator'].map(async (role, i) => {
            const c = new Client(w.app, `198.51.100.${i + 1}`);
            await c.refresh();
            return c.request('POST', '/api/v1/civic/login', {
              json: { email: `${role}@example.org`, password: 'wrong password' },
            });
          }),
        );
        const statuses = res.map((r) => r.status).sort();
        assert.deepEqual(statuses, [401, 401, 503, 503]);
        const busy = res.find((r) => r.status === 503)!;
        assert.equal(await code(busy), 'busy');
      } finally {
        w.svc.ctx.hashing = saved;
      }
    });

    it('behind a trusted proxy, an attacker’s failed sign-ins lock out only the attacker’s address', async () => {
      const app = w.appWith({ trustProxy: { hops: 1 } });
      const via = (forwarded: string) => {
        const c = new Client(app, '10.0.0.2'); // every request arrives from the proxy
        const request = c.request.bind(c);
        c.request = (method, path, sent = {}) =>
          request(method, path, { ...sent, headers: { 'x-forwarded-for': forwarded, ...sent.headers } });
        return c;
      };
      const attacker = via('203.0.113.66');
      await attacker.refresh();
      const res = await Promise.all(
        Array.from({ length: 21 }, (_, i) =>
          attacker.request('POST', '/api/v1/civic/login', {
            json: { email: `nobody-${i}@example.org`, password: 'a wrong password' },
          }),
        ),
      );
      assert.deepEqual(res.map((r) => r.status).sort(), [...Array<number>(20).fill(401), 429]);
      assert.equal((await attacker.signIn('analyst@example.org', PASSWORD)).status, 429);
      // what a client writes to the left of the proxy's entry is not believed
      assert.equal(
        (await via('198.51.100.20, 203.0.113.66').signIn('analyst@example.org', PASSWORD)).status,
        429,
      );
      assert.equal((await via('198.51.100.20').signIn('analyst@example.org', PASSWORD)).status, 200);
      const audit = await w.svc.auditLog(100);
      assert.ok(audit.some((e) => e.action === 'lockout' && e.target === 'address:203.0.113.66'));
      w.clock.advance(16 * MIN);
    });

    it('brute force: after ten wrong invitation codes from an address each try waits a growing delay; a good code waits too', async () => {
      const c = new Client(w.app, '192.0.2.77');
      await c.refresh();
      const redeem = (k: string) => c.request('POST', `${R}/redeem`, { json: { code: k } });
      const res = await Promise.all(Array.from({ length: 40 }, (_, i) => redeem(`WRONG-${i}`)));
      const statuses = res.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 401).length, 11, statuses.join(' '));
      assert.equal(statuses.filter((s) => s === 429).length, 29);
      await refused(() => redeem(w.codes[102]!), 429, 'locked');
      w.clock.advance(1000);
      assert.equal((await redeem('WRONG-41')).status, 401);
      await refused(() => redeem(w.codes[102]!), 429, 'locked');
      w.clock.advance(2000);
      assert.equal((await c.redeem(RIVERSIDE.id, w.codes[102]!)).status, 200);
      w.clock.advance(61 * MIN);
    });

    it('public pages show no raw error text: a missing dataset is not named to residents', async () => {
      const v = await w.voter();
      const html = await (await v.request('GET', `/participate/${RIVERSIDE.id}`)).text();
      assert.match(html, /No evidence for this area is in the store yet\./);
      assert.doesNotMatch(html, /strata data import|ons-gva-lad|Error/);
      const evidence = await (await v.request('GET', `${R}/evidence`)).text();
      assert.doesNotMatch(evidence, /strata data import|ons-gva-lad/);
    });

    it('voting after the close is refused, at closing time and after an early close', async () => {
      const cli = { subject: 'cli:test', role: 'admin' as const };
      const now = w.clock.now();
      const closes = new Date(now.getTime() + 10 * MIN).toISOString();
      await w.svc.createConsultation(
        cli,
        checkConsultationFile({
          ...RIVERSIDE,
          id: 'late-2026',
          electorate: 'accounts',
          eligibility: { domains: ['example.org'] },
          opens: now.toISOString(),
          closes,
        }),
      );
      await w.svc.openConsultation(cli, 'late-2026');
      const p = await w.signIn('participant');
      const cast = () =>
        p.request('POST', '/api/v1/civic/consultations/late-2026/ballot', { json: { ballot: ['A'] } });
      assert.equal((await cast()).status, 200);
      w.clock.advance(10 * MIN);
      await refused(cast, 409, 'closed');
      await refused(() => p.request('POST', `/participate/late-2026/ballot`, { form: { option: 'B' } }), 409);
      const v = await w.voter();
      assert.equal((await w.clients.admin.request('POST', `${R}/close`)).status, 200);
      await refused(() => v.request('POST', `${R}/ballot`, { json: { ballot: ['C'] } }), 409, 'closed');
    });
  });
}
