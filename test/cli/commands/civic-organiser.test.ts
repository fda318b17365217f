// `strata civic edit|delete|codes revoke|turnout` as an organiser runs them: changes reported in
// a line, refusals with the reason and status, turnout as a table with small counts withheld.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { main } from '../../../src/cli/main.ts';
import { GOALS, RIVERSIDE } from '../../civic/consultation-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-organiser-'));
const civic = `sqlite:${join(dir, 'civic.sqlite')}`;
after(() => rmSync(dir, { recursive: true, force: true }));
const strata = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/strata.js', '--civic', civic, ...args], { encoding: 'utf8' });
const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const DAY = 86400_000;

describe('strata civic edit, delete, codes revoke, turnout', () => {
  let codes: string[] = [];
  before(async () => {
    const svc = await CivicService.open(civic, { mail: null });
    try {
      const now = Date.now();
      const at = (ms: number) => new Date(now + ms).toISOString();
      await svc.createConsultation(
        ADMIN,
        checkConsultationFile({ ...RIVERSIDE, opens: at(7 * DAY), closes: at(14 * DAY) }),
      );
      await svc.createConsultation(
        ADMIN,
        checkConsultationFile({ ...GOALS, opens: at(-DAY), closes: at(7 * DAY) }),
      );
      await svc.openConsultation(ADMIN, GOALS.id);
      codes = (await svc.issueCodes(ADMIN, GOALS.id, { count: 14, expiresAt: at(DAY) })).codes;
      const ballot = Object.fromEntries(GOALS.options.map((o, i) => [o.id, i === 0 ? 100 : 0]));
      for (const code of codes.slice(0, 11)) {
        const { session } = await svc.redeem({ consultationId: GOALS.id, code, ip: 'a' });
        await svc.submitBallot({
          consultationId: GOALS.id,
          session,
          ballot,
          declared: { ageBand: '25-49', sex: null },
        });
      }
    } finally {
      await svc.close();
    }
  });

  it('edits a draft, refuses an open consultation, deletes only a draft', () => {
    const ok = strata('civic', 'edit', RIVERSIDE.id, '--title', 'Riverside 2026', '--closes', '2099-06-30');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^riverside-2026: changed; opens \S+, closes 2099-06-30T23:00:00.000Z\n$/);
    const late = strata('civic', 'edit', GOALS.id, '--description', 'x');
    assert.equal(late.status, 1);
    assert.match(
      late.stderr,
      /goals-2026 opened at \S+: its title, description and dates can no longer change/,
    );
    const kept = strata('civic', 'delete', GOALS.id);
    assert.equal(kept.status, 1);
    assert.match(kept.stderr, /is published: its ballot log is the record and is never deleted/);
    assert.equal(strata('civic', 'delete', RIVERSIDE.id).status, 0);
  });

  it('revokes unused codes from a file, refuses a used one, and shows turnout with small counts withheld', () => {
    const file = join(dir, 'revoke.txt');
    writeFileSync(file, `# misprinted\n${codes[12]}\n${codes[13]}\n`);
    const r = strata('civic', 'codes', 'revoke', GOALS.id, '--from', file);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'goals-2026: 2 codes revoked\n');
    const used = strata('civic', 'codes', 'revoke', GOALS.id, '--code', codes[0]!);
    assert.equal(used.status, 1);
    assert.match(used.stderr, /already used, so they cannot be revoked/);
    const t = strata('civic', 'turnout', GOALS.id, '--format', 'csv');
    assert.equal(t.status, 0, t.stderr);
    assert.equal(
      t.stdout,
      'breakdown,group,voters,electorate,turnout\nall,all,11,12,91.7%\nzone,E06000001,11,12,91.7%\nage band,25-49,11,,\nage band,not declared,0,,\n',
    );
  });
  it('writes through the output it is given, so a caller can capture it', async () => {
    let out = '';
    let err = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), isTTY: false };
    const code = await main(['--civic', civic, 'civic', 'turnout', GOALS.id, '--format', 'csv'], io);
    assert.equal(code, 0, err);
    assert.equal(out, strata('civic', 'turnout', GOALS.id, '--format', 'csv').stdout);
    assert.match(out, /^breakdown,group,voters,electorate,turnout\nall,all,11,12,91\.7%/);
  });
});
