// The head routes: while voting runs the public sees only the last head published on the
// schedule (never the live one, which would time each ballot), staff the live one; the signed
// series and the signing keys are public; drafts stay hidden.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { publishedKey, type HeadSigner } from '../../../src/civic/service.ts';
import { verifyExport } from '../../../src/civic/chain-export.ts';
import { civicWorld, type CivicWorld } from '../civic-fixture.ts';

const P = '/api/v1/civic/consultations/riverside-2026';

describe('civic head routes', () => {
  let w: CivicWorld;
  const pair = generateKeyPairSync('ed25519');
  const signer: HeadSigner = { privateKey: pair.privateKey, published: publishedKey(pair.publicKey) };
  before(async () => {
    w = await civicWorld('sqlite');
  });
  after(() => w.close());

  it('shows the public the published head only, staff the live one', async () => {
    const anon = w.clients.anonymous;
    const none = await anon.request('GET', `${P}/head`);
    assert.equal(none.status, 409);
    assert.match(
      ((await none.json()) as { error: string }).error,
      /no head of consultation riverside-2026 has been published yet/,
    );
    const v = await w.voter();
    assert.equal((await v.request('POST', `${P}/ballot`, { json: { ballot: ['A'] } })).status, 200);
    await w.svc.publishHeads(signer, 3600);
    assert.equal((await v.request('POST', `${P}/ballot`, { json: { ballot: ['B'] } })).status, 200);
    const pub = (await (await anon.request('GET', `${P}/head`)).json()) as {
      count: number;
      publishedAt: string;
    };
    assert.deepEqual([pub.count, pub.publishedAt], [1, '2026-05-02T10:00:00.000Z']);
    const detail = (await (await anon.request('GET', P)).json()) as { head: { count: number } };
    assert.equal(detail.head.count, 1, 'the consultation page shows the published head too');
    const live = (await (await w.clients.admin.request('GET', `${P}/head`)).json()) as { count: number };
    assert.equal(live.count, 2);
  });

  it('serves the signed series and the keys to anyone; the export verifies against them', async () => {
    const anon = w.clients.anonymous;
    const series = (await (await anon.request('GET', `${P}/heads`)).json()) as {
      entries: { count: number }[];
    };
    assert.deepEqual(
      series.entries.map((e) => e.count),
      [1],
    );
    const keys = (await (await anon.request('GET', '/api/v1/civic/heads/keys')).json()) as {
      keys: unknown[];
    };
    assert.deepEqual(keys.keys, [signer.published]);
    w.clock.set('2026-05-20T10:00:00Z');
    const log = await (await anon.request('GET', `${P}/export`)).text();
    const r = verifyExport(log, { heads: { series, pinned: signer.published } });
    assert.equal(r.heads?.fault, undefined);
    assert.equal(r.proven?.count, 1);
  });

  it('hides a draft’s series from the public; the routes take no writes', async () => {
    const draft = await w.clients.anonymous.request('GET', '/api/v1/civic/consultations/draft-2026/heads');
    assert.equal(draft.status, 404);
    const before = await w.snapshot();
    const post = await w.clients.admin.request('POST', `${P}/heads`, { json: {} });
    assert.ok(post.status === 404 || post.status === 405, String(post.status));
    assert.equal(await w.snapshot(), before);
  });
});
