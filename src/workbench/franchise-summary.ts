import { PAYEE_CLASSES, type PayeeClass } from '../core/franchise.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { FranchiseSummary } from '../contract/franchise.ts';
import { concentration } from '../models/franchise/concentration.ts';
import { localShare, LOCAL_RULES, ruleArea, placeIn } from '../models/franchise/local-share.ts';
import { lm3 } from '../models/franchise/lm3.ts';
import { matchRates } from '../models/franchise/match-rates.ts';
import type { Ctx } from './context.ts';
import { spendBy } from '../store/queries/franchise.ts';
import { franchiseData } from './franchise-data.ts';
import { franchiseIo } from './franchise-io.ts';
import { bodyState, type BodyState, type SupplierView } from './franchise-state.ts';

/** Pounds from pence, to the penny. */
export const gbp = (pence: number) => Math.round(pence) / 100;

/** The summary of a body's spend in a period: totals, classes, match rates, where it goes and what stays. */
export async function franchiseSummary(
  ctx: Ctx,
  taxonomy: Taxonomy,
  opts: { body: string; period?: string; io?: boolean },
): Promise<FranchiseSummary> {
  const store = ctx.store;
  const s = await bodyState(store, opts.body, opts.period, taxonomy);
  const counted = s.payees.reduce((t, p) => t + p.pence, 0);
  const rows = s.payees.reduce((t, p) => t + p.rows, 0);
  const published = s.reconciliation.reduce((t, r) => ({ rows: t.rows + r.rows, pence: t.pence + r.pence }), {
    rows: 0,
    pence: 0,
  });
  const data = franchiseData();
  const notes: string[] = [];
  const io =
    opts.io === false
      ? null
      : await franchiseIo(ctx, taxonomy, s).catch((e: Error) => {
          notes.push(`Input–output view not available: ${e.message}`);
          return null;
        });
  return {
    body: s.body.name,
    area: s.body.area,
    period: { label: s.period.label, from: s.period.from, to: s.period.to },
    taxonomy: taxonomy.id,
    total: gbp(counted),
    rows,
    published: { rows: published.rows, total: gbp(published.pence) },
    duplicates: { rows: published.rows - rows, total: gbp(published.pence - counted) },
    by_month: byMonth(s),
    classified: classified(s),
    match_rate: {
      ...matchRates(s.payees.map((p) => ({ matched: p.status === 'matched', rows: p.rows, pence: p.pence }))),
      basis: 'every payee, including individuals and withheld names (which are never matched)',
    },
    review: s.payees.filter((p) => p.status === 'review').length,
    by_service: (await spendBy(store, s.body.name, s.period.from, s.period.to, 'service'))
      .sort((a, b) => b.pence - a.pence || (a.item ?? '').localeCompare(b.item ?? ''))
      .map((g) => ({ service: g.item ?? '(none)', rows: g.rows, total: gbp(g.pence) })),
    by_layer: byShares(s.suppliers, (x) => x.layers).map(([layer, pence]) => ({
      layer,
      total: gbp(pence),
      share: counted === 0 ? 0 : pence / counted,
    })),
    by_size: bySize(s.suppliers),
    concentration: concentration(s.suppliers.map((x) => x.pence)),
    local_share: localShares(s),
    benchmarks: data.benchmarks.filter((b) => b.body === null || b.body === s.body.name),
    lm3: lm3View(s),
    io,
    notes: [
      ...notes,
      'Totals are counted lines under the duplicates rule; published = counted + duplicates, to the penny.',
      'Suppliers are matched employers (all payee names matched to one employer together) and unmatched payees.',
      'Layers, size bands and places come from the matched employer’s gender pay gap returns; spend with unmatched payees is shown as such, never guessed.',
    ],
  };
}

function byMonth(s: BodyState) {
  const m = new Map<string, { rows: number; pence: number; prows: number; ppence: number }>();
  for (const r of s.reconciliation) {
    const t = m.get(r.month) ?? { rows: 0, pence: 0, prows: 0, ppence: 0 };
    [t.rows, t.pence, t.prows, t.ppence] = [
      t.rows + r.countedRows,
      t.pence + r.countedPence,
      t.prows + r.rows,
      t.ppence + r.pence,
    ];
    m.set(r.month, t);
  }
  return [...m]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([month, t]) => ({
      month,
      rows: t.rows,
      total: gbp(t.pence),
      published_rows: t.prows,
      published_total: gbp(t.ppence),
    }));
}

function classified(s: BodyState): FranchiseSummary['classified'] {
  const out = Object.fromEntries(PAYEE_CLASSES.map((c) => [c, { payees: 0, rows: 0, pence: 0 }])) as Record<
    PayeeClass,
    { payees: number; rows: number; pence: number }
  >;
  for (const p of s.payees) {
    const t = out[p.class as PayeeClass];
    if (!t) throw new Error(`invalid payee class in the store: ${p.class}`);
    t.payees++;
    t.rows += p.rows;
    t.pence += p.pence;
  }
  return Object.fromEntries(
    PAYEE_CLASSES.map((c) => [c, { payees: out[c].payees, rows: out[c].rows, total: gbp(out[c].pence) }]),
  ) as FranchiseSummary['classified'];
}

/** Pence by key from each supplier's shares (shares of one supplier sum to 1), largest first. */
export function byShares(
  suppliers: readonly SupplierView[],
  shares: (s: SupplierView) => Map<string, number>,
): [string, number][] {
  const m = new Map<string, number>();
  for (const x of suppliers) for (const [k, w] of shares(x)) m.set(k, (m.get(k) ?? 0) + x.pence * w);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function bySize(suppliers: readonly SupplierView[]) {
  const m = new Map<string, { suppliers: number; pence: number }>();
  for (const x of suppliers) {
    const t = m.get(x.size) ?? { suppliers: 0, pence: 0 };
    t.suppliers++;
    t.pence += x.pence;
    m.set(x.size, t);
  }
  return [...m]
    .sort((a, b) => b[1].pence - a[1].pence)
    .map(([size, t]) => ({ size, suppliers: t.suppliers, total: gbp(t.pence) }));
}

function localShares(s: BodyState) {
  return LOCAL_RULES.flatMap((rule) => {
    const area = ruleArea(rule, s.body);
    if (!area) return [];
    const r = localShare(s.suppliers, rule, area);
    return [
      { ...r, inside: gbp(r.inside), outside: gbp(r.outside), unknown: gbp(r.unknown), note: area.note },
    ];
  });
}

/** LM3 type of a supplier: place under the body's own-area rule, and size from its returns. */
export function lm3Type(x: SupplierView, s: BodyState): string {
  const where = s.body.local ? placeIn(x.postcode, s.body.local) : 'unknown';
  if (where === 'unknown') return 'place-unknown';
  if (where === 'outside') return 'non-local';
  if (x.size === 'not matched' || x.size === 'Not Provided') return 'local-size-unknown';
  return x.size === 'Less than 250' ? 'local-sme' : 'local-large';
}

function lm3View(s: BodyState) {
  const params = franchiseData().lm3;
  const spend = s.suppliers.map((x) => ({ type: lm3Type(x, s), pence: x.pence }));
  const central = lm3(spend, params);
  const high = lm3(
    spend.map((x) => (x.type === 'place-unknown' ? { ...x, type: 'local-large' } : x)),
    params,
  );
  return { ...central, lm3IfUnknownLocal: high.lm3, parameters: params };
}
