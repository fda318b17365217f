// The Procurement page's view helpers: pounds to the penny, the classes' reconciliation, the
// suppliers table's search, filter, sort and pages, the condition settings and their comparison.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  FranchiseConditions,
  FranchiseConditionSet,
  FranchiseSummary,
  SupplierConditions,
} from '../../src/web/lib/api-types.ts';
import { scenarioSchema } from '../../src/models/scenarios/schema.ts';
import {
  conditionTable,
  gbp,
  paramFields,
  periodsBetween,
  reconciliation,
  scenarioOf,
  conditionName,
  supplierCsvRequest,
  supplierParams,
  withParam,
  type SupplierQuery,
} from '../../src/web/lib/procurement-view.ts';
import { supplierPage as serverPage } from '../../src/workbench/franchise-supplier-page.ts';

/** The server's page for the table's state, as the route computes it from supplierParams. */
function supplierPage(all: SupplierConditions[], q: SupplierQuery) {
  const p = supplierParams(q);
  const r = serverPage(all, ['local'], {
    ...(p as object),
    ...(q.search ? { search: q.search } : {}),
  } as Parameters<typeof serverPage>[2]);
  const pages = Math.max(1, Math.ceil(r.matched / q.size));
  return { rows: r.rows, matching: r.matched, pages, page: q.page };
}

const supplier = (
  rank: number,
  name: string,
  more: Partial<SupplierConditions> = {},
): SupplierConditions => ({
  rank,
  supplier: name,
  class: 'company',
  match: 'matched',
  employer_id: null,
  company_number: null,
  postcode: null,
  place: 'unknown',
  size: 'not matched',
  layer: 'not matched',
  rows: 1,
  total: 1000 / rank,
  share: 0,
  awarded: null,
  gpg_median: null,
  gpg_period: null,
  payee_names: name,
  meets: [],
  fails: [],
  unknown: ['local'],
  ...more,
});

const all = [
  supplier(1, 'Alpha Care Ltd', { gpg_median: 5, meets: ['local'], unknown: [] }),
  supplier(2, 'Beta Works', { gpg_median: 20, fails: ['local'], unknown: [] }),
  supplier(3, 'Gamma Care', { payee_names: 'GAMMA CARE; G CARE SERVICES' }),
  supplier(4, 'Delta', { gpg_median: -2, meets: ['local'], unknown: [] }),
];
const q = (more: Partial<SupplierQuery>): SupplierQuery => ({
  search: '',
  condition: '',
  status: '',
  sort: 'rank',
  descending: false,
  page: 1,
  size: 2,
  ...more,
});

