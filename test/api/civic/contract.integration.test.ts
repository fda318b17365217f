// Every civic JSON route called as its users would, on a civic store beside the real pack (so the
// evidence and the representativeness report are filled), each 200 body validated against the
// schema its route declares: a field the server adds, drops or retypes fails here, and a route
// added without a case here fails the coverage check.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { checkConsultationFile } from '../../../src/civic/service.ts';
import type { Workbench } from '../../../src/workbench.ts';
import { mailbox } from '../../civic/mailbox.ts';
import { GOALS, RIVERSIDE } from '../../civic/consultation-fixture.ts';
import { packWorkbench } from '../../helpers/pack.ts';
import { civicWorld, PASSWORD, type CivicWorld, type RoleName } from '../civic-fixture.ts';
import { Client } from '../civic-client.ts';

const C = '/api/v1/civic';
const R = `${C}/consultations/riverside-2026`;
const CLI = { subject: 'cli:test', role: 'admin' as const };
const PB = [
  'META',
  'key;value',
  'description;Test budget',
  'num_projects;2',
  'num_votes;0',
  'budget;100',
  'vote_type;approval',
  'rule;greedy',
  'PROJECTS',
  'project_id;cost;name',
  '1;60;Park',
  '2;50;Library',
  'VOTES',
  'voter_id;vote',
].join('\n');

interface Step {
  key: string;
  as: RoleName | 'voter' | 'fresh';
  method: string;
  url: string | (() => string);
  json?: () => unknown;
  /** Runs after a 200, with the body (to keep what later steps need). */
  then?: (body: unknown) => void | Promise<void>;
}

