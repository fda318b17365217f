// Mission and floor files checked against the registry Strata ships: every error names its path
// and line in the file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DataFileError, parseText } from '../../src/workbench/data-file.ts';
import { DEFAULT_FLOORS, loadFloors } from '../../src/workbench/entitlements.ts';
import { loadMission } from '../../src/workbench/missions.ts';
import { loadRegistry } from '../../src/workbench/registry.ts';

const registry = loadRegistry();

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DataFileError, String(e));
    return e.issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
  }
  throw new Error('expected a DataFileError');
}

const MISSION = `id: m
title: M
goal: a goal
indicators:
  - id: employment-rate:employment-rate
    unit: '%'
    baseline: { year: 2019 }
    target: { year: 2030, value: 130 }
  - id: gross-median-weekly-pay
    unit: '%'
    baseline: { year: 2019 }
    target: { year: 2030, change: 0.3 }
  - id: no-such-indicator
    unit: '%'
    baseline: { year: 2019 }
    target: { year: 2030, value: 1 }
`;

describe('mission and floor files against the registry', () => {
  it('names the line and path of an impossible target, a wrong unit and an unknown indicator', () => {
    assert.deepEqual(
      issuesOf(() => loadMission(registry, parseText(MISSION, 'm.yaml'))),
      [
        '8:34 indicators.0.target.value: impossible target 130: employment-rate:employment-rate lies in 0–100 %',
        '10:11 indicators.1.unit: wrong unit: % (gross-median-weekly-pay is in £)',
        '13:9 indicators.2.id: unknown indicator: no-such-indicator',
      ],
    );
  });

  it('reports a missing field first (the registry checks run on a complete file)', () => {
    const missing = MISSION + "  - id: library-walk\n    unit: '%'\n    target: { year: 2030, value: 80 }\n";
    assert.deepEqual(
      issuesOf(() => loadMission(registry, parseText(missing, 'm.yaml'))),
      ['17:5 indicators.3.baseline: Invalid input: expected object, received undefined'],
    );
  });

  it('accepts every example mission', () => {
    for (const id of [
      'closing-gender-pay-gap',
      'connectivity-for-all',
      'decarbonisation',
      'foundational-resilience',
      'good-jobs-fair-pay',
    ]) {
      const path = `data/missions/examples/${id}.yaml`;
      assert.equal(loadMission(registry, parseText(readFileSync(path, 'utf8'), path)).id, id);
    }
  });

  it('names the line and path of a bad floor and accepts the defaults', () => {
    const text = readFileSync(DEFAULT_FLOORS, 'utf8');
    assert.equal(loadFloors(registry, parseText(text, 'floors.yaml')).floors.length, 5);
    const bad = text
      .replace('indicator: library-walk', 'indicator: libraries')
      .replace('unit: mins', "unit: '%'");
    const issues = issuesOf(() => loadFloors(registry, parseText(bad, 'floors.yaml')));
    assert.equal(issues.length, 2);
    assert.match(
      issues[0]!,
      /^\d+:\d+ floors\.2\.unit: wrong unit: % \(average-travel-time:public-transport-or-walk-to-work is in mins\)$/,
    );
    assert.match(issues[1]!, /^\d+:\d+ floors\.3\.indicator: unknown indicator: libraries$/);
  });
});
