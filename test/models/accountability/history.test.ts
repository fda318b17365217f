import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  extension,
  isoDate,
  nextEntry,
  type HistoryEntry,
} from '../../../src/models/accountability/history.ts';

const e = (date: string, status: HistoryEntry['status']) => ({
  date,
  status,
  rule: 'assessed',
  evidence: 'a report',
  reason: 'because',
  who: 'analyst',
});

describe('append-only history', () => {
  const h1 = nextEntry([], e('2025-01-10', 'on-track'));
  const h2 = nextEntry([h1], e('2025-06-01', 'off-track'));
  it('numbers entries in order', () => {
    assert.equal(h1.seq, 1);
    assert.equal(h2.seq, 2);
  });
  it('refuses an entry dated before the last one, a status outside the vocabulary and a blank reason', () => {
    assert.throws(
      () => nextEntry([h1, h2], e('2025-05-01', 'achieved')),
      /append-only: 2025-05-01 is before/,
    );
    assert.throws(() => nextEntry([h1], e('2025-07-01', 'great' as never)), /invalid status: great/);
    assert.throws(() => nextEntry([h1], { ...e('2025-07-01', 'achieved'), reason: ' ' }), /needs reason/);
  });
  it('a history offered again may only extend the stored one', () => {
    assert.deepEqual(extension([h1], [h1, h2]), [h2]);
    assert.deepEqual(extension([h1, h2], [h1, h2]), []);
    assert.throws(() => extension([h1, h2], [h1]), /2 entries are stored, 1 offered/);
    assert.throws(
      () => extension([h1, h2], [h1, { ...h2, status: 'achieved' }]),
      /entry 2 would change its status from "off-track" to "achieved"/,
    );
  });
  it('checks calendar dates', () => {
    assert.equal(isoDate('2024-02-29'), '2024-02-29');
    assert.throws(() => isoDate('2025-02-29'), /invalid date: 2025-02-29/);
    assert.throws(() => isoDate('2025-2-1'), /invalid date/);
  });
});
