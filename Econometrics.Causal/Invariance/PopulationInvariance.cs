using Econometrics.Sem.Graphs;
using MathNet.Numerics.LinearAlgebra;
using Econometrics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>Population (exact-moment) versions of the invariance quantities, for SEMs with known parameters.</summary>
public static class PopulationInvariance
{
    /// <summary>
    /// The optimal affine regressor of the target on Phi X: <c>w = (Phi S_XX Phi')^-1 Phi S_XY</c>,
    /// <c>b = mu_Y - w' Phi mu_X</c>, residual variance <c>S_YY - w' Phi S_XY</c>.
    /// </summary>
    /// <param name="sem">The environment's SEM.</param>
    /// <param name="target">The target node; the predictors are the other nodes, in node order.</param>
    /// <param name="phi">Phi (r x p, p = nodes - 1, columns in predictor order); r = 0 gives the intercept-only model.</param>
    public static PopulationRegressor Regressor(LinearSem sem, string target, Matrix<double> phi)
    {
        ArgumentNullException.ThrowIfNull(sem); ArgumentNullException.ThrowIfNull(phi);
        return Regressor(Moments.Of(sem, target), phi);
    }

    private static PopulationRegressor Regressor(Moments moments, Matrix<double> phi)
    {
        var px = moments.Predictors;
        int t = moments.Target;
        if (phi.ColumnCount != px.Length) throw new ArgumentException($"Phi has {phi.ColumnCount} columns; the SEM has {px.Length} predictors.", nameof(phi));
        double syy = moments.Covariance[t, t];
        if (phi.RowCount == 0) return new PopulationRegressor(moments.Mean[t], [], syy);
        var sxx = Matrix<double>.Build.Dense(px.Length, px.Length, (i, j) => moments.Covariance[px[i], px[j]]);
        var sxy = Vector<double>.Build.Dense(px.Length, i => moments.Covariance[px[i], t]);
        var mux = Vector<double>.Build.Dense(px.Length, i => moments.Mean[px[i]]);
        var v = phi * sxy;
        var w = (phi * sxx.TransposeAndMultiply(phi)).Cholesky().Solve(v);
        return new PopulationRegressor(moments.Mean[t] - w.DotProduct(phi * mux), w.ToArray(), syy - w.DotProduct(v));
    }

    /// <summary>
    /// Population gaps across environments; the IRMv1 penalty and excess risk are evaluated at the optimal affine
    /// predictor of the equal-weight mixture of the environments.
    /// </summary>
    /// <param name="sems">The SEM of each environment (same nodes).</param>
    /// <param name="target">The target node.</param>
    /// <param name="phi">Phi (r x p).</param>
    public static InvarianceGaps Gaps(IReadOnlyList<LinearSem> sems, string target, Matrix<double> phi)
    {
        ArgumentNullException.ThrowIfNull(sems); ArgumentNullException.ThrowIfNull(phi);
        if (sems.Count < 2) throw new ArgumentException("At least two environments are needed.", nameof(sems));
        var environments = sems.Select(s => Moments.Of(s, target)).ToArray();
        var fits = environments.Select(m => Regressor(m, phi)).ToArray();
        var px = environments[0].Predictors;
        int t = environments[0].Target, p = px.Length, r = phi.RowCount;
        // Raw second moments of (1, X, Y) per environment: E[z z'] = Sigma + mu mu'.
        Matrix<double> Raw(Moments m)
        {
            var idx = new[] { -1 }.Concat(px).Append(t).ToArray();
            return Matrix<double>.Build.Dense(idx.Length, idx.Length, (i, j) =>
                idx[i] < 0 && idx[j] < 0 ? 1.0
                : idx[i] < 0 ? m.Mean[idx[j]]
                : idx[j] < 0 ? m.Mean[idx[i]]
                : m.Covariance[idx[i], idx[j]] + m.Mean[idx[i]] * m.Mean[idx[j]]);
        }
        var raws = environments.Select(Raw).ToArray();
        var pooled = raws.Aggregate((a, b) => a + b) / raws.Length;
        // T maps (1, x) to (1, Phi x); pooled coefficients on (1, x) are a = T' (T Exx T')^-1 T Exy.
        var tmap = Matrix<double>.Build.Dense(r + 1, p + 1);
        tmap[0, 0] = 1;
        tmap.SetSubMatrix(1, 1, phi);
        var exx = pooled.SubMatrix(0, p + 1, 0, p + 1);
        var exy = pooled.Column(p + 1).SubVector(0, p + 1);
        var a = tmap.TransposeThisAndMultiply((tmap * exx.TransposeAndMultiply(tmap)).Solve(tmap * exy));
        double irm = 0, excess = double.NegativeInfinity;
        for (int e = 0; e < raws.Length; e++)
        {
            var rx = raws[e].SubMatrix(0, p + 1, 0, p + 1);
            var ry = raws[e].Column(p + 1).SubVector(0, p + 1);
            double ef2 = a * (rx * a), efy = a.DotProduct(ry), eyy = raws[e][p + 1, p + 1];
            irm += Math.Pow(2 * (ef2 - efy), 2);
            excess = Math.Max(excess, eyy - 2 * efy + ef2 - fits[e].ResidualVariance);
        }
        return InvarianceGaps.From(fits.Select(f => f.Coefficients).ToArray(), fits.Select(f => f.ResidualVariance).ToArray(), irm, excess);
    }

    // Exact moments of one environment over all nodes, with the target's index.
    private sealed record Moments(Vector<double> Mean, Matrix<double> Covariance, int Target, int[] Predictors)
    {
        public static Moments Of(LinearSem sem, string target)
        {
            ArgumentNullException.ThrowIfNull(sem);
            int t = sem.Graph.IndexOf(target);
            return new Moments(sem.Mean(), sem.Covariance(), t, Enumerable.Range(0, sem.Graph.Count).Where(i => i != t).ToArray());
        }
    }

    /// <summary>
    /// <see cref="Regressor(LinearSem, string, Matrix{double})"/> for Phi selecting the nodes <paramref name="nodes"/>, on plain
    /// arrays (mean, row-major n x n covariance) for the PAC experiment's hundreds of thousands of tiny problems: (b, w)
    /// and the residual variance.
    /// </summary>
    internal static double[] SubsetRegressor(double[] mu, double[] s, int n, int target, int[] nodes, out double residualVariance)
    {
        int q = nodes.Length;
        var coef = new double[q + 1];
        if (q == 0) { coef[0] = mu[target]; residualVariance = s[target * n + target]; return coef; }
        var a = new double[q * q];
        var w = new double[q];
        for (int i = 0; i < q; i++)
        {
            w[i] = s[nodes[i] * n + target];
            for (int j = 0; j < q; j++) a[i * q + j] = s[nodes[i] * n + nodes[j]];
        }
        var sxy = (double[])w.Clone();
        if (!SmallDense.Cholesky(a, q)) throw new InvalidOperationException("The predictors' covariance is singular.");
        SmallDense.Solve(a, q, w);
        double b = mu[target], explained = 0;
        for (int i = 0; i < q; i++) { b -= w[i] * mu[nodes[i]]; explained += w[i] * sxy[i]; coef[i + 1] = w[i]; }
        coef[0] = b;
        residualVariance = s[target * n + target] - explained;
        return coef;
    }
}
