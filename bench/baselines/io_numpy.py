"""numpy baseline for bench/io.bench.ts: the same input-output work on the same inputs.

Usage: io_numpy.py DIR small|dense. Reads the folder the bench writes (meta.json and raw
little-endian float64 .f64 files), times each task (best of `repeats` after a warm-up, like
the TypeScript side) and prints one JSON object. `small` is the national and per-area work
(run with one BLAS thread); `dense` the stacked interregional solves (run with every core). What it does mirrors what Strata does, in the way a numpy user would write it:
explicit inverses from LAPACK and matrix products, the Type II closure by the same
Sherman-Morrison step, the interregional model as one dense stacked system.
"""
import json
import os
import sys
import time

import numpy as np


def load(d, name, shape=None):
    a = np.fromfile(os.path.join(d, name + '.f64'), dtype='<f8')
    return a.reshape(shape) if shape else a


def best(fn, repeats, clock=time.perf_counter):
    fn()
    times = []
    out = None
    for _ in range(repeats):
        t = clock()
        out = fn()
        times.append(clock() - t)
    return min(times), out


def national(z, x, g, d1, emp, hh):
    n = len(x)
    a = z / np.where(x > 0, x, 1)[None, :]
    leontief = np.linalg.inv(np.eye(n) - a)
    coef = {k: v / np.where(x > 0, x, 1) for k, v in (('gva', g), ('compensation', d1), ('employment', emp))}
    c = hh / d1.sum()
    abar = np.zeros((n + 1, n + 1))
    abar[:n, :n] = a
    abar[:n, n] = c
    abar[n, :n] = coef['compensation']
    lbar = np.linalg.inv(np.eye(n + 1) - abar)[:n, :n]
    out = {'output': (leontief.sum(0), lbar.sum(0))}
    with np.errstate(divide='ignore', invalid='ignore'):
        for k, s in coef.items():
            out[k] = ((s @ leontief) / s, (s @ lbar) / s)
    return out


def slq_of(e, nation):
    et, total = e.sum(), nation.sum()
    with np.errstate(divide='ignore', invalid='ignore'):
        return np.where(nation > 0, (e / et) / (nation / total), 0.0), et / total


def retention(slq, lam):
    si, sj = slq[:, None], slq[None, :]
    with np.errstate(divide='ignore', invalid='ignore'):
        q = np.where(sj > 0, si / sj, np.where(si > 0, np.inf, 0.0))
    np.fill_diagonal(q, slq)
    return np.minimum(lam * q, 1.0)


def regional(a, h, c, coef, size, p, basket, deltas):
    n = a.shape[0]
    nation = size.sum(0)
    eye = np.eye(n)
    results = []
    for e in size:
        slq, share = slq_of(e, nation)
        area = {}
        for d in deltas:
            lam = np.log2(1 + share) ** d
            leontief = np.linalg.inv(eye - a * retention(slq, lam))
            cr = c * np.minimum(lam * slq, 1.0)
            v = leontief @ cr
            q = h @ leontief
            loop = h @ v
            mult = {}
            for k, s in (('output', np.ones(n)),) + tuple(coef.items()):
                t1 = s @ leontief
                mult[k] = (t1, t1 + q * (cr @ t1) / (1 - loop))
            area[d] = mult
            if d == deltas[0]:
                area['lambda'] = p @ leontief @ basket
        results.append(area)
    return results


def regional_solve(a, h, c, coef, size, p, basket, deltas):
    """The same per-area work by Strata's algorithm: one LU per δ (inside np.linalg.solve) and
    only the solves the outputs need. Every quantity is a row times (I − R)⁻¹, so one solve
    with (I − R)ᵀ and the rows stacked as right-hand sides gives them all; the Type II loop
    h(I − R)⁻¹c is the compensation row times c."""
    n, k = a.shape[0], p.shape[0]
    nation = size.sum(0)
    eye = np.eye(n)
    names = ('output',) + tuple(coef)
    results = []
    for e in size:
        slq, share = slq_of(e, nation)
        area = {}
        for d in deltas:
            lam = np.log2(1 + share) ** d
            m = eye - a * retention(slq, lam)
            rows = [np.ones(n)] + list(coef.values()) + (list(p) if d == deltas[0] else [])
            y = np.linalg.solve(m.T, np.array(rows).T).T
            cr = c * np.minimum(lam * slq, 1.0)
            q = y[1 + list(coef).index('compensation')]
            loop = q @ cr
            area[d] = {name: (y[i], y[i] + q * (cr @ y[i]) / (1 - loop)) for i, name in enumerate(names)}
            if d == deltas[0]:
                area['lambda'] = y[len(names):] @ basket
        results.append(area)
    return results


