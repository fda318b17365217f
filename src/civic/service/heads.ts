// Publishing ballot-log heads on a schedule: once per declared interval, every consultation whose
// head moved since its last published entry (or that has none yet) gets one signed, dated entry
// appended to its head series. The check "not yet in this interval" and the append run in one
// transaction under a per-consultation lock, so however many instances tick at once, a series
// gains at most one entry per interval. Between entries the public sees only the last published
// head, never the live one: the moment each ballot arrived stays unknown. At the close (or on the
// first tick after the closing time) the final head is appended, marked final, whatever the
// interval: it states the whole log, and nothing follows it.
import type { Selectable } from 'kysely';
import { genesisHash } from '../chain.ts';
import type { Consultation } from '../consultation.ts';
import type { CivicContext } from '../context.ts';
import type { HeadSigner } from '../head-key.ts';
import {
  HEAD_SERIES_FORMAT,
  signHead,
  slotOf,
  type HeadEntry,
  type HeadSeries,
  type PublishedKey,
} from '../head-series.ts';
import type { HeadSeriesTable } from '../store/tables.ts';
import { lockHead, lockName, writeTransaction, type Tx } from '../store/tx.ts';
import { getConsultation, headOf, loadRow } from './consultations.ts';

/**
 * Shortest declared interval (seconds): a quarter of an hour. With a shorter one a head in a
 * quiet consultation would often add one ballot, tying it to the minute it was cast.
 */
export const MIN_HEAD_INTERVAL = 900;

/** A stored row of the series as the entry it publishes. */
export function entryOf(r: Selectable<HeadSeriesTable>): HeadEntry {
  const final = Number(r.final) === 1 ? { final: true as const } : {};
  return {
    ...final,
    consultationId: r.consultation_id,
    seq: Number(r.seq),
    at: r.at,
    interval: Number(r.interval_s),
    count: Number(r.count),
    head: r.head,
    prev: r.prev,
    key: r.key,
    signature: r.signature,
    hash: r.hash,
  };
}

async function lastEntry(tx: Tx, id: string): Promise<HeadEntry | undefined> {
  const row = await tx
    .selectFrom('head_series')
    .selectAll()
    .where('consultation_id', '=', id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? entryOf(row) : undefined;
}

async function recordKey(tx: Tx, key: PublishedKey, at: string): Promise<void> {
  const known = await tx
    .selectFrom('head_keys')
    .select('fingerprint')
    .where('fingerprint', '=', key.fingerprint)
    .executeTakeFirst();
  if (!known)
    await tx
      .insertInto('head_keys')
      .values({ fingerprint: key.fingerprint, public_key: key.publicKey, first_used: at })
      .execute();
}

/** The signing key and declared interval heads are published with. */
export interface HeadPublishing {
  signer: HeadSigner;
  intervalSeconds: number;
}

/** Signs and appends the next entry of a consultation's series (its `heads:` lock held). */
async function appendEntry(
  tx: Tx,
  p: HeadPublishing,
  id: string,
  at: string,
  last: HeadEntry | undefined,
  head: { seq: number; hash: string },
  final: boolean,
): Promise<HeadEntry> {
  const row = await tx
    .selectFrom('consultations')
    .select('spec')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await recordKey(tx, p.signer.published, at);
  const entry = signHead(
    {
      consultationId: id,
      seq: last ? last.seq + 1 : 0,
      at,
      interval: p.intervalSeconds,
      count: Number(head.seq) + 1,
      head: head.hash,
      prev: last ? last.hash : genesisHash(JSON.parse(row.spec) as Consultation),
      key: p.signer.published.fingerprint,
      ...(final ? { final: true as const } : {}),
    },
    p.signer.privateKey,
  );
  const { consultationId, interval: s, final: f, ...rest } = entry;
  await tx
    .insertInto('head_series')
    .values({ consultation_id: consultationId, interval_s: s, final: f ? 1 : 0, ...rest })
    .execute();
  return entry;
}

/**
 * Appends a consultation's final head, inside the transaction that closes it or after its
 * closing time: the log's head is locked first, so a ballot committing now is in it and none
 * can follow. Returns the final entry (the one already published, if any).
 */
export async function publishFinal(
  tx: Tx,
  ctx: CivicContext,
  p: HeadPublishing,
  id: string,
): Promise<HeadEntry> {
  await lockName(tx, ctx.cdb, `heads:${id}`);
  const last = await lastEntry(tx, id);
  if (last?.final) return last;
  const head = await lockHead(tx, ctx.cdb, id);
  if (!head) throw new Error(`consultation ${id} has no ballot log`);
  return appendEntry(tx, p, id, ctx.now().toISOString(), last, head, true);
}

/** Appends one consultation's head if its interval has no entry yet and the head moved (after the closing time: its final head); the entry or undefined. */
async function publishOne(ctx: CivicContext, p: HeadPublishing, id: string): Promise<HeadEntry | undefined> {
  return writeTransaction(ctx.cdb, async (tx) => {
    await lockName(tx, ctx.cdb, `heads:${id}`);
    // the time signed is read under the lock, so the head read after it holds no later ballot
    const at = ctx.now().toISOString();
    const last = await lastEntry(tx, id);
    if (last?.final) return undefined;
    const c = await loadRow(tx, id);
    if (c.status === 'closed' || at >= c.closes_at) return publishFinal(tx, ctx, p, id);
    if (last && slotOf(at, p.intervalSeconds) <= slotOf(last.at, p.intervalSeconds)) return undefined;
    const head = await tx
      .selectFrom('chain_heads')
      .select(['seq', 'hash'])
      .where('consultation_id', '=', id)
      .executeTakeFirstOrThrow();
    if (last && last.head === head.hash && last.count === Number(head.seq) + 1) return undefined;
    return appendEntry(tx, p, id, at, last, head, false);
  });
}

/** One tick of the schedule: publishes every published consultation's head that is due; the entries appended. */
export async function publishHeads(
  ctx: CivicContext,
  signer: HeadSigner,
  intervalSeconds: number,
): Promise<HeadEntry[]> {
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < MIN_HEAD_INTERVAL)
    throw new Error(
      `invalid head interval: ${intervalSeconds} (whole seconds, at least ${MIN_HEAD_INTERVAL})`,
    );
  // Voting ends at the close, so two intervals later the final head is in the series: a
  // consultation closed before that takes no lock on any later tick.
  const settled = new Date(ctx.now().getTime() - 2 * intervalSeconds * 1000).toISOString();
  const ids = await ctx.cdb.read
    .selectFrom('consultations')
    .select('id')
    .where('status', '!=', 'draft')
    .where('closes_at', '>', settled)
    .orderBy('id')
    .execute();
  const out: HeadEntry[] = [];
  for (const { id } of ids) {
    const e = await publishOne(ctx, { signer, intervalSeconds }, id);
    if (e) out.push(e);
  }
  return out;
}

