// After the close: the outcome under the published rule, the anonymised log anyone can verify,
// the pabulib export, and the representativeness report beside (never instead of) the tally.
import { audit, type Actor } from '../audit.ts';
import { exportLog } from '../chain-export.ts';
import { countedByVoter, tallyLog, type LogEntry } from '../chain.ts';
import type { Consultation } from '../consultation.ts';
import type { CivicContext } from '../context.ts';
import { writePb } from '../pabulib.ts';
import { consultationToPb } from '../pb-consultation.ts';
import { refuse } from '../errors.ts';
import { writeTransaction } from '../store/tx.ts';
import type { Outcome } from '../tally/outcome.ts';
import {
  postStratify,
  weightedTally,
  type PopulationCell,
  type PostStratification,
  type WeightedTally,
} from '../weighting.ts';
import { getConsultation, headOf, type StoredConsultation } from './consultations.ts';
import { readEntries, requireClosed } from './log.ts';

/** A closed consultation's result as published. */
export interface Results {
  consultation: Consultation;
  stored: StoredConsultation;
  head: { hash: string; count: number };
  /** Null when the rule cannot tally the ballots cast (e.g. goal weighting with no ballots). */
  outcome: Outcome | null;
  /** Ballots counted: each voter's last. */
  counted: number;
}

/** Per option of a closed consultation: the counted ballots naming it, or its mean points. */
export async function support(ctx: CivicContext, id: string): Promise<Record<string, number>> {
  const { stored, entries } = await closedLog(ctx, id);
  const spec = stored.spec;
  const ballots = countedByVoter(entries).map((b) => b.ballot);
  const out: Record<string, number> = Object.fromEntries(spec.options.map((o) => [o.id, 0]));
  for (const b of ballots)
    if (Array.isArray(b)) for (const id of b) out[id] = (out[id] ?? 0) + 1;
    else for (const [id, v] of Object.entries(b)) out[id] = (out[id] ?? 0) + v / ballots.length;
  return out;
}

async function closedLog(
  ctx: CivicContext,
  id: string,
): Promise<{ stored: StoredConsultation; entries: LogEntry[] }> {
  const stored = await requireClosed(ctx, id);
  return { stored, entries: await readEntries(ctx.cdb.read, id) };
}

/** How many voters the log holds: the ballots counted, each voter's last (without reading the log). */
async function voters(ctx: CivicContext, id: string): Promise<number> {
  const r = await ctx.cdb.read
    .selectFrom('ballots')
    .select((eb) => eb.fn.count<number>('voter').distinct().as('n'))
    .where('consultation_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The published result of a closed consultation (closing it first if its time has passed). */
export async function results(ctx: CivicContext, id: string): Promise<Results> {
  const stored = await requireClosed(ctx, id);
  return {
    consultation: stored.spec,
    stored,
    head: (await headOf(ctx, id))!,
    outcome: stored.outcome as Outcome | null,
    counted: await voters(ctx, id),
  };
}

/** The anonymised log with the published outcome, as `strata civic verify` reads it. */
export async function exportText(ctx: CivicContext, id: string): Promise<string> {
  const { stored, entries } = await closedLog(ctx, id);
  return exportLog(stored.spec, entries, (stored.outcome as Outcome | null) ?? undefined);
}

/** A closed budget consultation as a pabulib `.pb` file (voters as pseudonyms). */
export async function exportPabulib(ctx: CivicContext, id: string): Promise<string> {
  const { stored, entries } = await closedLog(ctx, id);
  if (stored.spec.ballot === 'points')
    throw refuse('conflict', 'goal-weighting consultations have no pabulib form');
  const ballots = countedByVoter(entries);
  const pb = consultationToPb(stored.spec, ballots, (stored.outcome as Outcome | null) ?? undefined, {
    country: stored.meta.country,
    unit: stored.meta.unit ?? stored.meta.area,
    currency: stored.meta.currency,
    instance: stored.spec.id,
    date_begin: stored.meta.opensAt.slice(0, 10),
    date_end: stored.meta.closesAt.slice(0, 10),
  });
  return writePb(pb);
}

/** The tally so far of a consultation still running: staff only, audited. */
export async function interimTally(
  ctx: CivicContext,
  actor: Actor,
  id: string,
): Promise<{ outcome: Outcome | null; note?: string; counted: number }> {
  const stored = await getConsultation(ctx, id, true);
  if (stored.phase === 'draft') throw refuse('conflict', `consultation ${id} has not opened`);
  const entries = await readEntries(ctx.cdb.read, id);
  const r = tallyLog(stored.spec, entries);
  await writeTransaction(ctx.cdb, (tx) =>
    audit(tx, actor, 'tally.interim', id, { entries: entries.length }, ctx.now()),
  );
  return { ...r, counted: countedByVoter(entries).length };
}

/** The representativeness report: who took part against the area's population, and the weighted scores. */
export interface Representativeness {
  poststratification: PostStratification;
  weighted: WeightedTally;
  declared: number;
  counted: number;
}

/** Post-stratified weights and scores of a closed consultation against population cells. */
export async function representativeness(
  ctx: CivicContext,
  id: string,
  cells: readonly PopulationCell[],
): Promise<Representativeness> {
  const { stored, entries } = await closedLog(ctx, id);
  const counted = countedByVoter(entries);
  const rows = await ctx.cdb.read
    .selectFrom('respondents')
    .selectAll()
    .where('consultation_id', '=', id)
    .execute();
  const declared = new Map(rows.map((r) => [r.voter, { ageBand: r.age_band, sex: r.sex }]));
  const respondents = counted.map((b) => declared.get(b.voter) ?? { ageBand: null, sex: null });
  const ps = postStratify(cells, respondents);
  return {
    poststratification: ps,
    weighted: weightedTally(
      stored.spec,
      counted.map((b) => b.ballot),
      ps.weights,
    ),
    declared: respondents.filter((r) => r.ageBand !== null).length,
    counted: counted.length,
  };
}
