import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { whatIf, type CategorySpend } from '../../../src/models/franchise/what-if.ts';

const s = (
  pence: number,
  local: boolean | null,
  meets: boolean | null,
  ind: [string, number][],
): CategorySpend => ({
  pence,
  local,
  meets,
  industries: new Map(ind),
});

describe('whatIf', () => {
  it('moving a share of spend outside the area to local suppliers adds that demand in the area, by industry, £ a year', () => {
    const spend = [
      s(100_00, false, null, [['F41, F42  & F43', 1]]),
      s(300_00, false, null, [
        ['Q87 & Q88', 0.5],
        ['N81', 0.5],
      ]),
      s(500_00, true, null, [['N81', 1]]),
      s(200_00, null, null, []),
    ];
    const r = whatIf(spend, 'local', 0.5, 'E08000003', 'ioat', 12);
    // Moved: half of the £400 outside, for each of 12 months: £2,400 a year.
    assert.equal(r.moved, 2400_00);
    assert.deepEqual(
      r.changes,
      [
        { area: 'E08000003', industry: 'F41, F42  & F43', industryBasis: 'ioat', gbpPerYear: 600 },
        { area: 'E08000003', industry: 'N81', industryBasis: 'ioat', gbpPerYear: 900 },
        { area: 'E08000003', industry: 'Q87 & Q88', industryBasis: 'ioat', gbpPerYear: 900 },
      ].sort((a, b) => b.gbpPerYear - a.gbpPerYear || a.industry.localeCompare(b.industry)),
    );
    assert.equal(
      r.changes.reduce((t, c) => t + c.gbpPerYear, 0),
      2400,
    );
  });
  it('moving to suppliers meeting a condition changes the area’s demand by what each group spends in it', () => {
    const spend = [
      s(100_00, true, false, [['A', 1]]),
      s(100_00, false, true, [['B', 1]]),
      s(100_00, true, true, [['C', 1]]),
    ];
    const r = whatIf(spend, 'condition', 1, 'X', 'ioat', 1);
    // £100 leaves a local failing supplier (−£100 of A); it goes to the meeting suppliers half each, one of them local (+£50 of C).
    assert.deepEqual(
      r.changes.map((c) => [c.industry, c.gbpPerYear]),
      [
        ['C', 50],
        ['A', -100],
      ],
    );
  });
  it('zero share moves nothing; a share outside [0, 1] is refused', () => {
    assert.deepEqual(whatIf([s(100, false, null, [['A', 1]])], 'local', 0, 'X', 'ioat', 1).changes, []);
    assert.throws(() => whatIf([], 'local', 1.5, 'X', 'ioat', 1), /invalid share: 1\.5/);
  });
});
