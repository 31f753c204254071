"""ICP set p-values ('normal' and 'exact' tests) on data/invariance/invariance_sim.csv with survival functions.

This is the research note's Python mirror of R InvariantCausalPrediction 0.8 (getpval, selection = "all",
no subsampling), which uses scipy's survival functions instead of R's 1 - pf(), so p-values far below 1e-16
are resolved instead of underflowing to 0. Run with Debian's python3 (numpy 1.24.2, scipy 1.10.1):
    /usr/bin/python3 generate.py
"""
import itertools, json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, ".."))
import numpy as np, scipy
import invariance_reference as ref

data = np.loadtxt(os.path.join(here, "..", "..", "..", "..", "data", "invariance", "invariance_sim.csv"), delimiter=",", skiprows=1)
env, X, y = data[:, 0].astype(int), data[:, 1:5], data[:, 5]
sets = [list(s) for r in range(5) for s in itertools.combinations(range(4), r)]
rows = []
for s in sets:
    pn, _, _ = ref.icp_normal_pvalue(X, y, env, s)
    pe = ref.icp_exact_pvalue(X, y, env, s)
    rows.append({"set": [f"X{j + 1}" for j in s], "normal": float(pn), "exact": float(pe)})
doc = {"source": f"Python 3.11 (Debian), numpy {np.__version__}, scipy {scipy.__version__}; research note invariance.md section 3.7",
       "call": "icp_normal_pvalue(X, y, env, S), icp_exact_pvalue(X, y, env, S) for every subset S of {X1..X4}",
       "expected": {"sets": rows},
       "tolerance": {"pValueRelative": 1e-6}}
with open(os.path.join(here, "expected.json"), "w") as fh:
    json.dump(doc, fh, indent=1)
