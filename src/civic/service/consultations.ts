// A consultation's life: created as a draft (editable), published with its rule fixed (the
// ballot log's first link commits to it), open between its opening and closing times, closed
// with its outcome recorded. Changing anything the tally uses after publication is refused.
import { randomBytes } from 'node:crypto';
import { audit, type Actor } from '../audit.ts';
import { genesisHash } from '../chain.ts';
import type { Consultation } from '../consultation.ts';
import type { ConsultationFile, ConsultationMeta, Electorate, Eligibility } from '../consultation-file.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { ConsultationsTable } from '../store/tables.ts';
import { lockName, writeTransaction, type Tx } from '../store/tx.ts';
import { requireGuarantee } from './eligibility.ts';

/** Where a consultation is in its life at a moment. */
export type Phase = 'draft' | 'scheduled' | 'open' | 'closed';

/** A stored consultation as the service reads it. */
export interface StoredConsultation {
  spec: Consultation;
  meta: ConsultationMeta;
  status: ConsultationsTable['status'];
  phase: Phase;
  secret: string;
  createdAt: string;
  closedAt: string | null;
  outcome: unknown;
}

/** The phase of a stored row at `now`: closing time passing closes it even before `close` runs. */
export function phaseOf(
  row: Pick<ConsultationsTable, 'status' | 'opens_at' | 'closes_at'>,
  now: Date,
): Phase {
  if (row.status === 'draft') return 'draft';
  const t = now.toISOString();
  if (row.status === 'closed' || t >= row.closes_at) return 'closed';
  return t < row.opens_at ? 'scheduled' : 'open';
}

/** Reads a stored row into its parts. */
export function fromRow(row: ConsultationsTable, now: Date): StoredConsultation {
  const info = JSON.parse(row.info) as {
    description: string;
    notes: Record<string, string>;
    eligibility?: Eligibility;
  };
  return {
    spec: JSON.parse(row.spec) as Consultation,
    meta: {
      area: row.area,
      electorate: row.electorate as Electorate,
      eligibility: info.eligibility ?? null,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      description: info.description,
      notes: info.notes,
    },
    status: row.status,
    phase: phaseOf(row, now),
    secret: row.secret,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    outcome: row.outcome === null ? null : (JSON.parse(row.outcome) as unknown),
  };
}

/**
 * Serialises the changes of one consultation's life (create, edit, open, close) across API
 * instances: on PostgreSQL an edit racing the publication would otherwise overwrite the spec
 * after the log's first link had committed to the old one, and no ballot would ever verify.
 */
export function lockConsultation(tx: Tx, ctx: CivicContext, id: string): Promise<void> {
  return lockName(tx, ctx.cdb, `consultation:${id}`);
}

/** Reads one consultation's row inside a transaction or outside one; refuses an unknown id. */
export async function loadRow(tx: Tx, id: string): Promise<ConsultationsTable> {
  const row = await tx.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw refuse('not_found', `unknown consultation: ${id}`);
  return row;
}

function rowValues(f: ConsultationFile) {
  return {
    title: f.consultation.title,
    area: f.meta.area,
    electorate: f.meta.electorate,
    opens_at: f.meta.opensAt,
    closes_at: f.meta.closesAt,
    spec: JSON.stringify(f.consultation),
    info: JSON.stringify({
      description: f.meta.description,
      notes: f.meta.notes,
      ...(f.meta.eligibility ? { eligibility: f.meta.eligibility } : {}),
    }),
  };
}

/** Creates a draft consultation (audited). */
export async function createConsultation(
  ctx: CivicContext,
  actor: Actor,
  f: ConsultationFile,
): Promise<void> {
  const now = ctx.now();
  await writeTransaction(ctx.cdb, async (tx) => {
    await lockConsultation(tx, ctx, f.consultation.id);
    const taken = await tx
      .selectFrom('consultations')
      .select('id')
      .where('id', '=', f.consultation.id)
      .executeTakeFirst();
    if (taken) throw refuse('conflict', `a consultation with id ${f.consultation.id} exists`);
    await tx
      .insertInto('consultations')
      .values({
        id: f.consultation.id,
        ...rowValues(f),
        status: 'draft',
        secret: randomBytes(32).toString('hex'),
        outcome: null,
        created_by: actor.subject,
        created_at: now.toISOString(),
        closed_at: null,
      })
      .execute();
    await audit(tx, actor, 'consultation.create', f.consultation.id, { rule: f.consultation.rule }, now);
  });
}

