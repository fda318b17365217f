// What an intervention's effect is measured in: "channels", each a linear function of the output
// response (a coefficient row s, so the channel is s·x) or a count the input–output model does
// not produce (jobs from parents' labour supply, units of an entitlement). Goals are built from
// channels (goals.ts); everything the Monte Carlo touches is a channel, so it stays linear.
import type { LayerMap } from '../io/layers.ts';
import type { FactorRows } from '../io/model.ts';

/** Fixed channels, then one per layer (jobs in that layer), then the two outside the IO model. */
export const CHANNEL = {
  output: 0,
  gva: 1,
  compensation: 2,
  jobs: 3,
  jobsFemale: 4,
  emissions: 5,
  foundationalGva: 6,
  foundationalJobs: 7,
  /** First of the jobs-by-layer channels. */
  layers: 8,
} as const;

/** The channel layout for K layers. */
export interface ChannelLayout {
  layers: string[];
  /** Channels with a coefficient row (solved through the IO model). */
  io: number;
  /** Jobs from labour supply (parents able to work), outside the IO model. */
  supply: number;
  /** Units of an entitlement bought (premises, people, person-minutes). */
  units: number;
  /** All channels. */
  m: number;
}

export function channelLayout(layers: readonly string[]): ChannelLayout {
  const io = CHANNEL.layers + layers.length;
  return { layers: [...layers], io, supply: io, units: io + 1, m: io + 2 };
}

/** Per-industry inputs of the coefficient rows besides the IO factors. */
export interface ChannelInputs {
  factors: FactorRows;
  layers: LayerMap;
  /** Layer ids counted as foundational. */
  foundational: readonly string[];
  /** Women's share of jobs by industry. */
  femaleShare: Float64Array;
  /** Greenhouse gas emissions, thousand tonnes CO2e per £ million of GVA, by industry. */
  ghgPerGva: Float64Array;
}

/** The coefficient rows S (io × n, row-major) of the IO channels. */
export function channelRows(inp: ChannelInputs): { layout: ChannelLayout; rows: Float64Array } {
  const { factors, layers } = inp;
  const n = layers.n;
  const K = layers.k;
  const layout = channelLayout(layers.layers);
  if (!factors.employment) throw new Error('the input-output model has no employment row: jobs need one');
  for (const f of inp.foundational)
    if (!layers.layers.includes(f)) throw new Error(`unknown foundational layer: ${f}`);
  const jobs = factors.employment;
  const rows = new Float64Array(layout.io * n);
  const set = (c: number, value: (i: number) => number) => {
    for (let i = 0; i < n; i++) rows[c * n + i] = value(i);
  };
  const found = inp.foundational.map((f) => layers.layers.indexOf(f));
  const foundShare = (i: number) => found.reduce((s, k) => s + layers.weights[i * K + k]!, 0);
  set(CHANNEL.output, () => 1);
  set(CHANNEL.gva, (i) => factors.gva[i]!);
  set(CHANNEL.compensation, (i) => factors.compensation[i]!);
  set(CHANNEL.jobs, (i) => jobs[i]!);
  set(CHANNEL.jobsFemale, (i) => jobs[i]! * inp.femaleShare[i]!);
  set(CHANNEL.emissions, (i) => factors.gva[i]! * inp.ghgPerGva[i]!);
  set(CHANNEL.foundationalGva, (i) => factors.gva[i]! * foundShare(i));
  set(CHANNEL.foundationalJobs, (i) => jobs[i]! * foundShare(i));
  for (let k = 0; k < K; k++) set(CHANNEL.layers + k, (i) => jobs[i]! * layers.weights[i * K + k]!);
  return { layout, rows };
}

/** The channels of an output vector x: S x, written into the first `io` entries of out (length m). */
export function channelsOf(rows: Float64Array, io: number, x: Float64Array, out: Float64Array): Float64Array {
  const n = x.length;
  for (let c = 0; c < io; c++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += rows[c * n + i]! * x[i]!;
    out[c] = s;
  }
  return out;
}
