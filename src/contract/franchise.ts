// GET /api/v1/franchise/… and `strata franchise`: where a public body's money goes (totals that
// reconcile with the published files, payee classes, match rates, layers, services, local share,
// LM3 beside the input–output view), its suppliers, the conditions they meet, and what-ifs.
import { z } from 'zod';
import { PAYEE_CLASSES } from '../core/franchise.ts';
import { maybe, Notes } from './common.ts';
import { table } from './table.ts';

const Period = z
  .strictObject({ label: z.string(), from: z.string(), to: z.string() })
  .meta({ id: 'FranchisePeriod' });

const ClassTotal = z.strictObject({ payees: z.number(), rows: z.number(), total: z.number() });

const Rate = z.strictObject({ matched: z.number(), total: z.number(), rate: maybe });

const LocalShare = z
  .strictObject({
    rule: z.enum(['registered-office-in-area', 'registered-office-in-region']),
    area: z.string(),
    inside: z.number().meta({ description: '£ with suppliers whose registered office is inside' }),
    outside: z.number(),
    unknown: z.number().meta({ description: '£ where no postcode is known' }),
    shareOfKnown: maybe.meta({ description: 'inside / (inside + outside)' }),
    shareOfAll: maybe.meta({ description: 'inside / all: a floor, every unknown counted outside' }),
    note: z.string(),
  })
  .meta({ id: 'FranchiseLocalShare' });
export type FranchiseLocalShare = z.infer<typeof LocalShare>;

const Benchmark = z.strictObject({
  id: z.string(),
  body: z.string().nullable(),
  share: z.number(),
  period: z.string(),
  rule: z.string(),
  source: z.string(),
});

const Lm3 = z.strictObject({
  r1: z.number(),
  r2: z.number(),
  r3: z.number(),
  lm3: maybe,
  byType: z.array(z.strictObject({ type: z.string(), r1: z.number(), r2: z.number(), r3: z.number() })),
  lm3IfUnknownLocal: maybe,
  parameters: z.record(z.string(), z.strictObject({ r2: z.number(), r3: z.number(), source: z.string() })),
});

const Io = z.strictObject({
  placed: z.number().meta({ description: 'pence placed in an industry the model has' }),
  type1: maybe,
  type2: maybe,
  byIndustry: z.array(
    z.strictObject({ industry: z.string(), pence: z.number(), type1: z.number(), type2: z.number() }),
  ),
  area: z.string(),
  year: z.number(),
  delta: z.number(),
  unplaced: z.number(),
  assumes: z.string(),
  source: z.string(),
});

/** What a body spent, on whom and where, in a period (£, net of credits). */
export const FranchiseSummary = z
  .strictObject({
    body: z.string(),
    area: z.string().nullable(),
    period: Period,
    taxonomy: z.string(),
    total: z.number().meta({ description: 'counted spend, £; reconciles with the files to the penny' }),
    rows: z.number(),
    published: z.strictObject({ rows: z.number(), total: z.number() }),
    duplicates: z.strictObject({ rows: z.number(), total: z.number() }),
    by_month: z.array(
      z.strictObject({
        month: z.string(),
        rows: z.number(),
        total: z.number(),
        published_rows: z.number(),
        published_total: z.number(),
      }),
    ),
    classified: z.strictObject(
      Object.fromEntries(PAYEE_CLASSES.map((c) => [c, ClassTotal])) as {
        [K in (typeof PAYEE_CLASSES)[number]]: typeof ClassTotal;
      },
    ),
    match_rate: z.strictObject({
      by_suppliers: Rate,
      by_payments: Rate,
      by_value: Rate,
      basis: z.string(),
    }),
    review: z.number(),
    by_service: z.array(z.strictObject({ service: z.string(), rows: z.number(), total: z.number() })),
    by_layer: z.array(z.strictObject({ layer: z.string(), total: z.number(), share: z.number() })),
    by_size: z.array(z.strictObject({ size: z.string(), suppliers: z.number(), total: z.number() })),
    concentration: z.strictObject({
      suppliers: z.number(),
      top10Share: maybe,
      herfindahl: maybe,
      nonPositive: z.number(),
    }),
    local_share: z.array(LocalShare),
    benchmarks: z.array(Benchmark),
    lm3: Lm3,
    io: Io.nullable(),
    notes: Notes,
  })
  .meta({ id: 'FranchiseSummary' });
export type FranchiseSummary = z.infer<typeof FranchiseSummary>;

