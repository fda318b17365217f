// The tender and register tables of the Procurement page, from the API's answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { franchiseTender } from '../../src/workbench/franchise-tender.ts';
import { registerTable, startingTender, tenderTable, weightSum } from '../../src/web/lib/tender-view.ts';

describe('tender view', () => {
  it('starts from a tender the API accepts, social value at the PPN 002 minimum', () => {
    const t = startingTender();
    assert.equal(weightSum(t), 1);
    const r = franchiseTender(t);
    assert.equal(r.socialValueWeight, 0.1);
    // B: 0.5·90 + 0.4·75 + 0.1·80 = 83; A: 0.5·100 + 0.4·60 + 0.1·30 = 77; C: 0.5·78.26… + 0.4·90 + 0.1·70 = 82.13…
    assert.deepEqual(
      r.bids.map((b) => b.bidder),
      ['Bidder B', 'Bidder C', 'Bidder A'],
    );
    const table = tenderTable(r);
    assert.deepEqual(table.columns.slice(0, 4), ['Rank', 'Bidder', 'Price £', 'Price: mark']);
    assert.equal(table.columns.at(-1), 'Total (of 100)');
    assert.deepEqual(table.rows[0]!.slice(0, 3), [1, 'Bidder B', 1_000_000]);
    assert.ok(Math.abs((table.rows[0]!.at(-1) as number) - 83) < 1e-9);
    assert.equal(table.formats![2]!(1_000_000), '£1,000,000');
  });
  it('splits a register condition’s id into its contract and KPI, and words the rating', () => {
    const t = registerTable({
      conditions: [
        {
          conditionId: 'ocds-h6vhtk-04a1b2/CT-1/kpi-1',
          title: null,
          promised: '95% of eligible households',
          latest: 'approaching-target',
          latestAt: '2026-04-30T00:00:00Z',
          events: 2,
          body: 'Manchester City Council',
          suppliers: ['A Ltd', 'B Co-op'],
        },
      ],
      history: [],
    });
    assert.deepEqual(t.rows[0], [
      'ocds-h6vhtk-04a1b2 / CT-1',
      'A Ltd; B Co-op',
      'kpi-1',
      '95% of eligible households',
      'approaching target',
      '2026-04-30',
      2,
    ]);
  });
});
