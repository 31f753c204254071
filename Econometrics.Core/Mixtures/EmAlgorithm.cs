using System.Runtime.CompilerServices;
using Econometrics.LinearAlgebra;

namespace Econometrics.Mixtures;

/// <summary>
/// The generalised EM (Dempster, Laird and Rubin 1977) for the mixture of experts of Liu and Perera (2023): E-step posteriors and growth-factor
/// moments; M-step gating (Newton on the
/// soft-label multinomial logit), expert-covariate moments, one Laird–Ware step for (α, B, Ψ, θ) and an update of
/// the curve's nonlinear parameters per class: a bracketed parabolic search of a scalar γ (knot, growth rate,
/// acceleration) on the class's marginal density, or for the nonparametric curve the closed-form least-squares step
/// of its relative rates on the growth-factor posterior moments. Every sub-step increases a lower bound of ℓ that
/// touches it at the current parameters, so ℓ never decreases.
/// </summary>
internal sealed class EmAlgorithm
{
    private readonly MixtureLikelihood _lik;
    private readonly ModelShape _s;
    private readonly GrowthData _d;
    private readonly double[] _post;
    private readonly double[][] _hhat;
    private readonly double[][] _cpost;
    private readonly double[] _lastStep;

    public EmAlgorithm(MixtureLikelihood lik, KnotBounds bounds)
    {
        _lik = lik; _s = lik.Shape; _d = lik.Data; Bounds = bounds;
        _post = new double[_d.N * _s.K];
        _lastStep = Enumerable.Repeat(double.NaN, _s.K).ToArray();
        _hhat = new double[_s.K][]; _cpost = new double[_s.K][];
        for (int k = 0; k < _s.K; k++) { _hhat[k] = new double[_d.N * _s.Q]; _cpost[k] = new double[_d.N * _s.Q * _s.Q]; }
        ThetaFloor = 1e-8 * Math.Max(OutcomeVariance(_d), 1e-300);
    }

    public KnotBounds Bounds { get; }

    /// <summary>A class whose curve parameters stay where they are (a profile likelihood fixes them), or −1.</summary>
    public int HeldClass { get; init; } = -1;

    public double ThetaFloor { get; }

    /// <summary>Posteriors of the last E-step (N x K).</summary>
    public double[] Posteriors => _post;

