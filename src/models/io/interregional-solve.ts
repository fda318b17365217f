import { luMultiply, luSolve } from './lu.ts';
import type { InterregionalSystem } from './interregional.ts';

export interface SolveOptions {
  /** `type1` (households exogenous) or `type2` (closed to households); default type1. */
  closure?: 'type1' | 'type2';
  /** Block `gauss-seidel` (default) or `jacobi`. */
  method?: 'gauss-seidel' | 'jacobi';
  /** Stop when ‖f − (I − A)x‖∞ / ‖f‖∞ ≤ tol; default 1e-9. */
  tol?: number;
  maxIterations?: number;
}

/** How the iteration went: sweeps, the relative residual after each, and whether it reached tol. */
export interface Convergence {
  method: string;
  closure: string;
  iterations: number;
  residual: number;
  converged: boolean;
  history: number[];
}

export interface InterregionalSolution {
  /** Output N × n (area-major), £ million. */
  x: Float64Array;
  /** Household income by area (Type II; zeros for Type I). */
  households: Float64Array;
  convergence: Convergence;
}

/**
 * Solves the stacked system x^r = R^r x^r + size^r ∘ Σ_s w_{r←s}(Leak^s x^s) + f^r by block
 * iteration (METHODS.md §3): each sweep solves every area with its own LU, given what the
 * others currently buy from it. Inter-area purchases factor through v^s = Leak^s x^s / norm^s,
 * so updating one area costs O(n² + N·n) and a sweep O(N n² + N² n). A Jacobi sweep uses only
 * the previous sweep's purchases; Gauss–Seidel uses each update at once.
 */
export function solveInterregional(
  sys: InterregionalSystem,
  f: Float64Array,
  opts: SolveOptions = {},
): InterregionalSolution {
  const { n, areas } = sys;
  const N = areas.length;
  if (f.length !== N * n) throw new Error(`final demand: expected ${N}×${n} values, got ${f.length}`);
  const closure = opts.closure ?? 'type1';
  const method = opts.method ?? 'gauss-seidel';
  if (closure !== 'type1' && closure !== 'type2') throw new Error(`invalid closure: ${String(closure)}`);
  if (method !== 'gauss-seidel' && method !== 'jacobi') throw new Error(`invalid method: ${String(method)}`);
  const tol = opts.tol ?? 1e-9;
  const maxIterations = opts.maxIterations ?? 1000;
  const st = newState(N, n);
  const fmax = f.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const conv: Convergence = { method, closure, iterations: 0, residual: 0, converged: true, history: [] };
  if (fmax === 0) return { x: st.x, households: st.xh, convergence: conv };
  conv.converged = false;
  for (let it = 1; it <= maxIterations; it++) {
    for (let r = 0; r < N; r++) {
      solveArea(sys, f, st, r, closure === 'type2');
      propagate(sys, st, r, method === 'jacobi' ? st.pending : st.inflow);
    }
    if (method === 'jacobi') for (let k = 0; k < st.inflow.length; k++) st.inflow[k] += st.pending[k];
    st.pending.fill(0);
    conv.iterations = it;
    conv.residual = residual(sys, f, st, closure === 'type2') / fmax;
    conv.history.push(conv.residual);
    if (conv.residual <= tol) {
      conv.converged = true;
      break;
    }
  }
  return { x: st.x, households: st.xh, convergence: conv };
}

interface State {
  x: Float64Array;
  xh: Float64Array;
  /** Σ_s g_rs v^s_i, N × n. */
  inflow: Float64Array;
  pending: Float64Array;
  /** v^s_i = (Leak^s x^s)_i / norm^s_i, N × n. */
  share: Float64Array;
  rhs: Float64Array;
  tmp: Float64Array;
}

function newState(N: number, n: number): State {
  const z = () => new Float64Array(N * n);
  return {
    x: z(),
    xh: new Float64Array(N),
    inflow: z(),
    pending: z(),
    share: z(),
    rhs: new Float64Array(n),
    tmp: new Float64Array(n),
  };
}

function solveArea(sys: InterregionalSystem, f: Float64Array, st: State, r: number, closed: boolean): void {
  const n = sys.n;
  const o = r * n;
  for (let i = 0; i < n; i++) st.rhs[i] = f[o + i] + sys.size[o + i] * st.inflow[o + i];
  const u = luSolve(sys.lu[r]!, st.rhs, st.tmp);
  let xh = 0;
  if (closed) {
    let hu = 0;
    for (let i = 0; i < n; i++) hu += sys.h[i] * u[i];
    xh = hu / (1 - sys.loop[r]);
  }
  const v = sys.v[r]!;
  for (let i = 0; i < n; i++) st.x[o + i] = u[i] + v[i] * xh;
  st.xh[r] = xh;
}

/** Recomputes area r's purchases from elsewhere and adds the change to every other area's inflow. */
function propagate(sys: InterregionalSystem, st: State, r: number, target: Float64Array): void {
  const { n } = sys;
  const N = sys.areas.length;
  const o = r * n;
  const leak = sys.leak[r]!;
  const leakC = sys.leakC[r]!;
  const xh = st.xh[r];
  const dv = st.rhs;
  for (let i = 0; i < n; i++) {
    let s = leakC[i] * xh;
    for (let j = 0, ii = i * n; j < n; j++) s += leak[ii + j] * st.x[o + j];
    const nv = sys.norm[o + i] > 0 ? s / sys.norm[o + i] : 0;
    dv[i] = nv - st.share[o + i];
    st.share[o + i] = nv;
  }
  for (let t = 0; t < N; t++) {
    const w = sys.g[t * N + r];
    if (w === 0) continue;
    for (let i = 0, ot = t * n; i < n; i++) target[ot + i] += w * dv[i];
  }
}

/** max_r,i |f + size∘inflow − ((I − R^r)x^r − c^r x_h^r)|. */
function residual(sys: InterregionalSystem, f: Float64Array, st: State, closed: boolean): number {
  const n = sys.n;
  let worst = 0;
  for (let r = 0; r < sys.areas.length; r++) {
    const o = r * n;
    const ax = luMultiply(sys.lu[r]!, st.x.subarray(o, o + n), st.tmp);
    const leakC = sys.leakC[r]!;
    for (let i = 0; i < n; i++) {
      const household = closed ? (sys.c[i] - leakC[i]) * st.xh[r] : 0;
      const res = f[o + i] + sys.size[o + i] * st.inflow[o + i] - (ax[i] - household);
      if (Math.abs(res) > worst) worst = Math.abs(res);
    }
  }
  return worst;
}
