"""Numpy baseline for bench/composite.bench.ts: the same Monte Carlo / Saltelli loop as
src/models/composite/evaluate.ts, vectorised as a competent numpy user would write it.

Input (written by the bench into DIR): meta.json (n, d, rows, mcRows, forms, aggregations),
normalised.f64 and logs.f64 (forms × n × d), weights.f64 (rows × d), form.u16, aggregation.u8,
nominal.i32. Both sides run the identical plan of runs, so their outputs must agree.

Work per run: scores = matrix @ weights (geometric: exp(logs @ weights)); competition-free
ranks by argsort (no ties in continuous data); mean absolute rank shift vs the declared ranks;
for Monte Carlo rows, histograms of ranks and of 0-100 rescaled scores (bins of 0.5).
Prints one JSON line: seconds for the loop (excluding Python start-up and file reading) and
checksums of the results. Writes rank_counts.i32 and shift.f64 for the bench to compare.
"""
import json
import sys
import time

import numpy as np

SCORE_BINS = 201
CHUNK = 4096  # rows per batch: bounds memory at CHUNK × n doubles


def load(folder):
    meta = json.load(open(f"{folder}/meta.json"))
    n, d, rows, forms = meta["n"], meta["d"], meta["rows"], meta["forms"]
    normalised = np.fromfile(f"{folder}/normalised.f64", dtype="<f8").reshape(forms, n, d)
    logs = np.fromfile(f"{folder}/logs.f64", dtype="<f8").reshape(forms, n, d)
    weights = np.fromfile(f"{folder}/weights.f64", dtype="<f8").reshape(rows, d)
    form = np.fromfile(f"{folder}/form.u16", dtype="<u2")
    aggregation = np.fromfile(f"{folder}/aggregation.u8", dtype="u1")
    nominal = np.fromfile(f"{folder}/nominal.i32", dtype="<i4")
    return meta, normalised, logs, weights, form, aggregation, nominal


def run(meta, normalised, logs, weights, form, aggregation, nominal):
    n, rows, mc_rows = meta["n"], meta["rows"], meta["mcRows"]
    methods = meta["aggregations"]
    shift = np.empty(rows)
    rank_counts = np.zeros(n * n, dtype=np.int64)
    score_counts = np.zeros(n * SCORE_BINS, dtype=np.int64)
    area_rank_base = np.arange(n) * n
    area_score_base = np.arange(n) * SCORE_BINS
    ordinal = np.arange(1, n + 1, dtype=np.int32)
    for start in range(0, rows, CHUNK):
        stop = min(rows, start + CHUNK)
        scores = np.empty((stop - start, n))
        f, a = form[start:stop], aggregation[start:stop]
        # one matrix product per (form, aggregation) group of rows
        for key in np.unique(f.astype(np.int64) * 256 + a):
            sel = np.nonzero((f.astype(np.int64) * 256 + a) == key)[0]
            fi, ai = divmod(int(key), 256)
            method = methods[ai]
            if method == "arithmetic":
                scores[sel] = weights[start + sel] @ normalised[fi].T
            elif method == "geometric":
                scores[sel] = np.exp(weights[start + sel] @ logs[fi].T)
            else:
                raise ValueError(f"baseline does not do {method}")
        order = np.argsort(-scores, axis=1, kind="stable")
        ranks = np.empty_like(order, dtype=np.int32)
        np.put_along_axis(ranks, order, np.broadcast_to(ordinal, order.shape), axis=1)
        shift[start:stop] = np.abs(ranks - nominal).mean(axis=1)
        mc = max(0, min(mc_rows, stop) - start)
        if mc:
            r = ranks[:mc]
            rank_counts += np.bincount((area_rank_base + r - 1).ravel(), minlength=n * n)
            s = scores[:mc]
            lo = s.min(axis=1, keepdims=True)
            hi = s.max(axis=1, keepdims=True)
            bins = np.floor((s - lo) * ((SCORE_BINS - 1) / (hi - lo)) + 0.5).astype(np.int64)
            score_counts += np.bincount((area_score_base + bins).ravel(), minlength=n * SCORE_BINS)
    return shift, rank_counts, score_counts


def main():
    folder = sys.argv[1]
    data = load(folder)
    best = float("inf")
    for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 3):
        t = time.perf_counter()
        shift, rank_counts, score_counts = run(*data)
        best = min(best, time.perf_counter() - t)
    rank_counts.astype("<i4").tofile(f"{folder}/rank_counts.i32")
    shift.astype("<f8").tofile(f"{folder}/shift.f64")
    print(json.dumps({"seconds": best, "rankCountsSum": int(rank_counts.sum()), "numpy": np.__version__}))


if __name__ == "__main__":
    main()
