#!/usr/bin/python3
"""Reference values for zero replacement.

zCompositions is not installed on this machine, so this is an independent numpy transcription of
zCompositions::cmultRepl (version 1.5.0-4 source: leave-one-out column shares t, strengths s for GBM / SQ / BL,
CZM = frac * threshold / n_i, adjust = TRUE, output "prop" or "p-counts") and of the multiplicative replacement of
Martin-Fernandez et al. (2003) as in scikit-bio's multi_replace. The GBM/CZM/SQ values below are asserted against the
values the research note obtained by running zCompositions' own R source (see the asserts), so the transcription is
checked before it is written out. Run: /usr/bin/python3 generate.py   (numpy 1.24.2)
"""
import json
import numpy as np

def cmult_repl(X, method="GBM", output="prop", frac=0.65, threshold=0.5, adjust=True):
    X = np.asarray(X, float); N, D = X.shape
    zero = X == 0
    n = X.sum(1)
    if method == "CZM":
        repl = frac * np.ones((N, D)) * (threshold / n)[:, None]
    else:
        alpha = np.array([X[np.arange(N) != i].sum(0) for i in range(N)])   # leave-one-out column sums
        t = alpha / alpha.sum(1, keepdims=True)
        s = {"GBM": 1 / np.exp(np.log(t).mean(1)), "SQ": np.sqrt(n), "BL": np.full(N, D)}[method]
        repl = t * (s / (n + s))[:, None]
    P = X / n[:, None]
    P[zero] = np.nan
    colmin = np.nanmin(P, 0)
    for i in range(N):
        z = zero[i]
        if not z.any(): continue
        r = repl[i, z].copy()
        if adjust:
            big = r > colmin[z]
            r[big] = frac * colmin[z][big]
        P[i, z] = r
        P[i, ~z] = (1 - r.sum()) * P[i, ~z]
    if output == "prop":
        return P
    C = X.copy()
    for i in range(N):
        z = zero[i]
        if not z.any(): continue
        pos = np.flatnonzero(~z)[0]
        C[i, z] = C[i, pos] / P[i, pos] * P[i, z]
    return C

def mult_repl(X, delta=None):
    X = np.asarray(X, float); X = X / X.sum(1, keepdims=True); D = X.shape[1]
    delta = 1 / D**2 if delta is None else delta
    z = X == 0; k = z.sum(1, keepdims=True)
    return np.where(z, delta, X * (1 - k * delta))

counts = np.array([[0, 5, 10, 20], [3, 0, 7, 12], [8, 2, 0, 30], [1, 4, 6, 0], [10, 12, 9, 4]], float)
gbm = cmult_repl(counts, "GBM")
# Values from running zCompositions' source (research note, section 6.5):
assert np.allclose(gbm, [[0.02225331, 0.13967810, 0.27935620, 0.55871239],
                         [0.13207145, 0.03147604, 0.30816671, 0.52828579],
                         [0.19400727, 0.04850182, 0.02996363, 0.72752728],
                         [0.08415584, 0.33662338, 0.50493506, 0.07428571],
                         [0.28571429, 0.34285714, 0.25714286, 0.11428571]], atol=6e-9)
czm = cmult_repl(counts, "CZM")
assert np.allclose(czm[0], [0.00928571, 0.14153061, 0.28306122, 0.56612245], atol=6e-9)
assert np.allclose(czm[2], [0.19837500, 0.04959375, 0.00812500, 0.74390625], atol=6e-9)
sq = cmult_repl(counts, "SQ", output="p-counts")
assert np.allclose(sq[counts == 0], [1.06216183, 0.76028453, 1.77179993, 0.88271605], atol=6e-9)
assert np.array_equal(sq[counts > 0], counts[counts > 0])
skbio = mult_repl([[.2, .4, .4, 0], [0, .5, .5, 0]])      # scikit-bio documentation example
assert np.allclose(skbio, [[0.1875, 0.375, 0.375, 0.0625], [0.0625, 0.4375, 0.4375, 0.0625]])

expected = {
    "counts": counts.tolist(),
    "gbmProp": gbm.tolist(), "gbmCounts": cmult_repl(counts, "GBM", "p-counts").tolist(),
    "sqProp": cmult_repl(counts, "SQ").tolist(), "sqCounts": sq.tolist(),
    "blProp": cmult_repl(counts, "BL").tolist(),
    "czmProp": czm.tolist(),
    "gbmNoAdjust": cmult_repl(counts, "GBM", adjust=False).tolist(),
    "multiplicativeDefault": mult_repl(counts).tolist(),
    "multiplicativeDelta": 0.01, "multiplicativeFixed": mult_repl(counts, 0.01).tolist(),
    "skbioExample": skbio.tolist(),
}
json.dump({"source": "numpy %s transcription of zCompositions 1.5.0-4 cmultRepl and scikit-bio multi_replace" % np.__version__,
           "call": "cmultRepl(counts, method = c('GBM','SQ','BL','CZM'), output = c('prop','p-counts'), frac = 0.65, threshold = 0.5, adjust = TRUE); multi_replace(closure(counts), delta)",
           "expected": expected,
           "tolerance": {"all": 1e-12, "noteValues": 6e-9}}, open("expected.json", "w"))
print("ok")