/** Every public key that signed a published head. */
export async function headKeys(ctx: CivicContext): Promise<PublishedKey[]> {
  const rows = await ctx.cdb.read.selectFrom('head_keys').selectAll().orderBy('first_used').execute();
  return rows.map((r) => ({ algorithm: 'Ed25519', fingerprint: r.fingerprint, publicKey: r.public_key }));
}

/** A consultation's head series with the keys that signed it (drafts: not found, unless staff). */
export async function headSeries(ctx: CivicContext, id: string, staff: boolean): Promise<HeadSeries> {
  const { next: _next, ...series } = await headSeriesPage(ctx, id, staff, {});
  return series;
}

/** Which part of a series to read: entries after `after` (a seq), at most `limit` of them. */
export interface HeadPageRequest {
  after?: number;
  limit?: number;
}

/** One page of a series: its entries, the keys that signed them, and the `after` of the next page (null: none yet). */
export type HeadSeriesPage = HeadSeries & { next: number | null };

/** A page of a consultation's head series, in seq order (drafts: not found, unless staff). */
export async function headSeriesPage(
  ctx: CivicContext,
  id: string,
  staff: boolean,
  page: HeadPageRequest,
): Promise<HeadSeriesPage> {
  await getConsultation(ctx, id, staff);
  let q = ctx.cdb.read
    .selectFrom('head_series')
    .selectAll()
    .where('consultation_id', '=', id)
    .where('seq', '>', page.after ?? -1)
    .orderBy('seq');
  if (page.limit !== undefined) q = q.limit(page.limit + 1);
  const rows = await q.execute();
  const more = page.limit !== undefined && rows.length > page.limit;
  const entries = (more ? rows.slice(0, page.limit) : rows).map(entryOf);
  const used = new Set(entries.map((e) => e.key));
  const keys = (await headKeys(ctx)).filter((k) => used.has(k.fingerprint));
  return {
    format: HEAD_SERIES_FORMAT,
    consultationId: id,
    keys,
    entries,
    next: more ? entries.at(-1)!.seq : null,
  };
}

/**
 * The head the public may see: while voting runs, the last published entry of the series (null
 * before the first), never the live head; once closed, the final head. Staff see the live head.
 */
export async function publicHead(
  ctx: CivicContext,
  id: string,
  staff: boolean,
): Promise<{ hash: string; count: number; publishedAt?: string } | null> {
  const s = await getConsultation(ctx, id, staff);
  if (staff || s.phase === 'closed') return headOf(ctx, id);
  const last = await lastEntry(ctx.cdb.read, id);
  return last ? { hash: last.head, count: last.count, publishedAt: last.at } : null;
}
