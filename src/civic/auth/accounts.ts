// Registered accounts and password sign-in. Staff accounts (admin, analyst, moderator) are made
// by an administrator (or `strata civic admin create`); participants may register themselves.
import { randomUUID } from 'node:crypto';
import { audit, type Actor } from '../audit.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { Role, UsersTable } from '../store/tables.ts';
import { writeTransaction } from '../store/tx.ts';
import { checkPassword, hashPassword, verifyNothing, verifyPassword } from './password.ts';
import { createSession, dropSession, purgeExpired, SESSION_MS, type Session } from './sessions.ts';
import { clearFailures, failed, LOGIN_ACCOUNT, LOGIN_IP, succeeded, takeAttempt } from './throttle.ts';

export type AccountRole = Exclude<Role, 'anonymous'>;
export const ACCOUNT_ROLES: readonly AccountRole[] = ['participant', 'moderator', 'analyst', 'admin'];

/** An account as listed (never its hash). */
export interface Account {
  id: string;
  email: string;
  role: AccountRole;
  createdAt: string;
  disabled: boolean;
}

const EMAIL = /^[^\s@"<>]{1,64}@[^\s@"<>]{1,190}\.[^\s@"<>]{2,63}$/;

/** An e-mail address in stored form (lower case), or a refusal naming the problem. */
export function normaliseEmail(text: string): string {
  const email = text.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) throw refuse('bad_request', 'invalid e-mail address');
  return email;
}

function checkRole(role: string): AccountRole {
  if (!(ACCOUNT_ROLES as readonly string[]).includes(role))
    throw refuse('bad_request', `invalid role: ${role}`);
  return role as AccountRole;
}

/** Creates an account. With an actor it is an administrative action (audited); without, a self-registration as participant. */
export async function createAccount(
  ctx: CivicContext,
  actor: Actor | null,
  input: { email: string; password: string; role?: string; verified?: boolean },
): Promise<Account> {
  const email = normaliseEmail(input.email);
  const role = checkRole(actor ? (input.role ?? 'participant') : 'participant');
  try {
    checkPassword(input.password);
  } catch (e) {
    throw refuse('bad_request', (e as Error).message);
  }
  const hash = await ctx.hashing.run(() => hashPassword(input.password));
  const now = ctx.now();
  const id = randomUUID();
  await writeTransaction(ctx.cdb, async (tx) => {
    const taken = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw refuse('conflict', 'an account with this e-mail address exists');
    await tx
      .insertInto('users')
      .values({
        id,
        email,
        password_hash: hash,
        role,
        created_at: now.toISOString(),
        disabled: 0,
        email_verified_at: actor && input.verified ? now.toISOString() : null,
      })
      .execute();
    if (actor)
      await audit(
        tx,
        actor,
        'account.create',
        `user:${id}`,
        { email, role, verified: !!input.verified },
        now,
      );
  });
  return { id, email, role, createdAt: now.toISOString(), disabled: false };
}

const ANONYMOUS: Actor = { subject: 'anonymous', role: 'anonymous' };

/** The throttle keys of a password check: the account's and the client address's. */
export function signInKeys(email: string, ip: string): [string, string] {
  return [`login:${email}`, `login-ip:${ip}`];
}

/** Takes a sign-in attempt on the account's and the address's counts, or refuses (the first key taken is given back). */
export async function takeSignIn(ctx: CivicContext, keys: [string, string], now: Date): Promise<void> {
  const [account, address] = keys;
  const a = await takeAttempt(ctx.cdb, account, LOGIN_ACCOUNT, now);
  const b = a ?? (await takeAttempt(ctx.cdb, address, LOGIN_IP, now));
  if (!a && b) await succeeded(ctx.cdb, account, LOGIN_ACCOUNT, now);
  const r = a ?? b;
  if (r)
    throw refuse(
      'locked',
      r.until
        ? `too many failed sign-ins: try again after ${r.until}`
        : 'too many sign-ins at once: try again',
      r.until ? { until: r.until } : undefined,
    );
}

/** Records a failed password check (and any lock it causes) in the counts and the audit log. */
export async function signInFailed(
  ctx: CivicContext,
  email: string,
  ip: string,
  keys: [string, string],
  now: Date,
  action = 'session.sign-in-failed',
) {
  const accountLock = await failed(ctx.cdb, keys[0], LOGIN_ACCOUNT, now);
  const addressLock = await failed(ctx.cdb, keys[1], LOGIN_IP, now);
  await writeTransaction(ctx.cdb, async (tx) => {
    await audit(tx, ANONYMOUS, action, `email:${email}`, { address: ip }, now);
    if (accountLock) await audit(tx, ANONYMOUS, 'lockout', `email:${email}`, { until: accountLock }, now);
    if (addressLock) await audit(tx, ANONYMOUS, 'lockout', `address:${ip}`, { until: addressLock }, now);
  });
}

