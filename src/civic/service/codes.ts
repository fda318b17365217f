// Invitation codes: issued in batches for a consultation and an area, printed once, stored only
// as hashes; each is one participant and its first use must come before it expires. Redeeming
// one opens a participant session for that consultation (until it closes); entering it again
// while voting runs resumes the same participant, so a code is never lost to a closed browser. Wrong codes count toward a lockout of the client address.
import { randomUUID } from 'node:crypto';
import { audit, type Actor } from '../audit.ts';
import { createSession, dropSession, purgeExpired, type Session } from '../auth/sessions.ts';
import { CODE_IP, delayAfter, succeeded, takeAttempt } from '../auth/throttle.ts';
import { codeHash, invitationCode, normaliseCode } from '../auth/tokens.ts';
import { AREA_CODE } from '../consultation-file.ts';
import type { CivicContext } from '../context.ts';
import { refuse } from '../errors.ts';
import { writeTransaction, type Tx } from '../store/tx.ts';
import { loadRow, phaseOf } from './consultations.ts';

/** Most codes one batch may hold. */
export const MAX_BATCH = 100_000;

/** A batch as listed (no codes: they are not stored). */
export interface CodeBatch {
  batchId: string;
  area: string;
  expiresAt: string;
  issued: number;
  redeemed: number;
  revoked: number;
}

/**
 * Refuses a batch for an area other than the consultation's unless the official lookup (the
 * batch area's enclosing areas, `parents`, looked up by the caller) puts it inside.
 */
function checkInside(area: string, consultationArea: string, parents: readonly string[] | undefined): void {
  if (area === consultationArea || parents?.includes(consultationArea)) return;
  throw refuse(
    'bad_request',
    parents
      ? `invalid area: ${area} is not inside the consultation's area ${consultationArea}`
      : `invalid area: ${area} is not the consultation's area ${consultationArea}, and no area lookup was available to place it inside`,
  );
}