describe('every civic route answers in its contract', () => {
  let w: CivicWorld;
  let app: OpenAPIHono;
  let wb: Workbench;
  let mail: Awaited<ReturnType<typeof mailbox>>;
  let voter: Client;
  let fresh: Client;
  let receipt = '';
  let batch = '';
  let userId = '';
  before(async () => {
    mail = await mailbox();
    w = await civicWorld('sqlite', {
      mail: { smtpUrl: mail.url, from: 'consult@council.example', publicUrl: 'http://127.0.0.1:8080' },
    });
    wb = await packWorkbench();
    app = w.appWith({ workbench: wb });
    await w.svc.createConsultation(CLI, checkConsultationFile({ ...GOALS, id: 'goals-2026' }));
    await w.svc.openConsultation(CLI, 'goals-2026');
    for (const role of ['participant', 'moderator', 'analyst', 'admin'] as const) {
      const c = new Client(app);
      await c.signIn(`${role}@example.org`, PASSWORD);
      clients[role] = c;
    }
    clients.anonymous = new Client(app);
    await clients.anonymous.refresh();
    voter = new Client(app);
    assert.equal((await voter.redeem(RIVERSIDE.id, w.codes[0]!)).status, 200);
    fresh = new Client(app);
    await fresh.refresh();
  });
  after(async () => {
    await w?.close();
    wb?.close();
    await mail?.close();
  });
  const clients = {} as Record<RoleName, Client>;
  const client = (as: Step['as']) => (as === 'voter' ? voter : as === 'fresh' ? fresh : clients[as]);

  const STEPS: Step[] = [
    { key: 'GET /session', as: 'anonymous', method: 'GET', url: `${C}/session` },
    {
      key: 'POST /login',
      as: 'fresh',
      method: 'POST',
      url: `${C}/login`,
      json: () => ({ email: 'participant@example.org', password: PASSWORD }),
      then: async () => void (await fresh.refresh()),
    },
    {
      key: 'POST /password',
      as: 'fresh',
      method: 'POST',
      url: `${C}/password`,
      json: () => ({ current: PASSWORD, password: 'a new long passphrase' }),
    },
    {
      key: 'POST /logout',
      as: 'fresh',
      method: 'POST',
      url: `${C}/logout`,
      then: async () => void (await fresh.refresh()),
    },
    {
      key: 'POST /password/reset',
      as: 'fresh',
      method: 'POST',
      url: `${C}/password/reset`,
      json: async () => ({
        token: (await w.svc.issueResetToken(CLI, 'participant@example.org')).token,
        password: PASSWORD,
      }),
    },
    {
      key: 'POST /register',
      as: 'fresh',
      method: 'POST',
      url: `${C}/register`,
      json: () => ({ email: 'new@example.org', password: PASSWORD }),
    },
    {
      key: 'POST /verify',
      as: 'fresh',
      method: 'POST',
      url: `${C}/verify`,
      json: async () => ({ token: /token=([\w-]+)/.exec((await mail.next('new@example.org')).text)![1] }),
    },
    { key: 'GET /users', as: 'admin', method: 'GET', url: `${C}/users` },
    {
      key: 'POST /users',
      as: 'admin',
      method: 'POST',
      url: `${C}/users`,
      json: () => ({ email: 'officer@example.org', password: PASSWORD, role: 'moderator' }),
      then: (b) => void (userId = (b as { id: string }).id),
    },
    {
      key: 'PATCH /users/{id}',
      as: 'admin',
      method: 'PATCH',
      url: () => `${C}/users/${userId}`,
      json: () => ({ disabled: true }),
    },
    { key: 'GET /consultations', as: 'anonymous', method: 'GET', url: `${C}/consultations` },
    {
      key: 'POST /consultations',
      as: 'admin',
      method: 'POST',
      url: `${C}/consultations`,
      json: () => ({ ...GOALS, id: 'spare-2026' }),
    },
    {
      key: 'PUT /consultations/{id}',
      as: 'admin',
      method: 'PUT',
      url: `${C}/consultations/spare-2026`,
      json: () => ({ ...GOALS, id: 'spare-2026', title: 'Spare goals' }),
    },
    {
      key: 'PATCH /consultations/{id}',
      as: 'admin',
      method: 'PATCH',
      url: `${C}/consultations/spare-2026`,
      json: () => ({ description: 'Which goals matter most', closes: '2026-06-30' }),
    },
    {
      key: 'DELETE /consultations/{id}',
      as: 'admin',
      method: 'DELETE',
      url: `${C}/consultations/spare-2026`,
    },
    {
      key: 'POST /consultations/pabulib',
      as: 'admin',
      method: 'POST',
      url: `${C}/consultations/pabulib`,
      json: () => ({
        id: 'pb-2026',
        area: 'E06000001',
        opens: '2026-06-01T09:00:00Z',
        closes: '2026-06-15T17:00:00Z',
        pb: PB,
      }),
    },
    {
      key: 'POST /consultations/{id}/open',
      as: 'admin',
      method: 'POST',
      url: `${C}/consultations/pb-2026/open?scheduled=true`,
    },
    { key: 'GET /consultations/{id}', as: 'anonymous', method: 'GET', url: R },
    { key: 'GET /consultations/{id}/evidence', as: 'anonymous', method: 'GET', url: `${R}/evidence` },
    {
      key: 'POST /consultations/{id}/codes',
      as: 'admin',
      method: 'POST',
      url: `${R}/codes`,
      json: () => ({ count: 2, expiresAt: '2026-05-16T00:00:00Z' }),
      then: (b) => void (batch = (b as { batchId: string }).batchId),
    },
    { key: 'GET /consultations/{id}/codes', as: 'moderator', method: 'GET', url: `${R}/codes` },
    {
      key: 'POST /consultations/{id}/codes/{batch}/revoke',
      as: 'moderator',
      method: 'POST',
      url: () => `${R}/codes/${batch}/revoke`,
    },
    {
      key: 'POST /consultations/{id}/redeem',
      as: 'fresh',
      method: 'POST',
      url: `${R}/redeem`,
      json: () => ({ code: w.codes[1] }),
    },
    {
      key: 'POST /consultations/{id}/ballot',
      as: 'voter',
      method: 'POST',
      url: `${R}/ballot`,
      json: () => ({ ballot: ['A', 'B'], ageBand: '65+', sex: 'female' }),
      then: (b) => void (receipt = (b as { hash: string }).hash),
    },
    { key: 'GET /consultations/{id}/ballot', as: 'voter', method: 'GET', url: `${R}/ballot` },
    {
      key: 'GET /consultations/{id}/receipts/{hash}',
      as: 'voter',
      method: 'GET',
      url: () => `${R}/receipts/${receipt}`,
    },
    {
      key: 'POST /consultations/{id}/notify-me',
      as: 'voter',
      method: 'POST',
      url: `${R}/notify-me`,
      json: () => ({ email: 'voter@example.org' }),
    },
    { key: 'GET /consultations/{id}/head', as: 'admin', method: 'GET', url: `${R}/head` },
    { key: 'GET /consultations/{id}/turnout', as: 'moderator', method: 'GET', url: `${R}/turnout` },
    { key: 'GET /consultations/{id}/heads', as: 'anonymous', method: 'GET', url: `${R}/heads` },
    { key: 'GET /heads/keys', as: 'anonymous', method: 'GET', url: `${C}/heads/keys` },
    { key: 'GET /consultations/{id}/tally', as: 'analyst', method: 'GET', url: `${R}/tally` },
    { key: 'POST /consultations/{id}/close', as: 'admin', method: 'POST', url: `${R}/close` },
    { key: 'GET /consultations/{id}/results', as: 'anonymous', method: 'GET', url: `${R}/results` },
    { key: 'GET /audit', as: 'admin', method: 'GET', url: `${C}/audit` },
  ];

  /** Every documented civic route answering JSON, by `METHOD /path` under /api/v1/civic. */
  const documented = () => {
    type Def = {
      type: string;
      route?: {
        method: string;
        path: string;
        responses: Record<string, { content?: Record<string, { schema: z.ZodType }> }>;
      };
    };
    const defs = (app.openAPIRegistry as unknown as { definitions: Def[] }).definitions;
    const out = new Map<string, z.ZodType>();
    for (const d of defs) {
      const json = d.route?.responses['200']?.content?.['application/json']?.schema;
      if (d.type === 'route' && json && d.route!.path.startsWith(C))
        out.set(`${d.route!.method.toUpperCase()} ${d.route!.path.slice(C.length)}`, json);
    }
    return out;
  };

  it('has a case for every documented civic JSON route', () => {
    const keys = STEPS.map((s) => s.key);
    assert.deepEqual([...documented().keys()].filter((k) => !keys.includes(k)).sort(), []);
    assert.deepEqual(keys.filter((k) => !documented().has(k)).sort(), []);
  });

  for (const s of STEPS) {
    it(`${s.key} as ${s.as}`, async () => {
      if (s.key === 'POST /consultations/{id}/close') {
        // past the closing time (sessions from before have expired: the administrator signs in again)
        w.clock.set('2026-05-20T10:00:00Z');
        clients.admin = new Client(app);
        await clients.admin.signIn('admin@example.org', PASSWORD);
      }
      const url = typeof s.url === 'function' ? s.url() : s.url;
      const res = await client(s.as).request(s.method, url, s.json ? { json: await s.json() } : {});
      assert.equal(res.status, 200, await res.clone().text());
      const body: unknown = await res.json();
      const r = documented().get(s.key)!.safeParse(body);
      assert.ok(
        r.success,
        JSON.stringify(
          r.error?.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      );
      await s.then?.(body);
    });
  }

  it('fills the parts the loose schemas hid: evidence layers, an outcome and a representativeness report', async () => {
    const evidence = (await (await clients.anonymous.request('GET', `${R}/evidence`)).json()) as {
      layers: { rows: unknown[] } | null;
    };
    assert.ok(evidence.layers && evidence.layers.rows.length > 0);
    const results = (await (await clients.anonymous.request('GET', `${R}/results`)).json()) as {
      outcome: { kind: string } | null;
      representativeness: { counted: number } | null;
    };
    assert.equal(results.outcome?.kind, 'budget');
    assert.equal(results.representativeness?.counted, 1);
  });
});
