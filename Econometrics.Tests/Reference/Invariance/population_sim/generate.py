"""Population-optimal regressors and gaps for the note's SEM, at full precision.

Run from this folder with Debian's python3 (numpy 1.24.2, scipy 1.10.1):
    /usr/bin/python3 generate.py
Uses the functions of ../invariance_reference.py (the research note's script, section 3.7).
"""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import numpy as np, scipy
import invariance_reference as ref

envs = ref.environments()
mom = [ref.moments(B, c, sd) for _, B, c, sd in envs]
out = {"representations": {}, "gaps": {}}
for rn, Phi in ref.REPS.items():
    per = []
    ws, bs, s2s = [], [], []
    for (name, *_), (mu, S) in zip(envs, mom):
        w, b, s2 = ref.pop_fit(mu, S, Phi)
        ws.append(w); bs.append(b); s2s.append(s2)
        per.append({"env": name, "b": float(b), "w": [float(x) for x in w], "residVar": float(s2)})
    cg, ig, vr = ref.gaps(ws, bs, s2s)
    _, pens, exc = ref.irm_and_excess(mom, Phi)
    out["representations"][rn] = {"phi": Phi.tolist(), "environments": per}
    out["gaps"][rn] = {"slopeGap": float(cg), "interceptGap": float(ig), "varianceRatio": float(vr),
                       "irmPenaltySum": float(sum(pens)), "maxExcessRisk": float(max(exc))}
doc = {"source": f"Python 3.11 (Debian), numpy {np.__version__}, scipy {scipy.__version__}; research note invariance.md section 3.7",
       "call": "pop_fit(moments(B, c, sd), Phi), gaps(), irm_and_excess() for every representation of REPS and every environment of environments()",
       "expected": out,
       "tolerance": {"coefficients": 1e-9, "gaps": 1e-9}}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected.json"), "w") as fh:
    json.dump(doc, fh, indent=1)
