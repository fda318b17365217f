"""Numpy baseline for bench/finance.bench.ts: the same Monte Carlo plan as the pot kernel of
src/models/finance (pot.ts over market.ts), vectorised as a competent numpy user would write it.

Plan (plan.json written by the bench): P paths, Y years, 7 assets with annual real log-returns
x = mu + F z (F lower-triangular, z standard normal), two portfolios (the default fund and the
productive sleeve) with gross returns G = exp(x) @ W, contributions growing at g, paid at the
start of each year net of a contribution charge, an annual charge, a share s of each
contribution going to the sleeve (not rebalanced) sold at an exit discount. Recorded at the
report years: the baseline pot, the reform pot, their paired difference and the sleeve. Each
is summarised by the percentiles 5, 10, 25, 50, 75, 90, 95 and the mean, then scaled to the
median saver's pot in every district (multipliers from the bench).

numpy draws its own normals (PCG64 + ziggurat), so the two agree within sampling error, not
bit for bit. Paths are simulated in chunks so memory stays bounded. Prints one JSON line: the
seconds of the loop (after reading the plan), the UK percentiles, and the peak RSS.
"""
import json
import resource
import sys
import time

import numpy as np

CHUNK = 1 << 16
PCT = [5, 10, 25, 50, 75, 90, 95]


def main(folder):
    plan = json.load(open(f"{folder}/plan.json"))
    paths, years, report = plan["paths"], plan["years"], plan["report"]
    F = np.array(plan["factor"]).reshape(7, 7)
    mu = np.array(plan["mu"])
    W = np.array(plan["weights"]).reshape(2, 7).T  # 7 × 2
    s, keep, cc = plan["share"], 1 - plan["annualCharge"], plan["contributionCharge"]
    g, exit_discount = plan["payGrowth"], plan["exitDiscount"]
    lad = np.array(plan["lad"])
    t0 = time.perf_counter()
    c0 = time.process_time()
    rng = np.random.default_rng(plan["seed"])
    R = len(report)
    at = {y - 1: r for r, y in enumerate(report)}
    out = np.empty((4, R, paths))
    c = (1 + g) ** np.arange(years) * (1 - cc)
    for start in range(0, paths, CHUNK):
        n = min(CHUNK, paths - start)
        base = np.zeros(n)
        liquid = np.zeros(n)
        sleeve = np.zeros(n)
        for y in range(years):
            z = rng.standard_normal((n, 7))
            x = z @ F.T
            x += mu
            np.exp(x, out=x)
            G = x @ W  # n × 2
            G *= keep
            base += c[y]
            base *= G[:, 0]
            liquid += c[y] * (1 - s)
            liquid *= G[:, 0]
            sleeve += c[y] * s
            sleeve *= G[:, 1]
            r = at.get(y)
            if r is not None:
                out[0, r, start : start + n] = base
                reform = liquid + sleeve * (1 - exit_discount)
                out[1, r, start : start + n] = reform
                out[2, r, start : start + n] = reform - base
                out[3, r, start : start + n] = sleeve
    stats = np.empty((4, R, len(PCT) + 1))
    for k in range(4):
        stats[k, :, : len(PCT)] = np.percentile(out[k], PCT, axis=1).T
        stats[k, :, -1] = out[k].mean(axis=1)
    # every district's median saver: its multiplier times the unit summaries
    by_lad = lad[:, None, None, None] * stats[None, :, :, :]
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "numpy": np.__version__,
                "uk_p50_final": [float(stats[k, -1, 3]) for k in range(4)],
                "uk_mean_final": [float(stats[k, -1, -1]) for k in range(4)],
                "lad_rows": int(by_lad.shape[0] * by_lad.shape[1] * by_lad.shape[2]),
                "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
