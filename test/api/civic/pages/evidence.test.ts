// Periods in the evidence panel as people write them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodText } from '../../../../src/api/civic/pages/evidence.ts';

describe('periodText', () => {
  it('writes years, financial years and dated figures in words', () => {
    assert.equal(periodText('2023-01-01/P1Y'), '2023');
    assert.equal(periodText('2023-04-01/P1Y'), '2023/24');
    assert.equal(periodText('2025-04-30'), 'April 2025');
    assert.equal(periodText('2026-01-01'), 'January 2026');
    assert.equal(periodText('2023-01-01/P3M'), '2023-01-01/P3M');
  });
});
