// What anyone holding a receipt can learn: where the ballot sits in the log, and after the close
// whether it is the one counted (a voter's later ballot replaces an earlier one) and what it says
// (the whole log is public then). Before the close only the place is told: ballots stay unseen.
import type { Ballot } from '../consultation.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import { getConsultation } from './consultations.ts';
import { entryOf } from './log.ts';

/** The answer to a receipt check. */
export interface ReceiptCheck {
  seq: number;
  hash: string;
  /** Entries in the log now. */
  entries: number;
  /** After the close: whether this entry is its voter's last, so counted; null while voting runs. */
  counted: boolean | null;
  /** After the close: the ballot the entry holds; null while voting runs. */
  ballot: Ballot | null;
}

/** Looks a receipt up in a published consultation's log. */
export async function checkReceipt(ctx: CivicContext, id: string, hash: string): Promise<ReceiptCheck> {
  const stored = await getConsultation(ctx, id, false);
  const row = await ctx.cdb.read
    .selectFrom('ballots')
    .selectAll()
    .where('consultation_id', '=', id)
    .where('hash', '=', hash)
    .executeTakeFirst();
  if (!row) throw refuse('not_found', 'no entry in this consultation’s log has this receipt');
  const e = entryOf(row);
  const count = await ctx.cdb.read
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', id)
    .executeTakeFirstOrThrow();
  if (stored.phase !== 'closed')
    return { seq: e.seq, hash: e.hash, entries: Number(count.n), counted: null, ballot: null };
  const later = await ctx.cdb.read
    .selectFrom('ballots')
    .select('seq')
    .where('consultation_id', '=', id)
    .where('voter', '=', e.voter)
    .where('seq', '>', e.seq)
    .executeTakeFirst();
  return { seq: e.seq, hash: e.hash, entries: Number(count.n), counted: !later, ballot: e.ballot };
}
