// Turnout: how many of those who could vote did, in all, by zone (the area each invitation code
// was issued for; registered accounts as one group) and by the age band voters declared. A voter
// is counted once, whatever number of times they changed their ballot. Counts of 1 to 9 are
// withheld (disclosure.ts), with their rates.
import { pseudonym } from '../chain.ts';
import type { CivicContext } from '../context.ts';
import { DISCLOSURE_MIN, suppress } from '../disclosure.ts';
import { refuse } from '../errors.ts';
import { loadRow, phaseOf, type Phase } from './consultations.ts';

/** One published row of the turnout: null where withheld or not known. */
export interface TurnoutRow {
  breakdown: 'all' | 'zone' | 'age band';
  group: string;
  voters: number | null;
  electorate: number | null;
  /** voters / electorate. */
  turnout: number | null;
}

/** Turnout of a consultation. */
export interface Turnout {
  consultationId: string;
  phase: Phase;
  threshold: number;
  rows: TurnoutRow[];
}

const rate = (v: number | null, e: number | null) => (v === null || !e ? null : v / e);

function rowsOf(
  breakdown: TurnoutRow['breakdown'],
  cells: { group: string; count: number; electorate: number | null }[],
): TurnoutRow[] {
  const shown = suppress(cells);
  return cells.map((c, i) => ({
    breakdown,
    group: c.group,
    voters: shown[i]!,
    electorate: c.electorate,
    turnout: rate(shown[i]!, c.electorate),
  }));
}

/** The turnout of a published consultation (while voting runs: so far). */
export async function turnout(ctx: CivicContext, id: string): Promise<Turnout> {
  const row = await loadRow(ctx.cdb.read, id);
  const phase = phaseOf(row, ctx.now());
  if (phase === 'draft') throw refuse('conflict', `consultation ${id} is a draft: nobody has voted`);
  const db = ctx.cdb.read;
  const voters = new Set(
    (
      await db.selectFrom('ballots').select('voter').distinct().where('consultation_id', '=', id).execute()
    ).map((r) => r.voter),
  );
  const codes = await db
    .selectFrom('codes')
    .select(['area', 'participant_id', 'revoked_at'])
    .where('consultation_id', '=', id)
    .execute();
  const zones = new Map<string, { count: number; electorate: number }>();
  let byCode = 0;
  for (const c of codes) {
    const z = zones.get(c.area) ?? { count: 0, electorate: 0 };
    if (c.revoked_at === null) z.electorate++;
    if (c.participant_id && voters.has(pseudonym(row.secret, id, `code:${c.participant_id}`))) {
      z.count++;
      byCode++;
    }
    zones.set(c.area, z);
  }
  const list = await db
    .selectFrom('eligibility')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', id)
    .executeTakeFirstOrThrow();
  const listed = Number(list.n);
  const zoneCells: { group: string; count: number; electorate: number | null }[] = [...zones]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, z]) => ({ group, ...z }));
  if (row.electorate !== 'codes')
    zoneCells.push({ group: 'registered accounts', count: voters.size - byCode, electorate: listed || null });
  const codeElectorate = zoneCells.reduce(
    (a, z) => a + (z.group === 'registered accounts' ? 0 : (z.electorate ?? 0)),
    0,
  );
  const accountsKnown = row.electorate === 'codes' || listed > 0;
  const electorate = accountsKnown ? codeElectorate + listed : null;
  const bands = await db
    .selectFrom('respondents')
    .select(['voter', 'age_band'])
    .where('consultation_id', '=', id)
    .execute();
  const band = new Map<string, number>();
  for (const r of bands)
    if (voters.has(r.voter) && r.age_band) band.set(r.age_band, (band.get(r.age_band) ?? 0) + 1);
  const declared = [...band.values()].reduce((a, b) => a + b, 0);
  const bandCells = [...band]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, count]) => ({ group, count, electorate: null }));
  if (bandCells.length)
    bandCells.push({ group: 'not declared', count: voters.size - declared, electorate: null });
  const total = suppress([{ group: 'all', count: voters.size }])[0]!;
  return {
    consultationId: id,
    phase,
    threshold: DISCLOSURE_MIN,
    rows: [
      { breakdown: 'all', group: 'all', voters: total, electorate, turnout: rate(total, electorate) },
      ...rowsOf('zone', zoneCells),
      ...rowsOf('age band', bandCells),
    ],
  };
}
