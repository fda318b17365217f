// The audit log: every administrative action, written inside the transaction that performs it,
// so there is no action without its record and no record of an action that rolled back.
import type { CivicDb } from './store/open.ts';
import type { Role } from './store/tables.ts';
import type { Tx } from './store/tx.ts';

/** Who acts: a session's subject and role, or the command line (`cli:<user>`, role admin). */
export interface Actor {
  subject: string;
  role: Role;
}

/** One audit record. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: unknown;
}

/** Records an action. `details` must not hold secrets (codes, passwords). */
export async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  target: string,
  details: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      actor: `${actor.subject} (${actor.role})`,
      action,
      target,
      details: JSON.stringify(details),
    })
    .execute();
}

/** The latest audit records, newest first. */
export async function auditLog(cdb: CivicDb, limit = 200, before?: number): Promise<AuditEntry[]> {
  let q = cdb.read.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
  if (before !== undefined) q = q.where('id', '<', before);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), details: JSON.parse(r.details) as unknown }));
}
