using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The saturated (H1) model under missing data: the ML mean vector and covariance matrix of incomplete multivariate normal
/// data by the EM algorithm (Dempster, Laird and Rubin 1977; Little and Rubin 2002, section 11.2), with lavaan's
/// conventions (lav_mvnorm_missing_h1_estimate_moments): start at the available-case means and a diagonal of available-case
/// variances, stop when no mean or covariance moves by 1e-5 or more, at most 500 steps. The E-step works pattern by pattern
/// on the pattern's sufficient statistics: with y_m = a + B y_o the regression of the missing on the observed variables,
/// the expected sums of y and y y' follow from the pattern's sums by small matrix products, never row by row.
/// </summary>
internal static class SaturatedMomentsEm
{
    internal sealed record Result(Vector<double> Mean, Matrix<double> Covariance, double LogLikelihood, int Iterations, bool Converged);

    private const double Log2Pi = 1.8378770664093453;

    public static Result Estimate(MissingPatterns data, int maxIterations = 500, double tolerance = 1e-5)
    {
        int p = data.Variables, n = data.N;
        var (mean, variance) = AvailableCaseMoments(data);
        var mu0 = Vector<double>.Build.Dense(mean);
        var sigma0 = Matrix<double>.Build.Dense(p, p);
        for (int v = 0; v < p; v++)
        {
            double s = variance[v];
            sigma0[v, v] = double.IsFinite(s) && s > 0 ? s : 1;
        }
        var mu = mu0;
        var sigma = sigma0;
        int it = 0;
        bool converged = false;
        while (it < maxIterations)
        {
            it++;
            var (t1, t2) = EStep(data, mu, sigma);
            mu = t1 / n;
            sigma = t2 / n - mu.OuterProduct(mu);
            sigma = (sigma + sigma.Transpose()) * 0.5;
            var eig = sigma.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues;
            if (eig.Any(e => e.Real < 1e-6))
            {
                double ridge = sigma.Diagonal().Maximum() * 1e-8;
                for (int v = 0; v < p; v++) sigma[v, v] += ridge;
            }
            double delta = (mu - mu0).AbsoluteMaximum();
            for (int i = 0; i < p; i++)
                for (int j = 0; j <= i; j++) delta = Math.Max(delta, Math.Abs(sigma[i, j] - sigma0[i, j]));
            if (delta < tolerance) { converged = true; break; }
            mu0 = mu; sigma0 = sigma;
        }
        return new Result(mu, sigma, LogLikelihood(data, mu, sigma), it, converged);
    }

    /// <summary>The observed-data log-likelihood sum over patterns of -n_k/2 [p_k log 2pi + log|Sigma_oo| + tr(Sigma_oo^-1 (S_k + d d'))].</summary>
    public static double LogLikelihood(MissingPatterns data, Vector<double> mu, Matrix<double> sigma)
    {
        double ll = 0;
        foreach (var pt in data.Patterns)
        {
            var o = pt.Observed;
            var soo = Sub(sigma, o, o);
            var ch = soo.Cholesky();
            var d = pt.Mean - Sub(mu, o);
            var pm = ch.Solve(pt.Covariance);
            ll -= 0.5 * pt.Count * (o.Length * Log2Pi + ch.DeterminantLn + pm.Trace() + d.DotProduct(ch.Solve(d)));
        }
        return ll;
    }

    /// <summary>
    /// The log-likelihood of the independence (baseline) model under full-information ML: with a diagonal Sigma the likelihood
    /// factorizes over variables, so its ML estimates are the available-case means and variances (divisor n_j), and
    /// l_0 = sum_j -n_j/2 (log 2pi + log v_j + 1).
    /// </summary>
    public static double IndependenceLogLikelihood(MissingPatterns data)
    {
        var (_, variance) = AvailableCaseMoments(data);
        var n = new double[data.Variables];
        foreach (var pt in data.Patterns) foreach (int v in pt.Observed) n[v] += pt.Count;
        double ll = 0;
        for (int v = 0; v < data.Variables; v++) ll -= 0.5 * n[v] * (Log2Pi + Math.Log(variance[v]) + 1);
        return ll;
    }

    /// <summary>Each variable's mean and variance over the rows observing it (divisor: their number).</summary>
    public static (double[] Mean, double[] Variance) AvailableCaseMoments(MissingPatterns data)
    {
        int p = data.Variables;
        var n = new double[p];
        var mean = new double[p];
        foreach (var pt in data.Patterns)
            for (int j = 0; j < pt.Observed.Length; j++) { n[pt.Observed[j]] += pt.Count; mean[pt.Observed[j]] += pt.Count * pt.Mean[j]; }
        for (int v = 0; v < p; v++) mean[v] /= n[v];
        var variance = new double[p];
        foreach (var pt in data.Patterns)
            for (int j = 0; j < pt.Observed.Length; j++)
            {
                int v = pt.Observed[j];
                double d = pt.Mean[j] - mean[v];
                variance[v] += pt.Count * (pt.Covariance[j, j] + d * d);
            }
        for (int v = 0; v < p; v++) variance[v] /= n[v];
        return (mean, variance);
    }

    // Expected sums of y and y y' over all rows given (mu, sigma).
    private static (Vector<double> T1, Matrix<double> T2) EStep(MissingPatterns data, Vector<double> mu, Matrix<double> sigma)
    {
        int p = data.Variables;
        var t1 = Vector<double>.Build.Dense(p);
        var t2 = Matrix<double>.Build.Dense(p, p);
        foreach (var pt in data.Patterns)
        {
            var o = pt.Observed;
            double nk = pt.Count;
            var sumO = pt.Mean * nk;
            var coo = (pt.Covariance + pt.Mean.OuterProduct(pt.Mean)) * nk;
            if (o.Length == p) { t1 += sumO; t2 += coo; continue; }
            var m = Enumerable.Range(0, p).Except(o).ToArray();
            var soo = Sub(sigma, o, o);
            var som = Sub(sigma, o, m);
            var ch = soo.Cholesky();
            var bt = ch.Solve(som);                      // B' = Sigma_oo^-1 Sigma_om (p_k x |m|)
            var b = bt.Transpose();
            var a = Sub(mu, m) - b * Sub(mu, o);
            var c = Sub(sigma, m, m) - som.TransposeThisAndMultiply(bt);
            var sumM = a * nk + b * sumO;
            var mo = b * coo + a.OuterProduct(sumO);
            var bSum = b * sumO;
            var mm = b * coo * bt + a.OuterProduct(bSum) + bSum.OuterProduct(a) + a.OuterProduct(a) * nk + c * nk;
            for (int i = 0; i < o.Length; i++)
            {
                t1[o[i]] += sumO[i];
                for (int j = 0; j < o.Length; j++) t2[o[i], o[j]] += coo[i, j];
            }
            for (int i = 0; i < m.Length; i++)
            {
                t1[m[i]] += sumM[i];
                for (int j = 0; j < o.Length; j++) { t2[m[i], o[j]] += mo[i, j]; t2[o[j], m[i]] += mo[i, j]; }
                for (int j = 0; j < m.Length; j++) t2[m[i], m[j]] += mm[i, j];
            }
        }
        return (t1, t2);
    }

    internal static Matrix<double> Sub(Matrix<double> a, int[] rows, int[] cols) =>
        Matrix<double>.Build.Dense(rows.Length, cols.Length, (i, j) => a[rows[i], cols[j]]);

    internal static Vector<double> Sub(Vector<double> a, int[] idx) => Vector<double>.Build.Dense(idx.Length, i => a[idx[i]]);
}
