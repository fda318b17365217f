// A composite index declared in a file, over the real pack; and goal weights agreed in a
// consultation feeding it end to end: a goal-weighting consultation is run in the civic store,
// closed, and `strata composite run --weights-from` uses its published weights.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const GOALS = [
  'gross-median-weekly-pay',
  'gross-disposable-household-income-per-head',
  'employment-rate:employment-rate',
  'employment-rate:economically-inactive',
  'gross-value-added:gross-value-added-per-hour-worked',
  'business-demography:business-births',
  'business-demography:business-deaths',
  'business-demography:high-growth-businesses',
  'foundational-share-gva',
  'greenhouse-gas-emissions',
];
const civic = `sqlite:${join(mkdtempSync(join(tmpdir(), 'strata-civic-')), 'civic.sqlite')}`;
before(async () => {
  (await packWorkbench()).close();
  let now = new Date('2026-05-02T10:00:00Z');
  const svc = await CivicService.open(civic, { now: () => now });
  try {
    await svc.createConsultation(
      ADMIN,
      checkConsultationFile({
        id: 'goals',
        title: 'What should prosperity mean here?',
        area: 'E06000001',
        electorate: 'codes',
        opens: '2026-05-01T09:00:00Z',
        closes: '2026-05-15T17:00:00Z',
        ballot: 'points',
        rule: 'mean',
        options: GOALS.map((id) => ({ id, name: id })),
      }),
    );
    await svc.openConsultation(ADMIN, 'goals');
    const batch = await svc.issueCodes(ADMIN, 'goals', { count: 2, expiresAt: '2026-05-16T00:00:00Z' });
    const ballots = [
      { 'gross-median-weekly-pay': 60, 'greenhouse-gas-emissions': 40 },
      { 'gross-median-weekly-pay': 20, 'foundational-share-gva': 80 },
    ];
    for (const [i, code] of batch.codes.entries()) {
      const { session } = await svc.redeem({ consultationId: 'goals', code, ip: 'test' });
      await svc.submitBallot({ consultationId: 'goals', session, ballot: ballots[i]! });
    }
    now = new Date('2026-05-16T10:00:00Z');
    await svc.closeConsultation(ADMIN, 'goals');
  } finally {
    await svc.close();
  }
});

describe('strata composite run', () => {
  it('ranks every local authority with its 5–95% rank interval, Sobol indices in a note', async () => {
    const r = await strata([
      'composite',
      'run',
      'data/indicators/composites/example-local-prosperity.yaml',
      '--format',
      'csv',
    ]);
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 361);
    assert.deepEqual(Object.keys(rows[0]!).slice(0, 7), [
      'rank',
      'areacd',
      'areanm',
      'score',
      'median_rank',
      'rank_p05',
      'rank_p95',
    ]);
    for (const x of rows)
      assert.ok(
        Number(x['rank_p05']) <= Number(x['median_rank']) &&
          Number(x['median_rank']) <= Number(x['rank_p95']),
      );
    assert.match(r.err, /note: Sobol indices of the mean rank shift: weights first /);
  });

  it('--weights-from uses the weights residents agreed', async () => {
    const run = await strata([
      '--civic',
      civic,
      'composite',
      'run',
      'data/indicators/composites/example-local-prosperity.yaml',
      '--weights-from',
      'goals',
      '--format',
      'json',
    ]);
    assert.equal(run.code, 0, run.err);
    const r = JSON.parse(run.out) as { weights: { indicator: string; weight: number }[]; rows: unknown[] };
    assert.equal(r.rows.length, 361);
    // Mean points: pay (60 + 20) / 2 = 40, emissions 20, foundational share 40, the rest 0.
    const w = Object.fromEntries(r.weights.map((x) => [x.indicator, x.weight]));
    assert.ok(w['gross-median-weekly-pay']! > 0 && w['foundational-share-gva']! > 0);
    assert.equal(w['business-demography:business-births'], 0);
    assert.ok(Math.abs(w['gross-median-weekly-pay']! / w['greenhouse-gas-emissions']! - 2) < 1e-9);
  });
});
