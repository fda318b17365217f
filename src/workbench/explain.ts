// What explains a profile's extreme figures: each industry's part in a layer's real growth, flags
// by a declared rule (far outside the peers; resting on a split by national shares), and a note
// where a district and the ITL area around it come from different releases.
import { z } from 'zod';
import type { Level } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { ProfileExplain, ProfileFlag } from '../contract/areas.ts';
import type { LayerVolume } from '../models/layers/growth.ts';
import { growthContributions } from '../models/layers/growth-contributions.ts';
import type { LayerTable } from '../models/layers/layer-table.ts';
import { fences } from '../models/layers/outliers.ts';
import type { Panel } from '../models/layers/panel.ts';
import type { LayerWeights } from '../models/layers/split.ts';
import { parentsOf } from './areas.ts';
import type { Ctx } from './context.ts';
import { readDataFile, validateFile } from './data-file.ts';
import { ladsWithin } from './geography.ts';
import { layersAll, type LayersResult } from './layers.ts';
import { sourceText } from './sources.ts';

const RULES = new URL('../../data/profile/explain-rules.json', import.meta.url).pathname;
const RuleSchema = z.strictObject({
  description: z.string(),
  k: z.number().positive(),
  splitGrowth: z.number().min(0).max(1),
  splitValue: z.number().min(0).max(1),
});
export type ExplainRule = z.infer<typeof RuleSchema>;

/** The declared rule (data/profile/explain-rules.json), read and checked once. */
let rule: ExplainRule | undefined;
export function explainRule(): ExplainRule {
  return (rule ??= validateFile(readDataFile(RULES, 'data/profile/explain-rules.json'), RuleSchema));
}

/** What an explanation is built from: the current-price and volume panels, their weights and names. */
export interface ExplainInputs {
  cp: Panel;
  cvm: Panel;
  w: LayerWeights;
  industryNames: Map<string, string>;
}

/** Every industry's part in each layer's real growth for area index `a`, largest first. */
export function contributionsOf(x: ExplainInputs, a: number): ProfileExplain['contributions'] {
  const c = growthContributions(x.cp, x.cvm, x.w, a);
  const I = c.industries.length;
  const L = c.layers.length;
  return c.layers.map((layer, l) => ({
    layer,
    sinceStart: Number.isFinite(c.total[l]!) ? c.total[l]! : null,
    industries: c.industries
      .map((industry, i) => ({
        industry,
        name: x.industryNames.get(industry) ?? industry,
        contribution: c.contribution[l * I + i]!,
        priceChange: Number.isFinite(c.priceChange[i]!) ? c.priceChange[i]! : null,
        split: x.w.weights[i * L + l]! > 0 && x.w.weights[i * L + l]! < 1,
      }))
      .filter((r) => r.contribution !== 0 && Number.isFinite(r.contribution))
      .sort((p, q) => Math.abs(q.contribution) - Math.abs(p.contribution)),
  }));
}

const pctText = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;

/** Layers whose real growth or latest value rests mostly on industries split by national shares. */
export function splitFlags(
  contributions: ProfileExplain['contributions'],
  latest: Map<string, { value: number; split: number }>,
  r: ExplainRule,
): ProfileFlag[] {
  const out: ProfileFlag[] = [];
  for (const c of contributions) {
    const part = c.industries.filter((i) => i.split).reduce((s, i) => s + i.contribution, 0);
    const v = latest.get(c.layer);
    const ofValue = v && v.value > 0 ? v.split / v.value : 0;
    const ofGrowth = c.sinceStart ? Math.abs(part / c.sinceStart) : 0;
    if (c.sinceStart === null || (ofGrowth <= r.splitGrowth && ofValue <= r.splitValue)) continue;
    const names = c.industries
      .filter((i) => i.split)
      .slice(0, 2)
      .map((i) => i.name);
    out.push({
      layer: c.layer,
      kind: 'national-split',
      measure: ofGrowth > r.splitGrowth ? 'real growth' : 'share',
      value: ofGrowth > r.splitGrowth ? c.sinceStart : ofValue,
      low: null,
      high: null,
      peers: null,
      reason:
        ofGrowth > r.splitGrowth
          ? `${(100 * part).toFixed(1)} points of its ${pctText(c.sinceStart)} real growth come from industries split into layers by national shares (${names.join('; ')}), not by what this area makes`
          : `${(100 * ofValue).toFixed(0)}% of its value comes from industries split into layers by national shares (${names.join('; ')})`,
    });
  }
  return out;
}