/** One supplier of a body: spend, class, match, place, size, layer and latest gender pay gap. */
export const SupplierRow = z
  .strictObject({
    rank: z.number(),
    supplier: z.string(),
    class: z.string(),
    match: z.string(),
    employer_id: z.string().nullable(),
    company_number: z.string().nullable(),
    postcode: z.string().nullable(),
    place: z.string().meta({ description: 'area (the body’s own), region, outside or unknown' }),
    size: z.string(),
    layer: z.string(),
    rows: z.number(),
    total: z.number(),
    share: z.number(),
    awarded: maybe.meta({ description: 'contract awards to the supplier in OCDS releases, £' }),
    gpg_median: maybe,
    gpg_period: z.string().nullable(),
    payee_names: z.string(),
  })
  .meta({ id: 'FranchiseSupplier' });
export type SupplierRow = z.infer<typeof SupplierRow>;

/** A payee whose match is left to a person: the candidates, scores and why it was not accepted. */
export const ReviewRow = z
  .strictObject({
    payee: z.string(),
    class: z.string(),
    rows: z.number(),
    total: z.number(),
    candidate: z.string().nullable(),
    candidate_id: z.string().nullable(),
    score: maybe,
    runner_up: z.string().nullable(),
    runner_up_score: maybe,
    margin: maybe,
    corroboration: z.string(),
    reason: z.string(),
  })
  .meta({ id: 'FranchiseReview' });
export type ReviewRow = z.infer<typeof ReviewRow>;

export const FranchiseSuppliers = z
  .strictObject({
    body: z.string(),
    period: Period,
    total: z.number(),
    suppliers: z.array(SupplierRow),
    review: z.array(ReviewRow),
    notes: Notes,
  })
  .meta({ id: 'FranchiseSuppliers' });
export type FranchiseSuppliers = z.infer<typeof FranchiseSuppliers>;

export const ConditionStatus = z.enum(['meets', 'fails', 'unknown']);

export const ConditionTotals = z
  .strictObject({
    condition: z.string(),
    name: z.string(),
    rule: z.string(),
    evidence: z.string(),
    meets: z.number(),
    fails: z.number(),
    unknown: z.number().meta({ description: '£ where the evidence is missing: never counted as failing' }),
    meets_suppliers: z.number(),
    fails_suppliers: z.number(),
    unknown_suppliers: z.number(),
  })
  .meta({ id: 'FranchiseConditionTotals' });
export type ConditionTotals = z.infer<typeof ConditionTotals>;

export const FranchiseConditions = z
  .strictObject({
    body: z.string(),
    period: Period,
    conditions: z.strictObject({ id: z.string(), title: z.string() }),
    total: z.number(),
    totals: z.array(ConditionTotals),
    suppliers: z.array(
      z.strictObject({
        supplier: z.string(),
        total: z.number(),
        verdicts: z.record(z.string(), z.strictObject({ status: ConditionStatus, reason: z.string() })),
      }),
    ),
    notes: Notes,
  })
  .meta({ id: 'FranchiseConditions' });
export type FranchiseConditions = z.infer<typeof FranchiseConditions>;

export const DemandChange = z
  .strictObject({
    area: z.string(),
    industry: z.string(),
    industryBasis: z.enum(['ioat', 'sic-division']),
    gbpPerYear: z.number(),
  })
  .meta({ id: 'FranchiseDemandChange' });

/** A what-if: a share of a category's spend moved, and the demand change it makes in the area. */
export const FranchiseWhatIf = z
  .strictObject({
    body: z.string(),
    area: z.string(),
    category: z.string(),
    target: z.string(),
    share: z.number(),
    moved: z.number().meta({ description: '£ a year moved between suppliers' }),
    unplaced: z.number().meta({ description: '£ a year moved with no industry to place it in' }),
    changes: z.array(DemandChange),
    notes: Notes,
  })
  .meta({ id: 'FranchiseWhatIf' });
export type FranchiseWhatIf = z.infer<typeof FranchiseWhatIf>;

export const RegisterEvent = z.strictObject({
  conditionId: z.string(),
  eventKey: z.string(),
  at: z.string(),
  status: z.string(),
  detail: z.string().nullable(),
  title: z.string().nullable(),
  source: z.string(),
});

