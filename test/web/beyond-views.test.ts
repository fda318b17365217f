// The view helpers of the beyond-GDP pages on small fixtures in the API's JSON shapes:
// suppressed gaps never read as zero, verdicts and tracks drawn by category, shortfalls and
// costs, roll-up shares, and the comparison chart leaving out counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  AreaComparison,
  EntitlementRow,
  IndicatorTable,
  LocalGap,
  MissionReport,
  TableRow,
} from '../../src/web/lib/api-types.ts';
import { NO_DATA_FILL, SUPPRESSED_FILL, tallyBy, VERDICTS } from '../../src/web/lib/categories.ts';
import { fixedClasses } from '../../src/web/lib/classes.ts';
import { relativeRows } from '../../src/web/lib/comparison-view.ts';
import { floorData, floorFills, MEETS_FILL, projectionText } from '../../src/web/lib/entitlement-view.ts';
import { money } from '../../src/web/lib/format.ts';
import { GAP_BREAKS, localData, localFills, localTable } from '../../src/web/lib/gender-view.ts';
import { missionData, rollupRows, trackFills } from '../../src/web/lib/mission-view.ts';
import { rankedRows, registryData, registryTable, verdictFills } from '../../src/web/lib/registry-view.ts';

const gap = (areacd: string, value: number | null, status: string | null): LocalGap => ({
  areacd,
  areanm: areacd,
  basis: 'workplace',
  statistic: 'median',
  pattern: 'all',
  value,
  status,
  national: 12.8,
});

describe('gender view', () => {
  const rows = [
    gap('E06000001', 13.8, 'p'),
    gap('E06000053', null, 'x'),
    gap('N09000001', null, 'not published'),
    gap('E06000002', -2.1, 'p'),
  ];

  it('keeps suppressed estimates suppressed: their own pattern, no value, no rank, said in words', () => {
    const fills = localFills(rows);
    assert.equal(fills.get('E06000053'), SUPPRESSED_FILL);
    assert.equal(fills.get('N09000001'), NO_DATA_FILL);
    assert.equal(fills.has('E06000001'), false);
    const d = localData(rows).get('E06000053')!;
    assert.equal(d.value, null);
    assert.equal(d.rank, null);
    assert.equal(d.text, 'suppressed by the publisher (x)');
    assert.deepEqual(
      localTable(rows).rows.map((r) => r[1]),
      ['E06000001', 'E06000002', 'E06000053', 'N09000001'],
    );
  });

  it('classes a signed gap around 0: women paid more below it, exactly 0 with men paid as much or more', () => {
    const c = fixedClasses([-13.2, -0.1, 0, 4.8, 38.9], GAP_BREAKS, '');
    assert.deepEqual(c.counts, [1, 1, 2, 0, 0, 1]);
  });
});

const reg = (areacd: string, value: number | null, v95: string, v998: string): TableRow => ({
  areacd,
  areanm: areacd,
  level: 'lad',
  period: '2025-04-30',
  year: 2025,
  value,
  status: null,
  lci95: value === null ? null : value - 10,
  uci95: value === null ? null : value + 10,
  lci998: value === null ? null : value - 16,
  uci998: value === null ? null : value + 16,
  region: null,
  vsNational: { '95': v95, '99.8': v998 } as TableRow['vsNational'],
  vsRegion: { '95': 'similar', '99.8': 'similar' },
  trend: { status: 'maintaining' },
});

