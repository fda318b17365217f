// The organiser's corrections before voting starts: edit a consultation's title, description and
// dates, or delete a draft. A draft may change freely; once published (scheduled, not yet open)
// its title is part of what the ballot log commits to, so only the description and the dates
// may still move; once open, nothing does. Every change is audited; a refusal changes nothing.
import { audit, type Actor } from '../audit.ts';
import type { Consultation } from '../consultation.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import { zonedInstant } from '../zoned-time.ts';
import type { ConsultationsTable } from '../store/tables.ts';
import { writeTransaction, type Tx } from '../store/tx.ts';
import { loadRow, lockConsultation, phaseOf } from './consultations.ts';

/** What `civic edit` may change; each given field replaces the stored one. */
export interface ConsultationEdit {
  title?: string;
  description?: string;
  /** Written times: with an offset, or local in the consultation's zone (zoned-time.ts). */
  opens?: string;
  closes?: string;
}

function instant(text: string, field: 'opens' | 'closes', zone: string): string {
  const d = zonedInstant(text, zone, field === 'closes');
  if (!d)
    throw refuse('bad_request', `invalid ${field}: ${text} (ISO 8601, e.g. 2026-05-01T09:00 in ${zone})`);
  return d.toISOString();
}

/** Refuses an edit the consultation's phase no longer allows. */
function checkPhase(row: ConsultationsTable, change: ConsultationEdit, now: Date): void {
  const phase = phaseOf(row, now);
  if (phase === 'open' || phase === 'closed')
    throw refuse(
      'conflict',
      `consultation ${row.id} ${phase === 'open' ? `opened at ${row.opens_at}` : 'is closed'}: its title, description and dates can no longer change`,
    );
  if (phase === 'scheduled' && change.title !== undefined)
    throw refuse(
      'conflict',
      `consultation ${row.id} is published: its title is part of what the ballot log commits to and can no longer change (the description and dates still can until it opens)`,
    );
}

function changedRow(row: ConsultationsTable, change: ConsultationEdit, now: Date) {
  const info = JSON.parse(row.info) as { description: string; zone?: string };
  const zone = info.zone ?? 'Europe/London';
  const opens = change.opens === undefined ? row.opens_at : instant(change.opens, 'opens', zone);
  const closes = change.closes === undefined ? row.closes_at : instant(change.closes, 'closes', zone);
  if (opens >= closes) throw refuse('bad_request', `invalid closes: ${closes} must be after opens ${opens}`);
  if (closes <= now.toISOString()) throw refuse('bad_request', `invalid closes: ${closes} has passed`);
  const title = change.title?.trim();
  if (title !== undefined && (title.length === 0 || title.length > 200))
    throw refuse('bad_request', 'invalid title: 1 to 200 characters');
  if (change.description !== undefined && change.description.length > 5000)
    throw refuse('bad_request', 'invalid description: at most 5000 characters');
  const spec = JSON.parse(row.spec) as Consultation;
  return {
    title: title ?? row.title,
    spec: JSON.stringify(title === undefined ? spec : { ...spec, title }),
    info: JSON.stringify({ ...info, description: change.description ?? info.description }),
    opens_at: opens,
    closes_at: closes,
  };
}

/** Changes a consultation's title, description or dates before it opens; audited with the fields changed. */
export async function editConsultation(
  ctx: CivicContext,
  actor: Actor,
  id: string,
  change: ConsultationEdit,
): Promise<{ opensAt: string; closesAt: string }> {
  const fields = Object.keys(change).filter((k) => change[k as keyof ConsultationEdit] !== undefined);
  if (fields.length === 0)
    throw refuse('bad_request', 'nothing to change: give a title, description, opens or closes');
  const now = ctx.now();
  return writeTransaction(ctx.cdb, async (tx) => {
    await lockConsultation(tx, ctx, id);
    const row = await loadRow(tx, id);
    checkPhase(row, change, now);
    const next = changedRow(row, change, now);
    await tx.updateTable('consultations').set(next).where('id', '=', id).execute();
    await audit(
      tx,
      actor,
      'consultation.edit',
      id,
      { fields, opensAt: next.opens_at, closesAt: next.closes_at },
      now,
    );
    return { opensAt: next.opens_at, closesAt: next.closes_at };
  });
}

async function countOf(tx: Tx, table: 'ballots' | 'chain_heads', id: string): Promise<number> {
  const r = await tx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Deletes a draft that has no ballots, with its codes and eligibility list; audited. */
export async function deleteConsultation(ctx: CivicContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now();
  await writeTransaction(ctx.cdb, async (tx) => {
    await lockConsultation(tx, ctx, id);
    const row = await loadRow(tx, id);
    if (row.status !== 'draft')
      throw refuse(
        'conflict',
        `consultation ${id} is published: its ballot log is the record and is never deleted (close it instead)`,
      );
    if ((await countOf(tx, 'ballots', id)) > 0 || (await countOf(tx, 'chain_heads', id)) > 0)
      throw refuse('conflict', `consultation ${id} has a ballot log: it is never deleted`);
    const codes = await tx.deleteFrom('codes').where('consultation_id', '=', id).executeTakeFirst();
    await tx.deleteFrom('eligibility').where('consultation_id', '=', id).execute();
    await tx.deleteFrom('respondents').where('consultation_id', '=', id).execute();
    await tx.deleteFrom('consultations').where('id', '=', id).execute();
    await audit(
      tx,
      actor,
      'consultation.delete',
      id,
      { title: row.title, codes: Number(codes.numDeletedRows) },
      now,
    );
  });
}
