// The accountability registers in the civic store: commitments (terms fixed once recorded), their
// append-only status history, and frozen projections. Validation of what a register means (ids,
// areas, rules) happens before this; here every write is one transaction that checks, against the
// rows as they are inside it, that nothing recorded would change — and otherwise writes nothing.
import { UsageError } from '../core/errors.ts';
import { consultationRecords, type ConsultationRecord } from './records.ts';
import { openCivicDb, type CivicDb } from './store/open.ts';
import type { CommitmentHistoryTable, PlanProjectionsTable, ProjectionsTable } from './store/tables.ts';
import { writeTransaction, type Tx } from './store/tx.ts';

/** One status in a commitment's history. */
export type HistoryRow = Omit<CommitmentHistoryTable, 'commitment_id' | 'recorded_at'>;

/** A commitment as recorded. */
export interface CommitmentRecord {
  id: string;
  register: string;
  example: boolean;
  fingerprint: string;
  /** The terms as recorded (canonical JSON). */
  spec: string;
}

/** What one import writes: new commitments, and history entries to append (for new or recorded ones). */
export interface RegisterWrite {
  commitments: CommitmentRecord[];
  history: { commitment: string; entries: HistoryRow[] }[];
}

/** A projection to freeze (the id is given by the store). */
export type ProjectionWrite = Omit<ProjectionsTable, 'id' | 'recorded_at'>;
export type ProjectionRecord = Omit<ProjectionsTable, 'recorded_at'>;

/** A plan to freeze (the id is given by the store). */
export type PlanWrite = Omit<PlanProjectionsTable, 'id' | 'recorded_at'>;
export type PlanRecord = Omit<PlanProjectionsTable, 'recorded_at'>;

/** The id prefix of each kind of frozen plan. */
const PLAN_PREFIX: Record<string, string> = { scenario: 'S', finance: 'F' };

