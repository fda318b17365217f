// Ballot submissions under load against the real server (`strata serve`, a child process) on
// 127.0.0.1: 1,000 submissions a second for 60 s (STRATA_BENCH_SECONDS to shorten) from 50
// connections, each request a different participant's session and ballot. Targets: the rate
// sustained, p99 latency under 100 ms, zero errors — on the embedded store, and on PostgreSQL
// when STRATA_TEST_PG is set. Afterwards the log must verify and hold every acknowledged ballot.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain } from '../src/civic/chain-verify.ts';
import { checkConsultationFile } from '../src/civic/consultation-file.ts';
import { CivicService } from '../src/civic/service.ts';
import { readEntries } from '../src/civic/service/log.ts';
import { Workbench } from '../src/workbench.ts';
import { RIVERSIDE } from '../test/civic/consultation-fixture.ts';
import { startServerProcess } from '../test/civic/server-process.ts';
import { freshStore } from '../test/civic/stores.ts';

const RATE = 1000;
const SECONDS = Number(process.env.STRATA_BENCH_SECONDS ?? 60);
const SESSIONS = 5000;
const CONNECTIONS = 50;
const ADMIN = { subject: 'cli:bench', role: 'admin' as const };
const BALLOTS = [['A'], ['B'], ['C'], ['A', 'B'], ['B', 'C'], []].map((b, i) =>
  JSON.stringify({ ballot: b, ageBand: ['16-24', '25-49', '50-64', '65+'][i % 4] }),
);

async function sessions(url: string): Promise<{ cookie: string; csrf: string }[]> {
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
    const { codes } = await svc.issueCodes(ADMIN, RIVERSIDE.id, { count: SESSIONS, expiresAt: file.closes });
    const out = [];
    for (const code of codes) {
      const { token, session } = await svc.redeem({ consultationId: RIVERSIDE.id, code, ip: 'bench' });
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

/** Checks the log after the run: the chain verifies and every acknowledged receipt is in it at its seq. */
async function verify(url: string, receipts: Map<number, string>): Promise<string> {
  const svc = await CivicService.open(url);
  try {
    const entries = await readEntries(svc.ctx.cdb.read, RIVERSIDE.id);
    const check = verifyChain((await svc.consultation(RIVERSIDE.id, true)).spec, entries);
    const missing = [...receipts].filter(([seq, hash]) => entries[seq]?.hash !== hash).length;
    return `log: ${entries.length} entries, ${check.ok ? 'chain intact' : 'CHAIN BROKEN'}, ${missing ? `${missing} ACKNOWLEDGED BALLOTS MISSING` : 'every acknowledged ballot present'}`;
  } finally {
    await svc.close();
  }
}

async function run(kind: 'sqlite' | 'postgres', analytic: string): Promise<boolean> {
  const store = freshStore(kind);
  try {
    const list = await sessions(store.url);
    const server = await startServerProcess(analytic, store.url);
    let k = 0;
    const receipts = new Map<number, string>();
    const result = await autocannon({
      url: server.url.replace(/\/$/, ''),
      connections: CONNECTIONS,
      duration: SECONDS,
      overallRate: RATE,
      requests: [
        {
          method: 'POST',
          path: `/api/v1/civic/consultations/${RIVERSIDE.id}/ballot`,
          setupRequest: (req) => {
            const s = list[k % list.length]!;
            const body = BALLOTS[k++ % BALLOTS.length]!;
            return {
              ...req,
              body,
              headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
            };
          },
          onResponse: (status, body) => {
            if (status !== 200) return;
            const r = JSON.parse(body) as { seq: number; hash: string };
            receipts.set(r.seq, r.hash);
          },
        },
      ],
    });
    server.child.kill('SIGTERM');
    await server.exited;
    const ok2xx = result['2xx'];
    const p99 = result.latency.p99;
    const errors = result.errors + result.timeouts + result.non2xx;
    const sustained = ok2xx / SECONDS;
    const met = sustained >= RATE * 0.99 && p99 < 100 && errors === 0;
    console.log(
      `\n${kind === 'sqlite' ? 'embedded store (SQLite, WAL, synchronous=FULL)' : 'PostgreSQL'}: ${SECONDS} s at ${RATE}/s offered, ${CONNECTIONS} connections`,
    );
    console.log(
      `  acknowledged ${ok2xx} ballots: ${sustained.toFixed(0)}/s (target ${RATE}/s); per-second min ${result.requests.min}, mean ${result.requests.average.toFixed(0)}`,
    );
    console.log(
      `  latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${p99} (target < 100), max ${result.latency.max}`,
    );
    console.log(
      `  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} (target 0)`,
    );
    console.log(`  ${await verify(store.url, receipts)}`);
    console.log(`  targets: ${met ? 'met' : 'MISSED'}`);
    return met;
  } finally {
    await store.drop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'strata-civic-load-'));
const analytic = join(dir, 'analytic.duckdb');
(await Workbench.open(analytic)).close();
let missed = 0;
try {
  if (!(await run('sqlite', analytic))) missed++;
  if (process.env.STRATA_TEST_PG) {
    if (!(await run('postgres', analytic))) missed++;
  } else console.log('\nPostgreSQL: set STRATA_TEST_PG=postgres://… to run the same load against it');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = missed ? 1 : 0;
