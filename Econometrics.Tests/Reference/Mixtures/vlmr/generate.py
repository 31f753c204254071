#!/usr/bin/python3
"""Independent transcription of the Vuong-Lo-Mendell-Rubin test (Lo, Mendell & Rubin 2001; Vuong 1989, Thm 3.3) for a
linear growth mixture, 1 vs 2 classes, on simulated data (written here to sim.csv).

Its own likelihood (multivariate normal per class, V = L Psi L' + theta I), its own analytic casewise scores, the
observed information by central differences of the analytic total score, Vuong's W matrix formed literally
(W = [[-B_f A_f^-1, -B_fg A_g^-1], [B_gf A_f^-1, B_g A_g^-1]]) with its eigenvalues from numpy.linalg.eigvals, and
Imhof's (1961) tail integral by scipy.integrate.quad (QAWF Fourier weights on [1, inf)). Checked against a Monte Carlo
draw of sum lambda_j Z_j^2. Run: /usr/bin/python3 generate.py (numpy, scipy)."""
import json
import numpy as np
from scipy import integrate, optimize

rng = np.random.default_rng(1)
N, P = 300, 5
t = np.arange(P, dtype=float)
L = np.column_stack([np.ones(P), t])
truth = [dict(pi=0.6, alpha=[10.0, 1.0]), dict(pi=0.4, alpha=[9.0, 0.3])]
Psi = np.array([[1.0, 0.1], [0.1, 0.2]])
theta = 1.0
cls = (rng.random(N) >= truth[0]["pi"]).astype(int)
Y = np.empty((N, P))
for i in range(N):
    eta = rng.multivariate_normal(truth[cls[i]]["alpha"], Psi)
    Y[i] = L @ eta + rng.normal(0, np.sqrt(theta), P)
with open("sim.csv", "w") as f:
    f.write("id," + ",".join(f"Y{j+1}" for j in range(P)) + "," + ",".join(f"T{j+1}" for j in range(P)) + "\n")
    for i in range(N):
        f.write(f"{i+1}," + ",".join(f"{v:.10f}" for v in Y[i]) + "," + ",".join(f"{v:g}" for v in t) + "\n")
Y = np.loadtxt("sim.csv", delimiter=",", skiprows=1)[:, 1:1 + P]   # exactly the values the tests read

# Parameters per class: a0, a1, psi00, psi01, psi11, theta; then the logits of classes 2..K (class 1 reference).
def unpack(x, K):
    cl = [x[6 * k:6 * k + 6] for k in range(K)]
    logits = np.concatenate([[0.0], x[6 * K:]])
    return cl, logits

def class_terms(c):
    a = c[:2]; S = np.array([[c[2], c[3]], [c[3], c[4]]]); th = c[5]
    V = L @ S @ L.T + th * np.eye(P)
    Vi = np.linalg.inv(V)
    r = Y - L @ a
    logdet = np.linalg.slogdet(V)[1]
    quad = np.einsum("ij,jk,ik->i", r, Vi, r)
    logf = -0.5 * (P * np.log(2 * np.pi) + logdet + quad)
    u = r @ Vi                                             # V^-1 r_i per row
    ga = u @ L                                             # d/d alpha = L' V^-1 r
    # d/dV = (u u' - V^-1)/2; d/dS_ab = L_a' (dV) L_b (off-diagonal counted twice); d/dtheta = tr(dV)
    Lu = u @ L                                             # N x 2: L' u
    LViL = L.T @ Vi @ L
    dS00 = 0.5 * (Lu[:, 0] ** 2 - LViL[0, 0])
    dS11 = 0.5 * (Lu[:, 1] ** 2 - LViL[1, 1])
    dS01 = (Lu[:, 0] * Lu[:, 1] - LViL[0, 1])
    dth = 0.5 * ((u ** 2).sum(1) - np.trace(Vi))
    return logf, np.column_stack([ga, dS00, dS01, dS11, dth])

def casewise(x, K):
    cl, logits = unpack(x, K)
    logpi = logits - np.log(np.exp(logits).sum())
    terms = [class_terms(c) for c in cl]
    a = np.column_stack([logpi[k] + terms[k][0] for k in range(K)])
    m = a.max(1, keepdims=True)
    li = (m[:, 0] + np.log(np.exp(a - m).sum(1)))
    tau = np.exp(a - li[:, None])
    S = np.column_stack([tau[:, [k]] * terms[k][1] for k in range(K)] + [tau[:, k] - np.exp(logpi[k]) for k in range(1, K)]) \
        if K > 1 else terms[0][1]
    return li, S

def negll(x, K):
    li, S = casewise(x, K)
    return -li.sum(), -S.sum(0)

def fit(x0, K):
    r = optimize.minimize(negll, x0, args=(K,), jac=True, method="BFGS", options=dict(gtol=1e-9, maxiter=5000))
    x = r.x
    for _ in range(5):                                     # Newton polish on the analytic score
        g = -negll(x, K)[1]
        x = x - np.linalg.solve(hessian(x, K), g)
    return x

def hessian(x, K):
    n = len(x); H = np.empty((n, n))
    for j in range(n):
        h = 1e-5 * max(abs(x[j]), 1); e = np.zeros(n); e[j] = h
        H[:, j] = (-negll(x + e, K)[1] + negll(x - e, K)[1]) / (2 * h)
    return 0.5 * (H + H.T)

