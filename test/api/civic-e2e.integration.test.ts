// A real consultation run through the API — created, opened, invitation codes redeemed, ballots
// cast and changed (one through the no-JavaScript ballot form), closed — then exported and
// verified with the command line: `strata civic verify` prints the result the API published,
// and names any changed, removed, reordered or inserted entry. On SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createApp } from '../../src/api/app.ts';
import { CivicService } from '../../src/civic/service.ts';
import type { Workbench } from '../../src/workbench.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';
import { freshStore, storeKinds, type TestStore } from '../civic/stores.ts';
import { Client } from './civic-client.ts';

const run = promisify(execFile);
const PASSWORD = 'correct horse battery staple';
const ID = 'hartlepool-fund';

/** The strata CLI; resolves with exit code and output (a non-zero exit is a result, not a failure). */
async function strata(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/strata.js', ...args], {
      env: { ...process.env, STRATA_CIVIC_DB: '' },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** A seeded generator (mulberry32), so the ballots are the same every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let pack: Workbench;
before(async () => (pack = await packWorkbench()));
after(() => pack.close());

for (const kind of storeKinds()) {
  describe(`a consultation through the API, verified by the CLI, on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    let dir: string;
    before(async () => {
      store = freshStore(kind);
      svc = await CivicService.open(store.url);
      dir = mkdtempSync(join(tmpdir(), 'strata-e2e-'));
    });
    after(async () => {
      await svc.close();
      await store.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs, closes, exports and verifies; tampering is named', async () => {
      const app = createApp({ workbench: pack, webDir: null, civic: svc });
      await svc.createAccount(
        { subject: 'cli:test', role: 'admin' },
        { email: 'admin@example.org', password: PASSWORD, role: 'admin' },
      );
      const admin = new Client(app);
      assert.equal((await admin.signIn('admin@example.org', PASSWORD)).status, 200);
      const now = Date.now();
      const file = {
        id: ID,
        title: 'Hartlepool neighbourhood fund',
        area: 'E06000001',
        opens: new Date(now - 60_000).toISOString(),
        closes: new Date(now + 86_400_000).toISOString(),
        ballot: 'approval',
        rule: 'equalshares/add1',
        budget: '100000',
        options: [
          { id: 'p1', name: 'Community kitchen', cost: '40000' },
          { id: 'p2', name: 'Bus shelter repairs', cost: '25000' },
          { id: 'p3', name: 'Youth club', cost: '35000' },
          { id: 'p4', name: 'Street trees', cost: '20000' },
          { id: 'p5', name: 'Library hours', cost: '30000' },
        ],
      };
      assert.equal((await admin.request('POST', '/api/v1/civic/consultations', { json: file })).status, 200);
      assert.equal((await admin.request('POST', `/api/v1/civic/consultations/${ID}/open`)).status, 200);
      const issued = await admin.request('POST', `/api/v1/civic/consultations/${ID}/codes`, {
        json: { count: 40, expiresAt: new Date(now + 3_600_000).toISOString() },
      });
      const { codes } = (await issued.json()) as { codes: string[] };

      const random = rng(2026);
      const bands = ['16-24', '25-49', '50-64', '65+'];
      const voters: Client[] = [];
      for (const [i, code] of codes.entries()) {
        const v = new Client(app);
        assert.equal((await v.redeem(ID, code)).status, 200);
        voters.push(v);
        if (i === 0) continue;
        const ballot = file.options.filter(() => random() < 0.45).map((o) => o.id);
        const declared = i % 5 === 0 ? {} : { ageBand: bands[Math.floor(random() * 4)] };
        const res = await v.request('POST', `/api/v1/civic/consultations/${ID}/ballot`, {
          json: { ballot, ...declared },
        });
        assert.equal(res.status, 200, await res.text());
      }
      for (const v of voters.slice(1, 11))
        await v.request('POST', `/api/v1/civic/consultations/${ID}/ballot`, {
          json: { ballot: ['p4'], ageBand: '65+' },
        });
      const page = await voters[0]!.request('GET', `/participate/${ID}`);
      const html = await page.text();
      assert.match(html, /About Hartlepool’s economy/);
      assert.match(html, /Foundational: material/);
      assert.match(html, /95% interval/);
      const form = await voters[0]!.request('POST', `/participate/${ID}/ballot`, {
        form: { option: ['p2', 'p5'], ageBand: '25-49' },
      });
      assert.equal(form.status, 303);
      assert.match(form.headers.get('location')!, new RegExp(`^/participate/${ID}\\?receipt=[0-9a-f]{64}$`));
      const receipt = await voters[0]!.request('GET', form.headers.get('location')!);
      assert.match(await receipt.text(), /Your ballot is recorded<\/strong> as entry 49 of the log/);

      const head = (await (await admin.request('GET', `/api/v1/civic/consultations/${ID}/head`)).json()) as {
        hash: string;
        count: number;
      };
      assert.equal(head.count, 50);
      assert.equal((await admin.request('POST', `/api/v1/civic/consultations/${ID}/close`)).status, 200);
      const results = (await (
        await admin.request('GET', `/api/v1/civic/consultations/${ID}/results`)
      ).json()) as {
        lines: string[];
        counted: number;
        head: { hash: string };
        representativeness: {
          declared: number;
          poststratification: { strata: { ageBand: string; population: number }[] };
        };
      };
      assert.equal(results.counted, 40);
      assert.equal(results.head.hash, head.hash);
      assert.equal(results.representativeness.declared, 35);
      assert.deepEqual(
        results.representativeness.poststratification.strata.map((s) => s.population),
        [9273, 27292, 20054, 18336],
      );

      const url = store.url;
      const logFile = join(dir, `${ID}-${kind}.jsonl`);
      const exported = await strata('civic', 'export', ID, '--civic', url, '--out', logFile);
      assert.equal(exported.code, 0, exported.err);
      const text = readFileSync(logFile, 'utf8');
      assert.equal(
        await (await admin.request('GET', `/api/v1/civic/consultations/${ID}/export`)).text(),
        text,
      );

      const lines = text.trimEnd().split('\n');
      const variant = (name: string, ls: string[]) => {
        const f = join(dir, `${name}.jsonl`);
        writeFileSync(f, ls.join('\n') + '\n');
        return f;
      };
      const changed = [...lines];
      changed[5] = changed[5]!.replace(/"ballot":\[[^\]]*\]/, '"ballot":["p1"]');
      const files = {
        changed: variant('changed', changed),
        removed: variant(
          'removed',
          lines.filter((_, i) => i !== 7),
        ),
        reordered: variant('reordered', [
          lines[0]!,
          ...lines.slice(1, 10),
          lines[11]!,
          lines[10]!,
          ...lines.slice(12),
        ]),
        inserted: variant('inserted', [...lines.slice(0, 20), lines[19]!, ...lines.slice(20)]),
      };
      const [ok, tally, ...tampered] = await Promise.all([
        strata('civic', 'verify', logFile, '--head', head.hash),
        strata('civic', 'tally', ID, '--civic', url, '--db', PACK_DB),
        ...Object.values(files).map((f) => strata('civic', 'verify', f, '--head', head.hash)),
      ]);
      assert.equal(ok!.code, 0, ok!.out + ok!.err);
      assert.match(ok!.out, new RegExp(`chain: intact, head ${head.hash}`));
      assert.ok(
        ok!.out.includes(results.lines.join('\n')),
        `verify printed:\n${ok!.out}\nAPI published:\n${results.lines.join('\n')}`,
      );
      assert.match(ok!.out, /published outcome: reproduced/);
      assert.ok(tally!.out.includes(results.lines.join('\n')), tally!.out + tally!.err);
      assert.match(tally!.out, /representativeness \(35 of 40 declared an age band/);
      const kinds = tampered.map((t) => [
        t.code,
        /BROKEN at seq (\d+) \((\w+)\)/.exec(t.out)?.slice(1).join(' '),
      ]);
      assert.deepEqual(kinds, [
        [1, '4 changed'],
        [1, '6 removed'],
        [1, '9 reordered'],
        [1, '18 inserted'],
      ]);
    });
  });
}