/** The register of conditions promised vs delivered, and its append-only history. */
export const FranchiseRegister = z
  .strictObject({
    conditions: z.array(
      z.strictObject({
        conditionId: z.string(),
        title: z.string().nullable(),
        promised: z.string().nullable(),
        latest: z.string(),
        latestAt: z.string(),
        events: z.number(),
        body: z.string().nullable().meta({ description: 'the buyer, as the release names it' }),
        suppliers: z
          .array(z.string())
          .meta({ description: 'the contract’s suppliers, as the awards name them' }),
      }),
    ),
    history: z.array(RegisterEvent),
  })
  .meta({ id: 'FranchiseRegister' });
export type FranchiseRegister = z.infer<typeof FranchiseRegister>;

/** The bodies with spend or contracts in the store: id to ask by, name as published, area served. */
export const FranchiseBodies = z
  .strictObject({
    bodies: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        area: z.string().nullable(),
        first: z.string().nullable().meta({ description: 'first payment date held' }),
        last: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'FranchiseBodies' });
export type FranchiseBodies = z.infer<typeof FranchiseBodies>;

/** A supplier with the conditions of a conditions file it meets, fails, and where it cannot be known. */
export const SupplierConditions = SupplierRow.extend({
  meets: z.array(z.string()),
  fails: z.array(z.string()),
  unknown: z.array(z.string()),
}).meta({ id: 'FranchiseSupplierConditions' });
export type SupplierConditions = z.infer<typeof SupplierConditions>;

/** Suppliers by spend with their match status and the conditions they meet (the Procurement page's table). */
export const FranchiseSupplierList = z
  .strictObject({
    body: z.string(),
    period: Period,
    total: z.number(),
    conditions: z.strictObject({ id: z.string(), title: z.string() }),
    condition_names: z.record(z.string(), z.string()),
    page: z
      .strictObject({
        offset: z.number(),
        limit: z.number(),
        matched: z.number().meta({ description: 'suppliers the search and filters select' }),
        suppliers: z.number().meta({ description: 'all the body’s suppliers in the period' }),
      })
      .meta({ description: 'the window of suppliers this answer holds' }),
    suppliers: z.array(SupplierConditions),
    review: z.array(ReviewRow),
    notes: Notes,
  })
  .meta({ id: 'FranchiseSupplierList' });
export type FranchiseSupplierList = z.infer<typeof FranchiseSupplierList>;

export const SUMMARY_VIEWS = [
  'summary',
  'months',
  'classes',
  'layers',
  'services',
  'sizes',
  'local',
] as const;
export const SUPPLIER_VIEWS = ['suppliers', 'review'] as const;
export const SUPPLIER_SORTS = ['rank', 'supplier', 'total', 'gpg_median', 'meets'] as const;
export type SupplierSort = (typeof SUPPLIER_SORTS)[number];
export const CONDITION_VIEWS = ['totals', 'verdicts'] as const;
export const REGISTER_VIEWS = ['conditions', 'history'] as const;

const joined = (xs: readonly string[]) => xs.join('; ');

/** The CLI's and the API's tables of each answer. */
export const franchiseViews = {
  summary: table(summaryRows, ['section', 'item', 'rows', 'total', 'share_pct', 'value']),
  months: table(
    (r: FranchiseSummary) => r.by_month,
    ['month', 'rows', 'total', 'published_rows', 'published_total'],
  ),
  classes: table(
    (r: FranchiseSummary) => Object.entries(r.classified).map(([payee_class, c]) => ({ payee_class, ...c })),
    ['payee_class', 'payees', 'rows', 'total'],
  ),
  layers: table((r: FranchiseSummary) => r.by_layer, ['layer', 'total', 'share']),
  services: table((r: FranchiseSummary) => r.by_service, ['service', 'rows', 'total']),
  sizes: table((r: FranchiseSummary) => r.by_size, ['size', 'suppliers', 'total']),
  local: table(
    (r: FranchiseSummary) => r.local_share,
    ['rule', 'area', 'inside', 'outside', 'unknown', 'shareOfKnown', 'shareOfAll', 'note'],
  ),
  supplierConditions: table(
    (r: FranchiseSupplierList) => r.suppliers,
    [
      ...(Object.keys(SupplierRow.shape) as (keyof SupplierRow)[]),
      ['meets', (x: SupplierConditions) => joined(x.meets)],
      ['fails', (x: SupplierConditions) => joined(x.fails)],
      ['unknown', (x: SupplierConditions) => joined(x.unknown)],
    ],
  ),
  supplierReview: table(
    (r: FranchiseSupplierList) => r.review,
    Object.keys(ReviewRow.shape) as (keyof ReviewRow)[],
  ),
  suppliers: table(
    (r: FranchiseSuppliers) => r.suppliers,
    Object.keys(SupplierRow.shape) as (keyof SupplierRow)[],
  ),
  review: table((r: FranchiseSuppliers) => r.review, Object.keys(ReviewRow.shape) as (keyof ReviewRow)[]),
  conditions: table(
    (r: FranchiseConditions) => r.totals,
    [
      'condition',
      'name',
      'rule',
      'meets',
      'fails',
      'unknown',
      'meets_suppliers',
      'fails_suppliers',
      'unknown_suppliers',
    ],
  ),
  verdicts: table(verdictRows, ['supplier', 'total', 'condition', 'status', 'reason']),
  whatif: table((r: FranchiseWhatIf) => r.changes, ['area', 'industry', 'industryBasis', 'gbpPerYear']),
  register: table(
    (r: FranchiseRegister) => r.conditions,
    [
      'conditionId',
      'body',
      ['suppliers', (c: FranchiseRegister['conditions'][number]) => joined(c.suppliers)],
      'title',
      'promised',
      'latest',
      'latestAt',
      'events',
    ],
  ),
  registerHistory: table(
    (r: FranchiseRegister) => r.history,
    ['conditionId', 'eventKey', 'at', 'status', 'detail', 'title', 'source'],
  ),
};

