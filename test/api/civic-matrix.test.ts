// Least privilege, tested as a table: every civic route (API and pages) with every role. A role
// the authorisation matrix does not list is refused — 401 when signed out, 403 otherwise — with
// a request that would change state if it got through, and the store is left exactly as it was.
// A role the matrix lists gets past the guard. Every served civic route is in the matrix.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadMatrix } from '../../src/civic/auth/matrix.ts';
import { GOALS, RIVERSIDE } from '../civic/consultation-fixture.ts';
import { storeKinds } from '../civic/stores.ts';
import type { Sent } from './civic-client.ts';
import { civicWorld, PASSWORD, ROLE_NAMES, type CivicWorld } from './civic-fixture.ts';

const matrix = loadMatrix();
const PB = `META\nkey;value\ndescription;Matrix test\nnum_projects;1\nnum_votes;0\nbudget;10\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n`;

interface Case {
  path: string;
  /** Would change state if the guard let it through. */
  refused?: Sent;
  /** Passes the guard without doing harm (a bad body, a draft that cannot close, …). */
  allowed?: Sent;
  /** Where the harmless request goes, when not `path`. */
  allowedPath?: string;
}

function cases(w: CivicWorld, batch: string, receipt: string): Record<string, Case> {
  const c = `/api/v1/civic/consultations`;
  const r = `${c}/${RIVERSIDE.id}`;
  const bad = { json: {} };
  const window = { opens: '2026-06-01T00:00:00Z', closes: '2026-06-10T00:00:00Z' };
  return {
    'GET /api/v1/civic/session': { path: '/api/v1/civic/session' },
    'POST /api/v1/civic/login': { path: '/api/v1/civic/login', allowed: bad },
    'POST /api/v1/civic/logout': { path: '/api/v1/civic/logout', refused: {}, allowed: {} },
    'POST /api/v1/civic/register': {
      path: '/api/v1/civic/register',
      refused: { json: { email: 'new@example.org', password: PASSWORD } },
      allowed: bad,
    },
    'POST /api/v1/civic/verify': {
      path: '/api/v1/civic/verify',
      allowed: { json: { token: 'not-a-token' } },
    },
    'POST /api/v1/civic/password': {
      path: '/api/v1/civic/password',
      refused: { json: { current: PASSWORD, password: 'a new password for the matrix' } },
      allowed: bad,
    },
    'POST /api/v1/civic/password/reset': { path: '/api/v1/civic/password/reset', allowed: bad },
    'GET /api/v1/civic/consultations': { path: c },
    'POST /api/v1/civic/consultations': {
      path: c,
      refused: { json: { ...RIVERSIDE, id: 'matrix-new' } },
      allowed: bad,
    },
    'POST /api/v1/civic/consultations/pabulib': {
      path: `${c}/pabulib`,
      refused: { json: { id: 'matrix-pb', area: 'E06000001', ...window, pb: PB } },
      allowed: bad,
    },
    'GET /api/v1/civic/consultations/{id}': { path: r },
    'PUT /api/v1/civic/consultations/{id}': {
      path: `${c}/draft-2026`,
      refused: { json: { ...GOALS, id: 'draft-2026', title: 'Changed' } },
      allowed: bad,
    },
    'PATCH /api/v1/civic/consultations/{id}': {
      path: `${c}/draft-2026`,
      refused: { json: { title: 'Changed' } },
      allowed: bad,
    },
    'DELETE /api/v1/civic/consultations/{id}': {
      path: `${c}/draft-2026`,
      refused: {},
      // the listed role reaches the service's rule: a published consultation is never deleted
      allowedPath: r,
    },
    'GET /api/v1/civic/consultations/{id}/turnout': { path: `${r}/turnout` },
    'POST /api/v1/civic/consultations/{id}/open': { path: `${c}/draft-2026/open`, refused: {} },
    'POST /api/v1/civic/consultations/{id}/close': { path: `${r}/close`, refused: {} },
    'GET /api/v1/civic/consultations/{id}/head': { path: `${r}/head` },
    'GET /api/v1/civic/consultations/{id}/heads': { path: `${r}/heads` },
    'GET /api/v1/civic/heads/keys': { path: '/api/v1/civic/heads/keys' },
    'GET /api/v1/civic/consultations/{id}/evidence': { path: `${r}/evidence` },
    'POST /api/v1/civic/consultations/{id}/redeem': {
      path: `${r}/redeem`,
      refused: { json: { code: w.codes[150] } },
      allowed: bad,
    },
    'POST /api/v1/civic/consultations/{id}/ballot': {
      path: `${r}/ballot`,
      refused: { json: { ballot: ['C'] } },
      allowed: bad,
    },
    'GET /api/v1/civic/consultations/{id}/ballot': { path: `${r}/ballot` },
    'POST /api/v1/civic/consultations/{id}/notify-me': {
      path: `${r}/notify-me`,
      refused: { json: { email: 'someone@example.org' } },
      allowed: bad,
    },
    'GET /api/v1/civic/consultations/{id}/receipts/{hash}': { path: `${r}/receipts/${receipt}` },
    'GET /api/v1/civic/consultations/{id}/results': { path: `${r}/results` },
    'GET /api/v1/civic/consultations/{id}/export': { path: `${r}/export` },
    'GET /api/v1/civic/consultations/{id}/pabulib': { path: `${r}/pabulib` },
    'GET /api/v1/civic/consultations/{id}/tally': { path: `${r}/tally` },
    'POST /api/v1/civic/consultations/{id}/codes': {
      path: `${r}/codes`,
      refused: { json: { count: 2, expiresAt: '2026-05-10T00:00:00Z' } },
      allowed: bad,
    },
    'GET /api/v1/civic/consultations/{id}/codes': { path: `${r}/codes` },
    'POST /api/v1/civic/consultations/{id}/codes/{batch}/revoke': {
      path: `${r}/codes/${batch}/revoke`,
      refused: {},
    },
    'GET /api/v1/civic/users': { path: '/api/v1/civic/users' },
    'POST /api/v1/civic/users': {
      path: '/api/v1/civic/users',
      refused: { json: { email: 'boss@example.org', password: PASSWORD, role: 'admin' } },
      allowed: bad,
    },
    'PATCH /api/v1/civic/users/{id}': {
      path: `/api/v1/civic/users/${w.ids.participant}`,
      refused: { json: { role: 'admin' } },
      allowed: bad,
    },
    'GET /api/v1/civic/audit': { path: '/api/v1/civic/audit' },
    'GET /participate': { path: '/participate' },
    'GET /participate/login': { path: '/participate/login' },
    'POST /participate/login': {
      path: '/participate/login',
      allowed: { form: { email: 'nobody@example.org', password: 'wrong' } },
    },
    'POST /participate/logout': { path: '/participate/logout', refused: { form: {} }, allowed: { form: {} } },
    'GET /participate/verify': { path: '/participate/verify?token=not-a-token' },
    'POST /participate/verify': { path: '/participate/verify', allowed: { form: { token: 'not-a-token' } } },
    'GET /participate/notify-confirm': { path: '/participate/notify-confirm?token=not-a-token' },
    'POST /participate/notify-confirm': {
      path: '/participate/notify-confirm',
      allowed: { form: { token: 'not-a-token' } },
    },
    'GET /participate/reset': { path: '/participate/reset?token=not-a-token' },
    'POST /participate/reset': {
      path: '/participate/reset',
      allowed: { form: { token: 'not-a-token', password: 'short' } },
    },
    'GET /participate/{id}': { path: `/participate/${RIVERSIDE.id}` },
    'POST /participate/{id}/redeem': {
      path: `/participate/${RIVERSIDE.id}/redeem`,
      refused: { form: { code: w.codes[151]! } },
      allowed: { form: { code: 'not-a-code' } },
    },
    'POST /participate/{id}/ballot': {
      path: `/participate/${RIVERSIDE.id}/ballot`,
      refused: { form: { option: 'C' } },
      allowed: { form: { option: 'Z' } },
    },
    'POST /participate/{id}/notify-me': {
      path: `/participate/${RIVERSIDE.id}/notify-me`,
      refused: { form: { email: 'someone@example.org' } },
      allowed: { form: { email: 'not an address' } },
    },
    'GET /participate/{id}/results': { path: `/participate/${RIVERSIDE.id}/results` },
    'GET /participate/check': { path: '/participate/check' },
    'GET /participate/assets/{file}': { path: '/participate/assets/participate.css' },
    'GET /participate/*': { path: `/participate/${RIVERSIDE.id}/no-such-page` },
  };
}

