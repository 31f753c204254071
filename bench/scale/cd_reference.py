#!/usr/bin/env python3
"""Exact-by-pairs reference for `econ cd` on a balanced long CSV (entity,time,value): every rho_ij is formed, in
blocks, and summed, so the identities the C# moment path uses are not used here.
Usage: cd_reference.py FILE.csv ENTITY TIME VALUE [BLOCK]   (Debian's /usr/bin/python3 with numpy)"""
import csv, json, math, sys
import numpy as np

path, ent, tim, val = sys.argv[1:5]
block = int(sys.argv[5]) if len(sys.argv) > 5 else 4000
with open(path, newline="") as fh:
    rows = csv.reader(fh)
    header = next(rows)
    ie, it, iv = header.index(ent), header.index(tim), header.index(val)
    data = [(r[ie], float(r[it]), float(r[iv])) for r in rows]
units = sorted({d[0] for d in data})
times = sorted({d[1] for d in data})
ui = {u: k for k, u in enumerate(units)}
ti = {t: k for k, t in enumerate(times)}
n, t = len(units), len(times)
e = np.full((t, n), np.nan)
for u, s, v in data:
    e[ti[s], ui[u]] = v
assert not np.isnan(e).any(), "balanced panels only"
z = e - e.mean(axis=0)
z /= np.sqrt((z * z).sum(axis=0))
s1 = s2 = sabs = 0.0
for j0 in range(0, n, block):
    zj = z[:, j0:j0 + block]
    for i0 in range(j0, n, block):
        r = z[:, i0:i0 + block].T @ zj          # rho for units i in block i0, j in block j0
        if i0 == j0:
            r = np.tril(r, -1)                  # pairs i > j only
        s1 += r.sum(); s2 += (r * r).sum(); sabs += np.abs(r).sum()
p = n * (n - 1) / 2
out = {"n": n, "t": t, "pairs": int(p), "CD": math.sqrt(t / p) * s1, "LM": t * s2,
       "ScaledLM": (t * s2 - p) / math.sqrt(2 * p), "BiasCorrectedScaledLM": (t * s2 - p) / math.sqrt(2 * p) - n / (2 * (t - 1)),
       "meanRho": s1 / p, "meanAbsRho": sabs / p}
print(json.dumps(out, indent=1))
