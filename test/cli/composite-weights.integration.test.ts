// Goal weights agreed in a consultation feed a composite index end to end: a goal-weighting
// consultation is run in the civic store, closed, and `strata composite run --weights-from`
// uses its published weights over the real pack.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../src/civic/consultation-file.ts';
import { CivicService } from '../../src/civic/service.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';

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
after(() => undefined);

describe('strata composite run --weights-from', () => {
  it('uses the weights residents agreed, names the consultation and its log head', () => {
    const out = execFileSync(
      process.execPath,
      [
        'bin/strata.js',
        '--db',
        PACK_DB,
        '--civic',
        civic,
        'composite',
        'run',
        'data/indicators/composites/example-local-prosperity.yaml',
        '--weights-from',
        'goals',
        '--format',
        'json',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const r = JSON.parse(out) as { weights: { indicator: string; weight: number }[]; rows: unknown[] };
    assert.equal(r.rows.length, 361);
    // Mean points: pay (60 + 20) / 2 = 40, emissions 20, foundational share 40, the rest 0.
    const w = Object.fromEntries(r.weights.map((x) => [x.indicator, x.weight]));
    assert.ok(w['gross-median-weekly-pay']! > 0 && w['foundational-share-gva']! > 0);
    assert.equal(w['business-demography:business-births'], 0);
    assert.ok(Math.abs(w['gross-median-weekly-pay']! / w['greenhouse-gas-emissions']! - 2) < 1e-9);
  });
});
