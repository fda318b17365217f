import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OcdsMetric } from '../../../src/core/franchise.ts';
import {
  appendable,
  ratingStatus,
  registerEvents,
  registerState,
} from '../../../src/models/franchise/register.ts';

const metric = (
  stage: 'agreed' | 'implementation',
  releaseId: string,
  observationId: string,
  measure: string,
  releaseDate: string,
): OcdsMetric => ({
  file: 'fts.json',
  ocid: 'ocds-h6vhtk-04a1b2',
  releaseId,
  releaseDate,
  awardId: 'AW-1',
  contractId: 'CT-1',
  stage,
  metricId: 'kpi-1',
  title: 'Service coverage',
  observationId,
  measure,
  periodStart: null,
  periodEnd: null,
  supplierIds: [],
});
const promise = metric('agreed', 'r1', 't', '95%', '2025-04-10T00:00:00Z');
const rating = metric('implementation', 'r2', 'y1', 'Approaching target', '2026-04-15T00:00:00Z');

describe('register of conditions promised vs delivered', () => {
  it('a stable id per contract KPI; targets are promises, ratings the published vocabulary', () => {
    const events = registerEvents([promise, rating]);
    assert.deepEqual(
      events.map((e) => [e.conditionId, e.status, e.detail]),
      [
        ['ocds-h6vhtk-04a1b2/CT-1/kpi-1', 'promised', '95%'],
        ['ocds-h6vhtk-04a1b2/CT-1/kpi-1', 'approaching-target', 'Approaching target'],
      ],
    );
    assert.deepEqual(['Good', 'requiresImprovement', 'INADEQUATE', 'n/a'].map(ratingStatus), [
      'good',
      'requires-improvement',
      'inadequate',
      'other',
    ]);
    assert.deepEqual(registerState(events), [
      {
        conditionId: 'ocds-h6vhtk-04a1b2/CT-1/kpi-1',
        title: 'Service coverage',
        promised: '95%',
        latest: 'approaching-target',
        latestAt: '2026-04-15T00:00:00Z',
        events: 2,
      },
    ]);
  });
  it('history is append-only: a repeat is nothing new, a rewrite is refused', () => {
    const history = registerEvents([promise]);
    assert.deepEqual(
      appendable(history, registerEvents([promise, rating])).map((e) => e.status),
      ['approaching-target'],
    );
    assert.deepEqual(appendable(history, history), []);
    const rewritten = registerEvents([{ ...promise, measure: '80%' }]);
    assert.throws(
      () => appendable(history, rewritten),
      /register history is append-only: event .* is recorded as promised \(95%\), not promised \(80%\)/,
    );
  });
});
