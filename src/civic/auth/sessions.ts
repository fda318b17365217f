// Sessions: a random 256-bit id in an HttpOnly cookie, stored only as its sha256. Every sign-in
// (password or invitation code) makes a new id and deletes the one the browser came with, so a
// session id planted before sign-in never becomes an authenticated one (session fixation).
import type { CivicDb } from '../store/open.ts';
import type { Role } from '../store/tables.ts';
import type { Tx } from '../store/tx.ts';
import { randomToken, tokenHash } from './tokens.ts';

/** A signed-in session as the routes see it. */
export interface Session {
  idHash: string;
  subject: string;
  role: Exclude<Role, 'anonymous'>;
  consultationId: string | null;
  area: string | null;
  expiresAt: string;
}

/** Staff and account sessions last 12 hours from sign-in. */
export const SESSION_MS = 12 * 3600_000;

/** Creates a session (inside the sign-in transaction) and returns its cookie value. */
export async function createSession(
  tx: Tx,
  s: Omit<Session, 'idHash'>,
  now: Date,
): Promise<{ token: string; idHash: string }> {
  const token = randomToken(32);
  const idHash = tokenHash(token);
  await tx
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      subject: s.subject,
      role: s.role,
      consultation_id: s.consultationId,
      area: s.area,
      created_at: now.toISOString(),
      expires_at: s.expiresAt,
    })
    .execute();
  return { token, idHash };
}

/** The live session for a cookie value, or undefined (unknown, expired, or malformed). */
export async function findSession(
  cdb: CivicDb,
  token: string | undefined,
  now: Date,
): Promise<Session | undefined> {
  if (!token || token.length > 64) return undefined;
  const row = await cdb.read
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', tokenHash(token))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    idHash: row.id_hash,
    subject: row.subject,
    role: row.role,
    consultationId: row.consultation_id,
    area: row.area,
    expiresAt: row.expires_at,
  };
}

/** Deletes the session a cookie names (sign-out, or before a new sign-in). */
export async function dropSession(tx: Tx, token: string | undefined): Promise<void> {
  if (token && token.length <= 64)
    await tx.deleteFrom('sessions').where('id_hash', '=', tokenHash(token)).execute();
}

/** Deletes expired sessions (run at sign-in, so the table stays small without a timer). */
export async function purgeExpired(tx: Tx, now: Date): Promise<void> {
  await tx.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
