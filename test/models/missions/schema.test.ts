import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missionSchema } from '../../../src/models/missions/schema.ts';
import { fixtureLookup } from '../../helpers/registry-fixture.ts';

const schema = missionSchema(fixtureLookup());

function mission(indicator: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) {
  return {
    id: 'good-jobs',
    title: 'Good jobs',
    goal: 'More people in work',
    indicators: [
      {
        id: 'employment-rate:employment-rate',
        unit: '%',
        baseline: { year: 2019 },
        target: { year: 2030, by: 2 },
        ...indicator,
      },
    ],
    ...rest,
  };
}

function issues(input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('mission schema', () => {
  it('accepts a mission and fills the declared defaults', () => {
    const m = schema.parse(mission());
    assert.equal(m.indicators[0]!.rule, 'trajectory');
    assert.equal(m.indicators[0]!.tolerance, 0.02);
    assert.deepEqual(m.status, { rule: 'all', share: 0.5 });
    assert.equal(m.example, false);
  });

  it('names the path of an unknown indicator, a wrong unit and an impossible target', () => {
    assert.deepEqual(issues(mission({ id: 'employment-rat' })), [
      'indicators.0.id: unknown indicator: employment-rat',
    ]);
    assert.deepEqual(issues(mission({ unit: '£' })), [
      'indicators.0.unit: wrong unit: £ (employment-rate:employment-rate is in %)',
    ]);
    assert.deepEqual(issues(mission({ target: { year: 2030, value: 130 } })), [
      'indicators.0.target.value: impossible target 130: employment-rate:employment-rate lies in 0–100 %',
    ]);
    assert.deepEqual(
      issues(mission({ baseline: { year: 2019, value: 90 }, target: { year: 2030, by: 15 } })),
      ['indicators.0.target.by: impossible target 105: employment-rate:employment-rate lies in 0–100 %'],
    );
  });

  it('allows a negative pay gap but not one beyond −100%', () => {
    const gap = { id: 'gpg-median-workplace-all', unit: '%', baseline: { year: 2025 } };
    assert.deepEqual(issues(mission({ ...gap, target: { year: 2030, value: -2 } })), []);
    assert.deepEqual(issues(mission({ ...gap, target: { year: 2030, value: -130 } })), [
      'indicators.0.target.value: impossible target -130: gpg-median-workplace-all lies in -100–100 %',
    ]);
  });

  it('names missing fields and a target that is not after its baseline', () => {
    assert.deepEqual(issues(mission({}, { goal: undefined })), [
      'goal: Invalid input: expected string, received undefined',
    ]);
    assert.deepEqual(issues(mission({ unit: undefined })), [
      'indicators.0.unit: Invalid input: expected string, received undefined',
    ]);
    assert.deepEqual(issues(mission({ target: { year: 2019, by: 2 } })), [
      'indicators.0.target.year: must be after the baseline year 2019',
    ]);
    assert.deepEqual(issues(mission({ target: { year: 2030, by: 2, value: 80 } })), [
      'indicators.0.target: give exactly one of value, change (relative, 0.1 = +10%) or by (in the unit)',
    ]);
  });

  it('asks which way is better when the registry has no polarity, and refuses industry indicators', () => {
    const share = { id: 'foundational-share-gva', unit: '%', target: { year: 2030, change: 0 } };
    assert.deepEqual(issues(mission(share)), [
      'indicators.0.direction: foundational-share-gva has no polarity in the registry: say which way is better',
    ]);
    assert.deepEqual(issues(mission({ ...share, direction: 'higher-is-better' })), []);
    assert.deepEqual(issues(mission({ id: 'industry:gpg-median-all' })), [
      'indicators.0.id: industry:gpg-median-all is published by industry, not by area',
    ]);
  });

  it('checks local overrides against the mission', () => {
    assert.deepEqual(
      issues(
        mission(
          {},
          {
            areas: {
              E06000001: { 'employment-rate:employment-rate': { target: { year: 2030, value: 120 } } },
            },
          },
        ),
      ),
      [
        'areas.E06000001.employment-rate:employment-rate.target.value: impossible target 120: employment-rate:employment-rate lies in 0–100 %',
      ],
    );
    assert.deepEqual(issues(mission({}, { areas: { E06000001: { nope: {} } } })), [
      'areas.E06000001.nope: not an indicator of this mission: nope',
    ]);
  });
});
