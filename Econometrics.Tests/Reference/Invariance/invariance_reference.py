# Copied verbatim from the research note shared/research/invariance.md section 3.7 (project-owned script).
# The generate.py files beside it import its functions to write full-precision fixtures.
"""Reference checks for the invariance research note.

Usage:  python3 invariance_reference.py OUTDIR
Needs numpy + scipy (Debian: python3-numpy python3-scipy).
Writes CSV/JSON files into OUTDIR and prints every reference value.

SEM (variables indexed 0..4 = X1, X2, X3, X4, Y), Z = c + B Z + eps,
eps_i ~ N(0, sd_i^2) independent; B[i, j] = weight of Z_j in equation of Z_i.
  X1 = c1 + e1
  X2 = 0.6 X1 + e2
  X4 = 0.8 X1 + e4            (non-descendant of Y, correlated with a parent)
  Y  = 1.0 X1 + 0.5 X2 + eY   (causal parents {X1, X2}; Y is never intervened)
  X3 = 0.8 Y + 0.5 X2 + e3    (child of Y)
"""
import itertools
import json
import os
import sys

import numpy as np
from scipy import stats

VARS = ["X1", "X2", "X3", "X4", "Y"]
IY = 4
P = 4  # number of covariates


def base_sem():
    B = np.zeros((5, 5))
    c = np.zeros(5)
    sd = np.ones(5)
    B[1, 0] = 0.6
    B[3, 0] = 0.8
    B[4, 0] = 1.0
    B[4, 1] = 0.5
    B[2, 4] = 0.8
    B[2, 1] = 0.5
    return B, c, sd


def environments():
    """Five environments: observational + 4 intervention types."""
    envs = []
    B, c, sd = base_sem()
    envs.append(("e0_observational", B, c, sd))
    B, c, sd = base_sem(); c[0] = 2.0                       # shift on X1
    envs.append(("e1_shift_X1", B, c, sd))
    B, c, sd = base_sem(); sd[1] = 2.0                      # variance on X2
    envs.append(("e2_variance_X2", B, c, sd))
    B, c, sd = base_sem(); B[2, 4] = -0.4                   # coefficient Y->X3
    envs.append(("e3_coef_Y_to_X3", B, c, sd))
    B, c, sd = base_sem()                                   # hard do(X2), shifts X3, X4
    B[1, 0] = 0.0; c[1] = 1.5; sd[1] = 0.5; c[2] = 1.0; c[3] = 3.0
    envs.append(("e4_do_X2_shift_X3_X4", B, c, sd))
    return envs


def moments(B, c, sd):
    A = np.linalg.inv(np.eye(5) - B)
    mu = A @ c
    S = A @ np.diag(sd ** 2) @ A.T
    return mu, S


def pop_fit(mu, S, Phi):
    """Population-optimal affine regressor of Y on Phi X: returns (w, b, resid var)."""
    Sxx, Sxy = S[:P, :P], S[:P, IY]
    M = Phi @ Sxx @ Phi.T
    w = np.linalg.solve(M, Phi @ Sxy)
    b = mu[IY] - w @ (Phi @ mu[:P])
    s2 = S[IY, IY] - w @ (Phi @ Sxy)
    return w, b, s2


def selection(idx):
    Phi = np.zeros((len(idx), P))
    for r, j in enumerate(idx):
        Phi[r, j] = 1.0
    return Phi


REPS = {
    "S12_parents": selection([0, 1]),
    "S124_superset": selection([0, 1, 3]),
    "Mix12_rotated_parents": np.array([[1.0, 1.0, 0, 0], [1.0, -1.0, 0, 0]]),
    "Beta_causal_score": np.array([[1.0, 0.5, 0, 0]]),
    "S1_missing_parent": selection([0]),
    "S4_nonparent": selection([3]),
    "S123_with_child": selection([0, 1, 2]),
    "S1234_all": selection([0, 1, 2, 3]),
}


def gaps(ws, bs, s2s):
    K = len(ws)
    cg = max(np.linalg.norm(ws[e] - ws[f]) for e in range(K) for f in range(e + 1, K))
    ig = max(abs(bs[e] - bs[f]) for e in range(K) for f in range(e + 1, K))
    vr = max(s2s) / min(s2s)
    return cg, ig, vr


