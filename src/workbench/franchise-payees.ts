import { payeeClassifier } from '../models/franchise/classify.ts';
import { matchPayee, unmatched } from '../models/franchise/match.ts';
import { replaceBodyPayees, type Cell } from '../store/franchise.ts';
import { awardParties, payeeRows, type PayeeRow } from '../store/queries/franchise.ts';
import type { Ctx } from './context.ts';
import { franchiseData } from './franchise-data.ts';
import { employerIndex } from './franchise-employers.ts';

/** How a body's payees were classified and matched in an import. */
export interface BodyMatches {
  body: string;
  payees: number;
  matched: number;
  review: number;
  unmatched: number;
  /** Individuals and withheld names: never matched. */
  notEligible: number;
}

/** SIC divisions an expense type (or service) points to, each distinct text tested once. */
function divisionsOf(memo: Map<string, string[]>, text: string): string[] {
  let hit = memo.get(text);
  if (!hit) {
    hit = franchiseData().expense.flatMap((r) => (r.re.test(text) ? r.divisions : []));
    memo.set(text, hit);
  }
  return hit;
}

/** SIC divisions the payee's expense types (or, without them, its services) point to. */
function expenseDivisions(p: PayeeRow, memo: Map<string, string[]>): Set<string> {
  const texts = p.expense_types.length > 0 ? p.expense_types : p.services;
  return new Set(texts.flatMap((t) => divisionsOf(memo, t)));
}

const NOT_ELIGIBLE = unmatched('individual or withheld name: not matched');

/**
 * Classifies a body's payees and matches them to employers, from its counted lines in the store
 * (a payee named like a supplier in the body's contract awards takes that award's company
 * number and postcode), and replaces the body's payee and match rows.
 */
export async function rebuildPayees(ctx: Pick<Ctx, 'store' | 'cached'>, body: string): Promise<BodyMatches> {
  const store = ctx.store;
  const data = franchiseData();
  const classify = payeeClassifier(data.payeeRules);
  const { index } = await employerIndex(ctx);
  const parties = new Map((await awardParties(store, body)).map((a) => [a.payee_key, a]));
  const rows = await payeeRows(store, body);
  const out: BodyMatches = { body, payees: rows.length, matched: 0, review: 0, unmatched: 0, notEligible: 0 };
  const payees: Cell[][] = [];
  const matches: Cell[][] = [];
  const memo = new Map<string, string[]>();
  for (const p of rows) {
    const party = parties.get(p.payee_key);
    const companyNumber = p.company_number ?? party?.company_number ?? null;
    const postcode = party?.postcode ?? null;
    const c = classify({ name: p.name, companyNumber, charityNumber: p.charity_number });
    payees.push([
      body,
      p.payee_key,
      p.name,
      c.class,
      c.rule,
      companyNumber,
      p.charity_number,
      postcode,
      p.rows,
      p.pence,
    ]);
    const eligible = c.class !== 'individual-or-redacted';
    const m = eligible
      ? matchPayee(
          {
            name: p.name,
            companyNumber,
            postcode,
            divisions: expenseDivisions(p, memo),
            publicBody: c.class === 'public-body',
          },
          index,
          data.match,
        )
      : NOT_ELIGIBLE;
    if (!eligible) out.notEligible++;
    else out[m.status]++;
    matches.push([
      body,
      p.payee_key,
      eligible ? m.status : 'not-eligible',
      m.method,
      m.status === 'matched' ? m.employerId : null,
      m.score,
      m.runnerUp?.employerId ?? null,
      m.runnerUp?.name ?? null,
      m.runnerUp?.score ?? null,
      m.margin,
      m.corroboration.join(','),
      m.reason,
      JSON.stringify(m.candidates),
    ]);
  }
  await replaceBodyPayees(store, body, payees, matches);
  return out;
}
