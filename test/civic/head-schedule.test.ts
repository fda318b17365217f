// The publication timer ticks at the interval's boundaries on the wall clock.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { untilNextBoundary } from '../../src/civic/head-schedule.ts';

describe('head schedule', () => {
  it('waits until just after the next boundary of the interval', () => {
    const t = Date.parse('2026-05-02T10:59:30.000Z');
    assert.equal(untilNextBoundary(t, 3600), 30_005);
    assert.equal(untilNextBoundary(Date.parse('2026-05-02T11:00:00.000Z'), 3600), 3_600_005);
    assert.equal(untilNextBoundary(Date.parse('2026-05-02T11:00:59.000Z'), 60), 1_005);
  });
});
