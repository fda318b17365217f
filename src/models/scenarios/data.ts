// Builds the plain records of context.ts from the national model, the regional sizes and the
// per-industry figures the workbench loaded (women's share of jobs, GHG intensity).
import type { IoTable } from '../../core/io-table.ts';
import type { LayerMap } from '../io/layers.ts';
import type { NationalModel } from '../io/national.ts';
import type { RegionalSizes } from '../io/sizes.ts';
import { areaOutput, nationSizes } from './area-model.ts';
import { channelRows, channelsOf } from './channels.ts';
import type { AreaData, Columns, NationalData } from './context.ts';

/** ESA 2010 final-use codes of the ONS input–output analytical tables. */
const COLUMNS = {
  households: 'P3 S14',
  investment: 'P51G',
  goods: ['P61EU', 'P61RW'],
  services: ['P62'],
} as const;

export interface NationalInputs {
  national: NationalModel;
  finalDemand: IoTable['finalDemand'];
  layers: LayerMap;
  foundational: readonly string[];
  femaleShare: Float64Array;
  ghgPerGva: Float64Array;
}

function column(fd: IoTable['finalDemand'], keys: readonly string[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (const k of keys) {
    const v = fd[k];
    if (!v) throw new Error(`missing final-demand column: ${k}`);
    for (let i = 0; i < n; i++) out[i]! += v[i]!;
  }
  return out;
}

/** The national record: coefficient rows, columns to spread by, the nation's baseline. */
export function nationalData(inp: NationalInputs): NationalData {
  const { national: nm } = inp;
  const n = nm.n;
  const { layout, rows } = channelRows({
    factors: nm.factors,
    layers: inp.layers,
    foundational: inp.foundational,
    femaleShare: inp.femaleShare,
    ghgPerGva: inp.ghgPerGva,
  });
  const columns: Columns = {
    'final-demand': Float64Array.from(nm.finalDemand),
    investment: column(inp.finalDemand, [COLUMNS.investment], n),
    consumption: column(inp.finalDemand, [COLUMNS.households], n),
    exports: column(inp.finalDemand, [...COLUMNS.goods, ...COLUMNS.services], n),
    goods: column(inp.finalDemand, COLUMNS.goods, n),
    services: column(inp.finalDemand, COLUMNS.services, n),
  };
  return {
    codes: nm.codes,
    n,
    layout,
    rows,
    gva: nm.factors.gva,
    compensation: nm.factors.compensation,
    employment: nm.factors.employment!,
    consumption: nm.closure.c,
    columns,
    output: nm.output,
    baseline: channelsOf(rows, layout.io, nm.output, new Float64Array(layout.m)),
  };
}

/** Figures of an area the input–output data do not hold. */
export type AreaExtras = Pick<AreaData, 'population' | 'workingAge' | 'livingWage' | 'floors'>;

/** Every area's record, in the order of the sizes. */
export function areaData(
  nat: NationalData,
  sizes: RegionalSizes,
  extras: (areacd: string) => AreaExtras,
): AreaData[] {
  const n = nat.n;
  const totals = nationSizes(sizes);
  return sizes.areas.map((areacd, r) => {
    const region = sizes.size.subarray(r * n, (r + 1) * n);
    const share = region.map((v, i) => (totals.nation[i]! > 0 ? v / totals.nation[i]! : 0));
    const output = areaOutput(nat.output, region, totals.nation);
    return {
      areacd,
      share,
      output,
      baseline: channelsOf(nat.rows, nat.layout.io, output, new Float64Array(nat.layout.m)),
      ...extras(areacd),
    };
  });
}