def stacked(a, c, h, size, cx, cy, beta, delta, closed):
    """The stacked interregional matrix (N·m)², m = n or n + 1, as the TypeScript model defines it."""
    n = a.shape[0]
    N = size.shape[0]
    m = n + 1 if closed else n
    nation = size.sum(0)
    dist = np.hypot(cx[:, None] - cx[None, :], cy[:, None] - cy[None, :]) / 1000
    with np.errstate(divide='ignore'):
        g = np.where(dist > 0, dist ** -beta, 0.0)
    norm = (size[:, None, :] * g[:, :, None]).sum(0)  # norm[s, i] = Σ_t size[t, i] g[t, s]
    big = np.zeros((N * m, N * m))
    for s in range(N):
        slq, share = slq_of(size[s], nation)
        lam = np.log2(1 + share) ** delta
        r = a * retention(slq, lam)
        cr = c * np.minimum(lam * slq, 1.0)
        alone = norm[s] == 0
        r[alone] = a[alone]
        cr[alone] = c[alone]
        full = np.zeros((m, m))
        local = np.zeros((m, m))
        full[:n, :n], local[:n, :n] = a, r
        if closed:
            full[:n, n], local[:n, n] = c, cr
            local[n, :n] = h
        leak = (full - local)[:n]
        w = np.zeros((N, m))
        w[:, :n] = np.where(norm[s][None, :] > 0, size * g[:, s][:, None] / np.where(norm[s] > 0, norm[s], 1)[None, :], 0.0)
        big[:, s * m:(s + 1) * m] = (w[:, :, None] * np.concatenate([leak, np.zeros((m - n, m))])[None, :, :]).reshape(N * m, m)
        big[s * m:(s + 1) * m, s * m:(s + 1) * m] = local
    big *= -1
    big[np.diag_indices_from(big)] += 1
    return big


def mem_available():
    with open('/proc/meminfo') as f:
        for line in f:
            if line.startswith('MemAvailable:'):
                return int(line.split()[1]) * 1024
    return 0


def dense(d, meta, level, a, c, h):
    n = meta['n']
    N = meta[level]['N']
    unknowns = N * n
    need = 2 * unknowns * unknowns * 8  # the matrix and LAPACK's working copy in np.linalg.solve
    avail = mem_available()
    if need > 0.8 * avail:
        return {'skipped': f'dense {unknowns}×{unknowns} needs {need / 2**30:.1f} GiB (matrix + LAPACK copy); {avail / 2**30:.1f} GiB available'}
    size = load(d, f'{level}_size', (N, n))
    f = load(d, f'{level}_f')
    t = time.perf_counter()
    big = stacked(a, c, h, size, load(d, f'{level}_x'), load(d, f'{level}_y'), meta['beta'], meta['delta'], False)
    built = time.perf_counter() - t
    t = time.perf_counter()
    x = np.linalg.solve(big, f)
    solved = time.perf_counter() - t
    residual = float(np.abs(f - big @ x).max() / np.abs(f).max())
    x.astype('<f8').tofile(os.path.join(d, f'{level}_numpy_x.f64'))
    return {'build_s': built, 'solve_s': solved, 'unknowns': unknowns, 'residual': residual}


def main():
    d, phase = sys.argv[1], sys.argv[2]
    meta = json.load(open(os.path.join(d, 'meta.json')))
    n, k, reps = meta['n'], meta['k'], meta['repeats']
    z, x = load(d, 'z', (n, n)), load(d, 'x')
    g, d1, emp, hh = load(d, 'gva_m'), load(d, 'd1'), load(d, 'employment'), load(d, 'households')
    a = z / x[None, :]
    h = d1 / x
    c = hh / d1.sum()
    out = {'numpy': np.__version__}
    if phase == 'dense':
        skip = {'skipped': 'not asked (STRATA_BENCH_DENSE=0)'}
        out['itl3'] = dense(d, meta, 'itl3', a, c, h) if meta['dense'] else skip
        out['lad'] = dense(d, meta, 'lad', a, c, h) if meta['dense'] else skip
        print(json.dumps(out))
        return
    out['national_s'], nat = best(lambda: national(z, x, g, d1, emp, hh), reps)
    out['national_output_type2'] = nat['output'][1].tolist()
    coef = {'gva': g / x, 'compensation': h, 'employment': emp / x}
    size = load(d, 'itl3_size', (meta['itl3']['N'], n))
    p, basket = load(d, 'weights', (n, k)).T.copy(), load(d, 'basket', (n, k))
    deltas = tuple(meta['deltas'])
    rreps = meta['regional_repeats']
    out['regional_s'], reg = best(lambda: regional(a, h, c, coef, size, p, basket, deltas), reps)
    out['regional_solve_s'], reg2 = best(lambda: regional_solve(a, h, c, coef, size, p, basket, deltas), rreps)
    # the same in CPU time: on a shared machine, less disturbed by other processes than the wall clock
    out['regional_solve_cpu_s'], _ = best(lambda: regional_solve(a, h, c, coef, size, p, basket, deltas), rreps, time.process_time)
    worst = max(float(np.max(np.abs(x[0.3]['output'][1] - y[0.3]['output'][1]) / np.abs(y[0.3]['output'][1]))) for x, y in zip(reg, reg2))
    assert worst < 1e-12, f'numpy regional variants disagree: {worst}'
    out['regional_output_type2'] = [area[deltas[0]]['output'][1].tolist() for area in reg]
    out['regional_lambda'] = [area['lambda'].ravel().tolist() for area in reg]
    print(json.dumps(out))


if __name__ == '__main__':
    main()
