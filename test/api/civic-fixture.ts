// A civic world for the API tests: an app over a fresh civic store (SQLite, or PostgreSQL when
// STRATA_TEST_PG is set) with a moving clock, one account per role, an open consultation taking
// codes or accounts, a draft, invitation codes, and clients signed in as each role.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../../src/api/app.ts';
import type { ApiDeps } from '../../src/api/deps.ts';
import { checkConsultationFile } from '../../src/civic/consultation-file.ts';
import { CivicService, type CivicServiceOptions } from '../../src/civic/service.ts';
import type { CivicTables } from '../../src/civic/store/tables.ts';
import { Workbench } from '../../src/workbench.ts';
import { GOALS, RIVERSIDE } from '../civic/consultation-fixture.ts';
import { mailbox } from '../civic/mailbox.ts';
import { freshStore, testClock, type TestStore } from '../civic/stores.ts';
import { Client } from './civic-client.ts';

export const PASSWORD = 'correct horse battery staple';
export const ROLE_NAMES = ['anonymous', 'participant', 'moderator', 'analyst', 'admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
const CLI = { subject: 'cli:test', role: 'admin' as const };

/** Everything a civic API test needs. */
export interface CivicWorld {
  app: OpenAPIHono;
  /** Another app over the same stores, with other settings (a trusted proxy, …). */
  appWith: (deps: Partial<ApiDeps>) => OpenAPIHono;
  svc: CivicService;
  clock: ReturnType<typeof testClock>;
  codes: string[];
  ids: Record<RoleName, string>;
  /** A client per role (participant: a registered account). */
  clients: Record<RoleName, Client>;
  /** Signs a fresh client in as the role. */
  signIn: (role: RoleName) => Promise<Client>;
  /** A client that redeemed a fresh invitation code for riverside-2026. */
  voter: () => Promise<Client>;
  snapshot: () => Promise<string>;
  /** The in-process SMTP server the service mails through (with `{ mail: true }`). */
  mail?: Awaited<ReturnType<typeof mailbox>>;
  close: () => Promise<void>;
}

const TABLES: (keyof CivicTables)[] = [
  'users',
  'sessions',
  'settings',
  'consultations',
  'codes',
  'chain_heads',
  'ballots',
  'respondents',
  'audit_log',
  'head_keys',
  'head_series',
  'result_notices',
];

/**
 * Builds the world on a store of the kind. `opts` are the service's settings besides the clock;
 * `mail: true` makes the service send through a real SMTP server in this process (`world.mail`).
 */
export async function civicWorld(
  kind: 'sqlite' | 'postgres',
  opts: Omit<CivicServiceOptions, 'now' | 'mail'> & { mail?: true | CivicServiceOptions['mail'] } = {},
): Promise<CivicWorld> {
  const store: TestStore = freshStore(kind);
  const clock = testClock('2026-04-20T10:00:00Z');
  const { mail: wanted, ...rest } = opts;
  const mail = wanted === true ? await mailbox() : undefined;
  const svc = await CivicService.open(store.url, {
    ...rest,
    now: clock.now,
    ...(mail
      ? { mail: { smtpUrl: mail.url, from: 'consult@council.example', publicUrl: 'http://127.0.0.1:8080' } }
      : wanted !== undefined && wanted !== true
        ? { mail: wanted }
        : {}),
  });
  const analytic = await Workbench.open(':memory:');
  const app = createApp({ workbench: analytic, webDir: null, civic: svc });
  const ids = { anonymous: '' } as Record<RoleName, string>;
  for (const role of ROLE_NAMES.slice(1)) {
    const a = await svc.createAccount(CLI, {
      email: `${role}@example.org`,
      password: PASSWORD,
      role,
      verified: true,
    });
    ids[role] = a.id;
  }
  await svc.createConsultation(CLI, checkConsultationFile(RIVERSIDE));
  await svc.openConsultation(CLI, RIVERSIDE.id);
  await svc.createConsultation(CLI, checkConsultationFile({ ...GOALS, id: 'draft-2026' }));
  const { codes } = await svc.issueCodes(CLI, RIVERSIDE.id, {
    count: 200,
    expiresAt: '2026-05-16T00:00:00Z',
  });
  clock.set('2026-05-02T10:00:00Z');
  let nextCode = 0;
  const signIn = async (role: RoleName) => {
    const c = new Client(app);
    if (role === 'anonymous') await c.refresh();
    else if ((await c.signIn(`${role}@example.org`, PASSWORD)).status !== 200)
      throw new Error(`cannot sign in ${role}`);
    return c;
  };
  const clients = {} as Record<RoleName, Client>;
  for (const role of ROLE_NAMES) clients[role] = await signIn(role);
  const snapshot = async () => {
    const parts: unknown[] = [];
    for (const t of TABLES) {
      const rows = await svc.ctx.cdb.db.selectFrom(t).selectAll().execute();
      parts.push(t, rows.map((r) => JSON.stringify(r)).sort());
    }
    return JSON.stringify(parts);
  };
  return {
    app,
    appWith: (deps) => createApp({ workbench: analytic, webDir: null, civic: svc, ...deps }),
    svc,
    clock,
    codes,
    ids,
    clients,
    signIn,
    voter: async () => {
      const c = new Client(app);
      const res = await c.redeem(RIVERSIDE.id, codes[nextCode++]!);
      if (res.status !== 200) throw new Error(`cannot redeem: ${await res.text()}`);
      return c;
    },
    snapshot,
    ...(mail ? { mail } : {}),
    close: async () => {
      await svc.close();
      analytic.close();
      await store.drop();
      await mail?.close();
    },
  };
}