/** Replaces a draft's content; refused once published (the rule and options are fixed then). */
export async function updateConsultation(
  ctx: CivicContext,
  actor: Actor,
  id: string,
  f: ConsultationFile,
): Promise<void> {
  if (f.consultation.id !== id)
    throw refuse('bad_request', `the file's id (${f.consultation.id}) is not ${id}`);
  const now = ctx.now();
  await writeTransaction(ctx.cdb, async (tx) => {
    await lockConsultation(tx, ctx, id);
    const row = await loadRow(tx, id);
    if (row.status !== 'draft')
      throw refuse(
        'conflict',
        `consultation ${id} is published: its rule, options and schedule can no longer change`,
      );
    await tx.updateTable('consultations').set(rowValues(f)).where('id', '=', id).execute();
    await audit(tx, actor, 'consultation.update', id, { rule: f.consultation.rule }, now);
  });
}

/**
 * Publishes a draft (fixing its rule: the log's genesis hash commits to it) and, with `now`,
 * opens it at once instead of at its opening time. Opening a published consultation early is
 * allowed; reopening a closed one is not.
 */
export async function openConsultation(
  ctx: CivicContext,
  actor: Actor,
  id: string,
  opts: { immediately?: boolean } = {},
): Promise<Phase> {
  const now = ctx.now();
  return writeTransaction(ctx.cdb, async (tx) => {
    await lockConsultation(tx, ctx, id);
    const row = await loadRow(tx, id);
    const phase = phaseOf(row, now);
    if (phase === 'closed') throw refuse('conflict', `consultation ${id} is closed`);
    const opensAt = opts.immediately && row.opens_at > now.toISOString() ? now.toISOString() : row.opens_at;
    if (row.status === 'draft') {
      await requireGuarantee(tx, row);
      const spec = JSON.parse(row.spec) as Consultation;
      await tx
        .insertInto('chain_heads')
        .values({ consultation_id: id, seq: -1, hash: genesisHash(spec) })
        .execute();
    }
    await tx
      .updateTable('consultations')
      .set({ status: 'published', opens_at: opensAt })
      .where('id', '=', id)
      .execute();
    await audit(tx, actor, 'consultation.open', id, { opensAt, published: row.status === 'draft' }, now);
    return phaseOf({ ...row, status: 'published', opens_at: opensAt }, now);
  });
}

/** One consultation; drafts only for staff. */
export async function getConsultation(
  ctx: CivicContext,
  id: string,
  staff: boolean,
): Promise<StoredConsultation> {
  const now = ctx.now();
  const row = await loadRow(ctx.cdb.read, id);
  if (row.status === 'draft' && !staff) throw refuse('not_found', `unknown consultation: ${id}`);
  return fromRow(row, now);
}

/** A consultation as listed. */
export interface ConsultationSummary {
  id: string;
  title: string;
  area: string;
  phase: Phase;
  ballot: string;
  rule: string;
  opensAt: string;
  closesAt: string;
}

/** Every consultation, newest opening first; drafts only for staff. */
export async function listConsultations(ctx: CivicContext, staff: boolean): Promise<ConsultationSummary[]> {
  const now = ctx.now();
  let q = ctx.cdb.read.selectFrom('consultations').selectAll().orderBy('opens_at', 'desc').orderBy('id');
  if (!staff) q = q.where('status', '!=', 'draft');
  return (await q.execute()).map((row) => {
    const spec = JSON.parse(row.spec) as Consultation;
    return {
      id: row.id,
      title: row.title,
      area: row.area,
      phase: phaseOf(row, now),
      ballot: spec.ballot,
      rule: spec.rule,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
    };
  });
}

/** The public head of a consultation's log: its last hash and the number of entries. */
export async function headOf(ctx: CivicContext, id: string): Promise<{ hash: string; count: number } | null> {
  const h = await ctx.cdb.read
    .selectFrom('chain_heads')
    .select(['seq', 'hash'])
    .where('consultation_id', '=', id)
    .executeTakeFirst();
  return h ? { hash: h.hash, count: Number(h.seq) + 1 } : null;
}