describe('indicator view', () => {
  const t: IndicatorTable = {
    indicator: {
      id: 'pay',
      label: 'Pay',
      unit: '£',
      polarity: 'higher-is-better',
      rationale: '',
      boundaries: ['lad-2023'],
      interval: 'published',
      trendRule: 'ci-change',
      source: '',
    },
    level: 'lad',
    period: '2025-04-30',
    periods: ['2025-04-30'],
    national: { areacd: 'K02000001', areanm: 'United Kingdom', value: 642.5 },
    regions: [],
    rows: [
      reg('A', 533.9, 'worse', 'similar'),
      reg('B', null, 'not-compared', 'not-compared'),
      reg('C', 700, 'better', 'better'),
    ],
    notes: [],
  };

  it('ranks highest first, areas without a value last and unranked', () => {
    assert.deepEqual(
      rankedRows(t).map((r) => [r.areacd, r.rank]),
      [
        ['C', 1],
        ['A', 2],
        ['B', null],
      ],
    );
    const a = registryData(t).get('A')!;
    assert.equal(a.text, '£533.9');
    assert.equal(a.interval, '95% CI £523.9 to £543.9');
    assert.match(a.extra[0]!, /worse \(95%\), similar \(99\.8%\)/);
  });

  it('colours verdicts by the level asked for, hatching areas without a value', () => {
    const worse = VERDICTS.find((v) => v.id === 'worse')!.fill;
    const similar = VERDICTS.find((v) => v.id === 'similar')!.fill;
    assert.equal(verdictFills(t, '95').get('A'), worse);
    assert.equal(verdictFills(t, '99.8').get('A'), similar);
    assert.equal(verdictFills(t, '95').get('B'), NO_DATA_FILL);
    const table = registryTable(t);
    assert.deepEqual(table.rows[1]!.slice(6, 8), ['worse', 'similar']);
    assert.equal(table.links![0], '/indicators?area=C');
  });

  it('counts verdicts in the list order, empty ones kept', () => {
    const n = tallyBy(VERDICTS, ['worse', 'better', 'worse']);
    assert.deepEqual(
      n.filter((x) => x.count).map((x) => [x.id, x.count]),
      [
        ['better', 1],
        ['worse', 2],
      ],
    );
    assert.equal(n.length, VERDICTS.length);
  });
});

describe('area comparison view', () => {
  it('draws differences from the nation in % (percentage points for indicators in %), leaving out counts and non-positive nations', () => {
    const row = (id: string, unit: string, value: number, nat: number) => ({
      indicator: {
        id,
        label: id,
        unit,
        polarity: 'higher-is-better' as const,
        rationale: '',
        boundaries: ['lad-2023'],
        interval: '',
        trendRule: '',
        source: '',
      },
      period: '2023',
      area: {
        areacd: 'A',
        areanm: 'A',
        level: 'lad',
        period: '2023',
        year: 2023,
        value,
        status: null,
        lci95: value - 1,
        uci95: value + 1,
        lci998: null,
        uci998: null,
      },
      comparators: [
        {
          kind: 'national' as const,
          label: 'UK',
          areas: ['K02000001'],
          value: nat,
          verdict: { '95': 'better' as const, '99.8': 'similar' as const },
        },
      ],
      trend: { status: 'maintaining' as const },
    });
    const c: AreaComparison = {
      areacd: 'A',
      areanm: 'A',
      level: 'lad',
      neighbours: [],
      profile: [],
      rows: [
        row('pay', '£', 550, 500),
        row('businesses', 'Number of enterprises', 2000, 2_900_000),
        row('gap', '%', 3, -1),
      ],
      notes: [],
    };
    const r = relativeRows(c, 'percent');
    assert.deepEqual(
      r.map((x) => x.label),
      ['pay'],
    );
    assert.ok(Math.abs(r[0]!.diff - 10) < 1e-9);
    assert.ok(Math.abs(r[0]!.lo! - 9.8) < 1e-9);
    // a pay gap of 3% against −1%: +4 percentage points (never −400%), its interval 2 to 4 % → +3 to +5 points
    const pp = relativeRows(c, 'points');
    assert.deepEqual(
      pp.map((x) => [x.label, x.diff, x.lo, x.hi]),
      [['gap', 4, 3, 5]],
    );
    assert.match(pp[0]!.text, /\+4\.0 points/);
  });
});

const ent = (
  areacd: string,
  status: EntitlementRow['status'],
  value: number | null,
  shortfall: number | null,
): EntitlementRow => ({
  areacd,
  areanm: areacd,
  floor: 'gigabit',
  rule: 'gigabit ≥ 99 %',
  period: '2026-01-01',
  value,
  below: status === 'no-data' ? null : status === 'below',
  shortfall,
  population: 92571,
  peopleToFloor: 1944,
  peopleWithout: 2870,
  units: 824,
  costLow: 411862,
  costCentral: 1153215,
  costHigh: 3706762,
  recurring: 'one-off',
  status,
  projection: {
    points: 1,
    slope: null,
    yearP05: null,
    yearP95: null,
    pByDeadline: null,
    kind: 'insufficient-data',
    year: null,
  },
});