/** Issues a batch of codes; returns them (the only time they exist in clear). Audited without the codes. */
export async function issueCodes(
  ctx: CivicContext,
  actor: Actor,
  id: string,
  opts: { count: number; expiresAt: string; area?: string; parents?: readonly string[] },
): Promise<{ batchId: string; area: string; expiresAt: string; codes: string[] }> {
  const now = ctx.now();
  if (!Number.isInteger(opts.count) || opts.count < 1 || opts.count > MAX_BATCH)
    throw refuse('bad_request', `invalid count: ${opts.count} (1 to ${MAX_BATCH})`);
  const expires = new Date(opts.expiresAt);
  if (Number.isNaN(expires.getTime())) throw refuse('bad_request', `invalid expiry: ${opts.expiresAt}`);
  if (expires <= now) throw refuse('bad_request', 'the expiry must be in the future');
  const batchId = randomUUID();
  const codes = Array.from({ length: opts.count }, invitationCode);
  return writeTransaction(ctx.cdb, async (tx) => {
    const row = await loadRow(tx, id);
    const area = opts.area ?? row.area;
    if (!AREA_CODE.test(area)) throw refuse('bad_request', `invalid area: ${area}`);
    checkInside(area, row.area, opts.parents);
    if (row.electorate === 'accounts')
      throw refuse('conflict', `consultation ${id} takes registered accounts only`);
    if (phaseOf(row, now) === 'closed') throw refuse('conflict', `consultation ${id} is closed`);
    const expiresAt = expires.toISOString();
    const rows = codes.map((code) => ({
      code_hash: codeHash(code),
      consultation_id: id,
      batch_id: batchId,
      area,
      expires_at: expiresAt,
      redeemed_at: null,
      participant_id: null,
      revoked_at: null,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('codes')
        .values(rows.slice(i, i + 500))
        .execute();
    await audit(tx, actor, 'codes.issue', id, { batchId, count: opts.count, area, expiresAt }, now);
    return { batchId, area, expiresAt, codes };
  });
}

/** The batches of a consultation with their counts. */
export async function listBatches(ctx: CivicContext, id: string): Promise<CodeBatch[]> {
  await loadRow(ctx.cdb.read, id);
  const rows = await ctx.cdb.read
    .selectFrom('codes')
    .select((eb) => [
      'batch_id',
      'area',
      'expires_at',
      eb.fn.countAll<number>().as('issued'),
      eb.fn.count<number>('redeemed_at').as('redeemed'),
      eb.fn.count<number>('revoked_at').as('revoked'),
    ])
    .where('consultation_id', '=', id)
    .groupBy(['batch_id', 'area', 'expires_at'])
    .orderBy('expires_at')
    .execute();
  return rows.map((r) => ({
    batchId: r.batch_id,
    area: r.area,
    expiresAt: r.expires_at,
    issued: Number(r.issued),
    redeemed: Number(r.redeemed),
    revoked: Number(r.revoked),
  }));
}

/** Revokes a batch's unredeemed codes (a lost or leaked batch); audited. Returns how many. */
export async function revokeBatch(
  ctx: CivicContext,
  actor: Actor,
  id: string,
  batchId: string,
): Promise<number> {
  const now = ctx.now();
  return writeTransaction(ctx.cdb, async (tx) => {
    const r = await tx
      .updateTable('codes')
      .set({ revoked_at: now.toISOString() })
      .where('consultation_id', '=', id)
      .where('batch_id', '=', batchId)
      .where('redeemed_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const n = Number(r.numUpdatedRows);
    const exists = await tx
      .selectFrom('codes')
      .select('batch_id')
      .where('consultation_id', '=', id)
      .where('batch_id', '=', batchId)
      .executeTakeFirst();
    if (!exists) throw refuse('not_found', `unknown batch: ${batchId}`);
    await audit(tx, actor, 'codes.revoke', id, { batchId, revoked: n }, now);
    return n;
  });
}

/** A code's session lasts at most 90 days (browsers keep cookies 400 days at most)… */
export const CODE_SESSION_MS = 90 * 24 * 3600_000;
/** …and 14 days past the close, so the voter can still see their own ballot (voting stops at the close). */
export const AFTER_CLOSE_MS = 14 * 24 * 3600_000;
const minIso = (a: string, b: string) => (a < b ? a : b);

const NOT_ACCEPTED = 'invitation code not accepted (unknown, expired or revoked)';

/**
 * Redeems a code for a consultation: marks it used and opens a participant session until the
 * consultation closes (the browser's old session, if any, is dropped). The attempt is counted
 * against the client address before the code is looked up (after ten failures each try waits a
 * growing delay), and the look-up waits in the bounded redemption queue.
 */
export async function redeemCode(
  ctx: CivicContext,
  input: { consultationId: string; code: string; ip: string; previousToken?: string },
): Promise<{ token: string; session: Session }> {
  const now = ctx.now();
  const key = `code-ip:${input.ip}`;
  const refused = await takeAttempt(ctx.cdb, key, CODE_IP, now);
  if (refused)
    throw refuse('locked', `too many wrong codes: try again after ${refused.until}`, {
      until: refused.until,
    });
  const hash = codeHash(normaliseCode(input.code).slice(0, 64));
  const result = await ctx.redeeming
    .run(() => redeemIn(ctx, input, hash, now))
    .catch(async (e: unknown) => {
      await succeeded(ctx.cdb, key, CODE_IP, now); // not checked: give the attempt back
      throw e;
    });
  if (result) {
    await succeeded(ctx.cdb, key, CODE_IP, now);
    return result;
  }
  const failures = await ctx.cdb.read
    .selectFrom('throttle')
    .select('failures')
    .where('key', '=', key)
    .executeTakeFirst();
  if (failures && failures.failures === CODE_IP.free + 1)
    await writeTransaction(ctx.cdb, (tx) =>
      audit(
        tx,
        { subject: 'anonymous', role: 'anonymous' },
        'lockout',
        `address:${input.ip}`,
        {
          codes: 'wrong codes: each further try from this address now waits',
          delayMs: delayAfter(CODE_IP, failures.failures),
        },
        now,
      ),
    );
  throw refuse('unauthenticated', NOT_ACCEPTED);
}

/** A fresh code's first use: marked used, it becomes a new participant. */
async function firstUse(tx: Tx, id: string, hash: string, t: string) {
  return tx
    .updateTable('codes')
    .set({ redeemed_at: t, participant_id: randomUUID() })
    .where('code_hash', '=', hash)
    .where('consultation_id', '=', id)
    .where('redeemed_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', t)
    .returning(['area', 'participant_id'])
    .executeTakeFirst() as Promise<{ area: string; participant_id: string } | undefined>;
}

/**
 * A code used before, while its consultation is open: the same participant again (a resident who
 * closed the browser comes back to the same ballot, and only their last ballot counts). Revoked
 * codes are refused; the expiry bounds only the first use.
 */
async function resumed(tx: Tx, id: string, hash: string) {
  return tx
    .selectFrom('codes')
    .select(['area', 'participant_id'])
    .where('code_hash', '=', hash)
    .where('consultation_id', '=', id)
    .where('participant_id', 'is not', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst() as Promise<{ area: string; participant_id: string } | undefined>;
}

/** Marks the code used (or finds it used) and opens the session, or undefined when the code is not accepted. */
async function redeemIn(
  ctx: CivicContext,
  input: { consultationId: string; previousToken?: string },
  hash: string,
  now: Date,
): Promise<{ token: string; session: Session } | undefined> {
  const t = now.toISOString();
  return writeTransaction(ctx.cdb, async (tx) => {
    const row = await tx
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', input.consultationId)
      .executeTakeFirst();
    if (!row || phaseOf(row, now) !== 'open') return undefined;
    const used = (await firstUse(tx, row.id, hash, t)) ?? (await resumed(tx, row.id, hash));
    if (!used) return undefined;
    const pid = used.participant_id;
    await dropSession(tx, input.previousToken);
    await purgeExpired(tx, now);
    const fields = {
      subject: `code:${pid}`,
      role: 'participant' as const,
      consultationId: row.id,
      area: used.area,
      expiresAt: minIso(
        new Date(Date.parse(row.closes_at) + AFTER_CLOSE_MS).toISOString(),
        new Date(now.getTime() + CODE_SESSION_MS).toISOString(),
      ),
    };
    const { token, idHash } = await createSession(tx, fields, now);
    return { token, session: { idHash, ...fields } };
  });
}
