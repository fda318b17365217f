// The registers' routes on the data pack with the example register: the list filtered by area,
// status and deadline; one commitment with its history and the rule beside each status; frozen
// projections, one with forecast against outturn whose parts add to the total; CSV of each; bad
// parameters refused naming the field; no writes over these routes; 503 without a civic store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createApp } from '../../../src/api/app.ts';
import {
  CommitmentHistory,
  CommitmentList,
  ProjectionDetail,
  ProjectionList,
} from '../../../src/contract/accountability.ts';
import type { CivicService } from '../../../src/civic/service.ts';
import type { Workbench } from '../../../src/workbench.ts';
import { packWorkbench } from '../../helpers/pack.ts';
import { registersService } from '../../helpers/registers.ts';

let wb: Workbench;
let app: ReturnType<typeof createApp>;
let civic: CivicService;
let close: () => Promise<void>;
before(async () => {
  wb = await packWorkbench();
  const r = await registersService(wb);
  close = r.close;
  civic = r.civic;
  app = createApp({ workbench: wb, webDir: null, civic: r.civic });
});
after(async () => {
  await close?.();
  wb?.close();
});

const get = async (url: string) => {
  const res = await app.request(url);
  assert.equal(res.status, 200, await res.clone().text());
  return res.json();
};

describe('GET /api/v1/commitments', () => {
  it('lists the register with statuses and rules, the same as the workbench', async () => {
    const r = CommitmentList.parse(await get('/api/v1/commitments'));
    const direct = await wb.commitments(civic.registers);
    assert.deepEqual(r, direct);
    assert.ok(r.commitments.length >= 3);
    assert.ok(r.commitments.every((c) => c.example));
    const uk = r.commitments.find((c) => c.id === 'UK-2024-001')!;
    assert.equal(uk.rule, 'trajectory@1');
    assert.deepEqual(
      r.statuses.map((s) => s.status),
      ['achieved', 'on-track', 'signs-of-progress', 'off-track', 'not-kept', 'unclear'],
    );
  });

  it('filters by area, status and deadline', async () => {
    const all = CommitmentList.parse(await get('/api/v1/commitments')).commitments;
    const man = CommitmentList.parse(await get('/api/v1/commitments?area=E08000003')).commitments;
    assert.deepEqual(
      man.map((c) => c.id),
      all.filter((c) => c.areas.includes('E08000003')).map((c) => c.id),
    );
    assert.ok(man.length > 0 && man.length < all.length);
    const status = all[0]!.status;
    const same = CommitmentList.parse(await get(`/api/v1/commitments?status=${status}`)).commitments;
    assert.deepEqual(
      same.map((c) => c.id),
      all.filter((c) => c.status === status).map((c) => c.id),
    );
    const due = CommitmentList.parse(await get('/api/v1/commitments?dueBy=2026-06-30')).commitments;
    assert.deepEqual(
      due.map((c) => c.id),
      all.filter((c) => c.deadline <= '2026-06-30').map((c) => c.id),
    );
  });

  it('answers CSV with the rule beside the status', async () => {
    const res = await app.request('/api/v1/commitments?format=csv');
    assert.match(res.headers.get('content-type')!, /^text\/csv/);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const uk = rows.find((x) => x['id'] === 'UK-2024-001')!;
    assert.equal(uk['rule'], 'trajectory@1');
    assert.equal(uk['example'], 'true');
  });

  it('refuses a status outside the vocabulary, a bad date and unknown parameters, naming them', async () => {
    for (const [url, field] of [
      ['/api/v1/commitments?status=kept-ish', /invalid status: kept-ish/],
      ['/api/v1/commitments?dueBy=2026-02-30', /2026-02-30/],
      ['/api/v1/commitments?dueBy=tomorrow', /dueBy/],
      ['/api/v1/commitments?area=../etc', /area/],
      ['/api/v1/commitments?who=x', /who/],
    ] as const) {
      const res = await app.request(url);
      assert.equal(res.status, 400, url);
      assert.match(JSON.stringify(await res.json()), field, url);
    }
  });
});

describe('GET /api/v1/commitments/{id}', () => {
  it('gives one commitment with its append-only history, each status with its rule', async () => {
    const r = CommitmentHistory.parse(await get('/api/v1/commitments/UK-2024-001'));
    assert.equal(r.commitment.id, 'UK-2024-001');
    assert.ok(r.history.length >= 1);
    assert.deepEqual(
      r.history.map((h) => h.seq),
      r.history.map((_, i) => i + 1),
    );
    assert.equal(r.history.at(-1)!.status, r.commitment.status);
    assert.equal(r.history.at(-1)!.rule, 'trajectory@1');
    const csv = await (await app.request('/api/v1/commitments/UK-2024-001?format=csv')).text();
    assert.equal(csv.split('\n')[0], 'seq,date,status,rule,reason,evidence,who');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    assert.equal((await app.request('/api/v1/commitments/UK-2099-999')).status, 404);
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'UK-2024-1', 'uk-2024-001'])
      assert.equal((await app.request(`/api/v1/commitments/${bad}`)).status, 400, bad);
  });
});

describe('GET /api/v1/projections', () => {
  it('lists frozen projections with their vintages, by area', async () => {
    const r = ProjectionList.parse(await get('/api/v1/projections'));
    assert.deepEqual(
      r.projections.map((p) => [p.id, p.area, p.method]),
      [['P-2023-001', 'E08000003', 'linear-trend@1']],
    );
    assert.ok(r.projections[0]!.vintages.every((v) => /^[0-9a-f]{64}$/.test(v.sha256)));
    const none = ProjectionList.parse(await get('/api/v1/projections?area=E06000001'));
    assert.deepEqual(none.projections, []);
  });

  it('gives one projection against its outturn, the parts adding to the total exactly', async () => {
    const r = ProjectionDetail.parse(await get('/api/v1/projections/P-2023-001'));
    assert.equal(r.pending, null);
    const o = r.outturn!;
    assert.ok(Math.abs(o.error.total.value - (o.outturn - r.projection.value)) < 1e-9);
    const sum = o.error.revision.value + o.error.policy.value + o.error.rest.value;
    assert.ok(Math.abs(sum - o.error.total.value) < 1e-9);
    assert.deepEqual(r, { ...(await wb.projectionDetail(civic.registers, 'P-2023-001')) });
    const csv = parse(await (await app.request('/api/v1/projections/P-2023-001?format=csv')).text(), {
      columns: true,
    }) as Record<string, string>[];
    assert.deepEqual(
      csv.map((x) => x['part']),
      ['total', 'revision', 'policy', 'rest'],
    );
  });

  it('answers 404 for an unknown projection and 400 for a malformed id', async () => {
    assert.equal((await app.request('/api/v1/projections/P-2099-001')).status, 404);
    assert.equal((await app.request('/api/v1/projections/P-1')).status, 400);
  });
});

describe('the registers over HTTP', () => {
  it('are read-only: writes are not routes', async () => {
    for (const url of ['/api/v1/commitments', '/api/v1/commitments/UK-2024-001', '/api/v1/projections'])
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const res = await app.request(url, {
          method,
          body: '{}',
          headers: { 'content-type': 'application/json' },
        });
        assert.equal(res.status, 404, `${method} ${url}`);
      }
  });

  it('answer 503 on a server without a civic store', async () => {
    const bare = createApp({ workbench: wb, webDir: null });
    for (const url of ['/api/v1/commitments', '/api/v1/projections', '/api/v1/projections/P-2023-001'])
      assert.equal((await bare.request(url)).status, 503, url);
  });
});