    /// <summary>Runs EM from <paramref name="ps"/> (updated in place).</summary>
    public EmOutcome Run(ParameterSet ps, int maxIter, double tol, CancellationToken ct)
    {
        double prev = double.NegativeInfinity, ll = double.NegativeInfinity;
        bool floored = false;
        for (int it = 1; it <= maxIter; it++)
        {
            ct.ThrowIfCancellationRequested();
            ll = _lik.Evaluate(ps, null, _post, _hhat, _cpost);
            if (!double.IsFinite(ll)) return new EmOutcome(ll, it, false, true, floored);
            if (it > 1 && Math.Abs(ll - prev) < tol * Math.Abs(ll)) return new EmOutcome(ll, it, true, false, floored);
            prev = ll;
            if (!MStep(ps, ref floored)) return new EmOutcome(ll, it, false, true, floored);
        }
        ll = _lik.Evaluate(ps, null, _post, _hhat, _cpost);
        return new EmOutcome(ll, maxIter, false, !double.IsFinite(ll), floored);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool MStep(ParameterSet ps, ref bool floored)
    {
        int K = _s.K, q = _s.Q, m = _s.M, N = _d.N, p = _d.P, u = 1 + m;
        Gating.Update(ps, _d, _post, 5);
        Span<double> lam = stackalloc double[q];
        Span<double> res = stackalloc double[q];
        Span<double> S = stackalloc double[q * q];
        var uu = new double[u * u];
        var hu = new double[q * u];
        for (int k = 0; k < K; k++)
        {
            double nk = 0;
            for (int i = 0; i < N; i++) nk += _post[i * K + k];
            if (!(nk > MinimumClassSize)) return false;
            if (_s.JointX)
            {
                var mu = ps.MuX[k]; var phi = ps.Phi[k];
                Array.Clear(mu); Array.Clear(phi);
                for (int i = 0; i < N; i++) for (int c = 0; c < m; c++) mu[c] += _post[i * K + k] * _d.X[i * m + c];
                for (int c = 0; c < m; c++) mu[c] /= nk;
                for (int i = 0; i < N; i++)
                {
                    double t = _post[i * K + k];
                    for (int r = 0; r < m; r++) for (int c = 0; c < m; c++)
                        phi[r * m + c] += t * (_d.X[i * m + r] - mu[r]) * (_d.X[i * m + c] - mu[c]);
                }
                for (int r = 0; r < m * m; r++) phi[r] /= nk;
                floored |= SmallDense.FloorEigenvalues(phi, m, 1e-8 * Math.Max(Trace(phi, m) / m, 1e-300));
            }
            // Γ = [α B] by weighted least squares of E[η | y] on u = (1, x).
            Array.Clear(uu); Array.Clear(hu);
            var h = _hhat[k]; var cp = _cpost[k];
            for (int i = 0; i < N; i++)
            {
                double t = _post[i * K + k];
                for (int r = 0; r < u; r++)
                {
                    double ur = r == 0 ? 1 : _d.X[i * m + r - 1];
                    for (int c = 0; c < u; c++) uu[r * u + c] += t * ur * (c == 0 ? 1 : _d.X[i * m + c - 1]);
                    for (int a = 0; a < q; a++) hu[a * u + r] += t * h[i * q + a] * ur;
                }
            }
            var L = (double[])uu.Clone();
            if (!SmallDense.Cholesky(L, u)) return false;
            for (int a = 0; a < q; a++)
            {
                var row = hu.AsSpan(a * u, u);
                SmallDense.Solve(L, u, row);
                ps.Alpha[k][a] = row[0];
                for (int c = 0; c < m; c++) ps.B[k][a * m + c] = row[1 + c];
            }
            // Ψ and θ from the posterior moments.
            var psi = ps.Psi[k];
            Array.Clear(psi);
            double thNum = 0, thDen = 0;
            for (int i = 0; i < N; i++)
            {
                double t = _post[i * K + k];
                for (int a = 0; a < q; a++)
                {
                    double mean = ps.Alpha[k][a];
                    for (int c = 0; c < m; c++) mean += ps.B[k][a * m + c] * _d.X[i * m + c];
                    res[a] = h[i * q + a] - mean;
                }
                for (int a = 0; a < q; a++) for (int b = 0; b < q; b++) psi[a * q + b] += t * (res[a] * res[b] + cp[i * q * q + a * q + b]);
                S.Clear();
                double ss = 0; int n = 0;
                for (int j = 0; j < p; j++)
                {
                    double y = _d.Y[i * p + j];
                    if (double.IsNaN(y)) continue;
                    _s.Loadings(_d.T.AsSpan(i * p, p), j, ps.Gamma[k], lam);
                    double fit = 0;
                    for (int a = 0; a < q; a++) fit += lam[a] * h[i * q + a];
                    ss += (y - fit) * (y - fit); n++;
                    for (int a = 0; a < q; a++) for (int b = 0; b < q; b++) S[a * q + b] += lam[a] * lam[b];
                }
                double tr = 0;
                for (int a = 0; a < q; a++) for (int b = 0; b < q; b++) tr += cp[i * q * q + a * q + b] * S[b * q + a];
                thNum += t * (ss + tr); thDen += t * n;
            }
            for (int a = 0; a < q * q; a++) psi[a] /= nk;
            floored |= SmallDense.FloorEigenvalues(psi, q, 1e-8 * Math.Max(Trace(psi, q) / q, 1e-300));
            ps.Theta[k] = Math.Max(thNum / thDen, ThetaFloor);
            if (_s.FreeGamma && k != HeldClass)
            {
                if (_s.Curve == GrowthCurve.Nonparametric) UpdateRates(ps, k);
                else UpdateKnot(ps, k);
            }
        }
        return true;
    }

    /// <summary>
    /// Relative rates of the nonparametric curve: with L_ij = a_ij + Σ_r γ_r d_ijr (a the first interval, d_ijr the
    /// later intervals up to occasion j), the expected complete-data term −Σ τ_ik Σ_j E[(y_ij − η0 − L_ij η1)²]/2θ is
    /// quadratic in γ, maximised by (Σ τ e d dᵀ) γ = Σ τ (f − e a) d with e = E[η1²] and f = (y − E η0) E η1 − Cov(η0, η1).
    /// </summary>
    private void UpdateRates(ParameterSet ps, int k)
    {
        int R = _s.R, p = _d.P, K = _s.K, q = _s.Q, N = _d.N;
        var A = new double[R * R];
        var rhs = new double[R];
        Span<double> d = stackalloc double[R];
        var h = _hhat[k]; var cp = _cpost[k];
        for (int i = 0; i < N; i++)
        {
            double tau = _post[i * K + k];
            if (tau < 1e-300) continue;
            int off = i * p;
            double h0 = h[i * q], h1 = h[i * q + 1], c01 = cp[i * q * q + 1], c11 = cp[i * q * q + 3];
            double e = h1 * h1 + c11;
            d.Clear();
            double a = 0;
            for (int j = 1; j < p; j++)
            {
                double dt = _d.T[off + j] - _d.T[off + j - 1];
                if (j == 1) a = dt; else d[j - 2] = dt;
                double y = _d.Y[off + j];
                if (double.IsNaN(y)) continue;
                double f = (y - h0) * h1 - c01;
                for (int r = 0; r < j - 1; r++)
                {
                    rhs[r] += tau * (f - e * a) * d[r];
                    for (int c = 0; c <= r; c++) A[r * R + c] += tau * e * d[r] * d[c];
                }
            }
        }
        for (int r = 0; r < R; r++) for (int c = r + 1; c < R; c++) A[r * R + c] = A[c * R + r];
        if (!SmallDense.Cholesky(A, R)) return;
        SmallDense.Solve(A, R, rhs);
        foreach (var v in rhs) if (!double.IsFinite(v)) return;
        rhs.CopyTo(ps.Gamma[k], 0);
    }

    /// <summary>
    /// Scalar γ update (knot, growth rate or acceleration): maximise Σ_i τ_ik log f_k(y_i; γ) by bracketing around the current knot (the bracket tracks the
    /// last step, expanding while the function rises at its edge) and a Brent search inside it. The precision follows
    /// the step size, so early iterations are cheap and late ones exact; any increase keeps EM monotone.
    /// </summary>
    private void UpdateKnot(ParameterSet ps, int k)
    {
        var caches = _lik.Prepare(ps);
        if (caches is null) return;
        var cache = caches[k];
        int K = _s.K;
        var gamma = new double[1];
        double Q(double g)
        {
            gamma[0] = g;
            double s = 0;
            for (int i = 0; i < _d.N; i++)
            {
                double t = _post[i * K + k];
                if (t < 1e-300) continue;
                s += t * _lik.LogDensityY(i, ps, k, cache, gamma, Span<double>.Empty, Span<double>.Empty, Span<double>.Empty);
            }
            return s;
        }
        double g0 = ps.Gamma[k][0];
        // A knot's first bracket is a quarter time unit (as before); a rate's a twentieth of its admissible range.
        double first = _s.HasKnot ? 0.25 : 0.05 * (Bounds.Upper - Bounds.Lower);
        double delta = double.IsNaN(_lastStep[k]) ? first : Math.Clamp(2 * Math.Abs(_lastStep[k]), 1e-7 * Math.Max(first, 1), 4 * first);
        double f0 = Q(g0);
        double lo = Math.Max(g0 - delta, Bounds.Lower), hi = Math.Min(g0 + delta, Bounds.Upper);
        double flo = Q(lo), fhi = Q(hi);
        for (int e = 0; e < 20 && flo > f0 && lo > Bounds.Lower; e++)
        {
            hi = g0; fhi = f0; g0 = lo; f0 = flo; delta *= 2;
            lo = Math.Max(g0 - delta, Bounds.Lower); flo = Q(lo);
        }
        for (int e = 0; e < 20 && fhi > f0 && hi < Bounds.Upper; e++)
        {
            lo = g0; flo = f0; g0 = hi; f0 = fhi; delta *= 2;
            hi = Math.Min(g0 + delta, Bounds.Upper); fhi = Q(hi);
        }
        double best = g0, fbest = f0;
        if (flo > fbest) { best = lo; fbest = flo; }
        if (fhi > fbest) { best = hi; fbest = fhi; }
        // One parabolic step through the bracket (lo, g0, hi): exact for a smooth peak, and at a kink it lands next
        // to it; the bracket shrinks with the steps, so the knot converges with the other parameters.
        double d1 = (g0 - lo) * (f0 - fhi), d2 = (g0 - hi) * (f0 - flo), den = 2 * (d1 - d2);
        if (den != 0 && hi > lo)
        {
            double x = g0 - ((g0 - lo) * d1 - (g0 - hi) * d2) / den;
            if (x > lo && x < hi && x != g0)
            {
                double f = Q(x);
                if (f > fbest) { best = x; fbest = f; }
            }
        }
        _lastStep[k] = best - ps.Gamma[k][0];
        ps.Gamma[k][0] = best;
    }

    /// <summary>A class needs more expected members than it has growth parameters (note §3.9).</summary>
    public double MinimumClassSize => Math.Max(_s.PerClass, 2.0);

    private static double Trace(double[] a, int n) { double s = 0; for (int i = 0; i < n; i++) s += a[i * n + i]; return s; }

    internal static double OutcomeVariance(GrowthData d)
    {
        double s = 0, ss = 0; int n = 0;
        foreach (var y in d.Y) if (!double.IsNaN(y)) { s += y; ss += y * y; n++; }
        return n > 1 ? (ss - s * s / n) / (n - 1) : 1;
    }
}
