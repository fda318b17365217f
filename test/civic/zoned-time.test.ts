import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zonedInstant } from '../../src/civic/zoned-time.ts';

const iso = (t: string, zone: string, end = false) => zonedInstant(t, zone, end)?.toISOString() ?? null;

describe('times as organisers write them', () => {
  it('keeps a time with an offset exactly', () => {
    assert.equal(iso('2026-05-01T09:00:00Z', 'Europe/Warsaw'), '2026-05-01T09:00:00.000Z');
    assert.equal(iso('2026-05-01T09:00:00+02:00', 'Europe/London'), '2026-05-01T07:00:00.000Z');
  });
  it('reads a local time in the zone, summer and winter', () => {
    assert.equal(iso('2026-05-01T09:00', 'Europe/London'), '2026-05-01T08:00:00.000Z'); // BST
    assert.equal(iso('2026-12-01 09:00', 'Europe/London'), '2026-12-01T09:00:00.000Z'); // GMT
    assert.equal(iso('2026-05-01T09:00', 'Europe/Warsaw'), '2026-05-01T07:00:00.000Z'); // CEST
  });
  it('reads a date alone as the start of the day, or its end for a closing time', () => {
    assert.equal(iso('2026-05-15', 'Europe/London'), '2026-05-14T23:00:00.000Z');
    assert.equal(iso('2026-05-15', 'Europe/London', true), '2026-05-15T23:00:00.000Z');
  });
  it('refuses what is not a time', () => {
    assert.equal(iso('soon', 'Europe/London'), null);
    assert.equal(iso('May 1 2026', 'Europe/London'), null);
  });
});
