// The commitments register as answers: the list with each commitment's latest status (filtered by
// area, status and deadline), one commitment's history, and a fresh assessment of every measured
// commitment on the data now in the store (appended to the histories, never rewriting them).
import { notFound, UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type {
  CommitmentHistory,
  CommitmentImport,
  CommitmentList,
  CommitmentRow,
} from '../contract/accountability.ts';
import {
  parseStatus,
  STATUS_MEANING,
  STATUSES,
  type Commitment,
  type HistoryEntry,
} from '../models/accountability/index.ts';
import type { CommitmentRecord, Registers } from '../civic/service.ts';
import { planHistory } from './commitment-import.ts';
import { dateOrUsage, storedHistories } from './commitment-status.ts';
import type { Ctx } from './context.ts';

/** What the list is asked for. */
export interface CommitmentQuery {
  area?: string;
  status?: string;
  /** Only commitments due on or before this date. */
  dueBy?: string;
}

function targetText(c: Commitment): string | null {
  const t = c.measure?.target;
  if (!t) return null;
  const sign = (x: number) => (x >= 0 ? `+${x}` : String(x));
  if (t.value !== undefined) return `${t.value} by ${t.period}`;
  if (t.change !== undefined) return `${sign(Math.round(t.change * 1e6) / 1e4)}% by ${t.period}`;
  if (t.by !== undefined) return `${sign(t.by)} by ${t.period}`;
  return null;
}

function rowOf(rec: CommitmentRecord, history: readonly HistoryEntry[]): CommitmentRow {
  const c = JSON.parse(rec.spec) as Commitment;
  const last = history.at(-1);
  return {
    id: rec.id,
    register: rec.register,
    example: rec.example,
    who: c.who,
    what: c.what,
    made: c.made,
    deadline: c.deadline,
    areas: c.areas,
    indicator: c.measure?.indicator ?? null,
    target: targetText(c),
    rule: last?.rule ?? (c.measure ? `${c.measure.rule.id}@${c.measure.rule.version}` : 'assessed'),
    status: last?.status ?? 'unclear',
    statusDate: last?.date ?? c.made,
    reason: last?.reason ?? 'no status recorded yet',
    evidence: last?.evidence ?? '',
    source: { title: c.source.title, url: c.source.url ?? null, published: c.source.published ?? null },
    replaces: c.replaces ?? [],
  };
}

/** Every recorded commitment with its latest status, filtered. */
export async function commitmentList(regs: Registers, q: CommitmentQuery = {}): Promise<CommitmentList> {
  if (q.status !== undefined) parseStatusOrUsage(q.status);
  if (q.dueBy !== undefined) dateOrUsage(q.dueBy, 'due-by date');
  const histories = await storedHistories(regs);
  const rows = (await regs.commitments())
    .map((rec) => rowOf(rec, histories.get(rec.id) ?? []))
    .filter((r) => q.area === undefined || r.areas.includes(q.area))
    .filter((r) => q.status === undefined || r.status === q.status)
    .filter((r) => q.dueBy === undefined || r.deadline <= q.dueBy);
  return {
    commitments: rows,
    statuses: STATUSES.map((status) => ({ status, meaning: STATUS_MEANING[status] })),
  };
}

/** One commitment and its whole history. */
export async function commitmentHistory(regs: Registers, id: string): Promise<CommitmentHistory> {
  const rec = (await regs.commitments()).find((c) => c.id === id);
  if (!rec) throw notFound('commitment', id);
  const history = (await storedHistories(regs)).get(id) ?? [];
  return { commitment: rowOf(rec, history), history };
}

/** Applies every measured commitment's rule to the data now in the store at `asOf`, appending what changed. */
export async function assessCommitments(
  ctx: Ctx,
  regs: Registers,
  asOf: string,
  taxonomy: Taxonomy,
): Promise<CommitmentImport> {
  dateOrUsage(asOf, 'as-of date');
  const recs = await regs.commitments();
  const measured = recs.map((r) => JSON.parse(r.spec) as Commitment).filter((c) => c.measure);
  const history = await planHistory(ctx, measured, await storedHistories(regs), asOf, taxonomy, 'assessment');
  await regs.record({ commitments: [], history });
  return {
    register: '(all)',
    example: recs.length > 0 && recs.every((r) => r.example),
    asOf,
    added: [],
    unchanged: recs.map((r) => r.id),
    appended: history.flatMap((h) =>
      h.entries.map((e) => ({ id: h.commitment, seq: e.seq, date: e.date, status: e.status })),
    ),
  };
}

function parseStatusOrUsage(s: string): void {
  try {
    parseStatus(s);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