/** Gives the next id under `prefix` (`P-2026-` → `P-2026-004`) in the table; ids are never reused. */
async function nextId(tx: Tx, table: 'projections' | 'plan_projections', prefix: string): Promise<string> {
  const last = await tx
    .selectFrom(table)
    .select('id')
    .where('id', 'like', `${prefix}%`)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const n = last ? Number(last.id.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(3, '0')}`;
}

/** The registers over an open civic store. */
export class Registers {
  readonly #cdb: CivicDb;
  readonly #owned: boolean;
  readonly #now: () => Date;

  constructor(cdb: CivicDb, opts: { owned?: boolean; now?: () => Date } = {}) {
    this.#cdb = cdb;
    this.#owned = opts.owned ?? false;
    this.#now = opts.now ?? (() => new Date());
  }

  /** Opens (creating and migrating) the civic store at `url` for the registers alone. */
  static async open(url: string, now?: () => Date): Promise<Registers> {
    return new Registers(await openCivicDb(url), { owned: true, ...(now ? { now } : {}) });
  }

  async close(): Promise<void> {
    if (this.#owned) await this.#cdb.close();
  }

  /** Every recorded commitment, by id. */
  async commitments(): Promise<CommitmentRecord[]> {
    const rows = await this.#cdb.read.selectFrom('commitments').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ ...r, example: Number(r.example) === 1 }));
  }

  /** Every history entry, by commitment and sequence. */
  async histories(): Promise<Map<string, HistoryRow[]>> {
    const rows = await this.#cdb.read
      .selectFrom('commitment_history')
      .selectAll()
      .orderBy('commitment_id')
      .orderBy('seq')
      .execute();
    const out = new Map<string, HistoryRow[]>();
    for (const { commitment_id, recorded_at: _, ...r } of rows)
      out.set(commitment_id, [...(out.get(commitment_id) ?? []), { ...r, seq: Number(r.seq) }]);
    return out;
  }

  /** Records new commitments and appends history, all or nothing; a change to anything recorded is refused. */
  async record(w: RegisterWrite): Promise<void> {
    const at = this.#now().toISOString();
    await writeTransaction(this.#cdb, async (tx) => {
      for (const c of w.commitments) await insertCommitment(tx, c, at);
      for (const h of w.history) await appendHistory(tx, h.commitment, h.entries, at);
    });
  }

  /** Freezes a projection under the next id of its year (`P-2026-001`); ids are never reused. */
  async freeze(p: ProjectionWrite): Promise<string> {
    const at = this.#now().toISOString();
    return writeTransaction(this.#cdb, async (tx) => {
      const id = await nextId(tx, 'projections', `P-${p.frozen_on.slice(0, 4)}-`);
      await tx
        .insertInto('projections')
        .values({ ...p, id, recorded_at: at })
        .execute();
      return id;
    });
  }

  /** Freezes a plan under the next id of its kind and year (`S-2026-001`, `F-2026-001`); ids are never reused. */
  async freezePlan(p: PlanWrite): Promise<string> {
    const letter = PLAN_PREFIX[p.kind];
    if (!letter) throw new Error(`invalid plan kind: ${p.kind}`);
    const at = this.#now().toISOString();
    return writeTransaction(this.#cdb, async (tx) => {
      const id = await nextId(tx, 'plan_projections', `${letter}-${p.frozen_on.slice(0, 4)}-`);
      await tx
        .insertInto('plan_projections')
        .values({ ...p, id, recorded_at: at })
        .execute();
      return id;
    });
  }

  /** Every frozen plan, by id. */
  async plans(): Promise<PlanRecord[]> {
    const rows = await this.#cdb.read.selectFrom('plan_projections').selectAll().orderBy('id').execute();
    return rows.map(({ recorded_at: _, ...r }) => r);
  }

  /** Every published or closed consultation with its outcome, log head and signed heads, by id. */
  async consultations(): Promise<ConsultationRecord[]> {
    return consultationRecords(this.#cdb);
  }

  /** Every frozen projection, by id. */
  async projections(): Promise<ProjectionRecord[]> {
    const rows = await this.#cdb.read.selectFrom('projections').selectAll().orderBy('id').execute();
    return rows.map(({ recorded_at: _, ...r }) => ({
      ...r,
      period: Number(r.period),
      last_period: Number(r.last_period),
    }));
  }
}

async function insertCommitment(tx: Tx, c: CommitmentRecord, at: string): Promise<void> {
  const old = await tx.selectFrom('commitments').selectAll().where('id', '=', c.id).executeTakeFirst();
  if (!old) {
    await tx
      .insertInto('commitments')
      .values({ ...c, example: c.example ? 1 : 0, recorded_at: at })
      .execute();
    return;
  }
  if (old.fingerprint !== c.fingerprint)
    throw new UsageError(
      `commitment ${c.id} is recorded for another promise: ids are never reused`,
      'conflict',
      409,
    );
  if (old.spec !== c.spec)
    throw new UsageError(
      `commitment ${c.id} is recorded with other terms, which never change: record a new commitment that replaces it`,
      'conflict',
      409,
    );
}

async function appendHistory(tx: Tx, id: string, entries: HistoryRow[], at: string): Promise<void> {
  const last = await tx
    .selectFrom('commitment_history')
    .select(['seq', 'date'])
    .where('commitment_id', '=', id)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  let seq = last ? Number(last.seq) : 0;
  let date = last?.date ?? '';
  for (const e of entries) {
    if (e.seq !== seq + 1 || e.date < date)
      throw new UsageError(
        `history of ${id} is append-only: entry ${e.seq} (${e.date}) does not follow entry ${seq}${date ? ` (${date})` : ''}`,
        'conflict',
        409,
      );
    await tx
      .insertInto('commitment_history')
      .values({ ...e, commitment_id: id, recorded_at: at })
      .execute();
    seq = e.seq;
    date = e.date;
  }
}
