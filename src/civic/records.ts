// The consultations on record, as an accountability report reads them: every published or closed
// consultation with its schedule, electorate, published outcome, the head of its ballot log and
// the signed heads published for it. Read-only; drafts are not on record.
import type { Consultation } from './consultation.ts';
import type { HeadEntry } from './head-series.ts';
import { entryOf } from './service/heads.ts';
import type { CivicDb } from './store/open.ts';
import type { Outcome } from './tally/outcome.ts';

/** One consultation on record. */
export interface ConsultationRecord {
  id: string;
  title: string;
  area: string;
  electorate: string;
  status: 'published' | 'closed';
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  consultation: Consultation;
  outcome: Outcome | null;
  /** Voters in the log (each voter's last ballot is the one counted). */
  voters: number;
  /** The log's head now: its last entry's hash and the entries it covers. */
  head: { hash: string; count: number } | null;
  /** Signed heads published for it, oldest first (the last is `final` once the close is published). */
  signed: HeadEntry[];
}

/** Every published or closed consultation, by id. */
export async function consultationRecords(cdb: CivicDb): Promise<ConsultationRecord[]> {
  const rows = await cdb.read
    .selectFrom('consultations')
    .select([
      'id',
      'title',
      'area',
      'electorate',
      'status',
      'opens_at',
      'closes_at',
      'closed_at',
      'spec',
      'outcome',
    ])
    .where('status', '!=', 'draft')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const heads = await cdb.read
    .selectFrom('chain_heads')
    .select(['consultation_id', 'seq', 'hash'])
    .where('consultation_id', 'in', ids)
    .execute();
  const voters = await cdb.read
    .selectFrom('ballots')
    .select((eb) => ['consultation_id', eb.fn.count<number>('voter').distinct().as('n')])
    .where('consultation_id', 'in', ids)
    .groupBy('consultation_id')
    .execute();
  const signed = await cdb.read
    .selectFrom('head_series')
    .selectAll()
    .where('consultation_id', 'in', ids)
    .orderBy('consultation_id')
    .orderBy('seq')
    .execute();
  const headOf = new Map(heads.map((h) => [h.consultation_id, { hash: h.hash, count: Number(h.seq) + 1 }]));
  const votersOf = new Map(voters.map((v) => [v.consultation_id, Number(v.n)]));
  const signedOf = new Map<string, HeadEntry[]>();
  for (const s of signed) {
    // a long consultation has a signed head every quarter hour: append, never copy the list
    let list = signedOf.get(s.consultation_id);
    if (!list) signedOf.set(s.consultation_id, (list = []));
    list.push(entryOf(s));
  }
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    area: r.area,
    electorate: r.electorate,
    status: r.status === 'closed' ? 'closed' : 'published',
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    closedAt: r.closed_at,
    consultation: JSON.parse(r.spec) as Consultation,
    outcome: r.outcome === null ? null : (JSON.parse(r.outcome) as Outcome),
    voters: votersOf.get(r.id) ?? 0,
    head: headOf.get(r.id) ?? null,
    signed: signedOf.get(r.id) ?? [],
  }));
}