describe('procurement view', () => {
  it('prints pounds to the penny', () => {
    assert.equal(gbp(837472435.69), '£837,472,435.69');
    assert.equal(gbp(-3), '−£3.00');
    assert.equal(gbp(0.1 + 0.2), '£0.30');
    assert.equal(gbp(null), '–');
  });

  it('sums the classes in pence against the counted total', () => {
    const classes = { payees: 1, rows: 1 };
    const s = {
      total: 0.3,
      classified: {
        company: { ...classes, total: 0.1 },
        charity: { ...classes, total: 0.2 },
        'public-body': { ...classes, total: 0 },
        'individual-or-redacted': { ...classes, total: 0 },
        unknown: { ...classes, total: 0 },
      },
    } as unknown as FranchiseSummary;
    assert.deepEqual(reconciliation(s), { classes: 30, total: 30, equal: true });
    assert.equal(reconciliation({ ...s, total: 0.31 }).equal, false);
  });

  it('searches names and payee names, filters by a condition’s status, sorts and pages', () => {
    const care = supplierPage(all, q({ search: 'care' }));
    assert.deepEqual(
      care.rows.map((x) => x.rank),
      [1, 3],
    );
    assert.deepEqual(
      supplierPage(all, q({ search: 'g care services' })).rows.map((x) => x.rank),
      [3],
    );
    const meets = supplierPage(all, q({ condition: 'local', status: 'meets' }));
    assert.deepEqual([meets.matching, meets.rows.map((x) => x.rank)], [2, [1, 4]]);
    // by pay gap, largest first, those without one last
    const gap = supplierPage(all, q({ sort: 'gpg_median', descending: true, size: 10 }));
    assert.deepEqual(
      gap.rows.map((x) => x.rank),
      [2, 1, 4, 3],
    );
    const page2 = supplierPage(all, q({ page: 2 }));
    assert.deepEqual([page2.page, page2.pages, page2.rows.map((x) => x.rank)], [2, 2, [3, 4]]);
    assert.deepEqual(supplierPage(all, q({ page: 9 })).rows, []);
    assert.deepEqual(supplierPage([], q({})), { rows: [], matching: 0, pages: 1, page: 1 });
    assert.throws(
      () => supplierPage(all, q({ condition: 'fair-tax', status: 'meets' })),
      /invalid condition: fair-tax/,
    );
  });

  const set: FranchiseConditionSet = {
    id: 's',
    version: 1,
    title: 'S',
    conditions: [
      {
        id: 'pay',
        name: 'Pay',
        rule: 'paid-within-days',
        evidence: 'dates',
        params: { days: 30, share: 0.95 },
      },
      {
        id: 'local',
        name: 'Local',
        rule: 'registered-office-local',
        evidence: 'pc',
        params: { area: 'region' },
      },
      {
        id: 'lw',
        name: 'LW',
        rule: 'accredited-list',
        evidence: 'list',
        params: { companyNumbers: [], names: [] },
      },
    ],
  };

  it('offers each condition’s parameters and changes one in a copy', () => {
    const fields = paramFields(set);
    assert.deepEqual(
      fields.map((f) => `${f.condition}.${f.key}=${f.value}`),
      ['pay.days=30', 'pay.share=0.95', 'local.area=region', 'lw.companyNumbers='],
    );
    const share = withParam(set, fields[1]!, '0.5');
    assert.deepEqual(share.conditions[0]!.params, { days: 30, share: 0.5 });
    assert.deepEqual(set.conditions[0]!.params, { days: 30, share: 0.95 });
    // an empty number is sent as such, for the API to refuse by name
    assert.ok(Number.isNaN((withParam(set, fields[0]!, ' ').conditions[0]!.params as { days: number }).days));
    const list = withParam(set, fields[3]!, '01234567\n SC123456 ,\n');
    assert.deepEqual((list.conditions[2]!.params as { companyNumbers: string[] }).companyNumbers, [
      '01234567',
      'SC123456',
    ]);
  });

  const answer = (meets: number, verdict: 'meets' | 'fails'): FranchiseConditions => ({
    body: 'B',
    period: { label: 'all', from: '2021-04-01', to: '2022-03-31' },
    conditions: { id: 's', title: 'S' },
    total: 10,
    totals: [
      {
        condition: 'local',
        name: 'Local',
        rule: 'registered-office-local',
        evidence: 'pc',
        meets,
        fails: 10 - meets,
        unknown: 0,
        meets_suppliers: 1,
        fails_suppliers: 1,
        unknown_suppliers: 0,
      },
    ],
    suppliers: [
      { supplier: 'Alpha Care Ltd', total: 10, verdicts: { local: { status: verdict, reason: '' } } },
    ],
    notes: [],
  });

  it('sets the new settings beside the defaults with the change in £ meeting', () => {
    const t = conditionTable(answer(7.3, 'meets'), answer(2.1, 'fails'));
    assert.deepEqual(t.rows[0], ['Local', 7.3, 2.7, 0, 1, 2.1, 7.9, 0, -5.2]);
    assert.equal(t.columns.length, 9);
    assert.equal(conditionTable(answer(7.3, 'meets'), null).columns.length, 5);
  });

  it('names a changed condition by its new settings, and sets the new name beside the default one', () => {
    const pay = {
      id: 'prompt-payment',
      name: 'Invoices paid within 30 days',
      rule: 'paid-within-days',
      evidence: 'dates',
      params: { days: 30, share: 0.95 },
    } as FranchiseConditionSet['conditions'][number];
    const s2 = withParam(
      { id: 's', version: 1, title: 'S', conditions: [pay] },
      { condition: 'prompt-payment', key: 'days', kind: 'number' },
      '10',
    );
    assert.equal(s2.conditions[0]!.name, '95% of invoices paid within 10 days');
    assert.equal(
      conditionName({ ...pay, rule: 'registered-office-local', params: { area: 'local' } } as typeof pay),
      'Registered office in the council’s own area',
    );
    const base = answer(7.3, 'meets');
    const changed = {
      ...answer(2.1, 'fails'),
      totals: [{ ...answer(2.1, 'fails').totals[0]!, name: 'Local (own area)' }],
    };
    assert.equal(conditionTable(base, changed).rows[0]![0], 'Local → Local (own area)');
  });

  it('lists the financial years and months a body’s payments span, newest first', () => {
    assert.deepEqual(
      periodsBetween('2022-02-10', '2022-04-30').map((p) => [p.value, p.label]),
      [
        ['2022-23', 'financial year 2022–23'],
        ['2021-22', 'financial year 2021–22'],
        ['2022-04', 'April 2022'],
        ['2022-03', 'March 2022'],
        ['2022-02', 'February 2022'],
      ],
    );
    assert.deepEqual(periodsBetween(null, null), []);
  });

  it('turns a what-if into a scenario file the scenario lab accepts, one demand change per industry', () => {
    const w = {
      body: 'Manchester City Council',
      area: 'E08000003',
      category: 'service Highways Services',
      target: 'local',
      share: 0.5,
      moved: 1000.5,
      unplaced: 0,
      changes: [
        { area: 'E08000003', industry: '41-43', industryBasis: 'ioat' as const, gbpPerYear: 900.25 },
        { area: 'E08000003', industry: '71', industryBasis: 'ioat' as const, gbpPerYear: -12.5 },
      ],
      notes: ['£ a year: the period’s spend × 12 / 12 months.'],
    };
    const parsed = scenarioSchema.parse(scenarioOf(w, 2027));
    assert.equal(
      parsed.title,
      'Manchester City Council: 50% of service Highways Services spend moved to local suppliers',
    );
    assert.deepEqual(
      parsed.interventions.map((i) => [i.kind, i.area, i.target, 'amount' in i ? i.amount : null, i.timing]),
      [
        ['demand', 'E08000003', { industry: '41-43' }, 900.25, { start: 2027, years: 1 }],
        ['demand', 'E08000003', { industry: '71' }, -12.5, { start: 2027, years: 1 }],
      ],
    );
  });
});

describe('supplierCsvRequest', () => {
  const q: SupplierQuery = {
    search: ' care ',
    condition: 'local-supply',
    status: 'meets',
    sort: 'total',
    descending: true,
    page: 3,
    size: 25,
  };
  const query = { body: 'leeds', period: '2021-22' };
  it('asks for every supplier found, sorted as shown, as CSV', () => {
    const r = supplierCsvRequest(query, q, null);
    const url = new URL(r.url, 'http://x');
    assert.equal(url.pathname, '/api/v1/franchise/suppliers');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      body: 'leeds',
      period: '2021-22',
      sort: 'total',
      order: 'desc',
      offset: '0',
      limit: '20000',
      search: 'care',
      condition: 'local-supply',
      status: 'meets',
      format: 'csv',
    });
    assert.equal(r.post, null);
  });
  it('posts the changed settings when the user changed them, to the same query', () => {
    const set = { title: 'changed', conditions: [] } as unknown as FranchiseConditionSet;
    const r = supplierCsvRequest(query, q, set);
    assert.equal(r.post, set);
    assert.equal(r.url, supplierCsvRequest(query, q, null).url);
  });
});
