import type { Taxonomy } from '../core/taxonomy.ts';
import type { FranchiseSuppliers, ReviewRow, SupplierRow } from '../contract/franchise.ts';
import { placeIn } from '../models/franchise/local-share.ts';
import type { Ctx } from './context.ts';
import { bodyAwards } from '../store/queries/franchise.ts';
import { gbp } from './franchise-summary.ts';
import { bodyState, type BodyState, type SupplierView } from './franchise-state.ts';

function place(x: SupplierView, s: BodyState): string {
  if (s.body.local && placeIn(x.postcode, s.body.local) === 'inside') return 'area';
  if (s.body.region) {
    const w = placeIn(x.postcode, s.body.region);
    return w === 'inside' ? 'region' : w;
  }
  return x.postcode ? 'outside' : 'unknown';
}

function mainLayer(x: SupplierView): string {
  const top = [...x.layers].sort((a, b) => b[1] - a[1])[0];
  return top ? (top[1] < 1 ? `${top[0]} (${Math.round(100 * top[1])}%)` : top[0]) : 'not matched';
}

/** Suppliers of a body by spend, largest first, with the review list of matches left to a person. */
export async function franchiseSuppliers(
  ctx: Ctx,
  taxonomy: Taxonomy,
  opts: { body: string; period?: string },
): Promise<FranchiseSuppliers> {
  const store = ctx.store;
  const s = await bodyState(store, opts.body, opts.period, taxonomy);
  const total = s.suppliers.reduce((t, x) => t + x.pence, 0);
  const awards = await bodyAwards(store, s.body.name);
  const awarded = (x: SupplierView) => {
    const hits = awards.filter(
      (a) =>
        x.payees.includes(a.payee_key) || (x.companyNumber !== null && a.company_number === x.companyNumber),
    );
    return hits.length ? gbp(hits.reduce((t, a) => t + Number(a.pence ?? 0), 0)) : null;
  };
  const suppliers = s.suppliers.map((x, i): SupplierRow => {
    const last = x.employer?.returns.at(-1) ?? null;
    return {
      rank: i + 1,
      supplier: x.name,
      class: x.class,
      match: x.status,
      employer_id: x.employer?.employerId ?? null,
      company_number: x.companyNumber,
      postcode: x.postcode,
      place: place(x, s),
      size: x.size,
      layer: mainLayer(x),
      rows: x.rows,
      total: gbp(x.pence),
      share: total === 0 ? 0 : x.pence / total,
      awarded: awarded(x),
      gpg_median: last?.diffMedianHourly ?? null,
      gpg_period: last?.period ?? null,
      payee_names: x.payees.length > 1 ? `${x.payees.length} names` : x.payees[0]!,
    };
  });
  const review = s.payees
    .filter((p) => p.status === 'review')
    .sort((a, b) => b.pence - a.pence || a.name.localeCompare(b.name))
    .map((p): ReviewRow => ({
      payee: p.name,
      class: p.class,
      rows: p.rows,
      total: gbp(p.pence),
      candidate: p.candidates[0]?.name ?? null,
      candidate_id: p.candidates[0]?.employerId ?? null,
      score: p.score,
      runner_up: p.runnerUp?.name ?? null,
      runner_up_score: p.runnerUp?.score ?? null,
      margin: p.margin,
      corroboration: p.corroboration.join(', '),
      reason: p.reason,
    }));
  return {
    body: s.body.name,
    period: { label: s.period.label, from: s.period.from, to: s.period.to },
    total: gbp(total),
    suppliers,
    review,
    notes: [
      'place: the registered-office postcode in the matched gender pay gap return (or contract notice) against the body’s declared postcode districts (area) and areas (region).',
      'gpg_median: the employer’s median hourly pay gap in its latest return (positive: men paid more).',
      'The review list holds payees with a plausible employer that the acceptance rule did not accept: a person decides.',
    ],
  };
}
