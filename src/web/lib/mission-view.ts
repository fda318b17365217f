// What the missions page draws from a mission report: each area's status on the map with every
// indicator's verdict and P(on track) in its tooltip, the roll-up as shares of population, tables.
import type { MapDatum } from './atlas.ts';
import type { AreaMission, MissionIndicator, MissionReport, Tally } from './api-types.ts';
import { category, probability, trendText, TRACKS } from './categories.ts';
import type { Table } from './table.ts';
import { withUnit } from './format.ts';

/** A label for an indicator id (the registry's, when known). */
export type Labeller = (id: string) => string;

/** One indicator's verdict in words: track, P(on track), latest against expected. */
export function indicatorLine(i: MissionIndicator, label: Labeller): string {
  const track = category(TRACKS, i.track).label.toLowerCase();
  const p = i.pOnTrack === null ? '' : `, P(on track) ${probability(i.pOnTrack)}`;
  const vs =
    i.latest === null
      ? ''
      : ` — ${withUnit(i.latest, i.unit, 1)} in ${i.latestYear}${i.expected === null ? '' : ` against ${withUnit(i.expected, i.unit, 1)} expected`}`;
  return `${label(i.indicator)}: ${track}${p}${vs}`;
}

/** Map data: the area's status in words, each indicator's verdict as a tooltip line. */
export function missionData(r: MissionReport, label: Labeller): Map<string, MapDatum> {
  return new Map(
    r.areas.map((a) => [
      a.areacd,
      {
        areacd: a.areacd,
        areanm: a.areanm,
        value: null,
        text: category(TRACKS, a.track).label,
        interval: '',
        rank: null,
        of: 0,
        extra: a.indicators.map((i) => indicatorLine(i, label)),
      },
    ]),
  );
}

/** Fills by status. */
export function trackFills(r: MissionReport): Map<string, string> {
  return new Map(r.areas.map((a) => [a.areacd, category(TRACKS, a.track).fill]));
}

/** Shares of the roll-up weight (population) by track, for the mission and each indicator. */
export function rollupRows(
  r: MissionReport,
  label: Labeller,
): { row: string; track: string; share: number }[] {
  const rows = (row: string, t: Tally) => {
    const total = Object.values(t).reduce((s, x) => s + x.weight, 0) || 1;
    return TRACKS.map((k) => ({ row, track: k.id, share: (t[k.id as keyof Tally].weight / total) * 100 }));
  };
  return [
    ...rows('The mission (all its indicators)', r.rollup.tally),
    ...r.rollup.indicators.flatMap((i) => rows(label(i.indicator), i.tally)),
  ];
}

/** The roll-up as a table: areas and share of population per track. */
export function rollupTable(r: MissionReport, label: Labeller): Table {
  const row = (
    name: string,
    t: Tally,
    latest: number | null,
    expected: number | null,
  ): (string | number | null)[] => {
    const total = Object.values(t).reduce((s, x) => s + x.weight, 0) || 1;
    return [
      name,
      ...TRACKS.flatMap((k) => [t[k.id as keyof Tally].areas, (t[k.id as keyof Tally].weight / total) * 100]),
      latest,
      expected,
    ];
  };
  return {
    columns: [
      '',
      ...TRACKS.flatMap((k) => [`${k.label}: areas`, '% of population']),
      'Weighted latest',
      'Weighted expected',
    ],
    rows: [
      row('The mission', r.rollup.tally, null, null),
      ...r.rollup.indicators.map((i) =>
        row(label(i.indicator), i.tally, i.weightedLatest, i.weightedExpected),
      ),
    ],
    formats: [null, ...TRACKS.flatMap(() => [null, pctCell]), numCell, numCell],
  };
}

const pctCell = (v: string | number | null) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '–');
const numCell = (v: string | number | null) => (typeof v === 'number' ? withUnit(v, '', 2) : '–');

/** Every area (or the nation) with each indicator's rule inputs and verdict. */
export function areaRows(areas: AreaMission[], label: Labeller): Table {
  const flat = areas.flatMap((a) => a.indicators.map((i) => ({ a, i })));
  return {
    columns: [
      'Area',
      'Code',
      'Mission status',
      'Indicator',
      'Baseline',
      'Latest',
      'Expected now',
      'Target',
      'Verdict',
      'P(on track)',
      'Change since baseline',
    ],
    rows: flat.map(({ a, i }) => [
      a.areanm,
      a.areacd,
      category(TRACKS, a.track).label,
      label(i.indicator),
      i.baseline === null ? null : `${withUnit(i.baseline, i.unit, 1)} (${i.baselineYear})`,
      i.latest === null ? null : `${withUnit(i.latest, i.unit, 1)} (${i.latestYear})`,
      i.expected === null ? null : withUnit(i.expected, i.unit, 1),
      i.target === null ? null : `${withUnit(i.target, i.unit, 1)} (${i.targetYear})`,
      `${category(TRACKS, i.track).label}${i.confidence && i.confidence !== 'no-interval' ? ` (${i.confidence})` : ''}`,
      probability(i.pOnTrack),
      trendText(i.status),
    ]),
    links: flat.map(({ a }) => (a.areacd.startsWith('K') ? null : `/area/${a.areacd}`)),
  };
}

/** The nation's verdict indicator by indicator (the area columns left out). */
export function nationalRows(n: AreaMission, label: Labeller): Table {
  const t = areaRows([n], label);
  return { columns: t.columns.slice(3), rows: t.rows.map((r) => r.slice(3)) };
}
