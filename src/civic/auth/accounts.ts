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
import { clearFailures, LOGIN_ACCOUNT, LOGIN_IP, lockedUntil, recordFailure } from './throttle.ts';

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
  input: { email: string; password: string; role?: string },
): Promise<Account> {
  const email = normaliseEmail(input.email);
  const role = checkRole(actor ? (input.role ?? 'participant') : 'participant');
  try {
    checkPassword(input.password);
  } catch (e) {
    throw refuse('bad_request', (e as Error).message);
  }
  const hash = await hashPassword(input.password);
  const now = ctx.now();
  const id = randomUUID();
  await writeTransaction(ctx.cdb, async (tx) => {
    const taken = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw refuse('conflict', 'an account with this e-mail address exists');
    await tx
      .insertInto('users')
      .values({ id, email, password_hash: hash, role, created_at: now.toISOString(), disabled: 0 })
      .execute();
    if (actor) await audit(tx, actor, 'account.create', `user:${id}`, { email, role }, now);
  });
  return { id, email, role, createdAt: now.toISOString(), disabled: false };
}

/** Signs in with e-mail and password: a new session (the old one is dropped), or a refusal; failures count toward lockout. */
export async function signIn(
  ctx: CivicContext,
  input: { email: string; password: string; ip: string; previousToken?: string },
): Promise<{ token: string; session: Session }> {
  const now = ctx.now();
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const keys = [`login:${email}`, `login-ip:${input.ip}`];
  for (const key of keys) {
    const until = await lockedUntil(ctx.cdb, key, now);
    if (until) throw refuse('locked', `too many failed sign-ins: try again after ${until}`, { until });
  }
  const user = await ctx.cdb.read
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  const ok = user
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyNothing(input.password);
  if (!ok || !user) {
    await recordFailure(ctx.cdb, keys[0]!, LOGIN_ACCOUNT, now);
    await recordFailure(ctx.cdb, keys[1]!, LOGIN_IP, now);
    throw refuse('unauthenticated', 'wrong e-mail address or password');
  }
  if (user.disabled) throw refuse('forbidden', 'this account is suspended');
  await clearFailures(ctx.cdb, keys[0]!);
  const fields = {
    subject: `user:${user.id}`,
    role: user.role,
    consultationId: null,
    area: null,
    expiresAt: new Date(now.getTime() + SESSION_MS).toISOString(),
  };
  const { token, idHash } = await writeTransaction(ctx.cdb, async (tx) => {
    await dropSession(tx, input.previousToken);
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
