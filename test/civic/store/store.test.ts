// The civic store: URLs, migrations, and several instances appending to one consultation's log
// at once — the head lock makes one chain of them, on SQLite (separate processes) and PostgreSQL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { genesisHash } from '../../../src/civic/chain.ts';
import { verifyChain } from '../../../src/civic/chain-verify.ts';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { readEntries } from '../../../src/civic/service/log.ts';
import type { Receipt } from '../../../src/civic/service/ballots.ts';
import { openCivicDb, parseStoreUrl, redactUrl } from '../../../src/civic/store/open.ts';
import { RIVERSIDE } from '../consultation-fixture.ts';
import { freshStore, storeKinds, type TestStore } from '../stores.ts';

describe('civic store URLs', () => {
  it('reads sqlite paths (bare or sqlite:) and PostgreSQL URLs with a schema and pool size', () => {
    assert.deepEqual(parseStoreUrl('sqlite:.strata/civic.sqlite'), {
      dialect: 'sqlite',
      path: '.strata/civic.sqlite',
    });
    assert.deepEqual(parseStoreUrl('/tmp/c.sqlite'), { dialect: 'sqlite', path: '/tmp/c.sqlite' });
    assert.deepEqual(parseStoreUrl('postgres://u:p@h:5432/db?schema=s1&pool=4'), {
      dialect: 'postgres',
      connectionString: 'postgres://u:p@h:5432/db',
      schema: 's1',
      pool: 4,
    });
    assert.throws(() => parseStoreUrl('postgres://h/db?schema=x;drop'), /invalid schema name/);
    assert.throws(() => parseStoreUrl('postgres://h/db?pool=0'), /invalid pool size/);
    assert.equal(redactUrl('postgres://u:secret@h/db'), 'postgres://u:***@h/db');
  });
});

describe('embedded store files', () => {
  it('are its owner’s alone: the folder 0700, the database and its WAL 0600, even under a lax umask', async () => {
    const root = mkdtempSync(join(tmpdir(), 'strata-modes-'));
    const old = process.umask(0o022);
    try {
      const path = join(root, 'civic', 'store.sqlite');
      const cdb = await openCivicDb(`sqlite:${path}`);
      await cdb.db.insertInto('settings').values({ key: 'probe', value: 'x' }).execute();
      const mode = (f: string) => (statSync(f).mode & 0o777).toString(8);
      assert.equal(mode(join(root, 'civic')), '700');
      assert.equal(mode(path), '600');
      assert.equal(mode(`${path}-wal`), '600');
      await cdb.close();
      // a store made before this rule is tightened when next opened
      chmodSync(path, 0o644);
      await (await openCivicDb(`sqlite:${path}`)).close();
      assert.equal(mode(path), '600');
    } finally {
      process.umask(old);
      rmSync(root, { recursive: true, force: true });
    }
  });
});

function child(url: string, consultation: string, tokens: string[]): Promise<Receipt[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'test/civic/store/writer-child.ts', url], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Receipt[]) : reject(new Error(`writer exited ${code}`)),
    );
    p.stdin.end(JSON.stringify({ consultation, tokens }));
  });
}

for (const kind of storeKinds()) {
  describe(`civic store on ${kind}`, () => {
    let store: TestStore;
    before(() => void (store = freshStore(kind)));
    after(() => store.drop());

    it('migrates once, and refuses a store from a newer Strata', async () => {
      const a = await openCivicDb(store.url);
      await a.close();
      const b = await openCivicDb(store.url);
      const rows = await b.db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();
      assert.deepEqual(
        rows.map((r) => r.key),
        ['csrf_key', 'schema_version'],
      );
      await b.db.updateTable('settings').set({ value: '99' }).where('key', '=', 'schema_version').execute();
      await b.close();
      await assert.rejects(openCivicDb(store.url), /schema 99, newer than this Strata/);
    });

    it('an edit racing the publication lands before it or is refused: the log commits to what was published', async () => {
      const fresh = freshStore(kind);
      const svc = await CivicService.open(fresh.url);
      try {
        const admin = { subject: 'cli:test', role: 'admin' as const };
        for (let k = 0; k < 10; k++) {
          const id = `race-${k}`;
          await svc.createConsultation(admin, checkConsultationFile({ ...RIVERSIDE, id }));
          const edit = checkConsultationFile({ ...RIVERSIDE, id, rule: 'greedy' });
          const [edited] = await Promise.allSettled([
            svc.updateConsultation(admin, id, edit),
            svc.openConsultation(admin, id),
          ]);
          const spec = (await svc.consultation(id, true)).spec;
          assert.equal(spec.rule, edited.status === 'fulfilled' ? 'greedy' : 'equalshares/add1');
          assert.equal(
            (await svc.head(id))!.hash,
            genesisHash(spec),
            `${id}: head is not the published genesis`,
          );
        }
      } finally {
        await svc.close();
        await fresh.drop();
      }
    });

    it('two instances appending to one log at once make one chain with every receipt in it', async () => {
      const fresh = freshStore(kind);
      const svc = await CivicService.open(fresh.url);
      try {
        const admin = { subject: 'cli:test', role: 'admin' as const };
        await svc.createConsultation(
          admin,
          checkConsultationFile({
            ...RIVERSIDE,
            opens: '2020-01-01T00:00:00Z',
            closes: '2099-01-01T00:00:00Z',
          }),
        );
        await svc.openConsultation(admin, RIVERSIDE.id);
        const { codes } = await svc.issueCodes(admin, RIVERSIDE.id, {
          count: 300,
          expiresAt: '2098-01-01T00:00:00Z',
        });
        const tokens: string[] = [];
        for (const code of codes)
          tokens.push((await svc.redeem({ consultationId: RIVERSIDE.id, code, ip: 'test' })).token);
        const [x, y] = await Promise.all([
          child(fresh.url, RIVERSIDE.id, tokens.slice(0, 150)),
          child(fresh.url, RIVERSIDE.id, tokens.slice(150)),
        ]);
        const entries = await readEntries(svc.ctx.cdb.db, RIVERSIDE.id);
        const spec = (await svc.consultation(RIVERSIDE.id, true)).spec;
        const check = verifyChain(spec, entries);
        assert.ok(check.ok, JSON.stringify(check));
        assert.equal(entries.length, 300);
        const hashes = new Set(entries.map((e) => e.hash));
        for (const r of [...x!, ...y!]) assert.ok(hashes.has(r.hash), `receipt ${r.seq} missing`);
        assert.deepEqual(await svc.head(RIVERSIDE.id), { hash: entries.at(-1)!.hash, count: 300 });
      } finally {
        await svc.close();
        await fresh.drop();
      }
    });
  });
}
