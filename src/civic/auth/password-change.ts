// Changing a password: by its owner, signed in, with the current password (every other session
// of the account ends); or through a one-time reset link a staff member issued (every session
// ends). Both check passwords in the bounded hashing queue and count their attempts as sign-ins
// do (throttle.ts), and both are recorded in the audit log.
import { audit, type Actor } from '../audit.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import { writeTransaction } from '../store/tx.ts';
import { normaliseEmail, signInFailed, signInKeys, takeSignIn } from './accounts.ts';
import { checkPassword, hashPassword, verifyPassword } from './password.ts';
import type { Session } from './sessions.ts';
import { clearFailures, failed, LOGIN_ACCOUNT, LOGIN_IP, succeeded, takeAttempt } from './throttle.ts';
import { randomToken, tokenHash } from './tokens.ts';

/** How long a reset link works. */
export const RESET_MS = 24 * 3600_000;

function newPassword(password: string): void {
  try {
    checkPassword(password);
  } catch (e) {
    throw refuse('bad_request', (e as Error).message);
  }
}

function userIdOf(session: Session): string {
  if (!session.subject.startsWith('user:'))
    throw refuse('forbidden', 'only an account with a password can change it');
  return session.subject.slice('user:'.length);
}

/** Changes the signed-in account's password; the account's other sessions end. */
export async function changePassword(
  ctx: CivicContext,
  session: Session,
  input: { current: string; password: string; ip: string },
): Promise<void> {
  const id = userIdOf(session);
  newPassword(input.password);
  const now = ctx.now();
  const user = await ctx.cdb.read.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw refuse('not_found', 'this account no longer exists');
  const keys = signInKeys(user.email, input.ip);
  await takeSignIn(ctx, keys, now);
  let ok: boolean;
  try {
    ok = await ctx.hashing.run(() => verifyPassword(input.current, user.password_hash));
  } catch (e) {
    // not checked (the queue was full, the store failed): give the attempt back
    await succeeded(ctx.cdb, keys[0], LOGIN_ACCOUNT, now);
    await succeeded(ctx.cdb, keys[1], LOGIN_IP, now);
    throw e;
  }
  if (!ok) {
    await signInFailed(ctx, user.email, input.ip, keys, now, 'account.password-change-failed');
    throw refuse('unauthenticated', 'the current password is wrong');
  }
  await clearFailures(ctx.cdb, keys[0]);
  await succeeded(ctx.cdb, keys[1], LOGIN_IP, now);
  const hash = await ctx.hashing.run(() => hashPassword(input.password));
  await writeTransaction(ctx.cdb, async (tx) => {
    await tx.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
    const ended = await tx
      .deleteFrom('sessions')
      .where('subject', '=', session.subject)
      .where('id_hash', '!=', session.idHash)
      .executeTakeFirst();
    const actor = { subject: session.subject, role: session.role };
    await audit(
      tx,
      actor,
      'account.password-change',
      session.subject,
      { sessionsEnded: Number(ended.numDeletedRows) },
      now,
    );
  });
}

/** Issues a one-time reset link's token for an account (earlier unused ones stop working); audited. */
export async function issueResetToken(
  ctx: CivicContext,
  actor: Actor,
  email: string,
): Promise<{ token: string; expiresAt: string }> {
  const address = normaliseEmail(email);
  const now = ctx.now();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + RESET_MS).toISOString();
  await writeTransaction(ctx.cdb, async (tx) => {
    const user = await tx.selectFrom('users').select('id').where('email', '=', address).executeTakeFirst();
    if (!user) throw refuse('not_found', `no account with this e-mail address: ${address}`);
    await tx
      .updateTable('account_tokens')
      .set({ used_at: now.toISOString() })
      .where('user_id', '=', user.id)
      .where('purpose', '=', 'reset')
      .where('used_at', 'is', null)
      .execute();
    await tx
      .insertInto('account_tokens')
      .values({ token_hash: tokenHash(token), user_id: user.id, purpose: 'reset', expires_at: expiresAt })
      .execute();
    await audit(tx, actor, 'account.reset-link', `user:${user.id}`, { expiresAt }, now);
  });
  return { token, expiresAt };
}

