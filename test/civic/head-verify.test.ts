// A log checked against its signed head series: an intact pair proves the log up to the last
// published head; a changed ballot, head, signature or order, a rewritten log, a foreign key and
// two heads in one interval are each detected and named.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { appendEntry, entryHash, genesisHash, type LogEntry } from '../../src/civic/chain.ts';
import { exportLog, verifyExport } from '../../src/civic/chain-export.ts';
import {
  HEAD_SERIES_FORMAT,
  headEntryHash,
  publishedKey,
  signHead,
  type HeadEntry,
  type HeadSeries,
} from '../../src/civic/head-series.ts';
import { formatVerifyReport } from '../../src/civic/report.ts';
import { buildLog, CONSULTATION } from './chain-fixture.ts';

const keys = generateKeyPairSync('ed25519');
const key = publishedKey(keys.publicKey);
const log = buildLog();
const text = exportLog(CONSULTATION, log);

/** Heads published at 10:00, 11:00, 12:00 (hourly) after 0, 2 and 4 ballots; `final`: the last is the final head. */
function series(
  at = ['2026-05-02T10:00:00.000Z', '2026-05-02T11:00:00.000Z', '2026-05-02T12:00:00.000Z'],
  counts = [0, 2, 4],
  final = false,
) {
  const entries: HeadEntry[] = [];
  for (const [i, count] of counts.entries())
    entries.push(
      signHead(
        {
          consultationId: CONSULTATION.id,
          seq: i,
          at: at[i]!,
          interval: 3600,
          count,
          head: count === 0 ? genesisHash(CONSULTATION) : log[count - 1]!.hash,
          prev: i === 0 ? genesisHash(CONSULTATION) : entries[i - 1]!.hash,
          key: key.fingerprint,
          ...(final && i === counts.length - 1 ? { final: true as const } : {}),
        },
        keys.privateKey,
      ),
    );
  return { format: HEAD_SERIES_FORMAT, consultationId: CONSULTATION.id, keys: [key], entries } as HeadSeries;
}

const check = (s: unknown, t = text, pinned = key) => verifyExport(t, { heads: { series: s, pinned } });

