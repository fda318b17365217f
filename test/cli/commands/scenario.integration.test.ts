// `strata scenario` end to end on the data pack: the CSV shape, every bad input refused with a
// message naming the field (and nothing written), and goal weights from a closed consultation
// choosing the portfolio the weights say.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { strata as run } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-scenario-'));
const civic = `sqlite:${join(dir, 'civic.sqlite')}`;
const ADMIN = { subject: 'cli:test', role: 'admin' as const };

/** `strata --civic CIVIC ...args` in this process, over the pack store. */
const strata = (...args: string[]) => run(['--civic', civic, ...args]);

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const base = (interventions: string) =>
  ['id: t', 'title: Test', 'appraisal: { draws: 50 }', 'interventions:', interventions].join('\n');
const care = [
  '  - id: care',
  '    kind: demand',
  '    area: E06000001',
  '    target: { industry: Q87 }',
  '    cost: { perYear: 10000000 }',
  '    timing: { start: 2026, years: 3 }',
].join('\n');
const productivity = [
  '  - id: productivity',
  '    kind: productivity',
  '    area: E06000001',
  '    target: { sector: advanced-manufacturing }',
  "    rise: { value: 0.2, source: 'test' }",
  '    cost: { perYear: 10000000 }',
  '    timing: { start: 2026, years: 3 }',
].join('\n');

/** A goal-weighting consultation over the two goals, closed with one ballot. */
async function consultation(id: string, ballot: Record<string, number>) {
  let now = new Date('2026-05-02T10:00:00Z');
  const svc = await CivicService.open(civic, { now: () => now });
  try {
    await svc.createConsultation(
      ADMIN,
      checkConsultationFile({
        id,
        title: `Goals ${id}`,
        area: 'E06000001',
        electorate: 'codes',
        opens: '2026-05-01T09:00:00Z',
        closes: '2026-05-15T17:00:00Z',
        ballot: 'points',
        rule: 'mean',
        options: [
          { id: 'jobs', name: 'Jobs' },
          { id: 'gva_per_job', name: 'Productivity' },
        ],
      }),
    );
    await svc.openConsultation(ADMIN, id);
    const batch = await svc.issueCodes(ADMIN, id, { count: 1, expiresAt: '2026-05-16T00:00:00Z' });
    const { session } = await svc.redeem({ consultationId: id, code: batch.codes[0]!, ip: 'test' });
    await svc.submitBallot({ consultationId: id, session, ballot });
    now = new Date('2026-05-16T10:00:00Z');
    await svc.closeConsultation(ADMIN, id);
  } finally {
    await svc.close();
  }
}

before(async () => {
  (await packWorkbench()).close();
  await consultation('for-jobs', { jobs: 90, gva_per_job: 10 });
  await consultation('for-productivity', { jobs: 10, gva_per_job: 90 });
});

describe('strata scenario', () => {
  it('run --format csv: exactly scenario,intervention,areacd,goal,value,p05,p95, with all and K02000001 rows', async () => {
    const r = await strata('scenario', 'run', write('care.yaml', base(care)), '--format', 'csv');
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines[0], 'scenario,intervention,areacd,goal,value,p05,p95');
    assert.ok(lines.some((l) => l.startsWith('t,care,E06000001,jobs,')));
    assert.ok(lines.some((l) => l.startsWith('t,all,K02000001,jobs,')));
    const jobs = lines
      .find((l) => l.startsWith('t,all,K02000001,jobs,'))!
      .split(',')
      .map(Number);
    assert.ok(jobs[5]! < jobs[4]! && jobs[4]! < jobs[6]!, 'the band holds the central value');
  });

  // every other bad input is refused the same way by the workbench (test/workbench/scenarios.integration.test.ts)
  const bad: [string, string[], RegExp][] = [
    [
      'an unknown area',
      ['run', base(care.replace('E06000001', 'E06999999'))],
      /bad\.yaml:7:11: interventions\.0\.area: unknown area: E06999999/,
    ],
    [
      'a budget below every candidate',
      ['frontier', base(`${care}\n${productivity}`), '--budget', '1000'],
      /--budget: £1,000 is below every candidate's cost/,
    ],
  ];
  for (const [what, [cmd, text, ...rest], message] of bad)
    it(`refuses ${what}, naming the field, exit code 2, and writes nothing`, async () => {
      const r = await strata('scenario', cmd!, write('bad.yaml', text!), ...rest, '--format', 'csv');
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, message);
      assert.equal(r.out, '');
    });

  it('refuses weights that do not sum to one, naming the file', async () => {
    const w = write('weights.yaml', 'weights: { jobs: 0.5, gva_per_job: 0.4 }\n');
    const r = await strata(
      'scenario',
      'frontier',
      write('two.yaml', base(`${care}\n${productivity}`)),
      '--weights',
      w,
      '--budget',
      '3e7',
    );
    assert.equal(r.code, 2);
    assert.match(r.err, /weights\.yaml: weights: weights sum to 0\.9, not 1/);
    assert.equal(r.out, '');
  });

  it('--weights-from a closed consultation chooses the portfolio the weights say', async () => {
    const two = write('candidates.yaml', base(`${care}\n${productivity}`));
    const choose = async (id: string) => {
      const r = await strata(
        'scenario',
        'frontier',
        two,
        '--x',
        'jobs',
        '--y',
        'gva_per_job',
        '--budget',
        '3e7',
        '--weights-from',
        id,
        '--format',
        'json',
      );
      assert.equal(r.code, 0, r.err);
      return JSON.parse(r.out) as {
        candidates: { id: string; chosen: boolean; x: number; y: number }[];
        portfolio: { chosen: string[]; weights: { goal: string; weight: number }[] };
      };
    };
    const jobs = await choose('for-jobs');
    const productive = await choose('for-productivity');
    assert.deepEqual(jobs.portfolio.weights, [
      { goal: 'jobs', weight: 0.9 },
      { goal: 'gva_per_job', weight: 0.1 },
    ]);
    // the care contract brings jobs and lowers GVA per job; the productivity programme the reverse
    const c = jobs.candidates.find((x) => x.id === 'care')!;
    const p = jobs.candidates.find((x) => x.id === 'productivity')!;
    assert.ok(c.x > 0 && c.y < 0 && p.x < 0 && p.y > 0);
    assert.deepEqual(jobs.portfolio.chosen, ['care']);
    assert.deepEqual(productive.portfolio.chosen, ['productivity']);
  });
});
