// Self-registration of participants, proved by e-mail. Registering answers the same whether or
// not the address already has an account (no enumeration: the owner learns which by mail), is
// throttled per client address, and hashes the password in the same bounded queue as sign-in.
// The account can vote where an eligibility rule admits it only once its owner has followed the
// one-time link mailed to the address.
import { randomUUID } from 'node:crypto';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { Mailer } from '../mail.ts';
import { writeTransaction } from '../store/tx.ts';
import { normaliseEmail } from './accounts.ts';
import { checkPassword, hashPassword } from './password.ts';
import { REGISTER_IP, takeAttempt } from './throttle.ts';
import { randomToken, tokenHash } from './tokens.ts';

/** How long the link in a confirmation message works. */
export const VERIFY_MS = 24 * 3600_000;

/** The one answer to every registration that passes the checks. */
export const REGISTERED =
  'If this address can register, a message with a link to confirm it is on its way. Follow it, then sign in.';

/** The text of the message that confirms an address. */
export function verifyMessage(link: string): string {
  return `Someone, probably you, registered this address to take part in consultations.\n\nTo confirm it, open this link within 24 hours:\n\n${link}\n\nIf it was not you, ignore this message: the account cannot vote until the address is confirmed.\n`;
}

const EXISTS_MESSAGE =
  'Someone, probably you, tried to register this address to take part in consultations, but it already has an account.\n\nSign in with your password. If you have forgotten it, ask the organisers for a reset link.\n';

function checked(email: string, password: string): string {
  const e = normaliseEmail(email);
  try {
    checkPassword(password);
  } catch (err) {
    throw refuse('bad_request', (err as Error).message);
  }
  return e;
}

/** Registers a participant and mails the address; answers REGISTERED whether or not it had an account. */
export async function register(
  ctx: CivicContext,
  mailer: Mailer | null,
  input: { email: string; password: string; ip: string },
): Promise<{ message: string }> {
  const email = checked(input.email, input.password);
  const now = ctx.now();
  const refused = await takeAttempt(ctx.cdb, `register-ip:${input.ip}`, REGISTER_IP, now);
  if (refused)
    throw refuse('locked', `too many registrations from here: try again after ${refused.until}`, {
      until: refused.until,
    });
  if (!mailer)
    throw refuse(
      'conflict',
      'this server sends no e-mail, so it takes no registrations: ask the organisers for an invitation code',
    );
  const hash = await ctx.hashing.run(() => hashPassword(input.password));
  const token = randomToken(32);
  const created = await writeTransaction(ctx.cdb, async (tx) => {
    const taken = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) return false;
    const id = randomUUID();
    await tx
      .insertInto('users')
      .values({
        id,
        email,
        password_hash: hash,
        role: 'participant',
        created_at: now.toISOString(),
        disabled: 0,
      })
      .execute();
    await tx
      .insertInto('account_tokens')
      .values({
        token_hash: tokenHash(token),
        user_id: id,
        purpose: 'verify',
        expires_at: new Date(now.getTime() + VERIFY_MS).toISOString(),
      })
      .execute();
    return true;
  });
  // sent after the answer's work is done, so neither its time nor its failure tells the caller anything
  const text = created
    ? verifyMessage(`${mailer.publicUrl}/participate/verify?token=${token}`)
    : EXISTS_MESSAGE;
  void mailer
    .send(email, created ? 'Confirm your e-mail address' : 'You already have an account', text)
    .catch((e: unknown) => console.error(`mail to a registering address failed: ${(e as Error).message}`));
  return { message: REGISTERED };
}

/** Confirms an address with the token from its message (single use, 24 hours). */
export async function verifyEmail(ctx: CivicContext, token: string): Promise<void> {
  const now = ctx.now().toISOString();
  await writeTransaction(ctx.cdb, async (tx) => {
    const row = await tx
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash(token.slice(0, 64)))
      .where('purpose', '=', 'verify')
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!row)
      throw refuse(
        'not_found',
        'this link does not work (used, expired or mistyped): register again for a new one',
      );
    await tx.updateTable('users').set({ email_verified_at: now }).where('id', '=', row.user_id).execute();
  });
}
