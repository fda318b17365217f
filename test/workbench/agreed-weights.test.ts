import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WeightsOutcome } from '../../src/civic/tally/outcome.ts';
import { agreedNote, agreedSource, withAgreedWeights } from '../../src/workbench/agreed-weights.ts';
import { parseText } from '../../src/workbench/data-file.ts';

const FILE = parseText(
  [
    'id: t',
    'indicators:',
    '  - { id: pay, direction: 1 }',
    '  - { id: gigabit, direction: 1 }',
    'weights: { pay: 1, gigabit: 1 }',
  ].join('\n'),
  'index.yaml',
);
const outcome = (ids: string[], shares: number[]): WeightsOutcome => ({
  kind: 'weights',
  rule: 'mean',
  ballots: 40,
  weights: ids.map((id, i) => ({ id, fraction: '', value: shares[i]!, share: shares[i]! })),
  notes: [],
});

describe('weights agreed in a goal-weighting consultation feed a composite', () => {
  it('replaces the declared weights with the agreed shares and says where they came from', () => {
    const agreed = {
      consultation: 'goals-2026',
      title: 'What matters here',
      area: 'E06000001',
      head: 'ab'.repeat(32),
      outcome: outcome(['pay', 'gigabit'], [70, 30]),
    };
    const { file, target } = withAgreedWeights(FILE, agreed);
    assert.equal(target, 'indicators');
    assert.deepEqual((file.value as { weights: unknown }).weights, { pay: 0.7, gigabit: 0.3 });
    const source = agreedSource(agreed, target, ['E06000001', 'E06000002', 'E06000003']);
    assert.deepEqual(source.scope, {
      outside: 2,
      label:
        'weights agreed by residents of E06000001 only, applied to 2 areas outside it: they speak for E06000001, not for those areas',
    });
    assert.equal(agreedSource(agreed, target, ['E06000001']).scope.outside, 0);
    assert.match(
      agreedNote(source),
      new RegExp(
        `consultation goals-2026 \\("What matters here"\\): 40 ballots, mean, log head ${'ab'.repeat(32)} — pay 70\\.0%, gigabit 30\\.0%; scope: `,
      ),
    );
    assert.deepEqual(
      (FILE.value as { weights: unknown }).weights,
      { pay: 1, gigabit: 1 },
      'the file read is not changed',
    );
  });
  it('refuses goals that are not indicators and indicators without a goal', () => {
    assert.throws(
      () =>
        withAgreedWeights(FILE, {
          consultation: 'g',
          title: '',
          area: 'E06000001',
          head: '',
          outcome: outcome(['pay', 'air'], [50, 50]),
        }),
      /consultation g does not match index\.yaml: its goals weight the indicators \(1 of 2 goals name one\), but air is not an indicator; no goal weights the indicator gigabit \(the file's indicators: pay, gigabit\)/,
    );
  });
});

describe('agreed weights on a composite with pillars', () => {
  const PILLARS = parseText(
    [
      'id: p',
      'indicators:',
      '  - { id: pay, pillar: income }',
      '  - { id: gdhi, pillar: income }',
      '  - { id: gigabit, pillar: access }',
      'pillarWeights: { income: 1, access: 1 }',
    ].join('\n'),
    'pillars.yaml',
  );
  it('goals naming the pillars become the pillar weights', () => {
    const { file } = withAgreedWeights(PILLARS, {
      consultation: 'g',
      title: '',
      area: 'E06000001',
      head: '',
      outcome: outcome(['income', 'access'], [25, 75]),
    });
    assert.deepEqual((file.value as { pillarWeights: unknown }).pillarWeights, {
      income: 0.25,
      access: 0.75,
    });
  });
  it('goals mostly naming pillars are told against the pillars, not the indicators', () => {
    assert.throws(
      () =>
        withAgreedWeights(PILLARS, {
          consultation: 'g',
          title: '',
          area: 'E06000001',
          head: '',
          outcome: outcome(['income', 'access', 'happiness'], [40, 40, 20]),
        }),
      /its goals weight the pillars \(2 of 3 goals name one\), but happiness is not a pillar \(the file's pillars: income, access\)/,
    );
  });
  it('goals naming the indicators replace the pillar structure', () => {
    const { file } = withAgreedWeights(PILLARS, {
      consultation: 'g',
      title: '',
      area: 'E06000001',
      head: '',
      outcome: outcome(['pay', 'gdhi', 'gigabit'], [50, 0, 50]),
    });
    const v = file.value as { weights: unknown; pillarWeights?: unknown; indicators: { pillar?: string }[] };
    assert.deepEqual(v.weights, { pay: 0.5, gdhi: 0, gigabit: 0.5 });
    assert.equal(v.pillarWeights, undefined);
    assert.ok(v.indicators.every((i) => i.pillar === undefined));
  });
});
