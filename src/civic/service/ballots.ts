// Accepting ballots. Each accepted ballot is appended to the consultation's hash-chained log in
// a transaction that holds the log's head (tx.ts), so concurrent submissions — from one process
// or many API instances — form one chain; writer.ts groups them into commits. Reading back: a
// voter's own ballot and receipts, never anyone else's.
import { appendEntry, pseudonym, type LogEntry } from '../chain.ts';
import type { Consultation } from '../consultation.ts';
import type { CivicContext } from '../context.ts';
import { CivicError, refuse } from '../errors.ts';
import type { Session } from '../auth/sessions.ts';
import type { ConsultationsTable } from '../store/tables.ts';
import { lockHead, type Tx } from '../store/tx.ts';
import { AGE_BANDS, SEXES } from '../weighting.ts';
import { phaseOf } from './consultations.ts';
import { entryOf } from './log.ts';

/** Optional self-description for the representativeness report; null withdraws it. */
export interface Declared {
  ageBand: string | null;
  sex: string | null;
}

/** A ballot as submitted by a signed-in participant. */
export interface BallotRequest {
  consultationId: string;
  session: Session;
  ballot: unknown;
  declared?: Declared;
}

/** What a voter gets back: their entry's place and hash in the log, and the log's head after it. */
export interface Receipt {
  consultationId: string;
  seq: number;
  hash: string;
  head: string;
  count: number;
}

/** Checks the declared age band and sex before a ballot is queued. */
export function checkDeclared(d: Declared | undefined): void {
  if (!d) return;
  if (d.ageBand !== null && !AGE_BANDS.includes(d.ageBand))
    throw refuse('bad_request', `invalid age band: ${d.ageBand}`);
  if (d.sex !== null && !SEXES.includes(d.sex)) throw refuse('bad_request', `invalid sex: ${d.sex}`);
}

function checkEligible(row: ConsultationsTable, s: Session, now: Date): void {
  if (s.role !== 'participant') throw refuse('forbidden', 'only participants cast ballots');
  if (s.consultationId !== null && s.consultationId !== row.id)
    throw refuse('forbidden', 'this invitation code is for another consultation');
  if (s.consultationId === null && row.electorate === 'codes')
    throw refuse('forbidden', 'this consultation takes ballots from invitation codes only');
  const phase = phaseOf(row, now);
  if (phase === 'closed') throw refuse('closed', `consultation ${row.id} is closed`);
  if (phase !== 'open') throw refuse('conflict', `consultation ${row.id} is not open yet`);
}

/** The log entry a ballot becomes after `head`, or the refusal (the transaction goes on for the others). */
function entryFor(
  row: ConsultationsTable,
  spec: Consultation,
  head: LogEntry | undefined,
  r: BallotRequest,
  now: Date,
): LogEntry {
  checkEligible(row, r.session, now);
  const voter = pseudonym(row.secret, row.id, r.session.subject);
  try {
    return appendEntry(spec, head, voter, r.ballot);
  } catch (e) {
    throw refuse('bad_request', (e as Error).message);
  }
}

async function writeEntries(tx: Tx, entries: LogEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    const rows = entries.slice(i, i + 200).map((e) => ({
      consultation_id: e.consultationId,
      seq: e.seq,
      prev_hash: e.prevHash,
      voter: e.voter,
      ballot: JSON.stringify(e.ballot),
      hash: e.hash,
    }));
    await tx.insertInto('ballots').values(rows).execute();
  }
}

