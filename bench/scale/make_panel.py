#!/usr/bin/env python3
"""Writes a balanced long-format panel CSV (entity,time,y) with a one-factor structure, for the scale cases.
Usage: make_panel.py N T OUT.csv [SEED]   (Debian's /usr/bin/python3 with numpy)"""
import sys
import numpy as np

n, t, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(int(sys.argv[4]) if len(sys.argv) > 4 else 20260101)
f = rng.standard_normal(t)
gamma = rng.uniform(0, 0.4, n)
y = gamma[:, None] * f[None, :] + rng.standard_normal((n, t))          # n x t
with open(out, "w") as fh:
    fh.write("entity,time,y\n")
    ent = np.repeat(np.arange(1, n + 1), t)
    tim = np.tile(np.arange(1, t + 1), n)
    chunk = 1_000_000
    flat = y.ravel()
    for k in range(0, n * t, chunk):
        rows = zip(ent[k:k + chunk], tim[k:k + chunk], flat[k:k + chunk])
        fh.write("".join(f"u{e},{s},{v:.6f}\n" for e, s, v in rows))