def pooled_population(mom):
    """Equal-weight mixture of environments: returns raw second moments."""
    K = len(mom)
    m1 = sum(mu for mu, S in mom) / K
    m2 = sum(S + np.outer(mu, mu) for mu, S in mom) / K
    return m1, m2


def irm_and_excess(mom, Phi):
    """Pooled population predictor f = b + v'x (v = Phi' w); per-env IRMv1 penalty
    (d/ds E_e[(Y - s f)^2] at s=1)^2 = (2 E_e[f (f - Y)])^2 and excess risk."""
    m1, m2 = pooled_population(mom)
    # affine regression with intercept on pooled raw moments
    T = np.vstack([np.r_[1.0, np.zeros(P)], np.c_[np.zeros(Phi.shape[0]), Phi]])  # maps (1,x) -> (1,Phi x)
    Exx = np.block([[np.ones((1, 1)), m1[None, :P]], [m1[:P, None], m2[:P, :P]]])
    Exy = np.r_[m1[IY], m2[:P, IY]]
    coef = np.linalg.solve(T @ Exx @ T.T, T @ Exy)
    a = T.T @ coef  # coefficients on (1, x)
    pens, excess = [], []
    for mu, S in mom:
        Exx_e = np.block([[np.ones((1, 1)), mu[None, :P]], [mu[:P, None], S[:P, :P] + np.outer(mu[:P], mu[:P])]])
        Exy_e = np.r_[mu[IY], S[:P, IY] + mu[:P] * mu[IY]]
        Eyy_e = S[IY, IY] + mu[IY] ** 2
        Ef2 = a @ Exx_e @ a
        Efy = a @ Exy_e
        pens.append((2 * (Ef2 - Efy)) ** 2)
        risk = Eyy_e - 2 * Efy + Ef2
        _, _, s2 = pop_fit(mu, S, Phi)
        excess.append(risk - s2)
    return coef, pens, excess


def ols(Xd, y):
    beta, *_ = np.linalg.lstsq(Xd, y, rcond=None)
    r = y - Xd @ beta
    dof = len(y) - Xd.shape[1]
    s2 = r @ r / dof
    V = s2 * np.linalg.inv(Xd.T @ Xd)
    return beta, r, s2, V


def simulate(envs, n, rng):
    rows = []
    for k, (name, B, c, sd) in enumerate(envs):
        A = np.linalg.inv(np.eye(5) - B)
        eps = rng.standard_normal((n, 5)) * sd
        Z = (c + eps) @ A.T
        for z in Z:
            rows.append([k] + list(z))
    return np.array(rows)


def var_test_p(x, y):
    """Two-sided F test of equal variances (R var.test). Uses the survival function
    for the upper tail; R computes 1 - pf(), which underflows to 0 below ~1e-16."""
    F = np.var(x, ddof=1) / np.var(y, ddof=1)
    d1, d2 = len(x) - 1, len(y) - 1
    return min(1.0, 2 * min(stats.f.cdf(F, d1, d2), stats.f.sf(F, d1, d2)))


def icp_normal_pvalue(X, y, env, subset):
    """Mirror of InvariantCausalPrediction::getpval with test='normal' (v0.8)."""
    n = len(y)
    Xd = np.c_[np.ones(n), X[:, subset]] if subset else np.ones((n, 1))
    beta, r, s2, V = ols(Xd, y)
    levels = np.unique(env)
    pv = []
    for k in levels:
        ins, out = r[env == k], r[env != k]
        pt = stats.ttest_ind(ins, out, equal_var=False).pvalue
        pv.append(min(1.0, 2 * min(pt, var_test_p(ins, out))))
    return min(1.0, min(pv) * (len(levels) - 1)), beta[1:], np.sqrt(np.diag(V))[1:]


def icp_exact_pvalue(X, y, env, subset):
    """Mirror of getpval(test='exact') with no subsampling (maxNoObs >= n_e):
    Chow-type prediction test of env e against a fit on all other environments."""
    n = len(y)
    Xd = np.c_[np.ones(n), X[:, subset]] if subset else np.ones((n, 1))
    q = Xd.shape[1]
    levels = np.unique(env)
    pv = []
    for k in levels:
        i, o = env == k, env != k
        nk, no = i.sum(), o.sum()
        beta, r, _, _ = ols(Xd[o], y[o])
        diff = y[i] - Xd[i] @ beta
        C = np.eye(nk) + Xd[i] @ np.linalg.solve(Xd[o].T @ Xd[o], Xd[i].T)
        s2 = np.var(r, ddof=1) * no / (no - q)
        stat = diff @ np.linalg.solve(C, diff) / (nk * s2)
        pv.append(stats.f.sf(stat, nk, n - nk - q))
    return min(1.0, min(pv) * len(levels))