describe('head series against the log', () => {
  it('proves the log up to the last published head, and says whose key signed', () => {
    const r = check(series());
    assert.equal(r.heads?.fault, undefined);
    assert.deepEqual(r.proven, { head: log[3]!.hash, count: 4 });
    const printed = formatVerifyReport(r);
    assert.match(
      printed,
      /head series: 3 signed entries, chained, at most one per interval; signed by [0-9a-f]{64} \(the key you gave\)/,
    );
    assert.match(printed, /the last, published 2026-05-02T12:00:00.000Z, commits to 4 entries/);
    assert.match(printed, /proves entries 0 to 3 \(4 of 4\)/);
    const unpinned = formatVerifyReport(verifyExport(text, { heads: { series: series() } }));
    assert.match(unpinned, /proves nothing against the organiser, who holds the key/);
  });

  it('detects a ballot changed and the whole log rehashed after a head was published', () => {
    const rewritten: LogEntry[] = [];
    for (const [i, e] of log.entries())
      rewritten.push(appendEntry(CONSULTATION, rewritten.at(-1), e.voter, i === 1 ? ['C'] : e.ballot));
    const r = check(series(), exportLog(CONSULTATION, rewritten));
    assert.equal(r.fault, undefined, 'the rewritten log is internally consistent');
    assert.equal(r.heads?.fault?.kind, 'absent');
    assert.equal(r.heads?.fault?.index, 1);
    assert.match(
      formatVerifyReport(r),
      /head series: BROKEN at entry 1 \(absent\): entry 1 \(published 2026-05-02T11:00:00.000Z, 2 ballots\) published head [0-9a-f]{64}, but entry 1 of this log is [0-9a-f]{64}: the log was rewritten after that head was published/,
    );
  });

  it('detects a ballot changed in place (the log’s own chain)', () => {
    const lines = text.trimEnd().split('\n');
    lines[2] = lines[2]!.replace('"B"', '"C"');
    const r = check(series(), lines.join('\n') + '\n');
    assert.equal(r.fault?.kind, 'changed');
  });

  it('detects a changed head, a replaced signature, a changed time', () => {
    const s = series();
    s.entries[1] = { ...s.entries[1]!, head: log[0]!.hash };
    assert.match(
      check(s).heads!.fault!.detail,
      /entry 1 .*the signature does not verify — the entry was changed after it was signed/,
    );
    const t = series();
    t.entries[2] = { ...t.entries[2]!, signature: t.entries[1]!.signature };
    assert.equal(check(t).heads?.fault?.kind, 'signature');
    const u = series();
    u.entries[0] = { ...u.entries[0]!, at: '2026-05-01T10:00:00.000Z' };
    assert.equal(check(u).heads?.fault?.kind, 'signature');
  });

  it('detects entries swapped or removed', () => {
    const s = series();
    [s.entries[1], s.entries[2]] = [s.entries[2]!, s.entries[1]!];
    assert.match(check(s).heads!.fault!.detail, /entry 1 has seq 2: the series was reordered/);
    const t = series();
    t.entries.splice(1, 1);
    t.entries[1] = { ...t.entries[1]!, seq: 1 };
    assert.equal(check(t).heads?.fault?.kind, 'signature', 'renumbering breaks the signature');
  });

  it('detects a series re-signed with another key, and a missing link', () => {
    const other = generateKeyPairSync('ed25519');
    const forged = series();
    const body = { ...forged.entries[0]!, key: publishedKey(other.publicKey).fingerprint };
    forged.entries[0] = signHead(body, other.privateKey);
    forged.keys.push(publishedKey(other.publicKey));
    assert.match(
      check(forged).heads!.fault!.detail,
      /signed by key [0-9a-f]{64}, which is not the key given/,
    );
    // unpinned, the foreign key is accepted but the chain to the next entry breaks
    assert.equal(verifyExport(text, { heads: { series: forged } }).heads?.fault?.kind, 'link');
  });

  it('refuses two heads in one interval', () => {
    const s = series(['2026-05-02T10:00:00.000Z', '2026-05-02T10:20:00.000Z', '2026-05-02T12:00:00.000Z']);
    assert.match(check(s).heads!.fault!.detail, /within the same 3600-second interval as entry 0/);
  });

  it('accepts the final head within the interval of the one before, and says the log is complete', () => {
    const s = series(
      ['2026-05-02T10:00:00.000Z', '2026-05-02T11:00:00.000Z', '2026-05-02T11:20:00.000Z'],
      [0, 2, 4],
      true,
    );
    const r = check(s);
    assert.equal(r.heads?.fault, undefined);
    assert.deepEqual(r.proven, { head: log[3]!.hash, count: 4 });
    assert.match(formatVerifyReport(r), /it is the final head, signed at the close: the log is complete/);
    assert.doesNotMatch(formatVerifyReport(check(series())), /final head/);
  });

  it('detects a ballot added after the final head, an entry after it, and the mark removed', () => {
    const longer = [...log, appendEntry(CONSULTATION, log.at(-1), 'late-voter', ['A'])];
    const added = check(series(undefined, [0, 2, 4], true), exportLog(CONSULTATION, longer));
    assert.equal(added.fault, undefined, 'the longer log is internally consistent');
    assert.equal(added.heads?.fault?.kind, 'final');
    assert.match(
      added.heads!.fault!.detail,
      /is the final head, but this log has 5 entries: ballots were added after the close/,
    );
    const s = series(undefined, [0, 2, 4], true);
    const after = signHead(
      {
        ...s.entries[2]!,
        seq: 3,
        at: '2026-05-02T13:00:00.000Z',
        prev: s.entries[2]!.hash,
        final: undefined,
      },
      keys.privateKey,
    );
    const { final: _f, ...plain } = after;
    s.entries.push(plain);
    assert.match(check(s).heads!.fault!.detail, /entry 3 .* follows the final head \(entry 2\)/);
    const t = series(undefined, [0, 2, 4], true);
    const { final: _g, ...unmarked } = t.entries[2]!;
    t.entries[2] = unmarked;
    assert.equal(check(t).heads?.fault?.kind, 'signature', 'the mark is signed');
  });

  it('refuses a file that is not a series of this consultation', () => {
    assert.equal(check({ format: 'x' }).heads?.fault?.kind, 'format');
    assert.match(
      check({ ...series(), consultationId: 'other' }).heads!.fault!.detail,
      /series is of consultation other/,
    );
  });

  it('hashes each entry over its signature', () => {
    const e = series().entries[1]!;
    assert.equal(headEntryHash(e), e.hash);
    assert.notEqual(headEntryHash({ ...e, signature: 'x' }), e.hash);
    assert.equal(entryHash(log[0]!), log[0]!.hash);
  });
});