/** One row per supplier and condition. */
function verdictRows(r: FranchiseConditions) {
  return r.suppliers.flatMap((s) =>
    Object.entries(s.verdicts).map(([condition, v]) => ({
      supplier: s.supplier,
      total: s.total,
      condition,
      status: v.status,
      reason: v.reason,
    })),
  );
}

const pct = (x: number | null) => (x === null ? null : Math.round(1000 * x) / 10);

type SummaryRow = {
  section: string;
  item: string;
  rows: number | null;
  total: number | null;
  share_pct: number | null;
  value?: number | null;
};

/** The summary as one long table: section, item, rows, £, share, value. */
export function summaryRows(s: FranchiseSummary): SummaryRow[] {
  const share = (x: number) => pct(s.total ? x / s.total : null);
  const out: SummaryRow[] = [
    { section: 'total', item: s.period.label, rows: s.rows, total: s.total, share_pct: 100 },
    { section: 'published', item: 'all lines', ...counts(s.published), share_pct: null },
    { section: 'duplicates', item: 'not counted', ...counts(s.duplicates), share_pct: null },
    ...s.by_month.map((m) => ({ section: 'month', item: m.month, ...counts(m), share_pct: null })),
    ...Object.entries(s.classified).map(([k, c]) => ({
      section: 'payee class',
      item: k,
      ...counts(c),
      share_pct: share(c.total),
    })),
    ...matchRows(s),
    ...s.by_layer.map((l) => row('layer', l.layer, null, l.total, pct(l.share))),
    ...s.by_service.map((b) => row('service', b.service, b.rows, b.total, share(b.total))),
    ...s.by_size.map((b) => row('size band', b.size, b.suppliers, b.total, share(b.total))),
    row('concentration', 'top-10 share', s.concentration.suppliers, null, pct(s.concentration.top10Share)),
    { ...row('concentration', 'Herfindahl', null, null, null), value: s.concentration.herfindahl },
    ...s.local_share.map((l) =>
      row('local share', `${l.rule} (${l.area}), of known`, null, l.inside, pct(l.shareOfKnown)),
    ),
    { ...row('LM3', 'declared re-spend', null, null, null), value: s.lm3.lm3 },
  ];
  const io = s.io;
  if (io)
    for (const [type, value] of [
      ['I', io.type1],
      ['II', io.type2],
    ] as const)
      out.push({
        ...row('IO', `Type ${type} output multiplier (${io.area})`, null, io.placed / 100, null),
        value,
      });
  return out;
}

function row(section: string, item: string, rows: number | null, total: number | null, share: number | null) {
  return { section, item, rows, total, share_pct: share };
}

function counts(c: { rows: number; total: number }) {
  return { rows: c.rows, total: c.total };
}

function matchRows(s: FranchiseSummary): SummaryRow[] {
  const m = s.match_rate;
  return [
    row('match rate', 'by suppliers', m.by_suppliers.matched, null, pct(m.by_suppliers.rate)),
    row('match rate', 'by payments', m.by_payments.matched, null, pct(m.by_payments.rate)),
    row('match rate', 'by value', null, m.by_value.matched / 100, pct(m.by_value.rate)),
  ];
}
