// Telling voters the result: a voter may leave an e-mail address while voting runs (one per
// voter; a new one replaces it), and after the close the organiser sends each address one plain
// message with the results page, through the same mail path as e-mail confirmation. An address
// is kept only until its message is out, then deleted; the audit log holds counts, never addresses.
// A notice is keyed by its own keyed hash of the voter, never by the pseudonym the published log
// carries, and dated to the day only: the notices table cannot be joined to the log or time a ballot.
import { createHmac } from 'node:crypto';
import { audit, type Actor } from '../audit.ts';
import type { Session } from '../auth/sessions.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { Mailer } from '../mail.ts';
import { writeTransaction } from '../store/tx.ts';
import { ownBallot } from './ballots.ts';
import { loadRow, phaseOf } from './consultations.ts';
import { requireClosed } from './log.ts';

// No separators or brackets: the address goes to the mailer as one recipient.
const EMAIL = /^[^\s@,;<>"()]{1,64}@[^\s@,;<>"()]{1,253}\.[^\s@,;<>"()]{2,}$/;

/** The key a voter's notice is stored under: a keyed hash of the voter apart from the log's pseudonym. */
async function noticeKey(ctx: CivicContext, id: string, s: Session): Promise<string> {
  const row = await ctx.cdb.read
    .selectFrom('consultations')
    .select('secret')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return createHmac('sha256', row.secret).update(`result-notice\n${id}\n${s.subject}`, 'utf8').digest('hex');
}

/** Records (or replaces) the address a voter of this consultation leaves to be told the result. */
export async function leaveAddress(ctx: CivicContext, id: string, s: Session, email: string): Promise<void> {
  const address = email.trim().toLowerCase();
  if (address.length > 254 || !EMAIL.test(address)) throw refuse('bad_request', 'invalid e-mail address');
  const row = await loadRow(ctx.cdb.read, id);
  if (phaseOf(row, ctx.now()) !== 'open')
    throw refuse('closed', `consultation ${id} is not open: an address can be left only while voting runs`);
  if (s.consultationId !== null && s.consultationId !== id)
    throw refuse('forbidden', 'this code is for another consultation');
  if (!(await ownBallot(ctx, id, s)))
    throw refuse('conflict', 'vote first: the result is sent to those who voted');
  const voter = await noticeKey(ctx, id, s);
  await writeTransaction(ctx.cdb, async (tx) => {
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
        created_at: ctx.now().toISOString().slice(0, 10),
      })
      .execute();
  });
}

/** The notice's text: where the result is, and why this person gets it. */
function noticeText(title: string, url: string): string {
  return [
    `The consultation "${title}" has closed and its result is published:`,
    '',
    url,
    '',
    'You asked to be told when you voted. Your address has now been deleted; you will get no more mail about it.',
  ].join('\n');
}

/** Sends every address left for a closed consultation its notice, deleting each once sent; audited with counts. */
export async function notifyResults(
  ctx: CivicContext,
  mailer: Mailer | null,
  actor: Actor,
  id: string,
): Promise<{ sent: number; failed: number }> {
  if (!mailer)
    throw refuse(
      'conflict',
      'no mail server is configured (STRATA_SMTP_URL, STRATA_MAIL_FROM, STRATA_PUBLIC_URL)',
    );
  const c = await requireClosed(ctx, id);
  const rows = await ctx.cdb.read
    .selectFrom('result_notices')
    .select(['voter', 'email'])
    .where('consultation_id', '=', id)
    .execute();
  const text = noticeText(c.spec.title, `${mailer.publicUrl}/participate/${encodeURIComponent(id)}/results`);
  let sent = 0;
  for (const r of rows) {
    try {
      await mailer.send(r.email, `Result: ${c.spec.title}`, text);
    } catch {
      continue; // kept for the next run
    }
    await ctx.cdb.db
      .deleteFrom('result_notices')
      .where('consultation_id', '=', id)
      .where('voter', '=', r.voter)
      .execute();
    sent++;
  }
  const failed = rows.length - sent;
  await writeTransaction(ctx.cdb, (tx) =>
    audit(tx, actor, 'results.notify', id, { sent, failed }, ctx.now()),
  );
  return { sent, failed };
}