m0 = Y.mean(0)
x1 = fit(np.array([m0[0], (m0[-1] - m0[0]) / (P - 1), 1.0, 0.0, 0.3, 1.0]), 1)
x2 = fit(np.array([10.0, 1.0, 1.0, 0.1, 0.2, 1.0, 9.0, 0.3, 1.0, 0.1, 0.2, 1.0, np.log(0.4 / 0.6)]), 2)
for x, K in ((x1, 1), (x2, 2)):   # an interior maximum: every Psi positive definite, the Hessian negative definite
    assert all(np.linalg.eigvalsh(np.array([[c[2], c[3]], [c[3], c[4]]])).min() > 0.05 for c in unpack(x, K)[0])
    assert np.linalg.eigvalsh(hessian(x, K)).max() < 0 and np.abs(negll(x, K)[1]).max() < 1e-8
l1, Sg = casewise(x1, 1); l2, Sf = casewise(x2, 2)
ll1, ll2 = l1.sum(), l2.sum()
Af = hessian(x2, 2) / N; Ag = hessian(x1, 1) / N
Bf = Sf.T @ Sf / N; Bg = Sg.T @ Sg / N; Bfg = Sf.T @ Sg / N
W = np.block([[-Bf @ np.linalg.inv(Af), -Bfg @ np.linalg.inv(Ag)], [Bfg.T @ np.linalg.inv(Af), Bg @ np.linalg.inv(Ag)]])
lam = np.sort(np.linalg.eigvals(W).real)[::-1]
LR = 2 * (ll2 - ll1)
d = len(x2) - len(x1)
adj = LR / (1 + 1 / (d * np.log(N)))

def imhof(lam, x):
    lam = lam[np.abs(lam) > 1e-12 * np.abs(lam).max()]
    def phi(u): return 0.5 * np.sum(np.arctan(lam * u))
    def rho(u): return np.prod((1 + lam ** 2 * u ** 2) ** 0.25)
    def full(u): return np.sin(phi(u) - 0.5 * x * u) / (u * rho(u)) if u > 0 else 0.5 * (lam.sum() - x)
    head = integrate.quad(full, 0, 1, limit=500, epsabs=1e-13)[0]
    w = 0.5 * x   # sin(phi - w u) = sin(phi) cos(w u) - cos(phi) sin(w u)
    c = integrate.quad(lambda u: np.sin(phi(u)) / (u * rho(u)), 1, np.inf, weight="cos", wvar=w, limlst=200)[0]
    s = integrate.quad(lambda u: np.cos(phi(u)) / (u * rho(u)), 1, np.inf, weight="sin", wvar=w, limlst=200)[0]
    return 0.5 + (head + c - s) / np.pi

p, padj = imhof(lam, LR), imhof(lam, adj)
draws = (rng.standard_normal((2_000_000, len(lam))) ** 2) @ lam
print("ll", ll1, ll2, "LR", LR, "p", p, "MC", (draws > LR).mean(), "padj", padj, "MC", (draws > adj).mean())
print("eigenvalues", lam)
# Standard errors of the 2-class fit, observed information and the Huber-White sandwich (Mplus MLR), in the C# order:
# classes by ascending intercept, then the logit of the other class against class 1.
Cf = np.linalg.inv(-hessian(x2, 2))
se = np.sqrt(np.diag(Cf)); rse = np.sqrt(np.diag(Cf @ (Sf.T @ Sf) @ Cf))
order = [0, 1] if x2[0] < x2[6] else [1, 0]
idx = [6 * k + j for k in order for j in range(6)] + [12]
print("estimates", x2[idx] * np.r_[np.ones(12), 1 if order[0] == 0 else -1], "se", se[idx], "robust", rse[idx])
expected = dict(
    source="Python 3 numpy %s scipy (independent transcription, generate.py)" % np.__version__,
    call="simulated linear growth mixture (N = 300, 5 occasions), VLMR 1 vs 2 classes; SEs (ML, MLR) of the 2-class fit",
    tolerance=dict(logLik=1e-6, eigenvalues=1e-6, pValue=1e-8, tailFromEigenvalues=1e-9, estimates=1e-5, standardErrors=1e-5,
                   note="relative, eigenvalues absolute (sorted); tailFromEigenvalues: our tail at these eigenvalues vs scipy QAWF; both sides difference numerically (C#: casewise scores and Hessian, Python: the Hessian)"),
    expected=dict(logLik1=ll1, logLik2=ll2, likelihoodRatio=LR, parameterDifference=d, eigenvalues=list(lam),
                  mean=float(lam.sum()), standardDeviation=float(np.sqrt(2 * (lam ** 2).sum())),
                  pValue=p, adjustedStatistic=adj, adjustedPValue=padj,
                  estimates2=list(x2[idx] * np.r_[np.ones(12), 1 if order[0] == 0 else -1]),
                  standardErrors2=list(se[idx]), robustStandardErrors2=list(rse[idx]),
                  pValueMonteCarlo=float((draws > LR).mean()), adjustedPValueMonteCarlo=float((draws > adj).mean())))
json.dump(expected, open("expected.json", "w"), indent=2)
