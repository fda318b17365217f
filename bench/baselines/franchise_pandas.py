"""pandas baseline for bench/franchise.bench.ts: the same year of council spend, the same payee
rules (data/franchise/payee-rules.json) and name rules (data/franchise/matching.json), an
exact-key join of payee names to every employer return, and the same group-bys. Prints JSON with
the seconds taken (after imports) and totals to check against Strata's.

usage: franchise_pandas.py SPEND_DIR GPG_FILE... --rules DATA_DIR [--runs N]

With --runs N (default 1) the whole pipeline runs N times and the best wall and CPU times are
printed, as the Strata side takes the best of its runs.
"""

import json
import re
import sys
import time
from pathlib import Path

import pandas as pd

args = sys.argv[1:]
data_dir = Path(args[args.index("--rules") + 1])
spend_dir = Path(args[0])
gpg_files = [a for a in args[1 : args.index("--rules")]]
runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 1
payee_rules = json.loads((data_dir / "payee-rules.json").read_text())
name_rules = json.loads((data_dir / "matching.json").read_text())

def pipeline():
    # 1. Spend: every monthly file, amounts in integer pence, dates, the duplicates rule.
    frames = []
    for f in sorted(spend_dir.glob("*.csv")):
        d = pd.read_csv(f, dtype=str, keep_default_na=False)
        d["file"] = f.name
        frames.append(d)
    spend = pd.concat(frames, ignore_index=True)
    spend["pence"] = (pd.to_numeric(spend["Net Amount"]) * 100).round().astype("int64")
    spend["date"] = pd.to_datetime(spend["Invoice Payment Date"], format="%Y-%m-%d")
    spend["month"] = spend["date"].dt.strftime("%Y-%m")
    fields = ["Body Name", "Service Area", "Expenses Type", "Invoice Payment Date", "Transaction Number", "Net Amount", "Supplier Name"]
    first_file = spend.groupby(fields)["file"].transform("first")
    spend["counted"] = first_file == spend["file"]  # identical lines in another file count once
    spend["payee"] = spend["Supplier Name"].str.strip().str.replace(r"\s+", " ", regex=True).str.upper()
    counted = spend[spend["counted"]]

    # 2. Payees and their classes, by the same ordered rules.
    payees = counted.groupby("payee").agg(name=("Supplier Name", "first"), rows=("pence", "size"), pence=("pence", "sum")).reset_index()
    names = payees["name"].str.strip()
    cls = pd.Series("unknown", index=payees.index)
    decided = pd.Series(False, index=payees.index)
    given = set(payee_rules["givenNames"])
    organisation = set(payee_rules["organisationWords"])


    def person(name):
        words = name.strip().lower().split()
        if len(words) < 2 or len(words) > 3:
            return False
        if not all(re.fullmatch(r"[a-z][a-z'-]*", w) and w not in organisation for w in words):
            return False
        initials = all(len(w) == 1 for w in words[:-1]) and len(words[-1]) > 1
        return initials or words[0] in given


    for rule in payee_rules["rules"]:
        if rule["match"] == "pattern":
            if rule["field"] != "name":
                continue  # these files carry no company or charity numbers
            hit = names.str.contains(re.sub(r"\((?!\?)", "(?:", rule["pattern"]), flags=re.IGNORECASE, regex=True)
        else:
            hit = names.map(person)
        new = hit & ~decided
        cls[new] = rule["class"]
        decided |= hit
    payees["class"] = cls

    # 3. Employer returns, names normalised as Strata does, joined to payees on the exact key.
    stop = set(name_rules["stopwords"])
    expand = {k.replace("/", ""): v.split() for k, v in name_rules["expand"].items()}
    forms = {s.replace(".", ""): c for c, spellings in name_rules["legalForms"].items() for s in spellings}
    trading = re.compile(r"\s(?:" + "|".join(re.escape(t) for t in name_rules["tradingAs"]) + r")\s")


    def key(name):
        upper = " " + re.sub(r"\s+", " ", name.upper()) + " "
        cut = trading.search(upper)
        legal = upper[: cut.start()] if cut else upper
        raw = re.sub(r"[^A-Z0-9]+", " ", re.sub(r"['’`]", "", legal.replace("&", " AND ").replace("+", " AND "))).split()
        tokens, joining = [], False
        for t in raw:
            single = len(t) == 1 and "A" <= t <= "Z"
            if single and joining:
                tokens[-1] += t
            else:
                tokens.append(t)
            joining = single
        tokens = [x for t in tokens for x in expand.get(t, [t])]
        while len(tokens) > 1 and tokens[-1] in forms:
            tokens = tokens[:-1]
        return " ".join(t for t in tokens if t not in stop)


    gpg = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in gpg_files], ignore_index=True)
    employers = gpg[["EmployerId", "EmployerName", "EmployerSize", "PostCode"]].drop_duplicates(["EmployerId", "EmployerName"])
    employers["key"] = employers["EmployerName"].map(key)
    keys = employers.groupby("key")["EmployerId"].nunique()
    unique_keys = employers[employers["key"].isin(keys[keys == 1].index)].drop_duplicates("key")
    payees["key"] = payees["name"].map(key)
    eligible = payees["class"] != "individual-or-redacted"
    joined = payees.merge(unique_keys[["key", "EmployerId", "EmployerSize"]], on="key", how="left")
    joined["matched"] = joined["EmployerId"].notna() & eligible.values

    # 4. Group-bys: months, classes, services, suppliers, concentration, match rates three ways.
    by_month = counted.groupby("month")["pence"].agg(["size", "sum"])
    by_class = joined.groupby("class").agg(payees=("payee", "size"), rows=("rows", "sum"), pence=("pence", "sum"))
    by_service = counted.groupby("Service Area")["pence"].agg(["size", "sum"])
    supplier = joined["EmployerId"].where(joined["matched"], "payee:" + joined["payee"])
    by_supplier = joined.groupby(supplier)["pence"].sum()
    positive = by_supplier[by_supplier > 0].sort_values(ascending=False)
    share = positive / positive.sum()
    by_size = joined.groupby(joined["EmployerSize"].fillna("not matched"))["pence"].sum()
    m = joined[joined["matched"]]
    result = {
        "rows": int(len(counted)),
        "pence": int(counted["pence"].sum()),
        "months": int(len(by_month)),
        "classes": {k: int(v) for k, v in by_class["pence"].items()},
        "services": int(len(by_service)),
        "exact_key_matches": int(len(m)),
        "top10_share": float(share.head(10).sum()),
        "herfindahl": float((share**2).sum()),
        "size_bands": int(len(by_size)),
        "match_rate": {
            "by_suppliers": len(m) / len(joined),
            "by_payments": float(m["rows"].sum() / joined["rows"].sum()),
            "by_value": float(m["pence"].sum() / joined["pence"].sum()),
        },
    }
    return result


best = None
for _ in range(runs):
    t0 = time.perf_counter()
    c0 = time.process_time()
    result = pipeline()
    result["seconds"] = time.perf_counter() - t0
    result["cpu_seconds"] = time.process_time() - c0
    if best is not None:
        result["seconds"] = min(result["seconds"], best["seconds"])
        result["cpu_seconds"] = min(result["cpu_seconds"], best["cpu_seconds"])
    best = result
best["runs"] = runs
print(json.dumps(best))
