// Reading a consultation's ballot log back from the store, and closing it: the outcome is
// tallied from the log under the head lock, so no ballot can land between the count and the close.
// With a head key configured, the final signed head is appended in the same transaction: the
// close and the head a verifier pins the final state with commit together or not at all.
import { audit, type Actor } from '../audit.ts';
import { tallyLog, type LogEntry } from '../chain.ts';
import type { Ballot, Consultation } from '../consultation.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { BallotsTable } from '../store/tables.ts';
import { lockHead, lockName, writeTransaction, type Tx } from '../store/tx.ts';
import { publishFinal, type HeadPublishing } from './heads.ts';
import { fromRow, loadRow, lockConsultation, phaseOf, type StoredConsultation } from './consultations.ts';

/** A stored row as a log entry. */
export function entryOf(r: BallotsTable): LogEntry {
  return {
    seq: Number(r.seq),
    prevHash: r.prev_hash,
    consultationId: r.consultation_id,
    voter: r.voter,
    ballot: JSON.parse(r.ballot) as Ballot,
    hash: r.hash,
  };
}

/** Every entry of a consultation's log, in seq order. */
export async function readEntries(tx: Tx, id: string): Promise<LogEntry[]> {
  const rows = await tx
    .selectFrom('ballots')
    .selectAll()
    .where('consultation_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map(entryOf);
}

/** The actor recorded when closing time passes and the first reader triggers the count. */
export const CLOCK: Actor = { subject: 'system:closing-time', role: 'admin' };

/**
 * Closes a consultation now (or records the close its closing time already caused): refuses
 * further ballots, tallies the log with the published rule and stores the outcome; with `heads`,
 * appends the signed final head in the same transaction. Idempotent for the closing time.
 */
export async function closeConsultation(
  ctx: CivicContext,
  actor: Actor,
  id: string,
  heads: HeadPublishing | undefined = ctx.heads,
): Promise<void> {
  const now = ctx.now();
  await writeTransaction(ctx.cdb, async (tx) => {
    // the head series' lock first, as the head schedule takes it
    await lockName(tx, ctx.cdb, `heads:${id}`);
    await lockConsultation(tx, ctx, id);
    await lockHead(tx, ctx.cdb, id);
    const row = await loadRow(tx, id);
    if (row.status === 'draft') throw refuse('conflict', `consultation ${id} was never opened`);
    if (row.status === 'closed') {
      if (actor !== CLOCK) throw refuse('conflict', `consultation ${id} is already closed`);
      return;
    }
    const spec = JSON.parse(row.spec) as Consultation;
    const { outcome, note } = tallyLog(spec, await readEntries(tx, id));
    const t = now.toISOString();
    const closesAt = t < row.closes_at ? t : row.closes_at;
    await tx
      .updateTable('consultations')
      .set({
        status: 'closed',
        closes_at: closesAt,
        closed_at: t,
        outcome: outcome ? JSON.stringify(outcome) : null,
      })
      .where('id', '=', id)
      .execute();
    const early = phaseOf(row, now) !== 'closed';
    await audit(tx, actor, 'consultation.close', id, { closesAt, early, ...(note ? { note } : {}) }, now);
    if (heads) await publishFinal(tx, ctx, heads, id);
  });
}

/**
 * A closed consultation with its outcome recorded (closing it first when its closing time has
 * passed); refuses one still running.
 */
export async function requireClosed(ctx: CivicContext, id: string): Promise<StoredConsultation> {
  const row = await loadRow(ctx.cdb.read, id);
  const phase = phaseOf(row, ctx.now());
  if (phase === 'draft') throw refuse('not_found', `unknown consultation: ${id}`);
  if (phase !== 'closed')
    throw refuse('conflict', `consultation ${id} is still ${phase}: results come after it closes`);
  if (row.status === 'closed') return fromRow(row, ctx.now());
  await closeConsultation(ctx, CLOCK, id);
  return fromRow(await loadRow(ctx.cdb.read, id), ctx.now());
}