/** Whether a response is the guard's refusal (not a later one: bad body, wrong phase, wrong password). */
async function guardRefusal(res: Response): Promise<boolean> {
  const text = await res.clone().text();
  return (
    (res.status === 401 && /sign in first/.test(text)) || (res.status === 403 && /may not do this/.test(text))
  );
}

/** Answers that are public records, which shared caches may keep (public-cache.ts). */
const PUBLIC_RECORDS = ['GET /api/v1/civic/consultations/{id}/heads'];

/** Every civic answer, refusals included, is kept by no cache (but public records) and framed by no site. */
function assertHeaders(res: Response, label: string, key = ''): void {
  const cache = res.headers.get('cache-control');
  if (!(PUBLIC_RECORDS.includes(key) && res.status === 200 && /^public\b/.test(cache ?? '')))
    assert.equal(cache, 'no-store', `${label}: cache-control`);
  const csp = res.headers.get('content-security-policy') ?? '';
  for (const d of ["frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"])
    assert.ok(csp.includes(d), `${label}: CSP lacks ${d}: ${csp}`);
}

const logoutLast = (a: string, b: string) =>
  Number(/logout/.test(a)) - Number(/logout/.test(b)) || a.localeCompare(b);

for (const kind of storeKinds()) {
  describe(`authorisation matrix on ${kind}`, () => {
    let w: CivicWorld;
    let table: Record<string, Case>;
    before(async () => {
      w = await civicWorld(kind);
      const voter = await w.voter();
      const res = await voter.request('POST', `/api/v1/civic/consultations/${RIVERSIDE.id}/ballot`, {
        json: { ballot: ['A'] },
      });
      const receipt = ((await res.json()) as { hash: string }).hash;
      const [batch] = await w.svc.codeBatches(RIVERSIDE.id);
      table = cases(w, batch!.batchId, receipt);
    });
    after(() => w.close());

    it('names every civic route the app serves, and only those', () => {
      const served = new Set(
        w.app.routes
          .filter((r) => r.method !== 'ALL' && /^\/(api\/v1\/civic|participate)(\/|$)/.test(r.path))
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
      );
      assert.deepEqual([...served].sort(), [...matrix.keys()].sort());
      assert.deepEqual(Object.keys(table).sort(), [...matrix.keys()].sort());
    });

    it('refuses every role the matrix does not list, changing nothing; lets every listed role through', async () => {
      let refused = 0;
      let allowed = 0;
      for (const key of [...matrix.keys()].sort(logoutLast)) {
        const [method] = key.split(' ');
        const spec = table[key]!;
        // Each sign-out ends the session it is sent with: start the next from fresh sessions.
        if (/logout/.test(key)) for (const role of ROLE_NAMES) w.clients[role] = await w.signIn(role);
        for (const role of ROLE_NAMES) {
          const client = w.clients[role];
          if (!matrix.get(key)!.has(role)) {
            const before = await w.snapshot();
            const res = await client.request(method!, spec.path, spec.refused ?? {});
            assert.equal(
              res.status,
              role === 'anonymous' ? 401 : 403,
              `${role} ${key}: ${res.status} ${await res.clone().text()}`,
            );
            assert.ok(await guardRefusal(res), `${role} ${key}: not the guard's refusal`);
            assertHeaders(res, `${role} ${key}`);
            assert.equal(await w.snapshot(), before, `${role} ${key} changed the store`);
            refused++;
          } else {
            const res = await client.request(method!, spec.allowedPath ?? spec.path, spec.allowed ?? {});
            assert.ok(
              !(await guardRefusal(res)) && res.status !== 403 && res.status < 500,
              `${role} ${key}: ${res.status} ${await res.clone().text()}`,
            );
            assertHeaders(res, `${role} ${key}`, key);
            allowed++;
          }
        }
      }
      assert.equal(refused + allowed, matrix.size * ROLE_NAMES.length);
      assert.ok(refused > 50 && allowed > 50, `${refused} refused, ${allowed} allowed`);
    });
  });
}
