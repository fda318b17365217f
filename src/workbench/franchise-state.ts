import { notFound, UsageError } from '../core/errors.ts';
import type { PublicBody } from '../core/franchise.ts';
import { layerIndex, type Taxonomy } from '../core/taxonomy.ts';
import { findBody } from '../ingest/spend-file.ts';
import { divisionShares } from '../models/franchise/industries.ts';
import { employerLayers } from '../models/gender/distribution.ts';
import type { Store } from '../store/db.ts';
import { hasFranchiseTables } from '../store/franchise.ts';
import {
  franchiseBodies,
  payeesWithMatches,
  spendBy,
  spendRange,
  spendReconciliation,
} from '../store/queries/franchise.ts';
import { franchiseData } from './franchise-data.ts';
import { employerDetails, type Employer } from './franchise-employers.ts';

/** A period of payment dates: a financial year `2021-22`, a month `2021-04`, a calendar year `2021`, or all. */
export interface Period {
  label: string;
  from: string;
  to: string;
  /** Months the period spans (for £ a year). */
  months: number;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Reads `--period`; anything else is refused with the forms accepted. */
export function parsePeriod(
  text: string | undefined,
  range: { first: string | null; last: string | null },
): Period {
  if (text === undefined) {
    if (!range.first || !range.last)
      return { label: 'all', from: '0001-01-01', to: '9999-12-31', months: 12 };
    const [y0, m0] = range.first.split('-').map(Number) as [number, number];
    const [y1, m1] = range.last.split('-').map(Number) as [number, number];
    return { label: 'all', from: range.first, to: range.last, months: (y1 - y0) * 12 + (m1 - m0) + 1 };
  }
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { label: text, from: `${text}-01`, to: `${text}-${lastDay(y, mo)}`, months: 1 };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text) ?? /^(\d{4})\/(\d{2})$/.exec(text);
  if (m && Number(m[2]) === (Number(m[1]) + 1) % 100)
    return { label: `${m[1]}-${m[2]}`, from: `${m[1]}-04-01`, to: `${Number(m[1]) + 1}-03-31`, months: 12 };
  if (/^\d{4}$/.test(text)) return { label: text, from: `${text}-01-01`, to: `${text}-12-31`, months: 12 };
  throw new UsageError(`invalid period: ${text} (a financial year 2021-22, a month 2021-04 or a year 2021)`);
}

/** A supplier: a matched employer (all the payee names that matched it), or an unmatched payee. */
export interface SupplierView {
  key: string;
  name: string;
  class: string;
  payees: string[];
  rows: number;
  pence: number;
  status: string;
  employer: Employer | null;
  companyNumber: string | null;
  postcode: string | null;
  size: string;
  layers: Map<string, number>;
  divisions: Map<string, number>;
}

export type PayeeView = Awaited<ReturnType<typeof payeesWithMatches>>[number] & {
  rows: number;
  pence: number;
};

export interface BodyState {
  body: PublicBody;
  period: Period;
  reconciliation: Awaited<ReturnType<typeof spendReconciliation>>;
  payees: PayeeView[];
  suppliers: SupplierView[];
}

/** The body the user named, among those declared and those in the store; an unknown one is refused. */
export async function resolveBody(store: Store, text: string): Promise<PublicBody> {
  if (!(await hasFranchiseTables(store)))
    throw new UsageError('no spend in the store: run strata franchise import first', 'no_data', 409);
  const stored = await franchiseBodies(store);
  const declared = findBody(franchiseData().bodies, text);
  if (declared && stored.includes(declared.name)) return declared;
  const raw = stored.find((b) => b.toLowerCase() === text.trim().toLowerCase());
  if (raw) return { id: raw, name: raw, aliases: [], files: [], area: null, local: null, region: null };
  throw notFound(
    `body with spend in the store (${stored.join(', ') || 'none: run strata franchise import'})`,
    text,
  );
}

/** Everything the summary, suppliers and conditions read about a body in a period. */
export async function bodyState(
  store: Store,
  bodyText: string,
  periodText: string | undefined,
  taxonomy: Taxonomy,
): Promise<BodyState> {
  const body = await resolveBody(store, bodyText);
  const period = parsePeriod(periodText, await spendRange(store, body.name));
  const [byPayee, reconciliation, matches] = [
    await spendBy(store, body.name, period.from, period.to, 'payee'),
    await spendReconciliation(store, body.name, period.from, period.to),
    await payeesWithMatches(store, body.name),
  ];
  const totals = new Map(byPayee.map((g) => [g.payee, { rows: g.rows, pence: g.pence }]));
  const payees = matches.filter((p) => totals.has(p.key)).map((p) => ({ ...p, ...totals.get(p.key)! }));
  const matched = [
    ...new Set(payees.flatMap((p) => (p.status === 'matched' && p.employerId ? [p.employerId] : []))),
  ];
  const byId = await employerDetails(store, matched);
  return { body, period, reconciliation, payees, suppliers: suppliersOf(payees, byId, taxonomy) };
}

// Shared by every unmatched supplier (never written to).
const NOT_MATCHED = new Map([['not matched', 1]]);
const NO_DIVISIONS = new Map<string, number>();

function suppliersOf(payees: PayeeView[], byId: Map<string, Employer>, taxonomy: Taxonomy): SupplierView[] {
  const out = new Map<string, SupplierView>();
  const index = layerIndex(taxonomy);
  for (const p of payees) {
    const e = p.status === 'matched' && p.employerId ? (byId.get(p.employerId) ?? null) : null;
    const key = e ? `employer:${e.employerId}` : `payee:${p.key}`;
    const had = out.get(key);
    if (had) {
      had.payees.push(p.key);
      had.rows += p.rows;
      had.pence += p.pence;
      continue;
    }
    out.set(key, {
      key,
      name: e?.name ?? p.name,
      class: p.class,
      payees: [p.key],
      rows: p.rows,
      pence: p.pence,
      status: p.status,
      employer: e,
      companyNumber: e?.companyNumber ?? p.companyNumber,
      postcode: e?.postcode ?? p.postcode,
      size: e?.size ?? 'not matched',
      layers: e ? employerLayers(e.sicCodes, taxonomy, index) : NOT_MATCHED,
      divisions: e ? divisionShares(e.sicCodes) : NO_DIVISIONS,
    });
  }
  return [...out.values()].sort((a, b) => b.pence - a.pence || a.name.localeCompare(b.name));
}
