"""numpy baseline for bench/scenarios.bench.ts: the same per-area appraisal work on the same inputs.

Usage: scenarios_numpy.py DIR. Reads the folder the bench writes (meta.json and raw little-endian
float64 .f64 files): the national coefficients, regional sizes, the channel rows, and for every
scenario's demand interventions their target shares, amounts, discounting and the shared draws
(u = additionality x delta one-hot, one row per draw, and the costs per draw). For every LAD it builds
the regional models at the delta grid (FLQ, as Strata does), the channel rows S (I - R)^-1, each
intervention's gross response, the channels of every draw, the goals and their 5-95% points
(np.percentile, linear: numpy's default), then the same for the UK total. Prints the times and
writes the figures of the first scenarios for the bench to compare.
"""
import json
import os
import sys
import time

import numpy as np


def load(d, name, shape=None):
    a = np.fromfile(os.path.join(d, name + '.f64'), dtype='<f8')
    return a.reshape(shape) if shape else a


def retention(slq, lam):
    si, sj = slq[:, None], slq[None, :]
    with np.errstate(divide='ignore', invalid='ignore'):
        q = np.where(sj > 0, si / sj, np.where(si > 0, np.inf, 0.0))
    np.fill_diagonal(q, slq)
    return np.minimum(lam * q, 1.0)


def models(a, size, rows, nodes):
    """Channel rows M[r, g] = S (I - R_g)^-1 for every area r and delta node g."""
    n = a.shape[0]
    nation = size.sum(0)
    total = nation.sum()
    eye = np.eye(n)
    out = np.empty((size.shape[0], len(nodes), rows.shape[0], n))
    for r, e in enumerate(size):
        et = e.sum()
        with np.errstate(divide='ignore', invalid='ignore'):
            slq = np.where(nation > 0, (e / et) / (nation / total), 0.0)
        for g, d in enumerate(nodes):
            lam = np.log2(1 + et / total) ** d
            out[r, g] = np.linalg.solve((eye - a * retention(slq, lam)).T, rows.T).T
    return out


def ratio_change(a, da, b, db):
    return np.where(b > 0, (a + da) / (b + db) - a / np.where(b > 0, b, 1), 0.0)


def goals(ch, pv_gva, pv_jobs, pv_cost, base, m):
    """Goals (in Strata's order) from channels ch[..., c] and present values, any leading shape."""
    C = m['channel']
    V, J = base[C['gva']], base[C['jobs']]
    jobs, fem, gva = ch[..., C['jobs']], ch[..., C['jobsFemale']], ch[..., C['gva']]
    out = [jobs, fem, jobs - fem, ch[..., C['output']], gva, 1e6 * ratio_change(V, gva, J, jobs),
           ch[..., C['compensation']], ch[..., C['emissions']],
           100 * ratio_change(base[C['foundationalGva']], ch[..., C['foundationalGva']], V, gva),
           100 * ratio_change(base[C['foundationalJobs']], ch[..., C['foundationalJobs']], J, jobs)]
    out += [ch[..., C['layers'] + k] for k in range(m['layers'])]
    out.append(ch[..., m['supply']])
    with np.errstate(divide='ignore', invalid='ignore'):
        per_job = np.where(pv_cost == 0, 0.0, np.where(pv_jobs > 0, pv_cost / pv_jobs, np.nan))
        per_gva = np.where(pv_cost == 0, 0.0, np.where(pv_gva > 0, pv_cost / (pv_gva * 1e6), np.nan))
    out += [pv_cost / 1e6, pv_gva, per_job, per_gva]
    return np.stack(out, axis=-1)


def summary(ch, chc, pv, pvc, base, m):
    """Central goals and the 5-95% points over the draws (axis 1 of ch: rows x draws x channels)."""
    g = goals(ch, *pv, base, m)
    gc = goals(chc, *pvc, base, m)
    band = np.percentile(g, [5, 95], axis=1)
    return gc, band[0], band[1]


