"""Fixture: the exponent of cross-sectional dependence (Bailey, Kapetanios and Pesaran 2016 variable version with the
choices of Stata's xtcse2; the 2019 residual version's point estimate), transcribed independently in numpy.
Run from this folder with Debian's python3 (numpy): /usr/bin/python3 generate.py
Data: a one-factor panel in which round(N^0.75) of N = 60 units load on the factor, T = 50 (seeded), and Grunfeld's value."""
import json, math, csv
import numpy as np
from statistics import NormalDist

def norm_ppf(p):
    return NormalDist().inv_cdf(p)

def alpha_variable(X, pca=4, size=0.1):
    T, N = X.shape
    xbar = X.mean(axis=1)
    sigma2 = ((xbar - xbar.mean()) ** 2).sum() / (T - 1)
    a_hat = 1 + 0.5 * math.log(sigma2) / math.log(N)
    # principal components of the undemeaned data, residuals of each unit on them
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    F = U[:, :pca]
    E = X - F @ np.linalg.solve(F.T @ F, F.T @ X)
    et = E.mean(axis=1)
    cN = (N * (et - et.mean()) ** 2).sum() / (T - 1)
    a_tilde = a_hat - cN / (2 * math.log(N) * N * sigma2)
    # t statistics of each unit on [1, xbar]; se with the uncentered xbar'xbar as xtcse2
    Z = np.column_stack([np.ones(T), xbar])
    coef, *_ = np.linalg.lstsq(Z, X, rcond=None)
    R = X - Z @ coef
    s2 = (R ** 2).sum(axis=0) / (T - 2)
    tt = coef[1] / np.sqrt(s2 / (xbar @ xbar))
    order = np.argsort(-np.abs(tt), kind="stable")
    sel = [order[j] for j in range(N) if abs(tt[order[j]]) >= norm_ppf(1 - (size / (N - j)) / 2)]
    if sel:
        avg = X[:, sel].mean(axis=1)
        mu2 = ((avg - avg.mean()) ** 2).mean()
    else:
        mu2 = 1.0
    a_circ = a_tilde - 0.5 * math.log(mu2) / math.log(N)
    # standard error, BKP (2016) eq. B47 with an AR(p) long-run variance
    p = math.ceil(T ** (1 / 3))
    z = xbar / xbar.std(ddof=1)
    q = (z - z.mean()) ** 2
    q = q - q.mean()
    dv = q[p:]
    rhs = np.column_stack([q[p - l:T - l] for l in range(1, p + 1)])
    b, *_ = np.linalg.lstsq(rhs, dv, rcond=None)
    e = dv - rhs @ b
    vf = (e @ e) / (T - p) / (1 - b.sum()) ** 2
    c = (z @ X) / (z @ z)
    g = min(max(int(math.floor(N ** a_circ + 0.5)), 2), N)
    top = c[np.argsort(-np.abs(c), kind="stable")[:g]]
    spread = ((top - top.mean()) ** 2).sum()
    se = math.sqrt(vf / T + 4 * N ** (-a_circ) * spread / (g - 1)) / (2 * math.log(N))
    return dict(alpha=a_circ, stdError=se, alphaHat=a_hat, alphaTilde=a_tilde)

def alpha_residual(E, size=0.1, delta=0.5):
    T, N = E.shape
    Z = E / np.sqrt((E ** 2).mean(axis=0))
    rho = np.corrcoef(Z, rowvar=False)
    n = 0.5 * N * (N - 1)
    cp = norm_ppf(1 - (size / 2) / n ** delta) / math.sqrt(T)
    off = np.abs(rho)[~np.eye(N, dtype=bool)]
    return math.log(N + off[off > cp].sum()) / (2 * math.log(N))

rng = np.random.default_rng(20261206)
T, N = 50, 60
m = int(math.floor(N ** 0.75 + 0.5))
f = rng.standard_normal(T)
load = np.zeros(N); load[:m] = rng.uniform(0.5, 1.5, m)
X = np.outer(f, load) + rng.standard_normal((T, N))
with open("input.csv", "w", newline="") as h:
    w = csv.writer(h); w.writerow(["unit", "time", "x"])
    for i in range(N):
        for t in range(T):
            w.writerow([f"u{i + 1:02d}", t + 1, repr(float(X[t, i]))])
G = {}
with open("../plm_estimators_grunfeld/input.csv") as h:
    for r in csv.DictReader(h):
        G.setdefault(int(r["year"]), {})[int(r["firm"])] = float(r["value"])
years = sorted(G); firms = sorted(G[years[0]])
V = np.array([[G[y][fi] for fi in firms] for y in years])
Vs = (V - V.mean(axis=0)) / V.std(axis=0, ddof=1)
expected = {"factor": alpha_variable(X), "grunfeldValue": alpha_variable(V), "grunfeldValueStandardized": alpha_variable(Vs),
            "factorResidual": {"alpha": alpha_residual(X)}, "grunfeldResidual": {"alpha": alpha_residual(V)}}
doc = {"source": f"numpy {np.__version__}, independent transcription of BKP (2016, 2019) as xtcse2 computes them",
       "call": "alpha_variable(X, pca=4, size=0.1); alpha_residual(X, size=0.1, delta=0.5)",
       "spec": {"entity": "unit", "time": "time", "variable": "x", "trueAlpha": 0.75},
       "expected": expected, "tolerance": {"alpha": 1e-8, "stdError": 1e-8}}
with open("expected.json", "w") as h:
    json.dump(doc, h, indent=2)
print(json.dumps(expected, indent=1))
