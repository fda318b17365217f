// `strata finance run` end to end on the real pack: the CSV columns exactly as documented; the
// same seed gives byte-identical output with --workers 1 and --workers 2; a bad policy file is
// refused with exit code 2, its path and line, and nothing written; --weights-from takes the
// mandate's priority weights from a closed goal-weighting consultation.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { strata as run } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const dir = mkdtempSync(join(tmpdir(), 'strata-finance-'));
const civic = `sqlite:${join(dir, 'civic.sqlite')}`;
const EXAMPLE = 'data/finance/examples/public-capital.yaml';

async function strata(...args: string[]) {
  const r = await run(['--civic', civic, ...args]);
  return { status: r.code, stdout: r.out, stderr: r.err };
}

before(async () => {
  (await packWorkbench()).close();
  let now = new Date('2026-05-02T10:00:00Z');
  const svc = await CivicService.open(civic, { now: () => now });
  try {
    await svc.createConsultation(
      ADMIN,
      checkConsultationFile({
        id: 'mandate',
        title: 'What should our pension fund invest in locally?',
        area: 'E06000001',
        electorate: 'codes',
        opens: '2026-05-01T09:00:00Z',
        closes: '2026-05-15T17:00:00Z',
        ballot: 'points',
        rule: 'mean',
        options: ['housing', 'clean-energy', 'transport', 'small-firms'].map((id) => ({ id, name: id })),
      }),
    );
    await svc.openConsultation(ADMIN, 'mandate');
    const batch = await svc.issueCodes(ADMIN, 'mandate', { count: 2, expiresAt: '2026-05-16T00:00:00Z' });
    const ballots = [
      { housing: 70, 'clean-energy': 30 },
      { housing: 30, transport: 50, 'small-firms': 20 },
    ];
    for (const [i, code] of batch.codes.entries()) {
      const { session } = await svc.redeem({ consultationId: 'mandate', code, ip: 'test' });
      await svc.submitBallot({ consultationId: 'mandate', session, ballot: ballots[i]! });
    }
    now = new Date('2026-05-16T10:00:00Z');
    await svc.closeConsultation(ADMIN, 'mandate');
  } finally {
    await svc.close();
  }
});

describe('strata finance run', () => {
  it('writes the documented CSV, byte-identical with one thread or two', async () => {
    const one = await strata(
      'finance',
      'run',
      EXAMPLE,
      '--paths',
      '2000',
      '--workers',
      '1',
      '--format',
      'csv',
    );
    const two = await strata(
      'finance',
      'run',
      EXAMPLE,
      '--paths',
      '2000',
      '--workers',
      '2',
      '--format',
      'csv',
    );
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    assert.equal(one.stdout.split('\n')[0], 'policy,year,areacd,measure,p05,p50,p95,mean');
    assert.ok(one.stdout === two.stdout, 'byte-identical output');
    assert.match(one.stdout, /\nnib,2030,K02000001,bank_equity,/);
    assert.match(one.stdout, /\nnib,2030,E06000001,bank_new_lending,/);
    assert.match(one.stderr, /illustrative/);
  });

  it('refuses a bad policy file with exit code 2, its path and line, and writes nothing', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      readFileSync(EXAMPLE, 'utf8').replace(
        '    leverage: 3',
        '    leverage: 3\n    areas: [E06000001, Z01]',
      ),
    );
    const r = await strata('finance', 'run', bad, '--format', 'csv');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /bad\.yaml:\d+:\d+: policies\.0\.areas\.1: unknown area: Z01/);
    const negative = join(dir, 'negative.yaml');
    writeFileSync(negative, readFileSync(EXAMPLE, 'utf8').replace('    lgd: 0.45', '    lgd: -0.45'));
    const n = await strata('finance', 'run', negative, '--format', 'csv');
    assert.equal(n.status, 2);
    assert.equal(n.stdout, '');
    assert.match(n.stderr, /negative\.yaml:\d+:\d+: policies\.0\.lgd: must be at least 0/);
  });

  it('--weights-from takes the mandate from a closed goal-weighting consultation and names it', async () => {
    const r = await strata(
      'finance',
      'run',
      EXAMPLE,
      '--paths',
      '500',
      '--weights-from',
      'mandate',
      '--format',
      'json',
      '--area',
      'K02000001',
    );
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      notes: string[];
      rows: { measure: string; policy: string; year: number; p50: number }[];
    };
    // mean points: housing 50, clean energy 15, transport 25, small firms 10
    assert.ok(
      report.notes.some((n) =>
        /mandate weights agreed in consultation mandate .*housing 50\.0%, clean-energy 15\.0%, transport 25\.0%, small-firms 10\.0%/.test(
          n,
        ),
      ),
      report.notes.join('\n'),
    );
    const jobs = report.rows.find(
      (x) => x.policy === 'nib' && x.measure === 'jobs_supported' && x.year === 2030,
    )!;
    assert.ok(jobs.p50 > 0);
  });
});