def main():
    d = sys.argv[1]
    m = json.load(open(os.path.join(d, 'meta.json')))
    n, N, G, io, mm, D = m['n'], m['areas'], len(m['nodes']), m['io'], m['m'], m['draws']
    a = load(d, 'a', (n, n))
    x = load(d, 'output')
    size = load(d, 'size', (N, n))
    rows = load(d, 'rows', (io, n))
    nat_base = load(d, 'nationBase')
    ivs = m['ivs']
    K = len(ivs)
    weights = load(d, 'weights', (K, n))
    u = load(d, 'u', (K, D, G))
    uc = load(d, 'uc', (K, G))
    cost = load(d, 'cost', (K, D))

    t0 = time.perf_counter()
    M = models(a, size, rows, m['nodes'])
    t_models = time.perf_counter() - t0

    t0 = time.perf_counter()
    nation = size.sum(0)
    xr = x[None, :] * np.where(nation > 0, size / np.where(nation > 0, nation, 1), 0.0)
    base = np.zeros((N, mm))
    base[:, :io] = xr @ rows.T
    amount = np.array([iv['amount'] for iv in ivs])
    annuity = np.array([iv['annuity'] for iv in ivs])
    costc = np.array([iv['costc'] for iv in ivs])
    single = np.array([np.count_nonzero(weights[k]) == 1 for k in range(K)])
    target = weights[:, None, :] * xr[None, :, :]            # K x N x n
    per_area = target.sum(2)                                  # K x N
    share = per_area / per_area.sum(1, keepdims=True)         # area shares of each amount
    with np.errstate(divide='ignore', invalid='ignore'):
        within = np.where(single[:, None, None], (weights > 0)[:, None, :] * 1.0,
                          np.where(per_area[:, :, None] > 0, target / per_area[:, :, None], 0.0))
    df = (amount[:, None] * share / 1e6)[:, :, None] * within  # K x N x n, £m
    scen = [s['ivs'] for s in m['scenarios']]
    S = len(scen)
    P = np.zeros((S, K))
    for s_, members in enumerate(scen):
        P[s_, members] = 1.0
    keep = m['compare']
    kept = {s_: [] for s_ in range(keep)}
    total_g = np.zeros((K, G, mm))
    total_cost = np.zeros(K)
    checksum = 0.0

    def rows_of(ch, chc, pv, pvc, b):
        """Every intervention's row and every scenario's `all` row, vectorised over them."""
        iv = summary(ch, chc, pv, pvc, b, m)
        al = summary(np.einsum('sk,kdc->sdc', P, ch), P @ chc, tuple(P @ x for x in pv), tuple(P @ x for x in pvc), b, m)
        return iv, al

    def keep_rows(iv, al):
        for s_ in range(keep):
            kept[s_].append([tuple(x[k] for x in iv) for k in scen[s_]] + [tuple(x[s_] for x in al)])

    for r in range(N):
        g = np.zeros((K, G, mm))
        g[:, :, :io] = np.einsum('gcn,kn->kgc', M[r], df[:, r, :])
        total_g += g
        ch = np.einsum('kdg,kgc->dkc', u, g)                  # D x K x m
        chc = np.einsum('kg,kgc->kc', uc, g)
        pv = (annuity * ch[..., 1], annuity * ch[..., 3], annuity * cost.T * share[:, r])
        pvc = (annuity * chc[:, 1], annuity * chc[:, 3], annuity * costc * share[:, r])
        total_cost += share[:, r]
        iv, al = rows_of(ch.transpose(1, 0, 2), chc, tuple(x.T for x in pv), pvc, base[r])
        checksum += float(np.nansum(al[0]))
        keep_rows(iv, al)
    # the UK total: every area's gross response summed
    ch = np.einsum('kdg,kgc->kdc', u, total_g)
    chc = np.einsum('kg,kgc->kc', uc, total_g)
    pv = (annuity[:, None] * ch[..., 1], annuity[:, None] * ch[..., 3], (annuity * total_cost)[:, None] * cost)
    pvc = (annuity * chc[:, 1], annuity * chc[:, 3], annuity * costc * total_cost)
    iv, al = rows_of(ch, chc, pv, pvc, nat_base)
    keep_rows(iv, al)
    t_appraise = time.perf_counter() - t0

    # figures of the first scenarios, [row][area][goal] x (value, p05, p95), as Strata lays them out
    for s in range(keep):
        areas = kept[s]                                        # N + 1 entries of rows
        R = len(areas[0])
        arr = np.zeros((3, R, N + 1, areas[0][0][0].shape[-1]))
        for at, rows_out in enumerate(areas):
            for row, (c, lo, hi) in enumerate(rows_out):
                arr[0, row, at], arr[1, row, at], arr[2, row, at] = c, lo, hi
        arr.astype('<f8').tofile(os.path.join(d, f'numpy-{s}.f64'))
    print(json.dumps({'models': t_models, 'appraise': t_appraise, 'checksum': checksum}))


main()
