// Gross responses with the interregional model (METHODS.md §3): each part's final demand and
// household income in its areas is one stacked shock, solved for every area by the block
// iteration of src/models/io, at each δ node; what lands in other areas is the spillover. Direct
// effects (outside the IO model) stay where the intervention acts.
import type { InterregionalSystem } from '../io/interregional.ts';
import { solveInterregional } from '../io/interregional-solve.ts';
import type { IvArea } from './assemble.ts';
import { channelsOf } from './channels.ts';
import type { CompiledIntervention } from './compile.ts';
import type { AreaData, NationalData } from './context.ts';
import { partsOf } from './kinds/index.ts';

/**
 * Household income spent from area r: its local purchases c^r and the leakage c − c^r bought from
 * other areas s in proportion to size_i^s g_sr (the same supply shares as intermediate inputs).
 */
export function incomeDemand(sys: InterregionalSystem, r: number, income: number, f: Float64Array): void {
  const { n } = sys;
  const N = sys.areas.length;
  const leak = sys.leakC[r]!;
  for (let i = 0; i < n; i++) f[r * n + i] = f[r * n + i]! + (sys.c[i]! - leak[i]!) * income;
  for (let s = 0; s < N; s++) {
    const w = sys.g[s * N + r]!;
    if (w === 0) continue;
    for (let i = 0; i < n; i++) {
      const norm = sys.norm[r * n + i]!;
      if (norm > 0) f[s * n + i] = f[s * n + i]! + ((sys.size[s * n + i]! * w) / norm) * leak[i]! * income;
    }
  }
}

/** The gross response of every intervention in every area of the system (all areas: spillovers included). */
export function spilloverGross(
  ivs: readonly CompiledIntervention[],
  nat: NationalData,
  areas: readonly AreaData[],
  index: ReadonlyMap<string, number>,
  systems: readonly InterregionalSystem[],
  type: 1 | 2,
  tol = 1e-10,
): { gross: IvArea[]; sweeps: number } {
  const { io, m } = nat.layout;
  const G = systems.length;
  const N = systems[0]!.areas.length;
  const n = nat.n;
  if (systems.some((s) => s.areas.length !== areas.length))
    throw new Error('interregional system and areas differ');
  const out: IvArea[] = [];
  let sweeps = 0;
  ivs.forEach((iv, k) => {
    const own = iv.areas.map((code, j) => ({ a: index.get(code)!, share: iv.areaShares[j]! }));
    const parts = own.map((o) => partsOf(iv, nat, areas[o.a]!, o.share));
    const P = parts[0]?.length ?? 0;
    const g = Array.from({ length: N }, () => new Float64Array(P * G * m));
    for (let p = 0; p < P; p++) {
      const moves = parts.some((ps) => ps[p]!.df || ps[p]!.income);
      for (let gi = 0; gi < G && moves; gi++) {
        const sys = systems[gi]!;
        const f = new Float64Array(N * n);
        own.forEach((o, j) => {
          const part = parts[j]![p]!;
          if (part.df) for (let i = 0; i < n; i++) f[o.a * n + i] = f[o.a * n + i]! + part.df[i]!;
          if (part.income) incomeDemand(sys, o.a, part.income, f);
        });
        const sol = solveInterregional(sys, f, { closure: type === 2 ? 'type2' : 'type1', tol });
        if (!sol.convergence.converged)
          throw new Error(
            `interregional solve for ${iv.id} did not converge (residual ${sol.convergence.residual})`,
          );
        sweeps += sol.convergence.iterations;
        const ch = new Float64Array(m);
        for (let s = 0; s < N; s++) {
          channelsOf(nat.rows, io, sol.x.subarray(s * n, (s + 1) * n), ch);
          g[s]!.set(ch.subarray(0, io), (p * G + gi) * m);
        }
      }
      own.forEach((o, j) => {
        const d = parts[j]![p]!.direct;
        if (!d) return;
        for (let gi = 0; gi < G; gi++) {
          const at = (p * G + gi) * m;
          for (let c = 0; c < m; c++) g[o.a]![at + c] = g[o.a]![at + c]! + d[c]!;
        }
      });
    }
    const share = new Map(own.map((o) => [o.a, o.share]));
    for (let s = 0; s < N; s++) out.push({ iv: k, area: s, g: g[s]!, costShare: share.get(s) ?? 0 });
  });
  return { gross: out, sweeps };
}
