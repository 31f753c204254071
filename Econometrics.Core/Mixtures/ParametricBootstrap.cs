using Econometrics.LinearAlgebra;
using MathNet.Numerics.Distributions;

namespace Econometrics.Mixtures;

/// <summary>
/// Data from a fitted mixture at the observed design, for the bootstrap likelihood-ratio test (McLachlan 1987; Mplus
/// TECH14): each person keeps their occasions, missing pattern and gating covariates z; the class is drawn from the
/// gating, the expert covariates from the class's N(μx, Φ) when they are modelled jointly (kept otherwise), the growth
/// factors from N(α + B x, Ψ) and the outcomes from N(Λ(t; γ) η, θ).
/// </summary>
internal static class ParametricBootstrap
{
    public static GrowthData Simulate(GrowthData d, ParameterSet ps, int seed)
    {
        var s = ps.Shape;
        int n = d.N, p = d.P, q = s.Q, m = s.M, K = s.K;
        var rng = new Random(seed);
        var normal = new Normal(0, 1, rng);
        var psiL = new double[K][]; var phiL = new double[K][];
        for (int k = 0; k < K; k++)
        {
            psiL[k] = (double[])ps.Psi[k].Clone();
            if (!SmallDense.Cholesky(psiL[k], q)) throw new InvalidOperationException("Ψ is not positive definite.");
            if (s.JointX)
            {
                phiL[k] = (double[])ps.Phi[k].Clone();
                if (!SmallDense.Cholesky(phiL[k], m)) throw new InvalidOperationException("Φ is not positive definite.");
            }
        }
        var y = new double[n * p];
        var x = (double[])d.X.Clone();
        Span<double> logPi = stackalloc double[K];
        Span<double> e = stackalloc double[Math.Max(q, m)];
        Span<double> eta = stackalloc double[q];
        Span<double> lam = stackalloc double[q];
        var lik = new MixtureLikelihood(d, s);
        for (int i = 0; i < n; i++)
        {
            lik.LogGate(i, ps, logPi);
            double u = rng.NextDouble(), acc = 0;
            int c = K - 1;
            for (int k = 0; k < K; k++) { acc += Math.Exp(logPi[k]); if (u < acc) { c = k; break; } }
            if (s.JointX)
            {
                for (int a = 0; a < m; a++) e[a] = normal.Sample();
                for (int a = 0; a < m; a++)
                {
                    double v = ps.MuX[c][a];
                    for (int b = 0; b <= a; b++) v += phiL[c][a * m + b] * e[b];
                    x[i * m + a] = v;
                }
            }
            for (int a = 0; a < q; a++) e[a] = normal.Sample();
            for (int a = 0; a < q; a++)
            {
                double v = ps.Alpha[c][a];
                for (int j = 0; j < m; j++) v += ps.B[c][a * m + j] * x[i * m + j];
                for (int b = 0; b <= a; b++) v += psiL[c][a * q + b] * e[b];
                eta[a] = v;
            }
            double sd = Math.Sqrt(ps.Theta[c]);
            var times = d.T.AsSpan(i * p, p);
            for (int j = 0; j < p; j++)
            {
                if (double.IsNaN(d.Y[i * p + j])) { y[i * p + j] = double.NaN; continue; }
                s.Loadings(times, j, ps.Gamma[c], lam);
                double v = 0;
                for (int a = 0; a < q; a++) v += lam[a] * eta[a];
                y[i * p + j] = v + sd * normal.Sample();
            }
        }
        return new GrowthData([.. d.Ids], y, d.T, p, x, [.. d.ExpertNames], d.Z, [.. d.GatingNames], []);
    }
}
