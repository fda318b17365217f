import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  evaluateConditions,
  type Condition,
  type ConditionContext,
  type SupplierEvidence,
} from '../../../src/models/franchise/conditions.ts';
import { divisionIntensity } from '../../../src/models/franchise/emissions.ts';
import { gapTrend } from '../../../src/models/franchise/gpg-trend.ts';

const ctx: ConditionContext = {
  local: { name: 'City', areas: [], districts: ['M1'], note: '' },
  region: { name: 'Region', areas: ['M'], districts: [], note: '' },
  intensity: new Map([
    ['35', { value: 2.8 }],
    ['87', { value: 0.05 }],
  ]),
  economyIntensity: 0.2,
};
const supplier = (
  more: Partial<SupplierEvidence> & { pence: number },
): SupplierEvidence & { pence: number } => ({
  key: 'k',
  name: 'S',
  companyNumber: null,
  matched: false,
  postcode: null,
  returns: [],
  divisions: new Map(),
  paymentDays: [],
  kpis: [],
  ...more,
});
const conditions: Condition[] = [
  {
    id: 'lw',
    name: 'Living wage',
    rule: 'accredited-list',
    evidence: 'list',
    params: { companyNumbers: ['1234567'] },
  },
  {
    id: 'gpg',
    name: 'Gap narrowing',
    rule: 'gpg-narrowing',
    evidence: 'returns',
    params: { periods: ['2019-20', '2021-22'] },
  },
  {
    id: 'local',
    name: 'Local',
    rule: 'registered-office-local',
    evidence: 'postcode',
    params: { area: 'region' },
  },
  {
    id: 'ghg',
    name: 'Emissions',
    rule: 'industry-ghg-intensity',
    evidence: 'ONS',
    params: { ratioToEconomy: 1 },
  },
  {
    id: 'pay',
    name: 'Prompt payment',
    rule: 'paid-within-days',
    evidence: 'dates',
    params: { days: 30, share: 0.9 },
  },
  {
    id: 'kpi',
    name: 'Coverage',
    rule: 'kpi-rating',
    evidence: 'UK9',
    params: { metric: 'coverage', pass: ['Good'], fail: ['Inadequate', 'Requires improvement'] },
  },
];

describe('franchise conditions', () => {
  const suppliers = [
    supplier({
      pence: 1000,
      companyNumber: '01234567',
      matched: true,
      postcode: 'M1 3BG',
      returns: [
        { period: '2019-20', diffMedianHourly: 12, diffMeanHourly: 10 },
        { period: '2021-22', diffMedianHourly: 8, diffMeanHourly: 9 },
      ],
      divisions: new Map([['87', 1]]),
      paymentDays: [10, 20, 25],
      kpis: [{ contract: 'c', metric: 'kpi-1', title: 'Service coverage', measure: 'Good' }],
    }),
    supplier({
      pence: 300,
      companyNumber: '07654321',
      matched: true,
      postcode: 'LS1 2DE',
      returns: [
        { period: '2019-20', diffMedianHourly: 5, diffMeanHourly: 5 },
        { period: '2021-22', diffMedianHourly: 9, diffMeanHourly: 9 },
      ],
      divisions: new Map([['35', 1]]),
      paymentDays: [10, 45],
      kpis: [{ contract: 'c2', metric: 'kpi-1', title: 'Service coverage', measure: 'Inadequate' }],
    }),
    supplier({ pence: 200 }),
  ];
  it('each supplier meets, fails, or is unknown — unknown is never fails', () => {
    const { verdicts } = evaluateConditions(conditions, suppliers, ctx);
    assert.deepEqual(
      verdicts.map((v) => v.map((x) => x.status)),
      [
        ['meets', 'meets', 'meets', 'meets', 'meets', 'meets'],
        ['fails', 'fails', 'fails', 'fails', 'fails', 'fails'],
        ['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'],
      ],
    );
    assert.equal(verdicts[1]![1]!.reason, 'gap widened from 5% to 9%');
    assert.match(verdicts[2]![1]!.reason, /employers under 250 need not report/);
  });
  it('spend meeting + failing + unknown is the whole spend for every condition', () => {
    const { totals } = evaluateConditions(conditions, suppliers, ctx);
    for (const t of totals) {
      assert.deepEqual([t.meets.pence, t.fails.pence, t.unknown.pence], [1000, 300, 200]);
    }
  });
  it('without an accreditation list every supplier is unknown; an unknown rule is refused', () => {
    const none = evaluateConditions([{ ...conditions[0]!, params: {} }], suppliers, ctx);
    assert.deepEqual(
      none.verdicts.map((v) => v[0]!.status),
      ['unknown', 'unknown', 'unknown'],
    );
    assert.throws(
      () => evaluateConditions([{ ...conditions[0]!, rule: 'vibes' as never }], suppliers, ctx),
      /invalid condition rule: vibes/,
    );
  });
});

describe('gapTrend and division intensity', () => {
  it('narrowing, widening, parity and a missing return', () => {
    const r = (a: number | null, b: number | null) => [
      { period: '2019-20', gap: a },
      { period: '2021-22', gap: b },
    ];
    const periods = ['2019-20', '2021-22'];
    assert.equal(gapTrend(r(10, 7), periods).status, 'narrowing');
    assert.equal(gapTrend(r(7, 10), periods).status, 'widening');
    assert.equal(gapTrend(r(-3, -1), periods).status, 'at-or-below-parity');
    assert.deepEqual(gapTrend(r(10, null), periods), { status: 'missing', period: '2021-22' });
  });
  it('takes the finest whole group holding a division, then its section', () => {
    const m = divisionIntensity([
      { code: 'C', divisions: ['10', '11', '12'], partial: false, value: 0.3 },
      { code: '10.2-3', divisions: ['10'], partial: true, value: 9 },
      { code: '11', divisions: ['11'], partial: false, value: 0.4 },
      { code: '58-60', divisions: ['58', '59', '60'], partial: false, value: 0.02 },
      { code: 'J', divisions: ['58', '59', '60', '61', '62', '63'], partial: false, value: 0.01 },
    ]);
    assert.deepEqual(
      [m.get('10'), m.get('11'), m.get('58'), m.get('61')],
      [
        { value: 0.3, code: 'C' },
        { value: 0.4, code: '11' },
        { value: 0.02, code: '58-60' },
        { value: 0.01, code: 'J' },
      ],
    );
  });
});
