// Telling voters the result, double opt-in: a voter may leave an e-mail address while voting runs
// (one per voter; a new one replaces it), and a message with a single-use, expiring link goes to
// it. Only an address whose owner followed the link is ever sent the result (notify.ts); one left
// by mistake or by someone else is never mailed again and is deleted at the sending.
// A notice is keyed by its own keyed hash of the voter, never by the pseudonym the published log
// carries, and dated to the day only (its link expires at a day boundary too): the table cannot
// be joined to the log or time a ballot. The link's token is stored as its sha256 and cleared once used.
import { createHmac } from 'node:crypto';
import type { Session } from '../auth/sessions.ts';
import { randomToken, tokenHash } from '../auth/tokens.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { Mailer } from '../mail.ts';
import { writeTransaction } from '../store/tx.ts';
import { ownBallot } from './ballots.ts';
import { loadRow, phaseOf } from './consultations.ts';

// No separators or brackets: the address goes to the mailer as one recipient.
const EMAIL = /^[^\s@,;<>"()]{1,64}@[^\s@,;<>"()]{1,253}\.[^\s@,;<>"()]{2,}$/;

/** The one answer to a confirmation link that is unknown, used or expired. */
export const BAD_LINK =
  'this confirmation link is not valid: it was used already, has expired, or was mistyped';

/** The key a voter's notice is stored under: a keyed hash of the voter apart from the log's pseudonym. */
async function noticeKey(ctx: CivicContext, id: string, s: Session): Promise<string> {
  const row = await ctx.cdb.read
    .selectFrom('consultations')
    .select('secret')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return createHmac('sha256', row.secret).update(`result-notice\n${id}\n${s.subject}`, 'utf8').digest('hex');
}

/** When a link made at `now` stops working: midnight UTC after next (24 to 48 hours; a day, not a moment). */
export function linkExpiry(now: Date): string {
  const day = new Date(now.toISOString().slice(0, 10) + 'T00:00:00.000Z');
  return new Date(day.getTime() + 2 * 86400_000).toISOString();
}

/** The confirmation message: what was asked, the link, and what happens if it is ignored. */
export function confirmText(title: string, link: string): string {
  return [
    `Someone, probably you, asked to be told by e-mail the result of the consultation "${title}".`,
    '',
    'To confirm this address, open this link by the end of tomorrow (UTC):',
    '',
    link,
    '',
    'If it was not you, ignore this message: an address not confirmed is never sent the result, and is deleted when the result is sent.',
  ].join('\n');
}

async function checkVoter(ctx: CivicContext, id: string, s: Session): Promise<void> {
  const row = await loadRow(ctx.cdb.read, id);
  if (phaseOf(row, ctx.now()) !== 'open')
    throw refuse('closed', `consultation ${id} is not open: an address can be left only while voting runs`);
  if (s.consultationId !== null && s.consultationId !== id)
    throw refuse('forbidden', 'this code is for another consultation');
  if (!(await ownBallot(ctx, id, s)))
    throw refuse('conflict', 'vote first: the result is sent to those who voted');
}

/** Records (or replaces) the address a voter leaves to be told the result, unconfirmed, and mails it the link. */
export async function leaveAddress(
  ctx: CivicContext,
  mailer: Mailer | null,
  id: string,
  s: Session,
  email: string,
): Promise<void> {
  const address = email.trim().toLowerCase();
  if (address.length > 254 || !EMAIL.test(address)) throw refuse('bad_request', 'invalid e-mail address');
  if (!mailer) throw refuse('conflict', 'this server sends no e-mail, so it cannot tell anyone the result');
  await checkVoter(ctx, id, s);
  const voter = await noticeKey(ctx, id, s);
  const token = randomToken(32);
  const now = ctx.now();
  const title = await writeTransaction(ctx.cdb, async (tx) => {
    await tx
      .deleteFrom('result_notices')
      .where('consultation_id', '=', id)
      .where('voter', '=', voter)
      .execute();
    await tx
      .insertInto('result_notices')
      .values({
        consultation_id: id,
        voter,
        email: address,
        created_at: now.toISOString().slice(0, 10),
        state: 'unconfirmed',
        token_hash: tokenHash(token),
        token_expires_at: linkExpiry(now),
        claim: null,
      })
      .execute();
    return (await loadRow(tx, id)).title;
  });
  // sent after the work is done, as the registration message is: its time and failure tell nothing
  const link = `${mailer.publicUrl}/participate/notify-confirm?token=${token}`;
  void mailer
    .send(address, `Confirm: the result of ${title}`, confirmText(title, link))
    .catch((e: unknown) => console.error(`mail to a result-notice address failed: ${(e as Error).message}`));
}

/** Confirms an address with the token of its link (single use, expiring); one answer for every bad link. */
export async function confirmAddress(ctx: CivicContext, token: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw refuse('bad_request', BAD_LINK);
  const r = await ctx.cdb.db
    .updateTable('result_notices')
    .set({ state: 'confirmed', token_hash: null, token_expires_at: null })
    .where('token_hash', '=', tokenHash(token))
    .where('state', '=', 'unconfirmed')
    .where('token_expires_at', '>', ctx.now().toISOString())
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw refuse('bad_request', BAD_LINK);
}
