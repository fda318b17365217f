// Tender scoring and the conditions register on the Procurement page: a starting tender to edit,
// and the tables of the API's answers (pure, tested in Node).
import type { FranchiseRegister, FranchiseTender, FranchiseTenderRequest } from './api-types.ts';
import type { Cell, Table } from './table.ts';

type Request = Required<Pick<FranchiseTenderRequest, 'criteria' | 'bids'>> & {
  priceMethod: 'relative' | 'linear';
};

/** A tender to start from: price, quality and the PPN 002 minimum of social value; three bids. */
export function startingTender(): Request {
  return {
    criteria: [
      { id: 'price', name: 'Price', weight: 0.5, kind: 'price' },
      { id: 'quality', name: 'Quality of service', weight: 0.4, kind: 'quality' },
      { id: 'social-value', name: 'Social value (local jobs, real living wage)', weight: 0.1, kind: 'social-value' },
    ],
    bids: [
      { bidder: 'Bidder A', price: 900_000, marks: { quality: 60, 'social-value': 30 } },
      { bidder: 'Bidder B', price: 1_000_000, marks: { quality: 75, 'social-value': 80 } },
      { bidder: 'Bidder C', price: 1_150_000, marks: { quality: 90, 'social-value': 70 } },
    ],
    priceMethod: 'relative',
  };
}

/** The sum of a tender's weights, for the form to show before it is sent. */
export const weightSum = (t: Request): number =>
  Math.round(t.criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0) * 1e9) / 1e9;

const gbp0 = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const points = (v: Cell) => (typeof v === 'number' ? v.toFixed(1) : '–');

/** The ranked bids: rank, bidder, price, each criterion's mark and weighted points, the total. */
export function tenderTable(t: FranchiseTender): Table {
  const crit = t.criteria.flatMap((c) => [
    `${c.name}: mark`,
    `${c.name}: points (× ${Math.round(c.weight * 1000) / 10}%)`,
  ]);
  return {
    columns: ['Rank', 'Bidder', 'Price £', ...crit, 'Total (of 100)'],
    rows: t.bids.map((b) => [
      b.rank,
      b.bidder,
      b.price,
      ...t.criteria.flatMap((c) => {
        const s = b.scores.find((x) => x.criterion === c.id)!;
        return [s.mark, s.weighted];
      }),
      b.total,
    ]),
    formats: [
      null,
      null,
      (v) => (typeof v === 'number' ? gbp0.format(v) : '–'),
      ...crit.map(() => points),
      points,
    ],
  };
}

const STATUS_WORDS: Record<string, string> = {
  promised: 'promised, not yet rated',
  good: 'good',
  'approaching-target': 'approaching target',
  'requires-improvement': 'requires improvement',
  inadequate: 'inadequate',
  other: 'other rating',
};

/** Each condition of the register: contract, suppliers, KPI, what was promised, the latest rating and when. */
export function registerTable(r: FranchiseRegister): Table {
  return {
    columns: ['Contract (ocid / contract)', 'Suppliers', 'KPI', 'Promised', 'Latest', 'As of', 'Events'],
    rows: r.conditions.map((c) => {
      const parts = c.conditionId.split('/');
      return [
        parts.slice(0, -1).join(' / '),
        c.suppliers.join('; ') || '–',
        c.title ?? parts.at(-1) ?? '',
        c.promised,
        STATUS_WORDS[c.latest] ?? c.latest,
        c.latestAt.slice(0, 10),
        c.events,
      ];
    }),
  };
}