/** Figures beyond the peers' fences: each layer's real growth since the first year and its latest share. */
export function peerFlags(
  table: LayerTable,
  volume: LayerVolume,
  code: string,
  r: ExplainRule,
  what: string,
): ProfileFlag[] {
  const out: ProfileFlag[] = [];
  const Y = table.years.length;
  const L = table.layers.length;
  const VY = volume.years.length;
  const growthOf = (a: number, l: number) =>
    volume.index[(a * VY + VY - 1) * L + l]! / volume.index[a * VY * L + l]! - 1;
  const shareOf = (a: number, l: number) => table.shares[(a * Y + Y - 1) * L + l]!;
  const measures = [
    {
      measure: 'real growth' as const,
      areas: volume.areas,
      at: growthOf,
      label: `real growth ${VY ? `${volume.years[0]}–${volume.years[VY - 1]}` : ''}`,
    },
    {
      measure: 'share' as const,
      areas: table.areas,
      at: shareOf,
      label: `share of GVA in ${table.years[Y - 1]}`,
    },
  ];
  for (const m of measures) {
    const a = m.areas.indexOf(code);
    if (a < 0) continue;
    table.layers.forEach((layer, l) => {
      const values = m.areas.map((_, b) => m.at(b, l)).filter((x) => Number.isFinite(x));
      const value = m.at(a, l);
      if (values.length < 8 || !Number.isFinite(value)) return;
      const f = fences(values, r);
      if (value >= f.low && value <= f.high) return;
      const side =
        value > f.high
          ? `above Q3 + ${r.k}·IQR (${pctText(f.high)})`
          : `below Q1 − ${r.k}·IQR (${pctText(f.low)})`;
      out.push({
        layer,
        kind: 'outside-peers',
        measure: m.measure,
        value,
        low: f.low,
        high: f.high,
        peers: values.length,
        reason: `${m.label} of ${pctText(value)} is far outside its ${values.length} peers (${what}): ${side}`,
      });
    });
  }
  return out;
}

/** The latest value of each layer and the part of it from industries split by national shares. */
export function latestSplit(x: ExplainInputs, a: number): Map<string, { value: number; split: number }> {
  const I = x.cp.industries.length;
  const L = x.w.layers.length;
  const base = (a * x.cp.years.length + x.cp.years.length - 1) * I;
  const out = new Map<string, { value: number; split: number }>();
  x.w.layers.forEach((layer, l) => {
    let value = 0;
    let split = 0;
    for (let i = 0; i < I; i++) {
      const v = x.cp.values[base + i]!;
      const wt = x.w.weights[i * L + l]!;
      if (!(v === v) || wt === 0) continue;
      value += v * wt;
      if (wt < 1) split += v * wt;
    }
    out.set(layer, { value, split });
  });
  return out;
}

/** What the peers of an area at a level are called. */
const PEERS: Record<Level, string> = {
  lad: 'every local authority district',
  itl3: 'every ITL3 area',
  itl2: 'every ITL2 area',
  itl1: 'every ITL1 region and country',
  uk: 'the UK',
  cauth: 'every combined authority',
};

/** The explanation of one area's profile at a level. */
export async function areaExplain(
  ctx: Ctx,
  level: Level,
  code: string,
  taxonomy: Taxonomy,
  x: ExplainInputs,
  volume: LayerVolume,
): Promise<ProfileExplain> {
  const r = explainRule();
  const a = x.cp.areas.indexOf(code);
  const contributions = contributionsOf(x, a);
  const table = (await layersAll(ctx, level, 'gva_cp', taxonomy)).table;
  const what = PEERS[level];
  return {
    contributions,
    rule: r,
    flags: [...peerFlags(table, volume, code, r, what), ...splitFlags(contributions, latestSplit(x, a), r)],
    releases: await releaseNotes(ctx, level, code, taxonomy),
  };
}

const foundationalShare = (r: LayersResult, code: string, year: number) => {
  const t = r.table;
  const a = t.areas.indexOf(code);
  const k = t.years.indexOf(year);
  if (a < 0 || k < 0) return null;
  let s = 0;
  t.layers.forEach((l, j) => {
    if (l.startsWith('foundational')) s += t.shares[(a * t.years.length + k) * t.layers.length + j]!;
  });
  return s;
};

/** A note where a district and the ITL3 area around it (or an ITL3 area and its one district) come from different releases. */
async function releaseNotes(ctx: Ctx, level: Level, code: string, taxonomy: Taxonomy): Promise<string[]> {
  if (level !== 'lad' && level !== 'itl3') return [];
  const [lad, itl] = await Promise.all([
    layersAll(ctx, 'lad', 'gva_cp', taxonomy),
    layersAll(ctx, 'itl3', 'gva_cp', taxonomy),
  ]);
  if (sourceText(lad.source) === sourceText(itl.source)) return [];
  const itl3 = level === 'itl3' ? code : (await parentsOf(ctx, code)).find((p) => p.level === 'itl3')?.areacd;
  if (!itl3) return [];
  const within = await ladsWithin(ctx, itl3);
  const twin = within.length === 1 ? within[0]!.areacd : null;
  const ladCode = level === 'lad' ? code : twin;
  const [here, there] = level === 'lad' ? [lad, itl] : [itl, lad];
  const other =
    level === 'lad'
      ? { code: itl3, what: 'the ITL3 area around it' }
      : { code: twin, what: 'its one local authority district' };
  const otherName = (level === 'lad' ? itl.names.get(itl3) : within[0]?.areanm) ?? other.code;
  const sources = `this profile is from ${sourceText(here.source)}; ${other.what}, ${otherName} (${other.code}), is from ${sourceText(there.source)}`;
  if (!ladCode || !twin)
    return [
      `Two releases: ${sources}. Districts summed from one will not match the ITL area from the other exactly.`,
    ];
  const year = [...lad.table.years].filter((y) => itl.table.years.includes(y)).at(-1)!;
  const a = foundationalShare(here, level === 'lad' ? code : itl3, year);
  const b = foundationalShare(there, level === 'lad' ? itl3 : twin, year);
  const fmt = (s: number | null) => (s === null ? '–' : `${(100 * s).toFixed(1)}%`);
  return [
    `Two releases of the same place: ${sources}. Their figures differ: the foundational share in ${year} is ${fmt(a)} here and ${fmt(b)} on the ${level === 'lad' ? 'ITL3' : 'district'} profile.`,
  ];
}
