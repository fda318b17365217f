// One person, one vote, by construction. A consultation may open only with an electorate that
// guarantees it — invitation codes (one per person, single use), or accounts with an
// eligibility rule: a verified e-mail address in an allowed domain, or on an imported list
// (members, tenants, an electoral register extract) kept only as keyed hashes. Anything else
// — accounts anyone can register, or codes *and* accounts, where one person could hold both —
// may run only as an open poll, which says on every page and in the export that its results
// are not a vote.
import { createHmac } from 'node:crypto';
import { audit, type Actor } from '../audit.ts';
import { normaliseEmail } from '../auth/accounts.ts';
import type { Session } from '../auth/sessions.ts';
import type { Consultation } from '../consultation.ts';
import type { Eligibility } from '../consultation-file.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import type { ConsultationsTable } from '../store/tables.ts';
import { writeTransaction, type Tx } from '../store/tx.ts';
import { loadRow, phaseOf } from './consultations.ts';

/** The keyed hash an eligibility list keeps of an e-mail address: unreadable without the consultation's key. */
export function eligibilityHash(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`eligible\n${email}`, 'utf8').digest('hex');
}

function ruleOf(row: ConsultationsTable): Eligibility | null {
  return (JSON.parse(row.info) as { eligibility?: Eligibility }).eligibility ?? null;
}

/** Why a consultation's electorate does not make one person one vote, or null when it does. */
async function missingGuarantee(tx: Tx, row: ConsultationsTable): Promise<string | null> {
  switch (row.electorate) {
    case 'codes':
      return null;
    case 'codes-or-accounts':
      return 'one person could vote once with an invitation code and again with an account';
    case 'accounts': {
      const rule = ruleOf(row);
      if (!rule)
        return 'anyone can register an account: give an eligibility rule (mail domains, or an imported list)';
      if ('domains' in rule) return null;
      const one = await tx
        .selectFrom('eligibility')
        .select('entry_hash')
        .where('consultation_id', '=', row.id)
        .executeTakeFirst();
      return one ? null : 'its eligibility list is empty: import the list first';
    }
    default:
      throw new Error(`invalid electorate: ${String(row.electorate)}`);
  }
}

/** Refuses to publish a consultation whose electorate gives no one-person-one-vote guarantee, unless it is an open poll. */
export async function requireGuarantee(tx: Tx, row: ConsultationsTable): Promise<void> {
  const spec = JSON.parse(row.spec) as Consultation;
  if (spec.openPoll) return;
  const why = await missingGuarantee(tx, row);
  if (why)
    throw refuse(
      'conflict',
      `consultation ${row.id} cannot open as a vote: ${why}. Publish it as an open poll (openPoll: true) if its results need not be a vote.`,
    );
}

/** Adds e-mail addresses to a consultation's eligibility list, as keyed hashes (audited with the count only). */
export async function importEligibility(
  ctx: CivicContext,
  actor: Actor,
  id: string,
  emails: readonly string[],
): Promise<{ added: number; total: number }> {
  const now = ctx.now();
  const normal = emails.map((e, i) => {
    try {
      return normaliseEmail(e);
    } catch {
      throw refuse('bad_request', `invalid e-mail address on line ${i + 1}: ${e.slice(0, 100)}`);
    }
  });
  return writeTransaction(ctx.cdb, async (tx) => {
    const row = await loadRow(tx, id);
    if (phaseOf(row, now) === 'closed') throw refuse('conflict', `consultation ${id} is closed`);
    const rows = [...new Set(normal)].map((e) => ({
      consultation_id: id,
      entry_hash: eligibilityHash(row.secret, e),
    }));
    let added = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const r = await tx
        .insertInto('eligibility')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['consultation_id', 'entry_hash']).doNothing())
        .executeTakeFirst();
      added += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    const total = await tx
      .selectFrom('eligibility')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('consultation_id', '=', id)
      .executeTakeFirstOrThrow();
    await audit(tx, actor, 'eligibility.import', id, { lines: emails.length, added }, now);
    return { added, total: Number(total.n) };
  });
}

/** Refuses an account's ballot unless the consultation's rule admits it (codes are checked at redemption). */
export async function checkAccountEligible(ctx: CivicContext, id: string, s: Session): Promise<void> {
  if (s.consultationId !== null || !s.subject.startsWith('user:')) return;
  const row = await ctx.cdb.read
    .selectFrom('consultations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.electorate === 'codes') return; // refused with its reason when the ballot is applied
  if ((JSON.parse(row.spec) as Consultation).openPoll) return;
  const user = await ctx.cdb.read
    .selectFrom('users')
    .select(['email', 'email_verified_at'])
    .where('id', '=', s.subject.slice('user:'.length))
    .executeTakeFirst();
  if (!user?.email_verified_at)
    throw refuse('forbidden', 'confirm your e-mail address first (follow the link we sent you)');
  const rule = ruleOf(row);
  if (rule && 'domains' in rule && rule.domains.includes(user.email.split('@')[1]!)) return;
  if (rule && 'list' in rule) {
    const on = await ctx.cdb.read
      .selectFrom('eligibility')
      .select('entry_hash')
      .where('consultation_id', '=', id)
      .where('entry_hash', '=', eligibilityHash(row.secret, user.email))
      .executeTakeFirst();
    if (on) return;
  }
  throw refuse('forbidden', 'your e-mail address is not among those this consultation admits');
}
