// What the atlas shows for each area, from a layer table or an indicator: the value, its text
// in the unit, the interval where one is published, and the rank (1 = highest).
import { interval, lq, millions, num, pct, withUnit } from './format.ts';
import type { LayerRow } from './api-types.ts';

/** One area on the map. */
export interface MapDatum {
  areacd: string;
  areanm: string;
  value: number | null;
  /** The value as text, in its unit. */
  text: string;
  /** What the value is, said before it in the tooltip beside lines on other things (a layer's name, beside the other layers' shares). */
  label?: string;
  /** The interval (or a statement that none is published). */
  interval: string;
  rank: number | null;
  of: number;
  /** Further lines for the tooltip (e.g. the other layers' shares). */
  extra: string[];
}

export type LayerStat = 'share' | 'lq' | 'value';

/** Ranks values, highest first (ties share the better rank). */
export function ranks(values: (number | null)[]): (number | null)[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => b - a);
  return values.map((v) => (v === null || !Number.isFinite(v) ? null : sorted.indexOf(v) + 1));
}

/** The value of a layer row for a statistic. */
export function layerStat(r: LayerRow, stat: LayerStat): number {
  return stat === 'share' ? r.share : stat === 'lq' ? r.lq : r.value;
}

/** The statistic as text: a share in %, an LQ as a ratio, a value in the measure's unit. */
export function layerText(v: number, stat: LayerStat, measure: string): string {
  if (stat === 'share') return pct(v);
  if (stat === 'lq') return `LQ ${lq(v)}`;
  return measure === 'residents_in_employment' ? `${num(Math.round(v))} residents` : millions(v);
}

/** Map data for one layer from a layer table for one year. */
export function layerData(
  rows: LayerRow[],
  layer: string,
  stat: LayerStat,
  measure: string,
  name: (layer: string) => string,
): Map<string, MapDatum> {
  const mine = rows.filter((r) => r.layer === layer);
  const values = mine.map((r) => layerStat(r, stat));
  const rk = ranks(values);
  const byArea = new Map<string, LayerRow[]>();
  for (const r of rows) byArea.set(r.areacd, [...(byArea.get(r.areacd) ?? []), r]);
  return new Map(
    mine.map((r, i) => [
      r.areacd,
      {
        areacd: r.areacd,
        areanm: r.areanm,
        value: values[i]!,
        label: name(layer),
        text: layerText(values[i]!, stat, measure),
        interval: 'no interval published',
        rank: rk[i]!,
        of: mine.length,
        extra: (byArea.get(r.areacd) ?? [])
          .filter((o) => o.layer !== layer)
          .map((o) => `${name(o.layer)}: ${pct(o.share)}`),
      },
    ]),
  );
}

/** A published value in its unit, or why there is none (suppressed, not published). */
export function valueText(r: { value: number | null; status: string | null }, unit: string): string {
  return r.value === null ? `not published${r.status ? ` (${r.status})` : ''}` : withUnit(r.value, unit);
}

/** One area's value of an indicator at one period, with its published or computed 95% limits. */
export interface IndicatorCell {
  areacd: string;
  areanm: string;
  value: number | null;
  lci95: number | null;
  uci95: number | null;
  status: string | null;
}

/** Map data for an indicator at one period (a registry table's rows). */
export function indicatorData(v: { rows: readonly IndicatorCell[] }, unit: string): Map<string, MapDatum> {
  const rk = ranks(v.rows.map((r) => r.value));
  const of = rk.filter((r) => r !== null).length;
  return new Map(
    v.rows.map((r, i) => [
      r.areacd,
      {
        areacd: r.areacd,
        areanm: r.areanm,
        value: r.value,
        text: valueText(r, unit),
        interval: interval(r.lci95, r.uci95, unit, r.value),
        rank: rk[i]!,
        of,
        extra: r.status && r.value !== null ? [`Status: ${r.status}`] : [],
      },
    ]),
  );
}
