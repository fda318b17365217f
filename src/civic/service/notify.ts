// Sending the result to the confirmed addresses of a closed consultation, at most once each
// however many runs race: a run claims a row with one conditional update (state confirmed or
// failed → sending, under its own random claim) and mails only the rows it won. A sent row has
// its address blanked and stays as `sent`; a failed one keeps its address as `failed`, retried by
// the next run. A row a run claimed but never settled (the process was killed mid-send) stays
// `sending` and is reported, never re-sent: the message may have gone out. Addresses never
// confirmed are deleted. The audit log holds counts, never addresses.
import { audit, type Actor } from '../audit.ts';
import { randomToken } from '../auth/tokens.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { Mailer } from '../mail.ts';
import { writeTransaction } from '../store/tx.ts';
import { requireClosed } from './log.ts';

/** What one sending run did, and what it left. */
export interface NotifyReport {
  /** Messages this run sent. */
  sent: number;
  /** Messages this run failed to send (kept for the next run). */
  failed: number;
  /** Addresses never confirmed, deleted unsent. */
  unconfirmed: number;
  /** Rows another run is sending, or an interrupted run left: never re-sent. */
  inFlight: number;
}

/** The notice's text: where the result is, and why this person gets it. */
function noticeText(title: string, url: string): string {
  return [
    `The consultation "${title}" has closed and its result is published:`,
    '',
    url,
    '',
    'You asked to be told when you voted, and confirmed this address. It has now been deleted; you will get no more mail about it.',
  ].join('\n');
}

/** Takes one row for this run: true when the conditional update won it. */
async function claim(ctx: CivicContext, id: string, voter: string, run: string): Promise<boolean> {
  const r = await ctx.cdb.db
    .updateTable('result_notices')
    .set({ state: 'sending', claim: run })
    .where('consultation_id', '=', id)
    .where('voter', '=', voter)
    .where('state', 'in', ['confirmed', 'failed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records how a claimed row's sending went: sent (address blanked) or failed (kept for a retry). */
async function settle(ctx: CivicContext, id: string, voter: string, run: string, ok: boolean): Promise<void> {
  await ctx.cdb.db
    .updateTable('result_notices')
    .set(ok ? { state: 'sent', email: '', claim: null } : { state: 'failed', claim: null })
    .where('consultation_id', '=', id)
    .where('voter', '=', voter)
    .where('claim', '=', run)
    .execute();
}

/** Sends every confirmed (or previously failed) address of a closed consultation its notice, once; audited with counts. */
export async function notifyResults(
  ctx: CivicContext,
  mailer: Mailer | null,
  actor: Actor,
  id: string,
): Promise<NotifyReport> {
  if (!mailer)
    throw refuse(
      'conflict',
      'no mail server is configured (STRATA_SMTP_URL, STRATA_MAIL_FROM, STRATA_PUBLIC_URL)',
    );
  const c = await requireClosed(ctx, id);
  const deleted = await ctx.cdb.db
    .deleteFrom('result_notices')
    .where('consultation_id', '=', id)
    .where('state', '=', 'unconfirmed')
    .executeTakeFirst();
  const due = await ctx.cdb.db
    .selectFrom('result_notices')
    .select('voter')
    .where('consultation_id', '=', id)
    .where('state', 'in', ['confirmed', 'failed'])
    .execute();
  const text = noticeText(c.spec.title, `${mailer.publicUrl}/participate/${encodeURIComponent(id)}/results`);
  const run = randomToken(16);
  const report: NotifyReport = {
    sent: 0,
    failed: 0,
    unconfirmed: Number(deleted.numDeletedRows),
    inFlight: 0,
  };
  for (const { voter } of due) {
    if (!(await claim(ctx, id, voter, run))) continue; // another run has it
    const row = await ctx.cdb.db
      .selectFrom('result_notices')
      .select('email')
      .where('consultation_id', '=', id)
      .where('voter', '=', voter)
      .where('claim', '=', run)
      .executeTakeFirstOrThrow();
    const ok = await mailer.send(row.email, `Result: ${c.spec.title}`, text).then(
      () => true,
      () => false,
    );
    await settle(ctx, id, voter, run, ok);
    report[ok ? 'sent' : 'failed']++;
  }
  const left = await ctx.cdb.db
    .selectFrom('result_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', id)
    .where('state', '=', 'sending')
    .executeTakeFirstOrThrow();
  report.inFlight = Number(left.n);
  await writeTransaction(ctx.cdb, (tx) => audit(tx, actor, 'results.notify', id, { ...report }, ctx.now()));
  return report;
}