async function takeReset(ctx: CivicContext, key: string, now: Date): Promise<void> {
  const r = await takeAttempt(ctx.cdb, key, LOGIN_IP, now);
  if (r)
    throw refuse(
      'locked',
      r.until
        ? `too many failed attempts: try again after ${r.until}`
        : 'too many attempts at once: try again',
      r.until ? { until: r.until } : undefined,
    );
}

const ANONYMOUS: Actor = { subject: 'anonymous', role: 'anonymous' };

/** The account a live reset token belongs to, if any. */
async function tokenHolder(ctx: CivicContext, token: string, t: string): Promise<string | undefined> {
  const row = await ctx.cdb.read
    .selectFrom('account_tokens')
    .select('user_id')
    .where('token_hash', '=', tokenHash(token))
    .where('purpose', '=', 'reset')
    .where('used_at', 'is', null)
    .where('expires_at', '>', t)
    .executeTakeFirst();
  return row?.user_id;
}

async function resetFailed(ctx: CivicContext, key: string, ip: string, now: Date): Promise<never> {
  const lock = await failed(ctx.cdb, key, LOGIN_IP, now);
  await writeTransaction(ctx.cdb, async (tx) => {
    await audit(tx, ANONYMOUS, 'account.password-reset-failed', `address:${ip}`, {}, now);
    if (lock) await audit(tx, ANONYMOUS, 'lockout', `address:${ip}`, { until: lock }, now);
  });
  throw refuse(
    'not_found',
    'this reset link does not work (used, expired or mistyped): ask the organisers for a new one',
  );
}

/** Sets a new password with a reset link's token (single use, before its expiry); every session of the account ends. */
export async function resetPassword(
  ctx: CivicContext,
  input: { token: string; password: string; ip: string },
): Promise<void> {
  newPassword(input.password);
  const now = ctx.now();
  const t = now.toISOString();
  const token = input.token.slice(0, 64);
  const key = signInKeys('', input.ip)[1];
  await takeReset(ctx, key, now);
  if (!(await tokenHolder(ctx, token, t))) return resetFailed(ctx, key, input.ip, now);
  const hash = await ctx.hashing
    .run(() => hashPassword(input.password))
    .catch(async (e: unknown) => {
      await succeeded(ctx.cdb, key, LOGIN_IP, now);
      throw e;
    });
  // the token is spent in the transaction that sets the password: of two redemptions at once, one wins
  const email = await writeTransaction(ctx.cdb, async (tx) => {
    const row = await tx
      .updateTable('account_tokens')
      .set({ used_at: t })
      .where('token_hash', '=', tokenHash(token))
      .where('purpose', '=', 'reset')
      .where('used_at', 'is', null)
      .where('expires_at', '>', t)
      .returning('user_id')
      .executeTakeFirst();
    if (!row) return undefined;
    await tx.updateTable('users').set({ password_hash: hash }).where('id', '=', row.user_id).execute();
    await tx.deleteFrom('sessions').where('subject', '=', `user:${row.user_id}`).execute();
    await audit(tx, ANONYMOUS, 'account.password-reset', `user:${row.user_id}`, { address: input.ip }, now);
    const u = await tx
      .selectFrom('users')
      .select('email')
      .where('id', '=', row.user_id)
      .executeTakeFirstOrThrow();
    return u.email;
  });
  if (email === undefined) return resetFailed(ctx, key, input.ip, now);
  await succeeded(ctx.cdb, key, LOGIN_IP, now);
  // the owner is back in control: the account's sign-in lock, if any, is lifted
  await clearFailures(ctx.cdb, signInKeys(email, input.ip)[0]);
}