def icp(X, y, env, alpha):
    """Mirror of ICP(selection='all', test='normal', stopIfEmpty=FALSE)."""
    p = X.shape[1]
    z = stats.norm.ppf(1 - alpha / 4)
    upper = np.full(p, np.nan); lower = np.full(p, np.nan)
    pempty, _, _ = icp_normal_pvalue(X, y, env, [])
    if pempty > alpha:
        upper[:] = 0.0; lower[:] = 0.0
    sets = [list(s) for r in range(p + 1) for s in itertools.combinations(range(p), r)]
    pall, accepted = [], []
    for s in sets:
        pv, coef, se = icp_normal_pvalue(X, y, env, s)
        pall.append(pv)
        if pv > alpha:
            accepted.append(s)
            for j, cj, sj in zip(s, coef, se):
                upper[j] = np.nanmax([upper[j], cj + z * sj])
                lower[j] = np.nanmin([lower[j], cj - z * sj])
            if s:
                for j in set(range(p)) - set(s):
                    upper[j] = np.nanmax([upper[j], 0.0]); lower[j] = np.nanmin([lower[j], 0.0])
    gof = max(0.01, alpha)
    reject = not any(v > gof for v in [pempty] + pall)
    pvals = np.ones(p)
    if not reject:
        for j in range(p):
            others = [pall[i] for i, s in enumerate(sets) if j not in s]
            pvals[j] = max(others + [pempty])
    S_hat = sorted(set.intersection(*[set(s) for s in accepted])) if accepted else None
    return dict(accepted=accepted, S_hat=S_hat, pvalues=pvals, upper=upper, lower=lower,
                model_reject=reject, p_by_set={tuple(s): pall[i] for i, s in enumerate(sets)})


def anchor(X, y, env, gamma):
    """Anchor regression with A = one-hot(env) (P_A = within-env averaging)."""
    n = len(y)
    Xd = np.c_[np.ones(n), X]
    PX, Py = np.zeros_like(Xd), np.zeros_like(y)
    for k in np.unique(env):
        m = env == k
        PX[m] = Xd[m].mean(axis=0); Py[m] = y[m].mean()
    f = 1 - np.sqrt(gamma)
    Xt, yt = Xd - f * PX, y - f * Py
    beta, *_ = np.linalg.lstsq(Xt, yt, rcond=None)
    return beta


def chow_F(Xd, y, env):
    """Classical Chow test: all K environments share (intercept, slopes)."""
    levels = np.unique(env)
    K, q, N = len(levels), Xd.shape[1], len(y)
    _, r, _, _ = ols(Xd, y)
    rss_p = r @ r
    rss_u = 0.0
    for k in levels:
        m = env == k
        _, rk, _, _ = ols(Xd[m], y[m])
        rss_u += rk @ rk
    df1, df2 = (K - 1) * q, N - K * q
    F = ((rss_p - rss_u) / df1) / (rss_u / df2)
    return F, df1, df2, stats.f.sf(F, df1, df2)


def gap_ucb(ws, Vs, alpha):
    """Upper confidence bound for max_{e<f} ||w_e - w_f||_2 (Bonferroni over pairs)."""
    K, k = len(ws), len(ws[0])
    npairs = K * (K - 1) // 2
    q = stats.chi2.ppf(1 - alpha / npairs, k)
    best, ucb = 0.0, 0.0
    for e in range(K):
        for f in range(e + 1, K):
            d = ws[e] - ws[f]
            lam = np.linalg.eigvalsh(Vs[e] + Vs[f]).max()
            best = max(best, np.linalg.norm(d))
            ucb = max(ucb, np.linalg.norm(d) + np.sqrt(lam * q))
    return best, ucb


# ---------------- PAC experiment (population level, exact moments) ----------------
SUBSETS = [list(s) for r in range(P + 1) for s in itertools.combinations(range(P), r)]


