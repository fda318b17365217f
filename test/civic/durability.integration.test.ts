// Durability: 500 clients submit ballots at once to the real server (a child process); the
// server is killed with SIGKILL mid-stream; after a restart every acknowledged ballot is in the
// log at the seq its receipt named, the chain verifies from the published consultation, the
// head row matches the last entry, and nothing unacknowledged is half-written. On the embedded
// store and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyChain } from '../../src/civic/chain-verify.ts';
import { checkConsultationFile } from '../../src/civic/consultation-file.ts';
import { CivicService } from '../../src/civic/service.ts';
import type { Receipt } from '../../src/civic/service/ballots.ts';
import { readEntries } from '../../src/civic/service/log.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';
import { RIVERSIDE } from './consultation-fixture.ts';
import { startServerProcess } from './server-process.ts';
import { freshStore, storeKinds, type TestStore } from './stores.ts';

const CLIENTS = 500;
const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const BALLOTS = [['A'], ['B'], ['C'], ['A', 'B'], ['B', 'C'], []];

before(async () => (await packWorkbench()).close());

/** Opens a consultation and a participant session per client: cookie and CSRF token. */
async function prepare(url: string): Promise<{ cookie: string; csrf: string }[]> {
  const svc = await CivicService.open(url);
  try {
    const now = Date.now();
    const file = {
      ...RIVERSIDE,
      opens: new Date(now - 60_000).toISOString(),
      closes: new Date(now + 86_400_000).toISOString(),
    };
    await svc.createConsultation(ADMIN, checkConsultationFile(file));
    await svc.openConsultation(ADMIN, RIVERSIDE.id);
    const { codes } = await svc.issueCodes(ADMIN, RIVERSIDE.id, { count: CLIENTS, expiresAt: file.closes });
    const out = [];
    for (const code of codes) {
      const { token, session } = await svc.redeem({
        consultationId: RIVERSIDE.id,
        code,
        ip: 'durability-test',
      });
      out.push({
        cookie: `__Host-strata_session=${token}`,
        csrf: svc.csrfToken(`session:${session.idHash}`),
      });
    }
    return out;
  } finally {
    await svc.close();
  }
}

/** One client casting ballots until the server goes away; returns its acknowledged receipts. */
async function client(
  base: string,
  s: { cookie: string; csrf: string },
  k: number,
  stop: () => boolean,
  onAck: () => void = () => undefined,
): Promise<Receipt[]> {
  const acked: Receipt[] = [];
  for (let i = 0; !stop(); i++) {
    let res: Response;
    try {
      res = await fetch(`${base}api/v1/civic/consultations/${RIVERSIDE.id}/ballot`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ ballot: BALLOTS[(k + i) % BALLOTS.length], ageBand: '25-49' }),
      });
    } catch {
      return acked; // the server is gone: this ballot was not acknowledged
    }
    if (res.status !== 200) throw new Error(`ballot refused: ${res.status} ${await res.text()}`);
    acked.push((await res.json()) as Receipt);
    onAck();
  }
  return acked;
}

for (const kind of storeKinds()) {
  describe(`durability under SIGKILL on ${kind}`, () => {
    let store: TestStore;
    before(() => void (store = freshStore(kind)));
    after(() => store.drop());

    it('every acknowledged ballot survives, the chain verifies, nothing is half-written', async () => {
      const sessions = await prepare(store.url);
      const server = await startServerProcess(PACK_DB, store.url);
      let dead = false;
      let acks = 0;
      const clients = sessions.map((s, k) =>
        client(
          server.url,
          s,
          k,
          () => dead,
          () => acks++,
        ),
      );
      // Kill once the load is well under way: at 1,500 acknowledgements, or 4 s after the first
      // one (a loaded machine may take a while to answer at all; at most a minute).
      const started = Date.now();
      let firstAck = 0;
      while (acks < 1500 && Date.now() - started < 60_000) {
        if (acks > 0) firstAck ||= Date.now();
        if (firstAck && Date.now() - firstAck >= 4000) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      server.child.kill('SIGKILL');
      dead = true;
      await server.exited;
      const receipts = (await Promise.all(clients)).flat();
      assert.ok(receipts.length > 0, 'no ballot was acknowledged before the kill');

      const restarted = await startServerProcess(PACK_DB, store.url);
      try {
        const svc = await CivicService.open(store.url);
        let head: { hash: string; count: number };
        try {
          head = (await svc.head(RIVERSIDE.id))!;
          const entries = await readEntries(svc.ctx.cdb.db, RIVERSIDE.id);
          const spec = (await svc.consultation(RIVERSIDE.id, true)).spec;
          const check = verifyChain(spec, entries, { head: head.hash, count: head.count });
          assert.ok(check.ok, JSON.stringify(check));
          const bySeq = new Map(entries.map((e) => [e.seq, e.hash]));
          const missing = receipts.filter((r) => bySeq.get(r.seq) !== r.hash);
          assert.deepEqual(missing, [], `${missing.length} acknowledged ballots lost`);
          assert.ok(entries.length >= receipts.length);
          const voters = new Set(entries.map((e) => e.voter));
          const respondents = await svc.ctx.cdb.db.selectFrom('respondents').select('voter').execute();
          assert.ok(
            respondents.every((r) => voters.has(r.voter)),
            'a declaration without its ballot',
          );
          console.log(
            `# ${kind}: ${receipts.length} acknowledged before SIGKILL, ${entries.length} in the log after restart (${entries.length - receipts.length} committed but unacknowledged)`,
          );
        } finally {
          await svc.close();
        }
        const more = await client(
          restarted.url,
          sessions[0]!,
          0,
          (() => {
            let n = 0;
            return () => n++ > 0;
          })(),
        );
        assert.equal(more[0]!.seq, head.count, 'the log continues after the restart');
      } finally {
        restarted.child.kill('SIGTERM');
        await restarted.exited;
      }
    });
  });
}
