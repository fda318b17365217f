// The Commitments and Reports pages' tables: the register's rows with the rule beside each
// status, a history in order, the report's first and latest layer years, and forecasts with
// their exact parts (or "not yet published").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommitmentRow } from '../../src/contract/accountability.ts';
import type { ReportInput } from '../../src/contract/reports.ts';
import {
  commitmentsTable,
  historyTable,
  reportForecastsTable,
  reportLayersTable,
  statusWords,
} from '../../src/web/lib/accountability-view.ts';

const row: CommitmentRow = {
  id: 'UK-2024-001',
  register: 'examples',
  example: true,
  who: 'Government',
  what: 'Pay up',
  made: '2024-07-05',
  deadline: '2027-12-31',
  areas: ['K02000001', 'E06000001'],
  indicator: 'gross-median-weekly-pay',
  target: '+15% by 2027',
  rule: 'trajectory@1',
  status: 'on-track',
  statusDate: '2026-01-01',
  reason: 'ahead of the line',
  evidence: 'pay 2025: 642.5',
  source: { title: 'Manifesto', url: null, published: null },
  replaces: [],
};

const projection = {
  id: 'P-2023-001',
  indicator: 'gross-median-weekly-pay',
  area: 'E08000003',
  period: 2024,
  lastPeriod: 2022,
  method: 'linear-trend@1',
  parameters: { window: 5 },
  value: 505.32,
  exact: '505.32',
  inputs: [],
  vintages: [],
  frozenOn: '2023-06-01',
  who: 'Analyst',
};
const part = (value: number) => ({ value, exact: String(value) });

describe('accountability views', () => {
  it('writes statuses in words', () => {
    assert.equal(statusWords('signs-of-progress'), 'signs of progress');
  });

  it('puts the rule beside the status in the register and the history in order', () => {
    const t = commitmentsTable([row]);
    const at = (name: string) => t.rows[0]![t.columns.indexOf(name)];
    assert.equal(at('Status'), 'on-track');
    assert.equal(t.columns.indexOf('Rule'), t.columns.indexOf('Status') + 1);
    assert.equal(at('Rule'), 'trajectory@1');
    assert.equal(at('Areas'), 'K02000001 E06000001');
    const h = historyTable({
      commitment: row,
      history: [
        {
          seq: 1,
          date: '2025-01-01',
          status: 'unclear',
          rule: 'trajectory@1',
          evidence: '',
          reason: 'x',
          who: 'S',
        },
        {
          seq: 2,
          date: '2026-01-01',
          status: 'on-track',
          rule: 'trajectory@1',
          evidence: '',
          reason: 'y',
          who: 'S',
        },
      ],
    });
    assert.deepEqual(
      h.rows.map((r) => r.slice(0, 3)),
      [
        [1, '2025-01-01', 'unclear'],
        [2, '2026-01-01', 'on-track'],
      ],
    );
  });

  it('shows the first and latest layer years and forecasts with their parts', () => {
    const layer = (layer: string, year: number, value: number) => ({
      areacd: 'E08000003',
      areanm: 'Manchester',
      year,
      layer,
      value,
      share: 0.5,
      lq: 1,
    });
    const input = {
      profile: {
        layers: {
          years: [1998, 2010, 2023],
          rows: [
            layer('b', 2010, 9),
            layer('b', 2023, 3),
            layer('a', 1998, 1),
            layer('a', 2023, 2),
            layer('b', 1998, 4),
          ],
        },
      },
      projections: [
        {
          projection,
          outturn: {
            projection,
            outturn: 565.4,
            reprojected: 505.32,
            revisedInputs: [],
            policy: [],
            vintagesNow: [],
            error: { total: part(60.08), revision: part(0), policy: part(0), rest: part(60.08) },
          },
        },
        { projection: { ...projection, id: 'P-2023-002' }, outturn: null },
      ],
    } as unknown as ReportInput;
    assert.deepEqual(
      reportLayersTable(input).rows.map((r) => r.slice(0, 3)),
      [
        ['a', 1998, 1],
        ['a', 2023, 2],
        ['b', 1998, 4],
        ['b', 2023, 3],
      ],
    );
    // the cells (and the CSV) keep full precision; the page reads them to 2 decimals
    const t = reportForecastsTable(input);
    const f = t.rows;
    assert.deepEqual(f[0]!.slice(5), [505.32, 565.4, 0, 0, 60.08]);
    assert.deepEqual(f[1]!.slice(5), [505.32, 'not yet published', null, null, null]);
    const shown = (row: (typeof f)[number]) => row.slice(5).map((v, i) => t.formats![5 + i]!(v));
    assert.deepEqual(shown(f[0]!), ['505.32', '565.40', '0.00', '0.00', '60.08']);
    assert.deepEqual(shown(f[1]!), ['505.32', 'not yet published', '—', '—', '—']);
  });
});