def draw_theta(rng, q_x3):
    B, c, sd = base_sem()
    c[0] = rng.uniform(-2, 2)                 # shift X1
    sd[1] = rng.uniform(0.5, 2.0)             # noise scale X2
    if rng.uniform() < 0.5:
        B[1, 0] = rng.uniform(0.0, 1.2)       # edge X1->X2 reweighted
    c[3] = rng.uniform(-3, 3)                 # shift X4
    if rng.uniform() < q_x3:
        B[2, 4] = rng.uniform(-1.0, 1.0)      # rare change of Y->X3 edge
    return B, c, sd


def fit_subset(mu, S, s):
    if not s:
        return np.zeros(0), mu[IY], S[IY, IY]
    return pop_fit(mu, S, selection(s))


def pac_run(m, reps, n_test, tol, q_x3, eps_pac, rng):
    wrong, fail_rates = 0, []
    for _ in range(reps):
        train = [moments(*draw_theta(rng, q_x3)) for _ in range(m)]
        best, best_key = None, None
        for s in SUBSETS:
            fits = [fit_subset(mu, S, s) for mu, S in train]
            ws = [np.r_[b, w] for w, b, _ in fits]
            gap = max([np.linalg.norm(ws[e] - ws[f]) for e in range(m) for f in range(e + 1, m)] or [0.0])
            if gap > tol:
                continue
            # pooled residual variance of the subset as selection criterion
            pooled = np.mean([s2 for _, _, s2 in fits])
            key = (round(pooled, 12), len(s))
            if best_key is None or key < best_key:
                best_key, best = key, (s, np.mean(ws, axis=0))
        s, ref = best
        if sorted(s) not in ([0, 1], [0, 1, 3]):
            wrong += 1
        fails = 0
        for _ in range(n_test):
            w, b, _ = fit_subset(*moments(*draw_theta(rng, q_x3)), s)
            if np.linalg.norm(np.r_[b, w] - ref) > tol:
                fails += 1
        fail_rates.append(fails / n_test)
    fr = np.array(fail_rates)
    return wrong / reps, fr.mean(), (fr > eps_pac).mean()


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    envs = environments()
    mom = [moments(B, c, sd) for _, B, c, sd in envs]

    # 1. SEM spec
    spec = {name: {"B": B.tolist(), "c": c.tolist(), "noise_sd": sd.tolist()} for name, B, c, sd in envs}
    spec["_variables"] = VARS
    spec["_convention"] = "Z = c + B Z + eps, eps_i ~ N(0, noise_sd_i^2); B[i][j] = weight of Z_j in eq. of Z_i"
    with open(os.path.join(outdir, "invariance_sem_spec.json"), "w") as fh:
        json.dump(spec, fh, indent=1)

    # 2. population coefficients + gaps
    print("== population-optimal regressors (w on Phi X, intercept b, residual var s2) ==")
    lines = ["representation,env,b,w,resid_var"]
    gap_lines = ["representation,coef_gap_L2,intercept_gap,resid_var_ratio,irm_penalty_sum,max_excess_risk"]
    for rn, Phi in REPS.items():
        ws, bs, s2s = [], [], []
        for (name, *_), (mu, S) in zip(envs, mom):
            w, b, s2 = pop_fit(mu, S, Phi)
            ws.append(w); bs.append(b); s2s.append(s2)
            lines.append(f"{rn},{name},{b:.6f},{' '.join(f'{x:.6f}' for x in w)},{s2:.6f}")
            print(f"{rn:24s} {name:24s} b={b:+.4f} w={np.round(w, 4)} s2={s2:.4f}")
        cg, ig, vr = gaps(ws, bs, s2s)
        _, pens, exc = irm_and_excess(mom, Phi)
        gap_lines.append(f"{rn},{cg:.6f},{ig:.6f},{vr:.6f},{sum(pens):.6f},{max(exc):.6f}")
        print(f"  GAPS {rn}: coef={cg:.4f} intercept={ig:.4f} s2ratio={vr:.4f} "
              f"IRMv1_sum={sum(pens):.4f} max_excess={max(exc):.4f}")
    with open(os.path.join(outdir, "invariance_population_coefs.csv"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    with open(os.path.join(outdir, "invariance_population_gaps.csv"), "w") as fh:
        fh.write("\n".join(gap_lines) + "\n")

    # 3. finite-sample data
    rng = np.random.default_rng(20240601)
    D = simulate(envs, 300, rng)
    with open(os.path.join(outdir, "invariance_sim.csv"), "w") as fh:
        fh.write("env,X1,X2,X3,X4,Y\n")
        for row in D:
            fh.write(f"{int(row[0])}," + ",".join(repr(float(v)) for v in row[1:]) + "\n")
    env, X, y = D[:, 0].astype(int), D[:, 1:5], D[:, 5]
    N = len(y)

    print("\n== finite-sample checks (n=300 per env, seed 20240601) ==")
    for rn, Phi in REPS.items():
        F = X @ Phi.T
        ws, Vs = [], []
        for k in range(len(envs)):
            m = env == k
            beta, _, _, V = ols(np.c_[np.ones(m.sum()), F[m]], y[m])
            ws.append(beta[1:]); Vs.append(V[1:, 1:])
        if rn in ("S12_parents", "S1_missing_parent"):
            for k in range(len(envs)):
                m = env == k
                beta, _, s2k, _ = ols(np.c_[np.ones(m.sum()), F[m]], y[m])
                print(f"   {rn} env{k}: b={beta[0]:+.5f} w={np.round(beta[1:], 5)} s2={s2k:.5f}")
        gap_hat, ucb = gap_ucb(ws, Vs, 0.05)
        Fs, d1, d2, pchow = chow_F(np.c_[np.ones(N), F], y, env)
        _, r, _, _ = ols(np.c_[np.ones(N), F], y)
        groups = [r[env == k] for k in range(len(envs))]
        lev_mean = stats.levene(*groups, center="mean").pvalue
        lev_med = stats.levene(*groups, center="median").pvalue
        print(f"{rn:24s} gap_hat={gap_hat:.4f} gapUCB95={ucb:.4f} Chow F={Fs:.3f} "
              f"df=({d1},{d2}) p={pchow:.3g} Levene(mean) p={lev_mean:.3g} Levene(median) p={lev_med:.3g}")

    print("\n== ICP (python mirror of R ICP, test='normal', selection='all') ==")
    for alpha in (0.01, 0.05):
        res = icp(X, y, env, alpha)
        print(f"alpha={alpha}: accepted={res['accepted']} S_hat={res['S_hat']} reject={res['model_reject']}")
        print("   pvalues=", np.array2string(res["pvalues"], precision=4))
        print("   lower  =", np.array2string(res["lower"], precision=4))
        print("   upper  =", np.array2string(res["upper"], precision=4))
    res = icp(X, y, env, 0.01)
    for s, pv in res["p_by_set"].items():
        print(f"   set {s}: p_normal={pv:.4g}  p_exact={icp_exact_pvalue(X, y, env, list(s)):.4g}")

    print("\n== anchor regression (A = one-hot env), coefficients (intercept, X1..X4) ==")
    for g in (1.0, 2.0, 10.0, 100.0, 1e4):
        print(f"gamma={g:g}: {np.round(anchor(X, y, env, g), 4)}")

    # 4. PAC experiment
    print("\n== PAC experiment (population moments; tol=0.05; eps_pac=0.05; q_x3=0.1) ==")
    rng = np.random.default_rng(7)
    pac_lines = ["m,P_selected_noninvariant,mean_test_failure,P_test_failure_gt_eps,theory_0.9^m"]
    for mtr in (2, 5, 10, 20, 30, 50):
        wr, mf, pb = pac_run(mtr, 300, 300, 0.05, 0.1, 0.05, rng)
        pac_lines.append(f"{mtr},{wr:.4f},{mf:.4f},{pb:.4f},{0.9 ** mtr:.4f}")
        print(f"m={mtr:3d}: P(select non-invariant)={wr:.3f} mean test-failure={mf:.4f} "
              f"P(test-failure>0.05)={pb:.3f} (0.9^m={0.9 ** mtr:.3f})")
    with open(os.path.join(outdir, "invariance_pac_experiment.csv"), "w") as fh:
        fh.write("\n".join(pac_lines) + "\n")
    H, eps, dl = len(SUBSETS), 0.05, 0.05
    print(f"finite-class PAC bound m >= (ln|H| + ln(1/delta))/eps = {(np.log(H) + np.log(1 / dl)) / eps:.1f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data")
