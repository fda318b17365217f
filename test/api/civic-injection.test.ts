// SQL injection and cross-site scripting attempts in every text field the civic routes take,
// stored and reflected. Stored text comes back byte for byte in JSON (every query is
// parameterised) and escaped in HTML; malformed values are refused with nothing changed; no
// page reflects a payload unescaped.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RIVERSIDE } from '../civic/consultation-fixture.ts';
import { storeKinds } from '../civic/stores.ts';
import { esc } from '../../src/api/civic/html.ts';
import { Client } from './civic-client.ts';
import { civicWorld, type CivicWorld } from './civic-fixture.ts';

const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE ballots; --",
  '" OR 1=1 --',
  "x'); DELETE FROM sessions; --",
  '1 UNION SELECT password_hash FROM users',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  'javascript:alert(1)',
  '</textarea><script>alert(2)</script>',
];
/** Markup that must never reach a page unescaped. */
const RAW = ['<script>', '<img src=x', '<svg/onload', '</textarea>'];
const rawIn = (html: string) => RAW.filter((m) => html.includes(m));

for (const kind of storeKinds()) {
  describe(`civic injection attempts on ${kind}`, () => {
    let w: CivicWorld;
    let admin: Client;
    before(async () => {
      w = await civicWorld(kind);
      admin = w.clients.admin;
    });
    after(() => w.close());

    async function unchanged(
      send: () => Promise<Response>,
      ok: (status: number) => boolean,
    ): Promise<Response> {
      const before = await w.snapshot();
      const res = await send();
      assert.ok(ok(res.status), `${res.status} ${await res.clone().text()}`);
      assert.equal(await w.snapshot(), before);
      return res;
    }

    it('stored: payloads in titles, descriptions, option names and notes come back verbatim in JSON and escaped in every page', async () => {
      for (const [k, p] of PAYLOADS.entries()) {
        const id = `inj-${k}`;
        const file = {
          ...RIVERSIDE,
          id,
          title: p,
          description: p,
          options: RIVERSIDE.options.map((o) => ({ ...o, name: `${o.name} ${p}`, description: p })),
        };
        assert.equal(
          (await admin.request('POST', '/api/v1/civic/consultations', { json: file })).status,
          200,
        );
        assert.equal((await admin.request('POST', `/api/v1/civic/consultations/${id}/open`)).status, 200);
        const back = (await (await admin.request('GET', `/api/v1/civic/consultations/${id}`)).json()) as {
          consultation: { title: string; options: { name: string }[] };
          description: string;
          notes: Record<string, string>;
        };
        assert.equal(back.consultation.title, p);
        assert.equal(back.description, p);
        assert.equal(back.notes.A, p);
        assert.equal(back.consultation.options[0]!.name, `Play area ${p}`);
      }
      const voter = await w.signIn('participant');
      for (const [k] of PAYLOADS.entries()) {
        const res = await voter.request('POST', `/api/v1/civic/consultations/inj-${k}/ballot`, {
          json: { ballot: ['A'] },
        });
        assert.equal(res.status, 200);
      }
      const list = await (await voter.request('GET', '/participate')).text();
      assert.deepEqual(rawIn(list), []);
      for (const [k, p] of PAYLOADS.entries()) {
        const html = await (await voter.request('GET', `/participate/inj-${k}`)).text();
        assert.deepEqual(rawIn(html), [], `page ${k}`);
        assert.ok(
          html.includes(`<h1>${esc(p)}</h1>`) && list.includes(esc(p)),
          `page ${k} shows the title escaped`,
        );
      }
      for (const [k] of PAYLOADS.entries())
        await admin.request('POST', `/api/v1/civic/consultations/inj-${k}/close`);
      for (const [k] of PAYLOADS.entries()) {
        const html = await (await voter.request('GET', `/participate/inj-${k}/results`)).text();
        assert.deepEqual(rawIn(html), [], `results ${k}`);
        assert.ok(html.includes(esc(PAYLOADS[k]!)), `results ${k} show the title escaped`);
      }
      for (const t of ['users', 'sessions', 'ballots', 'codes'] as const)
        assert.ok(
          (await w.svc.ctx.cdb.db.selectFrom(t).selectAll().execute()).length > 0,
          `${t} still has rows`,
        );
    });

    it('refused with nothing changed: payloads where ids, codes, e-mail addresses, areas and rules go', async () => {
      const anon = new Client(w.app);
      await anon.refresh();
      const voter = await w.voter();
      const bad = (s: number) => s === 400 || s === 401 || s === 404;
      for (const p of PAYLOADS) {
        const e = encodeURIComponent(p);
        await unchanged(
          () => admin.request('POST', '/api/v1/civic/consultations', { json: { ...RIVERSIDE, id: p } }),
          bad,
        );
        await unchanged(
          () =>
            admin.request('POST', '/api/v1/civic/consultations', {
              json: { ...RIVERSIDE, id: 'x-1', area: p },
            }),
          bad,
        );
        await unchanged(
          () =>
            admin.request('POST', '/api/v1/civic/consultations', {
              json: { ...RIVERSIDE, id: 'x-2', rule: p },
            }),
          bad,
        );
        const opts = [{ id: p, name: 'x', cost: '1' }, ...RIVERSIDE.options];
        await unchanged(
          () =>
            admin.request('POST', '/api/v1/civic/consultations', {
              json: { ...RIVERSIDE, id: 'x-3', options: opts },
            }),
          bad,
        );
        await unchanged(() => admin.request('GET', `/api/v1/civic/consultations/${e}`), bad);
        await unchanged(
          () => admin.request('PATCH', `/api/v1/civic/users/${e}`, { json: { disabled: true } }),
          bad,
        );
        await unchanged(() => admin.request('GET', `/api/v1/civic/audit?before=${e}`), bad);
        await unchanged(
          () =>
            admin.request('POST', `/api/v1/civic/consultations/${RIVERSIDE.id}/codes`, {
              json: { count: 1, expiresAt: p },
            }),
          bad,
        );
        await unchanged(
          () =>
            anon.request('POST', '/api/v1/civic/register', {
              json: { email: p, password: 'long enough password' },
            }),
          bad,
        );
        await unchanged(
          () =>
            voter.request('POST', `/api/v1/civic/consultations/${RIVERSIDE.id}/ballot`, {
              json: { ballot: [p] },
            }),
          bad,
        );
        await unchanged(
          () =>
            voter.request('POST', `/api/v1/civic/consultations/${RIVERSIDE.id}/ballot`, {
              json: { ballot: ['A'], ageBand: p },
            }),
          bad,
        );
        await unchanged(
          () => voter.request('GET', `/api/v1/civic/consultations/${RIVERSIDE.id}/receipts/${e}`),
          bad,
        );
      }
      // Wrong codes count toward the address's lockout (the throttle table is the one thing they write).
      const redeem = `/api/v1/civic/consultations/${RIVERSIDE.id}/redeem`;
      for (const p of PAYLOADS)
        await unchanged(
          () => anon.request('POST', redeem, { json: { code: p } }),
          (s) => s === 401 || s === 429,
        );
      w.clock.advance(31 * 60_000);
    });

    it('reflected: payloads in sign-in, codes, query strings and form fields never reach a page unescaped', async () => {
      const anon = new Client(w.app);
      await anon.refresh();
      const voter = await w.voter();
      for (const p of PAYLOADS) {
        const e = encodeURIComponent(p);
        const pages = [
          await anon.request('GET', `/participate/login?next=${e}`),
          await anon.request('GET', `/participate/${RIVERSIDE.id}?receipt=${e}`),
          await anon.request('GET', `/participate/${e}`),
          await anon.request('GET', `/participate/${e}/results`),
          await anon.request('POST', '/participate/login', { form: { email: p, password: p, next: p } }),
          await voter.request('POST', `/participate/${RIVERSIDE.id}/ballot`, { form: { option: p } }),
          await voter.request('POST', `/participate/${RIVERSIDE.id}/ballot`, {
            form: { option: 'A', ageBand: p },
          }),
        ];
        for (const res of pages) {
          const html = await res.text();
          assert.ok(res.status < 500, html);
          assert.deepEqual(rawIn(html), [], `${res.status} ${html.slice(0, 300)}`);
        }
        const json = await voter.request('POST', `/api/v1/civic/consultations/${RIVERSIDE.id}/ballot`, {
          json: { ballot: [p] },
        });
        assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
        assert.equal(json.headers.get('x-content-type-options'), 'nosniff');
      }
      const echo = await voter.request('POST', `/participate/${RIVERSIDE.id}/ballot`, {
        form: { option: '<script>alert(1)</script>' },
      });
      assert.equal(echo.status, 400);
      assert.match(await echo.text(), /unknown option: &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    });
  });
}