describe('entitlement view', () => {
  const rows = [ent('A', 'below', 96.9, 2.1), ent('B', 'meets', 99.5, 0), ent('C', 'no-data', null, null)];

  it('maps the shortfall of areas below the floor; those meeting it and those without data drawn apart', () => {
    const d = floorData(rows, '%');
    assert.equal(d.get('A')!.value, 2.1);
    assert.equal(d.get('A')!.text, '2.1 points short (96.9%)');
    assert.equal(d.get('A')!.interval, 'Cost to close £1.2m (£411.9k to £3.7m)');
    assert.equal(d.get('B')!.value, null);
    assert.deepEqual(
      [...floorFills(rows)],
      [
        ['B', MEETS_FILL],
        ['C', NO_DATA_FILL],
      ],
    );
  });

  it('says when the trend meets the floor, in words', () => {
    assert.equal(projectionText(rows[0]!.projection), 'one published year: no trend');
    assert.equal(
      projectionText({
        points: 5,
        slope: -0.29,
        yearP05: 2019.7,
        yearP95: 2202.6,
        pByDeadline: 0.795,
        kind: 'projected',
        year: 2023.5,
      }),
      'projected to reach it in 2024 (5–95%: 2020–2203), P(by the deadline) 80%',
    );
  });

  it('writes pounds in thousands, millions and billions', () => {
    assert.equal(money(4340095153.7), '£4.3bn');
    assert.equal(money(928_800_000), '£928.8m');
    assert.equal(money(950), '£950');
    assert.equal(money(null), '–');
  });
});

describe('mission view', () => {
  const tally = (on: number, off: number) => ({
    on: { areas: 1, weight: on },
    off: { areas: 1, weight: off },
    'not-yet-measurable': { areas: 0, weight: 0 },
    'no-data': { areas: 0, weight: 0 },
  });
  const ind = (track: 'on' | 'off', p: number | null) => ({
    indicator: 'pay',
    baselineYear: 2019,
    baseline: 479.1,
    targetYear: 2030,
    target: 694.7,
    latestYear: 2025,
    latest: 533.9,
    lower: null,
    upper: null,
    expected: 551,
    track,
    confidence: 'uncertain' as const,
    pOnTrack: p,
    status: null,
    rule: 'linear trajectory',
    unit: '£',
  });
  const m: MissionReport = {
    mission: { id: 'm', title: 'EXAMPLE — M', goal: '', example: true, source: '', statusRule: 'all' },
    areas: [
      { areacd: 'A', areanm: 'A', track: 'off', indicators: [ind('off', 0.44)] },
      { areacd: 'B', areanm: 'B', track: 'on', indicators: [ind('on', null)] },
    ],
    national: { areacd: 'K02000001', areanm: 'United Kingdom', track: 'on', indicators: [ind('on', 1)] },
    rollup: {
      tally: tally(75, 25),
      onTrackShare: 0.75,
      indicators: [{ indicator: 'pay', tally: tally(75, 25), weightedLatest: 1, weightedExpected: 1 }],
      weight: '',
    },
    notes: [],
  };

  it('gives each area its status and every indicator with P(on track) in words', () => {
    const a = missionData(m, (id) => id.toUpperCase()).get('A')!;
    assert.equal(a.text, 'Off track');
    assert.equal(a.extra[0], 'PAY: off track, P(on track) 44% — £533.9 in 2025 against £551.0 expected');
    assert.equal(trackFills(m).get('B'), '#0072B2');
  });

  it('splits the population by track, each bar summing to 100', () => {
    const rows = rollupRows(m, (id) => id);
    for (const bar of new Set(rows.map((r) => r.row)))
      assert.equal(
        rows.filter((r) => r.row === bar).reduce((s, r) => s + r.share, 0),
        100,
      );
    assert.equal(rows.find((r) => r.track === 'on')!.share, 75);
  });
});
