// Several instances, one consultation: two `strata serve` processes on one PostgreSQL database
// take ballots offered at 1,000 a second, spread across both; one is killed with SIGKILL in the
// middle. Afterwards nothing acknowledged is lost, every voter's ballot is counted once (their
// last), and the chain verifies from the published consultation to the head. PostgreSQL only:
// it is the store for several instances (CI runs it; STRATA_TEST_PG names the server).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countedByVoter } from '../../src/civic/chain.ts';
import { verifyChain } from '../../src/civic/chain-verify.ts';
import { checkConsultationFile } from '../../src/civic/consultation-file.ts';
import { CivicService } from '../../src/civic/service.ts';
import type { Receipt } from '../../src/civic/service/ballots.ts';
import { readEntries } from '../../src/civic/service/log.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';
import { RIVERSIDE } from './consultation-fixture.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { freshStore, storeKinds, type TestStore } from './stores.ts';

const CLIENTS = 300;
const RATE = 1000; // ballots offered per second, across both instances
const SECONDS = 4;
const KILL_AT = 2000; // ms
const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const BALLOTS = [['A'], ['B'], ['C'], ['A', 'B'], ['B', 'C'], []];

interface Voter {
  cookie: string;
  csrf: string;
  busy: boolean;
  acked: Receipt[];
}

before(async () => (await packWorkbench()).close());

async function voters(url: string): Promise<Voter[]> {
  const svc = await CivicService.open(url);
  try {
    const now = Date.now();
    const file = {
      ...RIVERSIDE,
      electorate: 'codes',
      openPoll: undefined,
      opens: new Date(now - 60_000).toISOString(),
      closes: new Date(now + 86_400_000).toISOString(),
    };
    await svc.createConsultation(ADMIN, checkConsultationFile(file));
    await svc.openConsultation(ADMIN, RIVERSIDE.id);
    const { codes } = await svc.issueCodes(ADMIN, RIVERSIDE.id, { count: CLIENTS, expiresAt: file.closes });
    const out: Voter[] = [];
    for (const code of codes) {
      const { token, session } = await svc.redeem({
        consultationId: RIVERSIDE.id,
        code,
        ip: 'instances-test',
      });
      out.push({
        cookie: `__Host-strata_session=${token}`,
        csrf: svc.csrfToken(`session:${session.idHash}`),
        busy: false,
        acked: [],
      });
    }
    return out;
  } finally {
    await svc.close();
  }
}

/** Sends one ballot; records the receipt if acknowledged. A connection lost to the killed instance is no acknowledgement. */
async function cast(base: string, v: Voter, ballot: string[]): Promise<void> {
  v.busy = true;
  try {
    const res = await fetch(`${base}api/v1/civic/consultations/${RIVERSIDE.id}/ballot`, {
      method: 'POST',
      headers: { cookie: v.cookie, 'x-csrf-token': v.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ ballot }),
    });
    if (res.status !== 200) throw new Error(`ballot refused: ${res.status} ${await res.text()}`);
    v.acked.push((await res.json()) as Receipt);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e; // fetch failed: the instance died with it in flight
  } finally {
    v.busy = false;
  }
}

for (const kind of storeKinds().filter((k) => k === 'postgres')) {
  describe('two instances on one PostgreSQL, one killed mid-load', () => {
    let store: TestStore;
    const servers: ServerProcess[] = [];
    before(() => void (store = freshStore(kind)));
    after(async () => {
      for (const s of servers)
        if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exited));
      await store.drop();
    });

    it('loses nothing acknowledged, counts each voter once, and keeps one verifiable chain', async () => {
      const vs = await voters(store.url);
      servers.push(
        await startServerProcess(PACK_DB, store.url),
        await startServerProcess(PACK_DB, store.url),
      );
      const [a, b] = servers;
      let killed = false;
      const inflight: Promise<void>[] = [];
      const start = Date.now();
      let offered = 0;
      let next = 0;
      while (Date.now() - start < SECONDS * 1000) {
        const due = Math.floor(((Date.now() - start) * RATE) / 1000);
        for (; offered < due; offered++) {
          // round robin over voters not waiting for an answer; odd voters use the instance that dies
          let k = next;
          while (vs[k % CLIENTS]!.busy && k < next + CLIENTS) k++;
          next = k + 1;
          const v = vs[k % CLIENTS]!;
          if (v.busy) continue;
          const target = k % 2 === 1 && !killed ? a! : b!;
          inflight.push(cast(target.url, v, BALLOTS[offered % BALLOTS.length]!));
        }
        if (!killed && Date.now() - start >= KILL_AT) {
          a!.child.kill('SIGKILL');
          killed = true;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      await Promise.all(inflight);
      await a!.exited;
      const elapsed = (Date.now() - start) / 1000;
      const receipts = vs.flatMap((v) => v.acked);

      let logLength: number;
      const svc = await CivicService.open(store.url);
      try {
        const entries = await readEntries(svc.ctx.cdb.db, RIVERSIDE.id);
        const head = (await svc.head(RIVERSIDE.id))!;
        const spec = (await svc.consultation(RIVERSIDE.id, true)).spec;
        assert.ok(
          verifyChain(spec, entries, { head: head.hash, count: head.count }).ok,
          'the chain verifies',
        );
        const bySeq = new Map(entries.map((e) => [e.seq, e]));
        const lost = receipts.filter((r) => bySeq.get(r.seq)?.hash !== r.hash);
        assert.deepEqual(lost, [], `${lost.length} acknowledged ballots lost`);
        const counted = countedByVoter(entries);
        assert.equal(new Set(counted.map((c) => c.voter)).size, counted.length, 'a voter counted twice');
        assert.ok(counted.length <= CLIENTS);
        const lastSeq = new Map<string, number>();
        for (const e of entries) lastSeq.set(e.voter, e.seq);
        for (const v of vs.filter((x) => x.acked.length)) {
          const voter = bySeq.get(v.acked[0]!.seq)!.voter;
          assert.ok(
            v.acked.every((r) => bySeq.get(r.seq)!.voter === voter),
            'one pseudonym per voter',
          );
          assert.ok(
            lastSeq.get(voter)! >= v.acked.at(-1)!.seq,
            'the counted ballot is the last one or a later one',
          );
        }
        const viaA = receipts.length;
        console.log(
          `# offered ${offered} ballots in ${elapsed.toFixed(1)} s (${(offered / elapsed).toFixed(0)}/s), ${viaA} acknowledged (${(viaA / elapsed).toFixed(0)}/s), ${entries.length} in the log; one instance killed at ${KILL_AT} ms`,
        );
        // the generator offers 1,000 a second; on a loaded machine it may fall behind: half is the floor
        assert.ok(offered >= RATE * SECONDS * 0.5, `offered only ${offered}`);
        assert.ok(entries.length >= receipts.length);
        logLength = entries.length;
      } finally {
        await svc.close();
      }
      // the surviving instance goes on taking ballots
      const more = vs[0]!;
      await cast(b!.url, more, ['C']);
      assert.equal(more.acked.at(-1)!.seq, logLength, 'the log goes on where it stood');
    });
  });
}
