// `strata civic heads keygen|publish|export` and `civic verify --heads`: the operator makes a
// key, publishes the head, exports the series; anyone checks an export against it, pinning the
// key; `civic close` with the key publishes the final head; a changed head in the series and a
// rewritten log each fail with a clear message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appendEntry, type LogEntry } from '../../../src/civic/chain.ts';
import { exportLog, parseLog } from '../../../src/civic/chain-export.ts';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { RIVERSIDE } from '../../civic/consultation-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-heads-'));
const civic = `sqlite:${join(dir, 'civic.sqlite')}`;
const keyFile = join(dir, 'heads.key');
after(() => rmSync(dir, { recursive: true, force: true }));

const strata = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/strata.js', '--civic', civic, ...args], { encoding: 'utf8' });
const ADMIN = { subject: 'cli:test', role: 'admin' as const };

describe('strata civic heads and verify --heads', () => {
  before(async () => {
    const svc = await CivicService.open(civic, { mail: null });
    try {
      const now = Date.now();
      const f = checkConsultationFile({
        ...RIVERSIDE,
        opens: new Date(now - 3600_000).toISOString(),
        closes: new Date(now + 7 * 86400_000).toISOString(),
      });
      await svc.createConsultation(ADMIN, f);
      await svc.openConsultation(ADMIN, RIVERSIDE.id);
      const { codes } = await svc.issueCodes(ADMIN, RIVERSIDE.id, {
        count: 3,
        expiresAt: new Date(now + 86400_000).toISOString(),
      });
      for (const [i, code] of codes.entries()) {
        const { session } = await svc.redeem({ consultationId: RIVERSIDE.id, code, ip: 'a' });
        await svc.submitBallot({
          consultationId: RIVERSIDE.id,
          session,
          ballot: [['A'], ['B'], ['A', 'C']][i],
        });
      }
    } finally {
      await svc.close();
    }
  });

  it('makes a key only its owner reads, publishes the head, verifies an export against the series', () => {
    const made = strata('civic', 'heads', 'keygen', '--out', keyFile);
    assert.equal(made.status, 0, made.stderr);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    const fingerprint = /fingerprint ([0-9a-f]{64})/.exec(made.stdout)![1]!;
    const pub = join(dir, 'heads.pub');
    writeFileSync(pub, made.stdout.slice(made.stdout.indexOf('-----BEGIN')));
    const published = strata('civic', 'heads', 'publish', '--key', keyFile);
    assert.equal(published.status, 0, published.stderr);
    assert.match(
      published.stdout,
      new RegExp(`^${RIVERSIDE.id}: head 0 at \\S+, 3 entries, [0-9a-f]{64}$`, 'm'),
    );
    const again = strata('civic', 'heads', 'publish', '--key', keyFile);
    assert.match(again.stdout, /nothing due/);
    const closed = strata('civic', 'close', RIVERSIDE.id, '--head-key', keyFile);
    assert.equal(closed.status, 0, closed.stderr);
    assert.match(
      closed.stdout,
      /final head published: entry 1 of the signed series at \S+, 3 entries \(strata civic heads export riverside/,
    );
    const series = join(dir, 'heads.json');
    assert.equal(strata('civic', 'heads', 'export', RIVERSIDE.id, '--out', series).status, 0);
    const log = join(dir, 'log.jsonl');
    assert.equal(strata('civic', 'export', RIVERSIDE.id, '--out', log).status, 0);

    const ok = strata('civic', 'verify', log, '--heads', series, '--key', pub);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(
      ok.stdout,
      /head series: 2 signed entries, chained, at most one per interval; signed by [0-9a-f]{64} \(the key you gave\)/,
    );
    assert.match(ok.stdout, /it is the final head, signed at the close: the log is complete/);
    assert.match(ok.stdout, /proves entries 0 to 2 \(3 of 3\)/);
    assert.equal(strata('civic', 'verify', log, '--heads', series, '--key', fingerprint).status, 0);

    const s = JSON.parse(readFileSync(series, 'utf8'));
    s.entries[0].count = 2;
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify(s));
    const bad = strata('civic', 'verify', log, '--heads', changed, '--key', pub);
    assert.equal(bad.status, 1);
    assert.match(
      bad.stdout,
      /head series: BROKEN at entry 0 \(signature\): entry 0 \(published \S+, 2 ballots\): the signature does not verify/,
    );
    assert.match(bad.stderr, /the log does not hold the published heads: signature at head entry 0/);

    const { header, entries } = parseLog(readFileSync(log, 'utf8'));
    const rewritten: LogEntry[] = [];
    for (const e of entries)
      rewritten.push(
        appendEntry(header.consultation, rewritten.at(-1), e.voter, e.seq === 0 ? ['B'] : e.ballot),
      );
    const forged = join(dir, 'forged.jsonl');
    writeFileSync(forged, exportLog(header.consultation, rewritten));
    const caught = strata('civic', 'verify', forged, '--heads', series);
    assert.equal(caught.status, 1);
    assert.match(caught.stdout, /chain: intact/);
    assert.match(
      caught.stdout,
      /BROKEN at entry 0 \(absent\): .*the log was rewritten after that head was published/,
    );
  });

  it('refuses --key without --heads, and a key file inside a repository', () => {
    const r = strata('civic', 'verify', join(dir, 'log.jsonl'), '--key', 'x');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--key goes with --heads/);
    const inRepo = strata('civic', 'heads', 'keygen', '--out', 'heads.key');
    assert.equal(inRepo.status, 2);
    assert.match(inRepo.stderr, /inside the git repository/);
  });
});
