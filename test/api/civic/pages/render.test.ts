// Times on the participation pages: local time with the zone, a closing time at midnight read as
// the end of the day before (a date alone in the consultation file closes at its end).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { when } from '../../../../src/api/civic/pages/render.ts';

describe('when', () => {
  it('writes an instant as local time in the zone, with the zone', () => {
    assert.equal(when('2026-05-01T09:00:00Z', 'Europe/London'), 'Friday 1 May 2026, 10:00 BST');
    assert.equal(when('2026-12-07T09:00:00Z', 'Europe/London'), 'Monday 7 December 2026, 09:00 GMT');
  });

  it('ends a day at 24:00 of that day, not 00:00 of the next', () => {
    assert.equal(when('2026-12-15T00:00:00Z', 'Europe/London', 'end'), 'Monday 14 December 2026, 24:00 GMT');
    assert.equal(when('2026-05-15T23:00:00Z', 'Europe/London', 'end'), 'Friday 15 May 2026, 24:00 BST');
    // an opening at midnight is the start of its own day; other closing times are as they are
    assert.equal(when('2026-12-15T00:00:00Z', 'Europe/London'), 'Tuesday 15 December 2026, 00:00 GMT');
    assert.equal(when('2026-12-15T17:00:00Z', 'Europe/London', 'end'), 'Tuesday 15 December 2026, 17:00 GMT');
  });
});
