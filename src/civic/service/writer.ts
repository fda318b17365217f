// Group commit of ballots. Each accepted ballot is appended to its consultation's log in a
// transaction that holds the log's head (ballots.ts, tx.ts); ballots that arrive while a commit is
// in flight are committed together in the next transaction, so one durable sync covers many
// ballots, and a ballot is acknowledged only after the commit that holds it has returned.
import type { CivicContext } from '../context.ts';
import { CivicError } from '../errors.ts';
import { writeTransaction } from '../store/tx.ts';
import { applyBatch, checkDeclared, type BallotRequest, type Receipt } from './ballots.ts';

interface Pending {
  req: BallotRequest;
  resolve: (r: Receipt) => void;
  reject: (e: unknown) => void;
}

/**
 * Queues ballots and commits them in groups; `submit` resolves once the ballot is durable. A
 * ballot arriving at an idle writer waits `windowMs` for company before its commit starts, so
 * under steady load one durable sync serves several ballots instead of each paying its own
 * (and ballots arriving during a commit form the next group).
 */
export class BallotWriter {
  readonly #ctx: CivicContext;
  readonly #maxBatch: number;
  readonly #windowMs: number;
  #queue: Pending[] = [];
  #busy = false;
  #idle: (() => void)[] = [];

  constructor(ctx: CivicContext, maxBatch = 500, windowMs = 2) {
    this.#ctx = ctx;
    this.#maxBatch = maxBatch;
    this.#windowMs = windowMs;
  }

  /** Appends a ballot; resolves with its receipt after commit, or rejects with the refusal. */
  submit(req: BallotRequest): Promise<Receipt> {
    checkDeclared(req.declared);
    return new Promise((resolve, reject) => {
      this.#queue.push({ req, resolve, reject });
      if (!this.#busy) {
        this.#busy = true;
        setTimeout(() => void this.#drain(), this.#windowMs);
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length) await this.#commit(this.#queue.splice(0, this.#maxBatch));
    } finally {
      this.#busy = false;
      for (const done of this.#idle.splice(0)) done();
    }
  }

  /** Resolves once every queued ballot has been committed or refused (before the store closes). */
  idle(): Promise<void> {
    return this.#busy ? new Promise((done) => this.#idle.push(done)) : Promise.resolve();
  }

  async #commit(batch: Pending[]): Promise<void> {
    let results: (Receipt | CivicError)[];
    try {
      results = await writeTransaction(this.#ctx.cdb, (tx) =>
        applyBatch(
          this.#ctx,
          tx,
          batch.map((p) => p.req),
        ),
      );
    } catch (e) {
      // A failure of the whole transaction (a lost connection, a constraint): nothing of it was
      // written; retry each ballot alone so one bad submission cannot sink the others.
      if (batch.length === 1) return batch[0]!.reject(e);
      for (const p of batch) await this.#commit([p]);
      return;
    }
    results.forEach((r, i) => (r instanceof CivicError ? batch[i]!.reject(r) : batch[i]!.resolve(r)));
  }
}
