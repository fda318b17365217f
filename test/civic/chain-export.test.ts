// Every kind of tampering with an exported log is detected, and named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceError } from '../../src/core/errors.ts';
import { appendEntry, entryHash, genesisHash, type LogEntry } from '../../src/civic/chain.ts';
import { exportLog, parseLog, verifyExport } from '../../src/civic/chain-export.ts';
import { canonicalJson } from '../../src/civic/canonical.ts';
import { formatVerifyReport } from '../../src/civic/report.ts';
import { tally } from '../../src/civic/tally/rules.ts';
import { countedBallots } from '../../src/civic/chain.ts';
import { buildLog, CONSULTATION } from './chain-fixture.ts';

const log = buildLog();
const outcome = tally(CONSULTATION, countedBallots(log));
const text = exportLog(CONSULTATION, log, outcome);
const lines = text.trimEnd().split('\n');
const join = (ls: string[]) => ls.join('\n') + '\n';
const rehash = (e: Omit<LogEntry, 'hash'>): LogEntry => ({ ...e, hash: entryHash(e) });
const line = (e: LogEntry) => canonicalJson(e);
const fault = (t: string, opts = {}) => verifyExport(t, opts).fault;

describe('exported ballot log', () => {
  it('is JSON Lines: a header with consultation, count and head, then canonical entries', () => {
    assert.equal(lines.length, 5);
    const header = JSON.parse(lines[0]!);
    assert.equal(header.format, 'strata-ballot-log/1');
    assert.equal(header.count, 4);
    assert.equal(header.head, log[3]!.hash);
    assert.equal(lines[1], canonicalJson(log[0]));
    assert.ok(!text.includes('never-exported'));
  });
  it('verifies: intact chain, tally recomputed with the published rule, equal to the published outcome', () => {
    const r = verifyExport(text);
    assert.equal(r.fault, undefined);
    assert.equal(r.matchesPublished, true);
    assert.deepEqual(r.outcome?.kind === 'budget' && r.outcome.selected, ['A', 'B']);
    const printed = formatVerifyReport(r);
    assert.match(printed, /chain: intact, head [0-9a-f]{64}/);
    assert.match(printed, /selected \(2\), in order:\n {2}A Play area\n {2}B Bike racks\nspent: 30 of 30/);
    assert.match(printed, /published outcome: reproduced/);
  });
  it('detects a changed entry', () => {
    const changed = [...lines];
    changed[2] = changed[2]!.replace('["A","B"]', '["C"]');
    assert.deepEqual(fault(join(changed)), {
      seq: 1,
      kind: 'changed',
      detail: 'entry does not match its hash',
    });
  });
  it('detects a changed entry whose hash was recomputed: its successor no longer links to it', () => {
    const changed = [...lines];
    changed[2] = line(rehash({ ...log[1]!, ballot: ['C'] }));
    assert.equal(fault(join(changed))?.kind, 'link');
    assert.equal(fault(join(changed))?.seq, 2);
  });
  it('detects a removed entry', () => {
    assert.deepEqual(fault(join(lines.filter((_, i) => i !== 2))), {
      seq: 1,
      kind: 'removed',
      detail: 'seq 1 is missing (next is 2)',
    });
  });
  it('detects a removed last entry against the published count', () => {
    assert.equal(fault(join(lines.slice(0, -1)))?.kind, 'removed');
  });
  it('detects reordered entries', () => {
    const swapped = [lines[0]!, lines[1]!, lines[3]!, lines[2]!, lines[4]!];
    assert.deepEqual(fault(join(swapped)), { seq: 1, kind: 'reordered', detail: 'seq 1 comes after seq 2' });
  });
  it('detects an inserted entry, even one chained properly to its predecessor', () => {
    const forged = appendEntry(CONSULTATION, log[0], 'f'.repeat(64), ['C']);
    const inserted = [lines[0]!, lines[1]!, line(forged), ...lines.slice(2)];
    assert.deepEqual(fault(join(inserted)), {
      seq: 1,
      kind: 'inserted',
      detail: 'a second entry with seq 1',
    });
    const appended = [...lines, line(appendEntry(CONSULTATION, log[3], 'f'.repeat(64), ['C']))];
    assert.equal(fault(join(appended))?.kind, 'inserted');
  });
  it('detects a changed rule: the first entry committed to the published consultation', () => {
    const header = JSON.parse(lines[0]!);
    header.consultation.rule = 'greedy';
    assert.equal(fault(join([JSON.stringify(header), ...lines.slice(1)]))?.kind, 'changed');
  });
  it('detects a wholly rewritten log against the head published independently', () => {
    const rewritten = buildLog([['mallory', ['C']]]);
    const forged = exportLog(CONSULTATION, rewritten);
    assert.equal(fault(forged), undefined);
    assert.equal(fault(forged, { publishedHead: log[3]!.hash })?.kind, 'head');
  });
  it('accepts every head published while voting ran, and says up to which entry it proves the log', () => {
    const genesis = verifyExport(text, { publishedHead: genesisHash(CONSULTATION) });
    assert.deepEqual(genesis.proven, { head: genesisHash(CONSULTATION), count: 0 });
    assert.match(
      formatVerifyReport(genesis),
      /proves the consultation as published \(no entry yet\); entries 0 to 3 came after that head/,
    );
    for (const [k, e] of log.entries()) {
      const r = verifyExport(text, { publishedHead: e.hash });
      assert.equal(r.fault, undefined, `head after entry ${k}`);
      assert.deepEqual(r.proven, { head: e.hash, count: k + 1 });
    }
    assert.match(
      formatVerifyReport(verifyExport(text, { publishedHead: log[1]!.hash })),
      new RegExp(
        `published head ${log[1]!.hash} proves entries 0 to 1 \\(2 of 4\\); entries 2 to 3 came after that head`,
      ),
    );
    assert.doesNotMatch(
      formatVerifyReport(verifyExport(text, { publishedHead: log[3]!.hash })),
      /internal consistency only/,
    );
  });
  it('a log rewritten wholesale passes alone, and says that only internal consistency was checked; a head published before the change catches it', () => {
    const flipped = [log[0]!];
    for (const e of log.slice(1))
      flipped.push(rehash({ ...e, prevHash: flipped.at(-1)!.hash, ballot: e.seq === 1 ? ['C'] : e.ballot }));
    const forged = exportLog(CONSULTATION, flipped, tally(CONSULTATION, countedBallots(flipped)));
    const alone = verifyExport(forged);
    assert.equal(alone.fault, undefined);
    assert.equal(alone.matchesPublished, true);
    assert.match(formatVerifyReport(alone), /checked: internal consistency only\. A log rewritten wholesale/);
    assert.equal(
      verifyExport(forged, { publishedHead: log[0]!.hash }).proven?.count,
      1,
      'entry 0 was not changed',
    );
    assert.deepEqual(fault(forged, { publishedHead: log[2]!.hash }), {
      seq: 4,
      kind: 'head',
      detail: `the published head ${log[2]!.hash} is not the hash of any entry of this log, nor of the consultation: the log was rewritten, or it is not the one published`,
    });
  });
  it('detects a ballot the consultation does not allow, even correctly chained', () => {
    const bad = rehash({ ...appendEntry(CONSULTATION, log[3], 'x'.repeat(64), ['A']), ballot: ['Z'] });
    const header = { ...JSON.parse(lines[0]!), count: 5, head: bad.hash };
    delete header.outcome;
    assert.deepEqual(fault(join([canonicalJson(header), ...lines.slice(1), line(bad)])), {
      seq: 4,
      kind: 'invalid',
      detail: 'ballot names an unknown option: Z',
    });
  });
  it('says when the published outcome differs from the recomputed one', () => {
    const header = JSON.parse(lines[0]!);
    header.outcome.selected = ['A', 'C'];
    const r = verifyExport(join([JSON.stringify(header), ...lines.slice(1)]));
    assert.equal(r.matchesPublished, false);
    assert.match(formatVerifyReport(r), /published outcome: DIFFERS/);
  });
  it('verifies a log its rule cannot tally, saying why, as the close recorded it', () => {
    const goals = { ...CONSULTATION, ballot: 'points' as const, rule: 'mean', budget: undefined };
    const r = verifyExport(exportLog(goals, []));
    assert.equal(r.fault, undefined);
    assert.equal(r.outcome, undefined);
    assert.equal(r.matchesPublished, undefined);
    assert.match(
      formatVerifyReport(r),
      /chain: intact.*\nno outcome: goal weighting needs at least one ballot\n$/s,
    );
  });
  it('names file and line for a malformed export', () => {
    assert.throws(
      () => parseLog(join([lines[0]!, '{"seq":"one"}']), 'log.jsonl'),
      (e: unknown) => e instanceof SourceError && /^log\.jsonl:2: not a log entry/.test(e.message),
    );
    assert.throws(
      () => parseLog('{"format":"other"}\n', 'log.jsonl'),
      /log\.jsonl:1: header must have format/,
    );
    assert.throws(() => parseLog(`${lines[0]}\nnot json\n`, 'log.jsonl'), /log\.jsonl:2: not a JSON line/);
  });
});
