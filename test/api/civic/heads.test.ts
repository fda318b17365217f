// The head routes: while voting runs the public sees only the last head published on the
// schedule (never the live one, which would time each ballot), staff the live one; the signed
// series and the signing keys are public; drafts stay hidden.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { publishedKey, type HeadSigner } from '../../../src/civic/service.ts';
import { verifyExport } from '../../../src/civic/chain-export.ts';
import { readSeries } from '../../../src/cli/commands/civic-heads.ts';
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

describe('GET …/heads a page at a time', () => {
  let w: CivicWorld;
  const pair = generateKeyPairSync('ed25519');
  const signer: HeadSigner = { privateKey: pair.privateKey, published: publishedKey(pair.publicKey) };
  const dir = mkdtempSync(join(tmpdir(), 'strata-heads-pages-'));
  before(async () => {
    w = await civicWorld('sqlite');
    const v = await w.voter();
    for (const [i, ballot] of [['A'], ['B'], ['C']].entries()) {
      w.clock.set(`2026-05-02T1${i}:00:00Z`);
      assert.equal((await v.request('POST', `${P}/ballot`, { json: { ballot } })).status, 200);
      assert.equal((await w.svc.publishHeads(signer, 3600)).length, 1);
    }
  });
  after(async () => {
    await w.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (query: string, headers: Record<string, string> = {}) =>
    w.clients.anonymous.request('GET', `${P}/heads${query}`, { headers });
  type Page = { entries: { seq: number }[]; keys: unknown[]; next: number | null };

  it('pages by limit and after; a full page is cached for good, the last one revalidated by its ETag', async () => {
    const first = await get('?limit=2');
    assert.equal(first.status, 200);
    const p1 = (await first.json()) as Page;
    assert.deepEqual([p1.entries.map((e) => e.seq), p1.next, p1.keys.length], [[0, 1], 1, 1]);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const last = await get(`?limit=2&after=${p1.next}`);
    const p2 = (await last.json()) as Page;
    assert.deepEqual([p2.entries.map((e) => e.seq), p2.next], [[2], null]);
    assert.equal(last.headers.get('cache-control'), 'public, no-cache');
    const etag = last.headers.get('etag')!;
    assert.match(etag, /^"[\w-]{32}"$/);
    const same = await get('?limit=2&after=1', { 'if-none-match': etag });
    assert.equal(same.status, 304);
    assert.equal(await same.text(), '');
    const whole = (await (await get('')).json()) as Page;
    assert.deepEqual([whole.entries.length, whole.next], [3, null]);
    const empty = (await (await get('?after=2')).json()) as Page;
    assert.deepEqual([empty.entries, empty.keys, empty.next], [[], [], null]);
  });

  it('a new head changes the last page’s ETag', async () => {
    const before = (await get('?after=1')).headers.get('etag')!;
    w.clock.set('2026-05-02T14:00:00Z');
    const v = await w.voter();
    assert.equal((await v.request('POST', `${P}/ballot`, { json: { ballot: ['A'] } })).status, 200);
    await w.svc.publishHeads(signer, 3600);
    const now = await get('?after=1', { 'if-none-match': before });
    assert.equal(now.status, 200);
    assert.notEqual(now.headers.get('etag'), before);
  });

  it('refuses bad paging with a 400 naming the field, and keeps a draft’s series out of shared caches', async () => {
    for (const [q, field] of [
      ['?limit=0', 'limit'],
      ['?limit=1001', 'limit'],
      ['?limit=two', 'limit'],
      ['?after=-1', 'after'],
      ['?after=1.5', 'after'],
      ['?page=2', 'page'],
    ] as const) {
      const res = await get(q);
      assert.equal(res.status, 400, q);
      assert.match(await res.text(), new RegExp(field), q);
    }
    const draft = await w.clients.admin.request('GET', '/api/v1/civic/consultations/draft-2026/heads');
    assert.equal(draft.status, 200);
    assert.equal(draft.headers.get('cache-control'), 'no-store');
    assert.equal(draft.headers.get('etag'), null);
  });

  it('the pages, saved in order, verify an export as the whole series does', async () => {
    const files: string[] = [];
    for (let after: number | null = -1, i = 0; after !== null; i++) {
      const page = (await (await get(`?limit=2${after >= 0 ? `&after=${after}` : ''}`)).json()) as Page;
      files.push(join(dir, `page-${i}.json`));
      writeFileSync(files.at(-1)!, JSON.stringify(page));
      after = page.next;
    }
    assert.equal(files.length, 2);
    const series = readSeries(files);
    assert.deepEqual(
      series.entries.map((e) => e.seq),
      [0, 1, 2, 3],
    );
    w.clock.set('2026-05-20T10:00:00Z');
    const log = await (await w.clients.anonymous.request('GET', `${P}/export`)).text();
    const r = verifyExport(log, { heads: { series, pinned: signer.published } });
    assert.equal(r.heads?.fault, undefined);
    assert.equal(r.proven?.count, 4);
    assert.throws(
      () => readSeries(files.slice(0, 1)),
      /goes on after entry 1: add the next page \(GET …\/heads\?after=1\)/,
    );
    assert.throws(
      () => readSeries([files[1]!, files[0]!]),
      /page-1\.json starts at head entry 2, expected 0/,
    );
  });
});
