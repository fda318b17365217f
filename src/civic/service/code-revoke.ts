// Revoking single invitation codes (a code handed to the wrong person, a misprinted sheet): only
// codes nobody has used yet; all or nothing — one code that is unknown or already used refuses
// the whole request, and nothing is revoked. Audited with the number revoked, never the codes.
import { audit, type Actor } from '../audit.ts';
import { codeHash, normaliseCode } from '../auth/tokens.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import { writeTransaction } from '../store/tx.ts';
import { loadRow } from './consultations.ts';

/** Most codes one request may name. */
export const MAX_REVOKE = 10_000;

/** Revokes the given unused codes of a consultation; how many were revoked and how many already were. */
export async function revokeCodes(
  ctx: CivicContext,
  actor: Actor,
  id: string,
  codes: readonly string[],
): Promise<{ revoked: number; already: number }> {
  if (codes.length === 0 || codes.length > MAX_REVOKE)
    throw refuse('bad_request', `invalid number of codes: ${codes.length} (1 to ${MAX_REVOKE})`);
  const byHash = new Map(codes.map((c) => [codeHash(normaliseCode(c).slice(0, 64)), c]));
  const now = ctx.now();
  return writeTransaction(ctx.cdb, async (tx) => {
    await loadRow(tx, id);
    const rows = await tx
      .selectFrom('codes')
      .select(['code_hash', 'redeemed_at', 'revoked_at'])
      .where('consultation_id', '=', id)
      .where('code_hash', 'in', [...byHash.keys()])
      .execute();
    const found = new Map(rows.map((r) => [r.code_hash, r]));
    const unknown = [...byHash].filter(([h]) => !found.has(h)).map(([, c]) => c);
    if (unknown.length)
      throw refuse(
        'bad_request',
        `not codes of consultation ${id}: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}; nothing was revoked`,
      );
    const used = rows.filter((r) => r.redeemed_at !== null).map((r) => byHash.get(r.code_hash)!);
    if (used.length)
      throw refuse(
        'conflict',
        `already used, so they cannot be revoked: ${used.slice(0, 5).join(', ')}${used.length > 5 ? ` and ${used.length - 5} more` : ''}; nothing was revoked`,
      );
    const due = rows.filter((r) => r.revoked_at === null).map((r) => r.code_hash);
    for (let i = 0; i < due.length; i += 500)
      await tx
        .updateTable('codes')
        .set({ revoked_at: now.toISOString() })
        .where('consultation_id', '=', id)
        .where('code_hash', 'in', due.slice(i, i + 500))
        .where('redeemed_at', 'is', null)
        .execute();
    const already = rows.length - due.length;
    await audit(tx, actor, 'codes.revoke', id, { codes: due.length, alreadyRevoked: already }, now);
    return { revoked: due.length, already };
  });
}