async function writeDeclared(tx: Tx, id: string, declared: Map<string, Declared>): Promise<void> {
  const rows = [...declared].map(([voter, d]) => ({
    consultation_id: id,
    voter,
    age_band: d.ageBand,
    sex: d.sex,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('respondents')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.columns(['consultation_id', 'voter']).doUpdateSet((eb) => ({
          age_band: eb.ref('excluded.age_band'),
          sex: eb.ref('excluded.sex'),
        })),
      )
      .execute();
}

/** Appends one consultation's share of a batch: lock the head, chain each acceptable ballot, write. */
async function applyOne(
  ctx: CivicContext,
  tx: Tx,
  id: string,
  reqs: BallotRequest[],
  now: Date,
): Promise<(Receipt | CivicError)[]> {
  const start = await lockHead(tx, ctx.cdb, id);
  const row = await tx.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status === 'draft' || !start)
    return reqs.map(() => refuse('not_found', `unknown consultation: ${id}`));
  const spec = JSON.parse(row.spec) as Consultation;
  let head = start.seq < 0 ? undefined : ({ seq: start.seq, hash: start.hash } as LogEntry);
  const entries: LogEntry[] = [];
  const declared = new Map<string, Declared>();
  const out = reqs.map((r): LogEntry | CivicError => {
    try {
      const e = entryFor(row, spec, head, r, now);
      entries.push(e);
      if (r.declared) declared.set(e.voter, r.declared);
      head = e;
      return e;
    } catch (err) {
      if (err instanceof CivicError) return err;
      throw err;
    }
  });
  if (entries.length === 0) return out as CivicError[];
  await writeEntries(tx, entries);
  await writeDeclared(tx, id, declared);
  await tx
    .updateTable('chain_heads')
    .set({ seq: head!.seq, hash: head!.hash })
    .where('consultation_id', '=', id)
    .execute();
  return out.map((e) =>
    e instanceof CivicError
      ? e
      : { consultationId: id, seq: e.seq, hash: e.hash, head: head!.hash, count: head!.seq + 1 },
  );
}

/** Appends a batch of ballots in one transaction: each acceptable one chained, each refusal returned in its place. */
export async function applyBatch(
  ctx: CivicContext,
  tx: Tx,
  reqs: BallotRequest[],
): Promise<(Receipt | CivicError)[]> {
  const now = ctx.now();
  const out = new Array<Receipt | CivicError>(reqs.length);
  const groups = new Map<string, number[]>();
  reqs.forEach((r, i) => {
    const idx = groups.get(r.consultationId);
    if (idx) idx.push(i);
    else groups.set(r.consultationId, [i]);
  });
  for (const [id, idx] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const res = await applyOne(
      ctx,
      tx,
      id,
      idx.map((i) => reqs[i]!),
      now,
    );
    idx.forEach((i, k) => (out[i] = res[k]!));
  }
  return out;
}

/** The session's pseudonym in a published consultation (drafts do not exist for voters). */
export async function voterIn(ctx: CivicContext, id: string, s: Session): Promise<string> {
  const row = await ctx.cdb.read
    .selectFrom('consultations')
    .select(['secret', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.status === 'draft') throw refuse('not_found', `unknown consultation: ${id}`);
  return pseudonym(row.secret, id, s.subject);
}

/** A participant's own latest ballot in a consultation, or null. */
export async function ownBallot(ctx: CivicContext, id: string, s: Session): Promise<LogEntry | null> {
  const e = await ctx.cdb.read
    .selectFrom('ballots')
    .selectAll()
    .where('consultation_id', '=', id)
    .where('voter', '=', await voterIn(ctx, id, s))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return e ? entryOf(e) : null;
}

/** What a participant declared about themselves in a consultation (nulls when nothing). */
export async function ownDeclared(ctx: CivicContext, id: string, s: Session): Promise<Declared> {
  const r = await ctx.cdb.read
    .selectFrom('respondents')
    .select(['age_band', 'sex'])
    .where('consultation_id', '=', id)
    .where('voter', '=', await voterIn(ctx, id, s))
    .executeTakeFirst();
  return { ageBand: r?.age_band ?? null, sex: r?.sex ?? null };
}

/** The entry a receipt names, only for the voter who cast it (others are told it does not exist). */
export async function receiptEntry(
  ctx: CivicContext,
  id: string,
  hash: string,
  s: Session,
): Promise<LogEntry> {
  const e = await ctx.cdb.read
    .selectFrom('ballots')
    .selectAll()
    .where('consultation_id', '=', id)
    .where('hash', '=', hash)
    .where('voter', '=', await voterIn(ctx, id, s))
    .executeTakeFirst();
  if (!e) throw refuse('not_found', 'no ballot of yours has this receipt');
  return entryOf(e);
}
