"""pandas baseline for the layer table: shares and location quotients by layer for every
area and every year, from the same long tables and the same industry→layer weights Strata
uses (written by bench/layers.bench.ts). Prints JSON timings; the computation is timed
without file reading, best of 3."""
import json, sys, time
import pandas as pd

def layer_table(obs, weights):
    # obs: areacd, industry, period, value (published leaves); weights: industry, layer, weight
    m = obs.merge(weights, on="industry")
    m["v"] = m["value"].fillna(0.0) * m["weight"]
    t = m.groupby(["areacd", "period", "layer"], sort=False)["v"].sum().reset_index()
    t["total"] = t.groupby(["areacd", "period"])["v"].transform("sum")
    t["share"] = t["v"] / t["total"]
    ref = t.groupby(["period", "layer"])["v"].sum()
    ref_total = t.groupby("period")["v"].sum()
    national = (ref / ref_total.reindex(ref.index.get_level_values(0)).values).rename("national")
    t = t.join(national, on=["period", "layer"])
    t["lq"] = t["share"] / t["national"]
    return t

def main(folder):
    out = {}
    for name in ["itl3", "lad"]:
        t0 = time.perf_counter()
        obs = pd.read_csv(f"{folder}/{name}-obs.csv", dtype={"areacd": str, "industry": str, "period": "int16", "value": float})
        w = pd.read_csv(f"{folder}/{name}-weights.csv", dtype={"industry": str, "layer": str, "weight": float})
        load = time.perf_counter() - t0
        best = float("inf")
        for _ in range(3):
            t1 = time.perf_counter()
            t = layer_table(obs, w)
            best = min(best, time.perf_counter() - t1)
        out[name] = {"rows": int(len(t)), "compute_s": best, "load_s": load, "checksum": float(t["lq"].fillna(0).sum())}
    print(json.dumps(out))

if __name__ == "__main__":
    main(sys.argv[1])