/**
 * Signs in with e-mail and password: a new session (the old one is dropped), or a refusal. The
 * attempt is counted before the password is hashed, and the hashing waits in the bounded queue.
 */
export async function signIn(
  ctx: CivicContext,
  input: { email: string; password: string; ip: string; previousToken?: string },
): Promise<{ token: string; session: Session }> {
  const now = ctx.now();
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const keys = signInKeys(email, input.ip);
  await takeSignIn(ctx, keys, now);
  let user: UsersTable | undefined;
  let ok: boolean;
  try {
    user = await ctx.cdb.read.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    ok = await ctx.hashing.run(() =>
      user ? verifyPassword(input.password, user.password_hash) : verifyNothing(input.password),
    );
  } catch (e) {
    // not checked (the queue was full, the store failed): give the attempt back
    await succeeded(ctx.cdb, keys[0], LOGIN_ACCOUNT, now);
    await succeeded(ctx.cdb, keys[1], LOGIN_IP, now);
    throw e;
  }
  if (!ok || !user) {
    await signInFailed(ctx, email, input.ip, keys, now);
    throw refuse('unauthenticated', 'wrong e-mail address or password');
  }
  await clearFailures(ctx.cdb, keys[0]);
  await succeeded(ctx.cdb, keys[1], LOGIN_IP, now);
  if (user.disabled) throw refuse('forbidden', 'this account is suspended');
  return startSession(ctx, user, input.previousToken, now);
}

async function startSession(
  ctx: CivicContext,
  user: UsersTable,
  previousToken: string | undefined,
  now: Date,
): Promise<{ token: string; session: Session }> {
  const fields = {
    subject: `user:${user.id}`,
    role: user.role,
    consultationId: null,
    area: null,
    expiresAt: new Date(now.getTime() + SESSION_MS).toISOString(),
  };
  const { token, idHash } = await writeTransaction(ctx.cdb, async (tx) => {
    await dropSession(tx, previousToken);
    await purgeExpired(tx, now);
    if (user.role !== 'participant')
      await audit(
        tx,
        { subject: fields.subject, role: user.role },
        'session.sign-in',
        fields.subject,
        {},
        now,
      );
    return createSession(tx, fields, now);
  });
  return { token, session: { idHash, ...fields } };
}

/** Signs out: deletes the session. */
export async function signOut(ctx: CivicContext, token: string | undefined): Promise<void> {
  await writeTransaction(ctx.cdb, (tx) => dropSession(tx, token));
}

function accountOf(u: UsersTable): Account {
  return { id: u.id, email: u.email, role: u.role, createdAt: u.created_at, disabled: Boolean(u.disabled) };
}

/** Every account, oldest first. */
export async function listAccounts(ctx: CivicContext): Promise<Account[]> {
  const rows = await ctx.cdb.read
    .selectFrom('users')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(accountOf);
}

/** Changes an account's role or suspends it (its sessions end at once); audited. */
export async function updateAccount(
  ctx: CivicContext,
  actor: Actor,
  id: string,
  change: { role?: string; disabled?: boolean },
): Promise<Account> {
  const now = ctx.now();
  const role = change.role === undefined ? undefined : checkRole(change.role);
  if (actor.subject === `user:${id}`)
    throw refuse('conflict', 'an administrator cannot change their own account');
  return writeTransaction(ctx.cdb, async (tx) => {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!user) throw refuse('not_found', `unknown account: ${id}`);
    const set = {
      ...(role ? { role } : {}),
      ...(change.disabled === undefined ? {} : { disabled: change.disabled ? 1 : 0 }),
    };
    if (Object.keys(set).length === 0) throw refuse('bad_request', 'nothing to change (role or disabled)');
    await tx.updateTable('users').set(set).where('id', '=', id).execute();
    if (role || change.disabled)
      await tx.deleteFrom('sessions').where('subject', '=', `user:${id}`).execute();
    await audit(tx, actor, 'account.update', `user:${id}`, { ...change }, now);
    return accountOf({ ...user, ...set });
  });
}
